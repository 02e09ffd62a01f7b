"""Every kind names the walk's protocol by its title ("Learning walk, version 1"), never by
its id ("learning-walk"); only the facilitator's script also gives the id, in brackets
after the title, for whoever edits protocol files."""

from __future__ import annotations

import re

from tests.core.reports.conftest import Render, pdf_text
from walkapp import domain as d
from walkapp.reports import ReportKind


def test_no_kind_prints_the_protocol_id_alone(demo: d.Walk, render: Render) -> None:
    assert demo.protocol_id == "learning-walk"
    for kind in ReportKind:
        out = pdf_text(render(kind, demo.id, visit=2, walker="Carla Núñez"))
        # "learning-walk" as a word of its own: not "The learning-walk group" (a phrase),
        # and in the script only as "(learning-walk)" after the title.
        bare = [m for m in re.finditer(r"(?<![\w(-])learning-walk(?![\w-])(?! group)", out)]
        assert not bare, (kind, out[max(0, bare[0].start() - 60):bare[0].end() + 20])
        if "Protocol" in out and kind is not ReportKind.SCRIPT:
            assert "Learning walk, version" in out, kind
