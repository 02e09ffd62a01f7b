"""Assert that an output (report, notes file, bundle, CLI text) leaks nothing it should not.

Use on every output a walk produces::

    from tests.helpers.privacy import assert_private
    pdf = render_debrief(record)
    assert_private(pdf, record.walk)                     # teacher names, visit details
    assert_private(pdf, record.walk, walker_names=False)  # an anonymous notes summary

What is checked follows the walk's settings and the one declaration of private visit
fields (`walkapp.visit_fields`), so a field declared there is checked here with no change:

- each private visit field whose setting is off → none of its values appears (today:
  `show_teacher_names` off → no teacher name; `include_visit_details` off → no room,
  grade or subject);
- `walker_names=False` (the output is meant to be anonymous, e.g. commitments with
  `attribute_commitments` off) → no walker's or facilitator's name appears;
- `extra` → any other strings that must not appear (e.g. a deleted note's text).

Outputs are searched the ways a name can hide: PDFs are text-extracted (pypdf) and their
raw bytes searched too; ZIP bundles are opened member by member (recursively); bytes are
decoded as UTF-8, UTF-16 and Latin-1; every text is also searched after HTML unescaping,
JSON unescaping (\\u00e9 forms) and Unicode normalisation, case-insensitively, as whole
words (so "Li" does not match "Light"). Choose test names that are unusual words.
"""

from __future__ import annotations

import html
import io
import json
import re
import unicodedata
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from walkapp import domain as d
from walkapp import visit_fields as vf
from walkapp.services import NewWalk, NoteDraft, Services

# Distinctive names for test walks: unlikely to occur by chance in any output.
TEACHER_NAMES = ("Ottoline Quarrendon", "Baptiste Zélinski")
WALKER_NAMES = ("Wilhelmina Thistlewood", "Ezekiel Marchbanks", "Søren Ødegård")
ROOMS = ("Room Q-417", "Annexe Kestrel")
GRADES = ("Year Nine Plover",)
SUBJECTS = ("Astrophysics Seminar",)


@dataclass(frozen=True)
class Leak:
    what: str
    value: str
    where: str

    def __str__(self) -> str:
        return f"{self.what} {self.value!r} found in {self.where}"


def forbidden_strings(walk: d.Walk, *, walker_names: bool = True,
                      extra: Iterable[str] = (), day: bool = False) -> list[tuple[str, str]]:
    """(kind, text) pairs that must not appear in an output of `walk`; `day`: the output
    is a paper of the day (agenda, note-catcher, script, kit), which keeps the route."""
    banned: list[tuple[str, str]] = []
    for field in vf.VISIT_FIELDS:
        if vf.is_open(field, walk, day=day):
            continue
        banned += [(f"visit {field.label.lower()}", value) for visit in walk.visits
                   if (value := getattr(visit, field.name, None))]
    if not walker_names:
        banned += [("participant name", p.display_name) for p in walk.participants]
    banned += [("forbidden text", text) for text in extra if text]
    return banned


def find_leaks(output: bytes | str, walk: d.Walk, *, walker_names: bool = True,
               extra: Iterable[str] = (), day: bool = False) -> list[Leak]:
    banned = forbidden_strings(walk, walker_names=walker_names, extra=extra, day=day)
    if not banned:
        return []
    leaks: list[Leak] = []
    for where, text in _texts(output, "output"):
        haystack = _normalise(text)
        for kind, value in banned:
            if _contains_word(haystack, _normalise(value)):
                leaks.append(Leak(kind, value, where))
    return leaks


def assert_private(output: bytes | str, walk: d.Walk, *, walker_names: bool = True,
                   extra: Iterable[str] = (), day: bool = False) -> None:
    """Fail, naming every leak, if `output` shows what the walk's settings keep private."""
    leaks = find_leaks(output, walk, walker_names=walker_names, extra=extra, day=day)
    assert not leaks, "private data in the output: " + "; ".join(str(x) for x in leaks)


# -- where text hides -----------------------------------------------------------------------
def _texts(output: bytes | str, where: str) -> Iterable[tuple[str, str]]:
    if isinstance(output, str):
        yield from _variants(output, where)
        return
    if output.startswith(b"%PDF"):
        yield from _variants(_pdf_text(output), f"{where} (PDF text)")
    if output.startswith(b"PK\x03\x04"):
        with zipfile.ZipFile(io.BytesIO(output)) as bundle:
            for name in bundle.namelist():
                yield from _texts(bundle.read(name), f"{where}/{name}")
    for encoding in ("utf-8", "utf-16", "latin-1"):
        try:
            decoded = output.decode(encoding)
        except UnicodeDecodeError:
            continue
        yield from _variants(decoded, f"{where} ({encoding})")


def _variants(text: str, where: str) -> Iterable[tuple[str, str]]:
    yield where, text
    yield f"{where}, HTML-unescaped", html.unescape(text)
    if "\\u" in text or "\\" in text:
        yield f"{where}, JSON-unescaped", _json_unescape(text)


def _json_unescape(text: str) -> str:
    def one(match: re.Match[str]) -> str:
        try:
            return str(json.loads(f'"{match.group(0)}"'))
        except ValueError:
            return match.group(0)

    return re.sub(r"(?:\\u[0-9a-fA-F]{4})+|\\[\"\\/bfnrt]", one, text)


def _pdf_text(data: bytes) -> str:
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(data))
    parts = [page.extract_text() or "" for page in reader.pages]
    metadata = reader.metadata or {}
    parts += [str(value) for value in metadata.values()]
    return "\n".join(parts)


def _normalise(text: str) -> str:
    # NFKC folds ligatures and width variants; collapsing whitespace catches names that a
    # layout engine broke across lines.
    folded = unicodedata.normalize("NFKC", text).casefold()
    return re.sub(r"\s+", " ", folded)


def _contains_word(haystack: str, needle: str) -> bool:
    if not needle.strip():
        return False
    pattern = r"(?<!\w)" + re.escape(needle) + r"(?!\w)"
    return re.search(pattern, haystack) is not None


def private_visit_values(index: int) -> dict[str, str]:
    """Distinctive values for every declared visit field of the `index`-th visit."""
    known = {"room": ROOMS[index % len(ROOMS)], "grade": GRADES[0], "subject": SUBJECTS[0],
             "teacher_name": TEACHER_NAMES[index % len(TEACHER_NAMES)]}
    return {f.name: known.get(f.name, f"Quokkavale {f.name} {index + 1}")
            for f in vf.VISIT_FIELDS}


def make_private_walk(services: Services, title: str = "Privacy walk", *,
                      show_teacher_names: bool = False, include_visit_details: bool = False,
                      attribute_commitments: bool = False,
                      walk_date: date | None = None) -> d.Walk:
    """A walk full of the private details above (teacher names, rooms, walker names,
    notes, commitments, action items), with the privacy settings given. Every declared
    visit field gets a value, so a new private field is exercised without a change here."""
    walk = services.walks.create_walk(NewWalk(title=title,
                                              walk_date=walk_date or date(2026, 11, 2)))
    plan = services.plan
    plan.add_participant(walk.id, "Fran Facilitatorsson", d.Role.FACILITATOR)
    walkers = [plan.add_participant(walk.id, name) for name in WALKER_NAMES]
    for i in range(len(TEACHER_NAMES)):
        plan.add_visit(walk.id, **private_visit_values(i))
    look_for = plan.add_look_for(walk.id, "Students explain their thinking")
    walk = services.walks.update_walk(walk.id, show_teacher_names=show_teacher_names,
                                      include_visit_details=include_visit_details,
                                      attribute_commitments=attribute_commitments)
    for visit in walk.visits:
        for walker in walkers:
            services.notes.save_note(NoteDraft(
                walk_id=walk.id, author_id=walker.id, visit_id=visit.id,
                look_for_ids=(look_for.id,),
                text=f"Pairs explained their method to each other in visit {visit.position}."))
    for walker in walkers:
        services.debrief.save_commitment(walk.id, walker.id,
                                         "I will try wait time after each question.")
    services.debrief.add_action_item(walk.id, "Share the question stems", owner_name="")
    return services.walks.get_walk(walk.id)
