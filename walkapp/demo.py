"""A realistic sample walk, for trying walkapp out and for screenshots and benchmarks.

Everything here is invented: the school, the people and the notes. The notes are written the
way the product hopes walkers will write — descriptive, low-inference, in the walkers' own
stems — so the sample also teaches by example.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from walkapp import domain as d
from walkapp.protocol.library import DEFAULT_PROTOCOL_ID, builtin_protocol
from walkapp.protocol.snapshot import to_snapshot
from walkapp.services import NewWalk, NoteDraft, Services

FOCUS = ("How do students explain their thinking to one another, and what do teachers do "
         "that invites it?")
LOOK_FORS = [
    ("Students explain their reasoning aloud",
     "A student says why, not only what: 'because…', 'I think… since…'."),
    ("Open questions", "Questions with more than one possible answer or path."),
    ("Student-to-student talk", "Students respond to each other, not only to the adult."),
    ("Wait time", "A pause of three seconds or more after a question."),
]
NORMS = [
    "We are here to learn about our own practice, not to judge anyone else's.",
    "What we see in a classroom stays with this group.",
    "Every visit is the same length; we enter and leave quietly.",
    "No talking inside classrooms; we save it for the corridor.",
    "We write what we see and hear before what we think about it.",
]
WALKERS = ["Amira Haddad", "Ben Okafor", "Carla Núñez", "Dylan Price"]
FACILITATOR = "Morgan Ellis"
VISITS = [
    ("Room 12", "Year 4", "Mathematics"),
    ("Room 7", "Year 6", "Science"),
    ("Library", "Year 5", "English"),
    ("Room 21", "Year 3", "Mathematics"),
    ("Art studio", "Year 6", "Art"),
]
# (visit index, walker index, stem, look-for indexes, text)
NOTES: list[tuple[int, int, d.Stem, tuple[int, ...], str]] = [
    (0, 0, d.Stem.NOTICED, (0,), "Two students at the window table compared answers to 48 ÷ 6 "
     "and one said 'I split it into 24 and 24 because halves are easier'."),
    (0, 0, d.Stem.NOTICED, (3,), "After 'How could we check?', about five seconds of silence "
     "before the first hand went up."),
    (0, 0, d.Stem.WONDER, (1,), "I wonder how the choice of the check question was planned."),
    (0, 1, d.Stem.NOTICED, (2,), "A student turned to her partner: 'Do you agree? Why did you "
     "get 9?'"),
    (0, 1, d.Stem.NOTICED, (1,), "Board question: 'Find two different ways to share 48 "
     "counters between 6 bags.'"),
    (0, 1, d.Stem.WILL_TRY, (1,), "I will try writing one 'two different ways' question on the "
     "board before my own maths starter."),
    (0, 2, d.Stem.NOTICED, (0, 2), "Sentence strip on each table: 'I think ___ because ___'. "
     "Heard it used three times in four minutes."),
    (0, 2, d.Stem.QUESTION, (), "Were the sentence strips introduced this term or earlier?"),
    (0, 3, d.Stem.NOTICED, (3,), "Teacher counted silently on her fingers after asking a "
     "question; 8 hands were up by the time she reached five."),
    (0, 3, d.Stem.WONDER, (3,), "I wonder what the students who did not raise a hand were "
     "doing during the pause."),
    (1, 0, d.Stem.NOTICED, (2,), "Groups of four with roles on lanyards: recorder, reporter, "
     "materials, timekeeper."),
    (1, 0, d.Stem.NOTICED, (0,), "Reporter from group 2: 'We think the ice melted faster on "
     "the metal tray because metal feels colder, so it takes heat from your hand.'"),
    (1, 1, d.Stem.NOTICED, (1,), "Teacher asked 'What would change if the tray were wood?' "
     "and wrote three predictions on the board without comment."),
    (1, 1, d.Stem.WONDER, (), "I wonder how the groups were formed and how often they change."),
    (1, 2, d.Stem.NOTICED, (2, 3), "Two groups argued about the result for over a minute "
     "before the teacher came over; she asked 'What did you measure?'"),
    (1, 2, d.Stem.WILL_TRY, (2,), "I will try giving the reporter role to a different student "
     "each lesson this week."),
    (1, 3, d.Stem.NOTICED, (0,), "Worksheet column titled 'Our evidence' — most groups had "
     "written times in minutes."),
    (1, 3, d.Stem.QUESTION, (1,), "How do students decide which prediction to test first?"),
    (1, 3, d.Stem.NOTICED, (), "Timer projected on the wall, 6 minutes left when we entered."),
    (2, 0, d.Stem.NOTICED, (2,), "Pairs reading the same short story; each pair had one copy "
     "and passed it between them after each paragraph."),
    (2, 0, d.Stem.WONDER, (0,), "I wonder whether the pairs were asked to agree on a summary "
     "before writing."),
    (2, 1, d.Stem.NOTICED, (1,), "Question on the screen: 'Was the fox clever or unkind? "
     "Find a line that tells you.'"),
    (2, 1, d.Stem.NOTICED, (0,), "Student: 'Unkind, because on page 3 he laughs when the hen "
     "falls over.'"),
    (2, 2, d.Stem.NOTICED, (3,), "Teacher said 'Take a moment' and sat down; about ten "
     "seconds passed before anyone spoke."),
    (2, 2, d.Stem.WILL_TRY, (3,), "I will try sitting down after asking a question, to make "
     "the pause visible."),
    (2, 3, d.Stem.NOTICED, (2,), "One student added to another's answer: 'Yes, and also he "
     "lies to the crow.'"),
    (2, 3, d.Stem.NOTICED, (), "Library corner has a 'Books we argued about' shelf with "
     "student-written cards."),
    (3, 0, d.Stem.NOTICED, (1,), "Number talk: 'How many dots? How do you see them?' Dot "
     "pattern shown for three seconds."),
    (3, 0, d.Stem.NOTICED, (0,), "Four different ways to see 12 dots recorded on the board "
     "with students' names beside each."),
    (3, 1, d.Stem.NOTICED, (3,), "Students showed a thumb on their chest when ready; the "
     "teacher waited until most thumbs were up."),
    (3, 1, d.Stem.WONDER, (3,), "I wonder how the thumb signal was taught to a Year 3 class."),
    (3, 2, d.Stem.NOTICED, (2,), "A student said 'I did it like Sam but I started from the "
     "bottom.'"),
    (3, 2, d.Stem.QUESTION, (), "Does every number talk use dots, or other images too?"),
    (3, 3, d.Stem.NOTICED, (0, 1), "Teacher asked 'Who saw it a different way?' three times; "
     "each time a new method was shared."),
    (3, 3, d.Stem.WILL_TRY, (0,), "I will try recording students' methods on the board with "
     "their names, as a record of thinking."),
    (4, 0, d.Stem.NOTICED, (2,), "Gallery walk: students left sticky notes on each other's "
     "drafts; most notes started with 'I like how…' or 'Have you tried…'."),
    (4, 1, d.Stem.NOTICED, (0,), "A student explained why she used dark blue: 'The sky is "
     "sad in my story, so the colour has to be sad too.'"),
    (4, 1, d.Stem.WONDER, (2,), "I wonder how the sticky-note stems were chosen with the "
     "class."),
    (4, 2, d.Stem.NOTICED, (), "Quiet music playing; about half the class working standing "
     "at easels."),
    (4, 2, d.Stem.NOTICED, (1,), "Teacher asked one student 'What are you trying to make the "
     "viewer feel?' and waited."),
    (4, 3, d.Stem.NOTICED, (2, 0), "Two students discussed whether a shadow should fall left "
     "or right, pointing at the window."),
    (4, 3, d.Stem.WILL_TRY, (2,), "I will try a short gallery walk with feedback stems in my "
     "next writing lesson."),
    (4, 0, d.Stem.QUESTION, (), "How long does a gallery walk take with this class?"),
    (4, 1, d.Stem.NOTICED, (3,), "Teacher's question to the whole room was followed by a "
     "pause of about six seconds."),
]
COMMITMENTS = [
    "I will try a 'two different ways' question in my maths starter twice this week.",
    "I will try rotating the reporter role and keeping a tally of who has had it.",
    "I will try sitting down after I ask a question to protect the pause.",
    "I will try recording students' methods on the board with their names.",
]
PATTERNS = [
    (d.PatternKind.DESCRIBE, "In four of five rooms, students explained a reason using "
     "'because' or a sentence strip."),
    (d.PatternKind.DESCRIBE, "Pauses of five seconds or more followed open questions in "
     "four rooms."),
    (d.PatternKind.ANALYSE, "Where talk structures were visible (strips, roles, stems), "
     "student-to-student talk was more frequent."),
    (d.PatternKind.PREDICT, "If open questions and visible wait time spread, we expect more "
     "students to explain their reasoning without prompting."),
    (d.PatternKind.NEXT_LEVEL, "Plan the questions we ask as carefully as the tasks we set, "
     "and share talk structures across year groups."),
]


LANGUAGES = ("en", "es")  # the languages the sample walk is written in


def create_demo_walk(services: Services, *, walk_date: date | None = None,
                     title: str | None = None, language: str = "en") -> d.Walk:
    """Create the sample walk and return it. Each call makes a new walk. `language` "es":
    the Spanish sample (walkapp.demo_es), a walk in Spanish with the protocol's Spanish
    version where the protocol has one."""
    if language == "es":
        return _create(services, walk_date, title, language, _spanish())
    return _create(services, walk_date, title, "en", _english())


def _english() -> dict[str, object]:
    return {"title": "Learning walk — student talk", "school": "Riverside Primary (sample)",
            "focus": FOCUS, "look_fors": LOOK_FORS, "norms": NORMS, "group": "Group A",
            "visits": VISITS, "notes": NOTES, "commitments": COMMITMENTS,
            "reflection_question": "What did you learn about your own practice today?",
            "reflections": [f"Seeing other rooms made me notice how much "
                            f"{text[11:].rstrip('.')} could change who talks in my lessons."
                            for text in COMMITMENTS],
            "patterns": PATTERNS,
            "next_steps": ["Share the sentence strips and lanyard roles at the next staff "
                           "meeting.", "Next walk in three weeks with the same focus."],
            "action_items": [
                ("Collect sentence-strip templates from the Year 4 team", None, 7),
                ("Book the library for a staff session on wait time", 1, 14),
                ("Ask hosts whether the class would share a number talk video", 2, 21)],
            "feedback_question": "How useful was this walk for your practice?",
            "feedback": [(5, "Seeing four rooms in an hour was worth it."),
                         (4, "More corridor time would help."),
                         (5, "The stems kept us on describing."),
                         (4, "I'd like to visit older classes next time.")]}


def _spanish() -> dict[str, object]:
    from walkapp import demo_es as es

    return {"title": es.TITLE, "school": es.SCHOOL, "focus": es.FOCUS,
            "look_fors": es.LOOK_FORS, "norms": es.NORMS, "group": es.GROUP,
            "visits": es.VISITS, "notes": es.NOTES, "commitments": es.COMMITMENTS,
            "reflection_question": es.REFLECTION_QUESTION, "reflections": es.REFLECTIONS,
            "patterns": es.PATTERNS, "next_steps": es.NEXT_STEPS,
            "action_items": es.ACTION_ITEMS, "feedback_question": es.FEEDBACK_QUESTION,
            "feedback": es.FEEDBACK}


def _create(services: Services, walk_date: date | None, title: str | None, language: str,
            texts: dict[str, Any]) -> d.Walk:
    when = walk_date or date.today()
    # The sample runs the real default protocol, snapshot and all, like any new walk (its
    # version in the walk's language when it has one).
    protocol = builtin_protocol(DEFAULT_PROTOCOL_ID, language)
    snapshot, content_hash = to_snapshot(protocol)
    walk = services.walks.create_walk(NewWalk(
        title=title or texts["title"], walk_date=when, focus=texts["focus"],
        school=texts["school"], language=language,
        protocol_id=protocol.id, protocol_version=protocol.version,
        protocol_hash=content_hash, protocol_snapshot=snapshot, visit_minutes=10,
        corridor_minutes=3))
    plan = services.plan
    facilitator = plan.add_participant(walk.id, FACILITATOR, d.Role.FACILITATOR)
    group = plan.add_group(walk.id, texts["group"])
    walkers = [plan.add_participant(walk.id, name, d.Role.WALKER, group.id) for name in WALKERS]
    visits = [plan.add_visit(walk.id, room=r, grade=g, subject=s) for r, g, s in texts["visits"]]
    look_fors = [plan.add_look_for(walk.id, text, description)
                 for text, description in texts["look_fors"]]
    for norm in texts["norms"]:
        plan.add_norm(walk.id, norm, agreed=True)
    for visit_index, walker_index, stem, tags, text in texts["notes"]:
        services.notes.save_note(NoteDraft(
            walk_id=walk.id, author_id=walkers[walker_index].id, stem=stem, text=text,
            visit_id=visits[visit_index].id,
            look_for_ids=tuple(look_fors[t].id for t in tags)))
    for walker, text, reflection in zip(walkers, texts["commitments"], texts["reflections"],
                                        strict=True):
        services.debrief.save_commitment(walk.id, walker.id, text)
        services.notes.save_reflection(walk.id, walker.id, texts["reflection_question"],
                                       reflection)
    for kind, text in texts["patterns"]:
        services.debrief.add_pattern(walk.id, kind, text)
    for step in texts["next_steps"]:
        services.debrief.add_next_step(walk.id, step)
    debrief = services.debrief
    for text, owner, days in texts["action_items"]:
        debrief.add_action_item(walk.id, text,
                                facilitator.display_name if owner is None else WALKERS[owner],
                                when + timedelta(days=days))
    for rating, answer in texts["feedback"]:
        debrief.add_feedback(walk.id, "useful", texts["feedback_question"], answer, rating)
    return services.walks.get_walk(walk.id)
