"""The language nudge: flags evaluative wording and possible names in a note.

`check(text, lang)` returns `Flag`s (start/end are Python str indexes into `text`, so a
screen can underline them directly); `lang` is the walk's language, and a note written in
another language is checked in its own (`note_language`). The word lists are data:
`protocols/lang/<lang>.toml`. Core only; no Qt.
"""

from walkapp.nudge.detect import Flag, FlagKind, appreciative_suggestion, check, note_language
from walkapp.nudge.lexicon import available_languages, load_lexicon

__all__ = ["Flag", "FlagKind", "appreciative_suggestion", "available_languages", "check",
           "load_lexicon", "note_language"]
