"""How well the nudge separates judgement from description, on labelled notes.

Two data sets per language (tests/data/): the development set, which the word lists were
written and widened against (its figures are optimistic), and a held-out set never tuned on.
Spanish has more: nudge_es_unseen.tsv and the seven rounds of nudge_es_more.tsv were each
written after the Spanish list was frozen, measured, and only then used to widen it; so
they are development data now, kept to catch regressions, and their "before" figures are
the honest estimate of how the nudge does on Spanish it has not seen.

A note counts as flagged when it gets at least one "evaluative" flag; name cautions are not
counted here.

Why these thresholds: precision matters most. A nudge that underlines plain description
teaches walkers to ignore it, and it fires on every pause in typing. A missed judgement
costs less: the nudge is advice, and the post-brief evidence wall is read by the whole
group. So English precision must stay at or above 0.90 on unseen notes, while recall must
stay at or above 0.70 ("most" judgemental phrasing); Spanish must reach 0.90 on both on
every set (the issue's bar). Development sets must stay near perfect, so that an edit to
the word lists that breaks a known case is caught.

Measured (2026-12-01):
- English development P 0.99, R 0.99 (142 notes, 20 of them Spanish); English held-out
  P 1.00, R 0.73 (60 notes, 10 Spanish): unchanged by the Spanish work.
- Spanish, before the work: development P 0.86 R 0.22; held-out P 0.88 R 0.19.
- Spanish now: development P 0.96 R 1.00 (110); held-out P 1.00 R 1.00 (72; written with
  the development set before tuning, by the same hand, so still optimistic); unseen
  P 0.97 R 1.00 (72); more P 0.99 R 0.98 (380).
- Spanish on fresh notes, each round before it was tuned on: unseen P 0.95 R 0.53, then
  the seven rounds of "more" P 1.00 R 0.50, P 0.96 R 0.83, P 1.00 R 0.68, P 1.00 R 0.83,
  P 1.00 R 0.60, P 0.95 R 0.72, P 1.00 R 0.90 (the last, 40 notes, after the general
  rules). Recall on Spanish never seen is the weak side.

Second round (2026-12-02, nudge2). New sets in a different voice each time, every one
written before it was measured: round 2 (teachers' shorthand, Spain and Latin America,
implied judgements, sarcasm, rhetorical questions; hard description: quoted praise,
counts, describing negations), round 3 (formal full sentences), round 4 (a coach's bullet
points, idioms), round 5 (subject lessons; the held-out set, never tuned on), round 6
(walkers' chat-style reactions; written after round 5, then tuned on).
- Measured before each was tuned on (the honest estimates):
  round 2: Spanish P 0.91 R 0.87 (201), English P 0.98 R 0.52 (157);
  round 3: Spanish P 0.97 R 0.73 (80), English P 1.00 R 0.18 (80);
  round 4: Spanish P 0.93 R 0.63 (80), English P 1.00 R 0.33 (80);
  round 5 (held out): Spanish P 0.95 R 0.60 (60), English P 1.00 R 0.23 (60);
  round 6: Spanish P 0.91 R 0.53 (80), English P 1.00 R 0.13 (60).
- After widening on rounds 2-4 and 6 (general families: describing negations such as
  "no habló durante 4 minutos" kept quiet; what was missing, the same as ever, sarcasm, rhetorical
  questions, idioms, colloquial praise; English reported speech, "looked" + a state; the
  writer's own exclamation):
  rounds 2-4 and 6 P 0.98-1.00 and R 0.97-1.00 in both languages; the English held-out
  set (nudge_heldout.tsv, never looked at) went from R 0.73 to 0.97; every earlier set
  kept. Round 5, measured again after the round 6 widening: unchanged (es P 0.95 R 0.60,
  en P 1.00 R 0.23) - the families one round teaches do not reach the next voice.
- So on notes it has not seen, the nudge's precision holds (0.91-1.00) but its recall is
  what a word list can give: 0.53-0.87 in Spanish and 0.13-0.52 in English when most
  judgements carry no judgement word. The issue's bar (0.9/0.9 on an independent Spanish
  set) is met on every set tuned on, not on the held-out round 5; a strict xfail
  recorded that gap so that it could not close (or widen) unnoticed.

Third round (2026-12-02, h16-nudge). `python -m walkapp.nudge.train --cross-check` measures
each training file with a model fitted on the other files only. The word lists were written
against every one of them, so its combined figures stay optimistic (P 0.93-1.00, R 0.98-1.00);
the model-alone column is the honest one. Model alone, each file left out, before -> after the
word-ending and word-class features: Spanish R 0.45-0.81 -> 0.53-0.92 (P 0.87-1.00 ->
0.89-1.00), English R 0.35-0.50 -> 0.47-0.57 (P 0.92-1.00 -> 0.91-1.00).
- Round 7 (154 Spanish notes in five voices, 64 English; written first, measured before any
  change): Spanish P 0.95 R 0.99, English P 0.90 R 0.84. After the features (chosen on the
  cross-check only): Spanish P 0.94 R 0.99, English P 0.93 R 0.88. Round 5 after: Spanish
  P 0.95 R 0.70 (unchanged), English P 1.00 R 0.57 (from 0.53).
- Round 7 meets the issue's bar, but it is the easier set: the word lists alone already
  reach R 0.95 on it, where round 5's judgements are mostly implied (lists alone R 0.60).
- Tried and dropped: keeping the Spanish model's learnt bias (no cap at 0). On the
  cross-check it lifted Spanish model-alone recall to 0.75-1.00 at precision >= 0.89, but
  on round 7 it cost precision (0.87, below the bar); round 7 was consulted for that one
  decision and nothing else.

Fourth round (2026-12-02, h16-nudge2): implied judgements. Round 8 (196 Spanish notes, half
implied judgements: idioms, irony, "otra vez...", rhetorical questions, loaded verbs and
comparisons, scornful diminutives, from Spain and Latin America; half descriptive twins
reusing the same words) was written first and measured once: P 0.98 R 0.55 (lists alone
R 0.36). Then an "idiom" group of about 825 Spanish entries (verbs as stems, "se * fue de
las manos") and 190 English ones was written from general usage, checked for false flags
on the training sets only, and the models retrained (unchanged: the new phrases flag few
training sentences; the word classes then moved into each language's .toml, which changed
one English weight and no figure). Measured after, none of these sets tuned on:
- round 8: P 0.99 R 0.90 (0.898; lists alone R 0.82). Same author as the lists, so
  optimistic; round 5, written by someone else earlier, is the fairer measure:
- round 5: Spanish P 0.96 R 0.87 (from 0.70), English P 1.00 R 0.60 (from 0.57);
- round 7: Spanish P 0.94 R 1.00, English P 0.94 R 0.91; nudge_heldout and
  nudge_es_heldout P 1.00 R 1.00.
The issue's bar was then missed only narrowly on rounds 5 and 8.

Fifth round (2026-12-02, nudge): round 9, written by another hand, is the held-out measure
now, so rounds 5, 7 and 8 became training data (their headers keep the figures measured
while held out; the strict xfails went, and every set has a floor one note under what it
measures). Worked from the misses of the leave-one-round-out measure, as families: new
groups in both word lists (what went wrong or dragged, sweeping exaggeration, irony,
hedged verdicts; most entries from general usage, matching no labelled note) and five new
model word classes (negations, totals, repetition, hedges, loaded words) with one feature
for two sweeping words in a sentence ("nadie... nada"). Leave-one-round-out, before ->
after (both with rounds 5, 7 and 8 in training; the model-alone figures are the honest
ones, the combined ones of rounds 5/7/8 are optimistic after, since their misses were read):
- Spanish model alone R: round 5 0.50 (same), round 7 0.86 -> 0.87, round 8 0.33 -> 0.38,
  rounds 3/6 0.68/0.55 -> 0.72/0.57, the others unchanged (P 0.92-1.00 -> 0.92-1.00).
  Combined: round 5 P 0.96 R 0.87 -> 0.90, round 8 P 0.98 -> 0.99 R 0.89 -> 0.96.
- English model alone R: round 5 0.53 -> 0.57, rounds 2/3/4/6 0.60/0.62/0.47/0.60 ->
  0.64/0.65/0.53/0.63, round 7 0.78 (same), nudge_heldout 0.68 -> 0.64. Combined
  precision unchanged (0.94-1.00); round 5 R 0.57 -> 0.97, round 7 R 0.91 -> 1.00.
- Tried and dropped: a Spanish threshold down to 0.35 (model alone +5-7 points of recall
  at the same precision on the rounds), because with the bias capped at 0 a sentence of
  words never seen scores 0.5 and would be flagged (see THRESHOLDS in train.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from walkapp.nudge import check

DATA = Path(__file__).resolve().parents[1] / "data"


@dataclass(frozen=True)
class Scores:
    notes: int
    true_positive: int
    false_positive: int
    false_negative: int

    @property
    def precision(self) -> float:
        flagged = self.true_positive + self.false_positive
        return self.true_positive / flagged if flagged else 1.0

    @property
    def recall(self) -> float:
        evaluative = self.true_positive + self.false_negative
        return self.true_positive / evaluative if evaluative else 1.0


def load(name: str) -> list[tuple[str, str, str]]:
    rows = []
    for line in (DATA / name).read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            label, lang, text = line.split("\t")
            assert label in ("descriptive", "evaluative")
            rows.append((label, lang, text))
    return rows


def score(rows: list[tuple[str, str, str]]) -> Scores:
    tp = fp = fn = 0
    for label, lang, text in rows:
        flagged = any(f.kind == "evaluative" for f in check(text, lang))
        tp += flagged and label == "evaluative"
        fp += flagged and label == "descriptive"
        fn += not flagged and label == "evaluative"
    return Scores(len(rows), tp, fp, fn)


def test_data_sets_are_balanced_and_large_enough() -> None:
    for name, lang, minimum in (("nudge_sentences.tsv", "en", 60),
                                ("nudge_heldout.tsv", "en", 60),
                                ("nudge_es_sentences.tsv", "es", 100),
                                ("nudge_es_heldout.tsv", "es", 60),
                                ("nudge_es_unseen.tsv", "es", 60),
                                ("nudge_es_more.tsv", "es", 300),
                                ("nudge_es_round2.tsv", "es", 200),
                                ("nudge_en_round2.tsv", "en", 150),
                                ("nudge_es_round3.tsv", "es", 60),
                                ("nudge_en_round3.tsv", "en", 60),
                                ("nudge_es_round4.tsv", "es", 60),
                                ("nudge_en_round4.tsv", "en", 60),
                                ("nudge_es_round5.tsv", "es", 60),
                                ("nudge_es_round6.tsv", "es", 60),
                                ("nudge_en_round6.tsv", "en", 60),
                                ("nudge_en_round5.tsv", "en", 60),
                                ("nudge_es_round7.tsv", "es", 150),
                                ("nudge_en_round7.tsv", "en", 60),
                                ("nudge_es_round8.tsv", "es", 150),
                                ("nudge_es_round9.tsv", "es", 150),
                                ("nudge_en_round9.tsv", "en", 100)):
        rows = load(name)
        in_lang = [r for r in rows if r[1] == lang]
        assert len(rows) >= minimum
        descriptive = sum(r[0] == "descriptive" for r in in_lang)
        # Half evaluative; a set with an odd count has one extra evaluative note.
        assert len(in_lang) - 2 * descriptive in (0, 1), name
        assert len({r[2] for r in rows}) == len(rows), f"duplicate notes in {name}"
    spanish = {r[2] for name in SPANISH for r in load(name)}
    assert len(spanish) >= 150 + 60  # no note in two Spanish sets


SPANISH = ("nudge_es_sentences.tsv", "nudge_es_heldout.tsv", "nudge_es_unseen.tsv",
           "nudge_es_more.tsv", "nudge_es_round2.tsv", "nudge_es_round3.tsv",
           "nudge_es_round4.tsv", "nudge_es_round5.tsv", "nudge_es_round6.tsv",
           "nudge_es_round7.tsv", "nudge_es_round8.tsv", "nudge_es_round9.tsv")


# Floors on every set: what it measures now (2026-12-02, nudge; rounds 5, 7 and 8 are
# training data since) less one note's worth, one more false flag for precision and one
# more miss for recall. So a change that loses a single note anywhere fails; the held-out
# round 9 is added by whoever runs it.
@pytest.mark.parametrize(("name", "min_precision", "min_recall"), [
    ("nudge_sentences.tsv", 0.97, 0.98),  # P 0.986 R 1.000 (142 notes)
    ("nudge_heldout.tsv", 0.96, 0.96),  # P 1.000 R 1.000 (60), held out
    ("nudge_es_sentences.tsv", 0.96, 0.98),  # P 0.982 R 1.000 (110)
    ("nudge_es_heldout.tsv", 0.97, 0.97),  # P 1.000 R 1.000 (72), held out
    ("nudge_es_unseen.tsv", 0.94, 0.97),  # P 0.973 R 1.000 (72)
    ("nudge_es_more.tsv", 0.98, 0.99),  # P 0.995 R 1.000 (380)
    ("nudge_es_round2.tsv", 0.99, 0.99),  # P 1.000 R 1.000 (201)
    ("nudge_en_round2.tsv", 0.98, 0.98),  # P 1.000 R 1.000 (162)
    ("nudge_es_round3.tsv", 0.97, 0.97),  # P 1.000 R 1.000 (80)
    ("nudge_en_round3.tsv", 0.97, 0.97),  # P 1.000 R 1.000 (80)
    ("nudge_es_round4.tsv", 0.97, 0.97),  # P 1.000 R 1.000 (80)
    ("nudge_en_round4.tsv", 0.97, 0.97),  # P 1.000 R 1.000 (80)
    ("nudge_es_round5.tsv", 0.93, 0.96),  # P 0.968 R 1.000 (60)
    ("nudge_en_round5.tsv", 0.96, 0.95),  # P 1.000 R 0.967 (60), model held out
    ("nudge_es_round6.tsv", 0.95, 0.97),  # P 0.976 R 1.000 (80)
    ("nudge_en_round6.tsv", 0.96, 0.96),  # P 1.000 R 1.000 (60)
    ("nudge_es_round7.tsv", 0.96, 0.98),  # P 0.975 R 1.000 (154)
    ("nudge_en_round7.tsv", 0.92, 0.96),  # P 0.941 R 1.000 (64), model held out
    ("nudge_es_round8.tsv", 0.98, 0.98),  # P 0.990 R 1.000 (196)
    # Round 9: written by an author who never saw the lists, measured once, never tuned on.
    ("nudge_es_round9.tsv", 0.96, 0.90),  # P 0.972 R 0.914 (232), held out
    ("nudge_en_round9.tsv", 0.95, 0.80),  # P 0.966 R 0.814 (140), held out
])
def test_precision_and_recall(name: str, min_precision: float, min_recall: float,
                              capsys: pytest.CaptureFixture[str]) -> None:
    scores = score(load(name))
    with capsys.disabled():
        print(f"\n{name}: {scores.notes} notes, precision {scores.precision:.3f}, "
              f"recall {scores.recall:.3f} (TP {scores.true_positive}, "
              f"FP {scores.false_positive}, FN {scores.false_negative})")
    assert scores.precision >= min_precision
    assert scores.recall >= min_recall


@pytest.mark.parametrize("name", ["nudge_es_round5.tsv", "nudge_es_round7.tsv",
                                  "nudge_es_round8.tsv"])
def test_issue_bar_on_the_spanish_rounds(name: str) -> None:
    """Issue 15's bar (precision and recall >= 0.9) on the three Spanish rounds that were
    held out until round 9 replaced them. Measured while held out: round 5 P 0.96 R 0.87,
    round 7 P 0.94 R 1.00, round 8 P 0.99 R 0.898; each is training data now, so this
    guards the bar rather than estimating it (round 9 does that)."""
    scores = score(load(name))
    assert scores.precision >= 0.9 and scores.recall >= 0.9


def test_issue_bar_on_the_held_out_round9_spanish() -> None:
    """Issue 15's bar on the set that measures it now: 232 Spanish notes (half evaluative,
    about 60 % of those implied) by an author who never read the word lists, run once
    through `walkapp nudge --lang es` before anything was changed from it: P 0.972 R 0.914."""
    scores = score(load("nudge_es_round9.tsv"))
    assert scores.precision >= 0.9 and scores.recall >= 0.9


@pytest.mark.xfail(strict=True, reason="English recall on round 9's implied judgements is "
                   "0.81 (0.80 before the rounds-5/7/8 work): not at 0.95")
def test_english_at_095_on_the_held_out_round9() -> None:
    """English is kept at >= 0.95 on the sets it was held to (nudge_heldout.tsv: 1.00 /
    1.00), not on round 9's implied judgements. Strict: once it gets there this fails the
    run, and the xfail must go."""
    scores = score(load("nudge_en_round9.tsv"))
    assert scores.precision >= 0.95 and scores.recall >= 0.95


def score_lists_only(rows: list[tuple[str, str, str]]) -> Scores:
    """`score`, with the word lists alone (no statistical layer)."""
    from walkapp.nudge.detect import check_with

    tp = fp = fn = 0
    for label, lang, text in rows:
        flagged = any(f.kind == "evaluative" for f in check_with(text, lang, use_model=False))
        tp += flagged and label == "evaluative"
        fp += flagged and label == "descriptive"
        fn += not flagged and label == "evaluative"
    return Scores(len(rows), tp, fp, fn)


@pytest.mark.parametrize("name", ["nudge_es_round5.tsv", "nudge_en_round5.tsv",
                                  "nudge_es_round7.tsv", "nudge_en_round7.tsv",
                                  "nudge_es_heldout.tsv", "nudge_heldout.tsv",
                                  "nudge_es_round8.tsv", "nudge_es_round9.tsv",
                                  "nudge_en_round9.tsv"])
def test_the_model_earns_its_place(name: str) -> None:
    """The statistical layer is kept only while precision stays >= 0.9 and recall does
    not fall. On the two held-out sets the word lists alone already find every judgement,
    so the model's own gain is measured by `python -m walkapp.nudge.train --cross-check`
    (each round left out of its training); here the round 5 to 8 files guard it."""
    rows = load(name)
    before, after = score_lists_only(rows), score(rows)
    assert after.precision >= 0.9
    assert after.recall >= before.recall


@pytest.mark.parametrize("name", ["nudge_sentences.tsv", "nudge_es_sentences.tsv"])
def test_the_measure_can_fail(name: str) -> None:
    """Guard against a scorer that passes whatever the nudge does."""
    flip = [("evaluative" if label == "descriptive" else "descriptive", lang, text)
            for label, lang, text in load(name)]
    scores = score(flip)
    assert scores.precision < 0.1 and scores.recall < 0.1


def test_the_cli_gives_the_app_s_answer() -> None:
    """`walkapp nudge --lang es` (how the independent set is run) flags exactly what the
    app's check flags, note by note."""
    import json
    import subprocess
    import sys

    rows = [r for name in SPANISH for r in load(name)]
    result = subprocess.run([sys.executable, "-m", "walkapp", "nudge", "--lang", "es"],
                            input="\n".join(r[2] for r in rows).encode(), capture_output=True,
                            timeout=120, check=True)
    printed = [json.loads(line) for line in result.stdout.decode().splitlines()]
    assert [p["text"] for p in printed] == [r[2] for r in rows]
    for line, (_label, _lang, text) in zip(printed, rows, strict=True):
        assert line["flags"] == [{"start": f.start, "end": f.end, "kind": f.kind,
                                  "suggestion": f.suggestion} for f in check(text, "es")]
