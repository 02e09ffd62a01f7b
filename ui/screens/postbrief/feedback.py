"""Session feedback: a few short questions at the end, answered anonymously by default.

The questions are the walk's protocol's `[[feedback]]`, each with the input of its kind
(options, ticks, the protocol's scale labels: the same inputs as a step's prompts); a
protocol without any gets three sensible defaults. Each person answers and
sends; the form clears for the next person. The collected answers can be shown as a
summary that never says who answered what.
"""

from __future__ import annotations

import functools
import html
from collections.abc import Sequence
from dataclasses import replace

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from walkapp import formatting as fmt
from walkapp.domain import Feedback, Participant
from walkapp.errors import ValidationError
from walkapp.events import Entity
from walkapp.protocol.answers import feedback_fields
from walkapp.protocol.ratings import RatingSpread, feedback_spread
from walkapp.protocol.schema import FeedbackQuestion, PromptKind
from walkapp.services.commands import DebriefEdit
from walkapp.services.debrief import DebriefService
from walkapp.services.walks import WalkService
from walkapp.ui.screens.postbrief.base import Panel, chain_tab_order, heading, wrap_label
from walkapp.ui.widgets.prompt_inputs import PromptInput
from walkapp.ui.words import Words
from walkapp.ui.writer import Writer, describe_failure

Questions = Words("Questions")

__all__ = ["FeedbackPanel", "FeedbackQuestion", "QuestionLike", "as_questions",
           "default_questions"]

# A question as (key, text, kind) is accepted too; the kind is a PromptKind value.
QuestionLike = FeedbackQuestion | tuple[str, str, str]


def default_questions() -> list[FeedbackQuestion]:
    """For a protocol without `[[feedback]]` questions."""
    return [
        FeedbackQuestion("useful", Questions.tr("How useful was this walk for your own teaching?"),
                         PromptKind.RATING, low_label=Questions.tr("Not at all"),
                         high_label=Questions.tr("Very much")),
        FeedbackQuestion("keep", Questions.tr("What helped you learn today, and should stay "
                                              "next time?"),
                         PromptKind.TEXT),
        FeedbackQuestion("change", Questions.tr("What one change would make the next walk "
                                                "better for you?"), PromptKind.TEXT),
    ]


def as_questions(items: Sequence[QuestionLike]) -> list[FeedbackQuestion]:
    """The questions with their kinds checked; a kind that is no prompt kind is a bug."""
    questions = []
    for item in items:
        question = item if isinstance(item, FeedbackQuestion) else \
            FeedbackQuestion(item[0], item[1], item[2])  # type: ignore[arg-type]
        try:
            kind = PromptKind(question.kind)
        except ValueError:
            raise ValueError(f"Feedback question {question.key!r}: kind must be one of "
                             f"{', '.join(k.value for k in PromptKind)}, not "
                             f"{question.kind!r}.") from None
        questions.append(replace(question, kind=kind))
    return questions


class _Answer(QWidget):
    """One question with its input, the same as a step's prompt of that kind
    (walkapp.ui.widgets.prompt_inputs): the protocol's options, ticks and scale labels."""

    def __init__(self, question: FeedbackQuestion, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.question = question
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.input = PromptInput(question)
        self.input.label.setObjectName("feedbackQuestion")
        layout.addWidget(self.input)
        self.group = self.input.group
        self.box = self.input.editor
        if self.box is not None:
            if question.kind is PromptKind.TEXT:
                self.box.setFixedHeight(int(self.box.fontMetrics().lineSpacing() * 2.6) + 12)
            self.input.label.setBuddy(self.box)

    def focus_widgets(self) -> list[QWidget]:
        return self.input.focus_widgets()

    def answer(self) -> tuple[str, int | None, bool] | None:
        """(text, rating, not_applicable) to store, or None when the question was left
        blank."""
        value = self.input.value()
        if value is None or value == [] or (isinstance(value, str) and not value.strip()):
            return None
        if isinstance(value, str):
            value = value.strip()
        try:
            return feedback_fields(self.question, value)
        except ValidationError:
            return None  # (cannot happen from these inputs; nothing to send)

    def clear(self) -> None:
        self.input.clear()


class FeedbackPanel(Panel):
    entities = frozenset({Entity.FEEDBACK, Entity.PARTICIPANT})

    def __init__(self, debrief: DebriefService, walks: WalkService, walk_id: str,
                 questions: Sequence[QuestionLike] | None = None,
                 parent: QWidget | None = None, *, writer: Writer | None = None) -> None:
        super().__init__(walk_id, parent)
        self._debrief, self._walks = debrief, walks
        self.use_writer(writer or Writer.around(self, debrief, walks))
        self._sending = False
        self._send_errors: dict[str, str] = {}  # question key → why its answer failed
        self._feedback: list[Feedback] = []
        self.answers: list[_Answer] = []
        self.setObjectName("feedbackPanel")
        self.body.addWidget(heading(self.tr("Session feedback"), self.tr(
            "A few quick questions about this session. Answers are anonymous unless you "
            "choose to add your name.")))

        self._form = QWidget()
        self._form_layout = QVBoxLayout(self._form)
        self._form_layout.setContentsMargins(0, 0, 8, 0)
        self._questions_box = QVBoxLayout()
        self._form_layout.addLayout(self._questions_box)
        who = QHBoxLayout()
        who_label = QLabel(self.tr("Answering as:"))
        self.author = QComboBox()
        self.author.setAccessibleName(self.tr("Answering as"))
        self.author.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        who_label.setBuddy(self.author)
        self.send_button = QPushButton(self.tr("Send answers"))
        self.send_button.setAccessibleName(self.tr("Send these answers"))
        self.send_button.clicked.connect(self.submit)
        who.addWidget(who_label)
        who.addWidget(self.author)
        who.addStretch(1)
        who.addWidget(self.send_button)
        self._form_layout.addLayout(who)
        self.status = wrap_label("", name="saveStatus")
        self._form_layout.addWidget(self.status)
        self._form_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self._form)

        summary_side = QWidget()
        summary_layout = QVBoxLayout(summary_side)
        summary_layout.setContentsMargins(8, 0, 0, 0)
        self.show_summary = QCheckBox(self.tr("Show the answers collected so far"))
        self.show_summary.setAccessibleName(self.tr("Show the answers collected so far"))
        self.summary = QTextBrowser()
        self.summary.setAccessibleName(self.tr("Answers collected so far"))
        self.summary.setOpenLinks(False)
        hidden_note = wrap_label(self.tr(
            "The answers are hidden while people are still answering, in case this screen "
            "is shared. They never show who wrote what."), name="panelHint")
        hidden_note.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self._summary_stack = QStackedWidget()
        self._summary_stack.addWidget(hidden_note)
        self._summary_stack.addWidget(self.summary)
        self.show_summary.toggled.connect(
            lambda shown: self._summary_stack.setCurrentIndex(1 if shown else 0))
        self.count_label = wrap_label("", name="panelSummary")
        summary_layout.addWidget(self.count_label)
        summary_layout.addWidget(self.show_summary)
        summary_layout.addWidget(self._summary_stack, 1)

        split = QSplitter()
        split.setChildrenCollapsible(False)
        split.addWidget(scroll)
        split.addWidget(summary_side)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        self.body.addWidget(split, 1)
        self.set_questions(questions or default_questions())

    # -- questions ---------------------------------------------------------------------------
    def questions(self) -> list[FeedbackQuestion]:
        return [a.question for a in self.answers]

    def set_questions(self, questions: Sequence[QuestionLike]) -> None:
        checked = as_questions(questions)
        for answer in self.answers:
            answer.deleteLater()
        self.answers = []
        for question in checked:
            answer = _Answer(question)
            self._questions_box.addWidget(answer)
            self.answers.append(answer)
        # New questions go first in the Tab order, then who is answering and Send.
        chain_tab_order([w for a in self.answers for w in a.focus_widgets()]
                        + [self.author, self.send_button, self.show_summary])
        self.status.clear()

    def save_pending(self) -> bool:
        """Answers are saved when they are sent: answers still in the form are not saved
        (sending them is the person's choice, so nothing here sends them)."""
        return super().save_pending() and all(answer.answer() is None
                                              for answer in self.answers)

    # -- loading -----------------------------------------------------------------------------
    def load(self) -> tuple[list[Feedback], tuple[Participant, ...]]:
        walk = self._walks.get_walk(self.walk_id)
        return self._debrief.list_feedback(self.walk_id), walk.participants

    def apply(self, data: tuple[list[Feedback], tuple[Participant, ...]]) -> None:
        self._feedback, people = data
        chosen = self.author.currentData()
        self.author.blockSignals(True)
        self.author.clear()
        self.author.addItem(self.tr("Anonymous"), None)
        for person in people:
            self.author.addItem(person.display_name, person.id)
        index = self.author.findData(chosen) if chosen else 0
        self.author.setCurrentIndex(max(0, index))
        self.author.blockSignals(False)
        self._show_summary()

    def _show_summary(self) -> None:
        by_key: dict[str, list[Feedback]] = {}
        for item in self._feedback:
            by_key.setdefault(item.question_key, []).append(item)
        responses = max((len(v) for v in by_key.values()), default=0)
        self.count_label.setText(self.tr("No answers yet.") if not responses
                                 else self.tr("Answers so far: {0}").format(responses))
        kinds = {q.key: q for q in self.questions()}
        parts = []
        for key, items in by_key.items():
            parts.append(f"<h4>{html.escape(items[-1].question)}</h4>")
            question = kinds.get(key)
            if question is not None and question.kind in (PromptKind.CHOICE,
                                                           PromptKind.CHECKLIST):
                # How many chose each option (a checklist's ticks are stored one a line).
                chosen = [line for i in items for line in i.answer.split("\n") if line]
                parts.append("<p>" + html.escape(" · ".join(
                    f"{option}: {fmt.number(chosen.count(option))}"
                    for option in question.options)) + "</p>")
                continue
            figures = feedback_spread(question, key, items[-1].question, items)
            if figures is not None and figures.answered:
                parts.append(self._spread_html(figures))
            texts = [i.answer for i in items if i.answer.strip()]
            if texts:
                # Authors are never listed here, even when someone chose to add a name.
                parts.append("<ul>" + "".join(f"<li>{html.escape(t)}</li>" for t in texts)
                             + "</ul>")
        self.summary.setHtml("".join(parts))

    def _spread_html(self, figures: RatingSpread) -> str:
        """How many chose each point (with its words), "not applicable" apart: never in
        the average."""
        # One point a line: what a scale of ten labelled points needs to stay readable.
        lines = [f"{fmt.number(p.point)}{' ' + p.label if p.label else ''}: "
                 f"{fmt.number(p.count)}" for p in figures.points]
        if figures.offers_not_applicable or figures.not_applicable:
            lines.append(self.tr("Not applicable: {0} (not in the average)").format(
                fmt.number(figures.not_applicable)))
        mean = figures.mean
        if mean is not None:
            lines.insert(0, self.tr("{0}, average {1} of {2}").format(
                fmt.plural(figures.rated, "{n} rating", "{n} ratings"), fmt.number(mean, 1),
                fmt.number(figures.top)))
        return "<p>" + "<br/>".join(html.escape(line) for line in lines) + "</p>"

    # -- sending -----------------------------------------------------------------------------
    def submit(self) -> None:
        """Send every answer given, one write each; an answer is cleared once it is saved
        (so it cannot be sent twice), and Send waits until all are done."""
        if self._sending:
            return
        given = [(a, a.answer()) for a in self.answers]
        given = [(a, r) for a, r in given if r is not None]
        if not given:
            self.status.setText(self.tr("Nothing to send yet: answer at least one question."))
            return
        author_id = self.author.currentData()
        self._sending = True
        self._send_errors.clear()
        self.send_button.setEnabled(False)
        self.status.setText(self.tr("Sending…"))
        assert self.writer is not None
        for answer, (text, rating, not_applicable) in given:  # type: ignore[misc]
            self.writer.write(
                DebriefEdit("add_feedback", (self.walk_id, answer.question.key,
                                             answer.question.text, text, rating, author_id,
                                             not_applicable)),
                origin=self, on_done=functools.partial(self._answer_saved, answer),
                on_failed=functools.partial(self._answer_failed, answer.question.key))

    def is_sending(self) -> bool:
        return self._sending

    def _answer_saved(self, answer: _Answer, _result: object) -> None:
        self._send_errors.pop(answer.question.key, None)  # (saved by a Retry, perhaps)
        if shiboken6.isValid(answer):
            answer.clear()  # saved: clear it so it cannot be sent twice
        self._sent_one()

    def _answer_failed(self, key: str, error: BaseException) -> None:
        self._send_errors[key] = describe_failure(error)
        self._sent_one()

    def _sent_one(self) -> None:
        if self.is_closed() or (self.writer is not None and self.writer.has_work_from(self)):
            return
        self._sending = False
        self.send_button.setEnabled(True)
        if self._send_errors:
            self.status.setText(self.tr("Not all answers were saved: {0} The answers not "
                                        "saved are still in the form.")
                                .format(next(reversed(self._send_errors.values()))))
            return
        self.author.setCurrentIndex(0)
        self.status.setText(self.tr("Thank you — your answers are saved. The form is ready "
                                    "for the next person."))
