"""One protocol that has every key the loader accepts, with a made-up word (a sentinel) in
each text key: the carrier of tests/ui/test_protocol_coverage.py and
tests/core/test_protocol_coverage.py. Which keys get a word comes from the loader's own
table (walkapp.protocol.fields.key_paths); the carrier only lays them out validly.
"""

from __future__ import annotations

import re

from walkapp.protocol.fields import key_paths

TEXT_KINDS = ("text", "lines", "texts")
PHASES = ("opener", "pre_brief", "observation", "post_brief", "closing")
ACTIVITY = {"opener": "opener", "pre_brief": "norms", "observation": "visits",
            "post_brief": "patterns", "closing": "feedback"}

# The carrier: every text key in it holds <<key path>>, replaced by that key's sentinel.
TOP = '''\
schema_version = 2
id = "coverage"
version = "<<version>>"
title = "<<title>>"
language = "en"
summary = """<<summary>>"""
based_on = "<<based_on>>"
group_min = 2
group_max = 5
visit_minutes = 7
corridor_minutes = 2
corridor_after_last = true
norms = ["<<norms>>", "Plain second norm"]

[source]
citation = "<<source.citation>>"
url = "https://example.org/<<source.url>>"
note = """<<source.note>>"""

[[roles]]
key = "recorder"
title = "<<roles[].title>>"
description = """<<roles[].description>>"""
instructions = """<<roles[].instructions>>"""
assign = true
detail_label = "<<roles[].detail_label>>"

[[stems]]
stem = "noticed"
label = "<<stems[].label>>"
prompt = "<<stems[].prompt>>"

[[stems]]
stem = "wonder"

[[stems]]
key = "warm"
like = "noticed"
label = "Plain warm label"
tone = "appreciative"

[[look_for_sets]]
key = "set-one"
title = "<<look_for_sets[].title>>"
description = """<<look_for_sets[].description>>"""
[[look_for_sets.items]]
text = "<<look_for_sets[].items[].text>>"
description = """<<look_for_sets[].items[].description>>"""

[[debrief_sequence]]
kind = "describe"
title = "<<debrief_sequence[].title>>"
prompt = """<<debrief_sequence[].prompt>>"""

[[debrief_sequence]]
kind = "analyse"
prompt = "Plain analysis prompt"

[[debrief_sequence]]
key = "raise-questions"
like = "analyse"
title = "Plain own stage"
prompt = "Plain own stage prompt"

[[feedback]]
key = "pick"
text = "<<feedback[].text>>"
kind = "choice"
options = ["<<feedback[].options>>", "Plain option"]

[[feedback]]
key = "rate"
text = "Plain rating question"
kind = "rating"
low_label = "<<feedback[].low_label>>"
high_label = "<<feedback[].high_label>>"
points = 4
labels = ["<<feedback[].labels>>", "Plain two", "Plain three", "Plain four"]
not_applicable = true

[[visit_form]]
key = "seen"
text = "<<visit_form[].text>>"
kind = "checklist"
options = ["<<visit_form[].options>>", "Plain form option"]

[[tallies]]
key = "questions"
label = "<<tallies[].label>>"
kind = "count"
description = """<<tallies[].description>>"""
shortcut = "q"

[[variants]]
key = "form"
title = "<<variants[].title>>"
description = """<<variants[].description>>"""
default = "short"
[[variants.options]]
key = "short"
title = "<<variants[].options[].title>>"
description = """<<variants[].options[].description>>"""
steps = ["closing-extra"]
[[variants.options]]
key = "long"
title = "Plain long option"
'''

PHASE = '''
[{phase}]
title = "<<{phase}.title>>"
summary = """<<{phase}.summary>>"""
another_day = {another}
days_after = 1

[[{phase}.steps]]
key = "{phase}-main"
title = "<<{phase}.steps[].title>>"
minutes = {minutes}
activity = "{activity}"
script = """<<{phase}.steps[].script>>"""

[[{phase}.steps.prompts]]
key = "pick"
text = "<<{phase}.steps[].prompts[].text>>"
kind = "choice"
options = ["<<{phase}.steps[].prompts[].options>>", "Plain option"]

[[{phase}.steps.prompts]]
key = "rate"
text = "Plain rating prompt"
kind = "rating"
low_label = "<<{phase}.steps[].prompts[].low_label>>"
high_label = "<<{phase}.steps[].prompts[].high_label>>"
points = 3
labels = ["<<{phase}.steps[].prompts[].labels>>", "Plain middle", "Plain top"]
not_applicable = true

[[{phase}.steps]]
key = "{phase}-extra"
title = "Plain optional step"
optional = true
included = true
[{phase}.steps.turns]
count = 2
minutes = 1
rotate = "walkers"
label = "<<{phase}.steps[].turns.label>>"
[[{phase}.steps.roles]]
role = "recorder"
script = """<<{phase}.steps[].roles[].script>>"""
'''

PLACEHOLDER = re.compile(r"<<([^>]+)>>")


def text_keys() -> list[str]:
    return [path for path, key in key_paths().items() if key.kind in TEXT_KINDS]


def sentinel(index: int) -> str:
    # Letters only (no digit for a PDF to space out), none a part of another: "zqvab".
    return "zqv" + chr(97 + index // 26) + chr(97 + index % 26)


SENTINELS = {path: sentinel(i) for i, path in enumerate(text_keys())}


def carrier() -> str:
    # Every phase on a day of its own, so that each phase has another_day and days_after.
    text = TOP + "".join(PHASE.format(phase=phase, activity=ACTIVITY[phase],
                                      minutes=0 if phase == "observation" else 3 + i,
                                      another="true")
                         for i, phase in enumerate(PHASES))
    text = text.replace('minutes = 0\nactivity = "visits"', 'activity = "visits"')
    # A timed step in [observation] too (after the visits), so its minutes are there.
    text += ('\n[[observation.steps]]\nkey = "observation-after"\n'
             'title = "Plain step after the visits"\nminutes = 4\n')
    return PLACEHOLDER.sub(lambda m: SENTINELS[m.group(1)], text)


def carrier_placeholders() -> set[str]:
    """The key paths the carrier puts a sentinel in."""
    return set(PLACEHOLDER.findall(TOP + "".join(
        PHASE.format(phase=p, activity="", minutes=0, another="false") for p in PHASES)))
