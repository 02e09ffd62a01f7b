"""The PLC mirror written as a version 2 file with scales of its own: its first statements
on 7 labelled points with "not applicable"; feedback "useful" on 4 labelled points and
"often" on 10, both with "not applicable", and "pace" on 3 without — for tests of rating
scales end to end."""

from __future__ import annotations

from walkapp.protocol import load_text
from walkapp.protocol.library import builtin_dir
from walkapp.protocol.schema import Protocol

AGREE = ("Strongly disagree", "Disagree", "Somewhat disagree", "Neutral", "Somewhat agree",
         "Agree", "Strongly agree")
USEFUL = ("Not", "A little", "Quite", "Very")
OFTEN = ("Never", "Hardly ever", "Rarely", "Now and then", "Sometimes", "Often",
         "Very often", "Most days", "Nearly always", "Always")
PACE = ("Too slow", "About right", "Too fast")
SEVEN_POINT_STATEMENTS = ("shared-vision", "student-learning")


def _toml_list(words: tuple[str, ...]) -> str:
    return "[" + ", ".join(f'"{w}"' for w in words) + "]"


def mirror_v2_text() -> str:
    text = (builtin_dir() / "plc-mirror.toml").read_text(encoding="utf-8")
    text = text.replace("schema_version = 1", "schema_version = 2", 1)
    for key in SEVEN_POINT_STATEMENTS:
        head = f'key = "{key}"\n'
        start = text.index(head)
        end = text.index('high_label = "Very much so"\n', start) + len(
            'high_label = "Very much so"\n')
        block = text[start:end]
        scale = (f"points = 7\nlabels = {_toml_list(AGREE)}\nnot_applicable = true\n")
        text = text[:start] + block.replace('low_label = "Not yet"\n', "").replace(
            'high_label = "Very much so"\n', scale) + text[end:]
    old = '''kind = "rating"
low_label = "Not useful"
high_label = "Very useful"
'''
    new = f'''kind = "rating"
labels = {_toml_list(USEFUL)}
not_applicable = true

[[feedback]]
key = "often"
text = "How often will you use what you saw today?"
kind = "rating"
labels = {_toml_list(OFTEN)}
not_applicable = true

[[feedback]]
key = "pace"
text = "Was the pace right?"
kind = "rating"
labels = {_toml_list(PACE)}
'''
    assert old in text
    return text.replace(old, new, 1)


def mirror_v2() -> Protocol:
    return load_text(mirror_v2_text(), "plc-mirror.toml")
