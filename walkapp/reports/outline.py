"""Small facts reports share about protocols: the default stems and phase titles.

The protocol a report prints comes from `walkapp.services.protocol_walks.walk_protocol`,
the one reader of a walk's saved protocol (the same one the protocol guide runs). A damaged
saved protocol raises its `ProtocolError` there — a report never replaces it with a
made-up agenda; a walk planned without a protocol gets the default protocol, as the guide
does.
"""

from __future__ import annotations

from walkapp import domain as d


def default_stems() -> tuple[tuple[str, str], ...]:
    return tuple((stem.label, stem.prompt) for stem in d.Stem)


_PRE, _OBS, _POST = "Pre-brief", "Observation", "Post-brief"
_PHASE_TITLES = {"opener": "Opener", "pre_brief": _PRE, "prebrief": _PRE, "pre-brief": _PRE,
                 "observation": _OBS, "post_brief": _POST, "postbrief": _POST,
                 "post-brief": _POST, "closing": "Closing", "plan": "Planning"}


def phase_title(key: str) -> str:
    """A phase key from the phase log as people say it: "pre_brief" → "Pre-brief"."""
    clean = (key or "").strip()
    if not clean:
        return "Other"
    return _PHASE_TITLES.get(clean.casefold(), clean.replace("_", " ").capitalize())
