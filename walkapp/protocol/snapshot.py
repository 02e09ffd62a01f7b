"""A protocol frozen into a walk: canonical JSON plus its sha256 content hash.

A walk stores the exact protocol it ran (`Walk.protocol_snapshot`, `protocol_hash`), so
editing or deleting a protocol file later never changes a past walk. The JSON has the same
shape as the TOML file (see protocols/README.md), with every default filled in; reading it
back goes through the same validation as a file, so a damaged snapshot is reported, not
trusted.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

from walkapp.formatting import N_, tr
from walkapp.protocol.errors import ProtocolError
from walkapp.protocol.schema import (
    RATING_MAX,
    DebriefStage,
    Phase,
    Prompt,
    PromptKind,
    Protocol,
    Role,
    StemSpec,
    StemTone,
    Step,
    Variant,
)

HASH_PREFIX = "sha256:"
# In place of a file's name in a snapshot's errors (translated where the error is made).
SNAPSHOT_NAME = N_("the walk's saved protocol")


def to_data(protocol: Protocol) -> dict[str, Any]:
    """The protocol as plain data in the file format (no None values: TOML has no null)."""
    data: dict[str, Any] = {
        "schema_version": protocol.schema_version,
        "id": protocol.id,
        "version": protocol.version,
        "title": protocol.title,
        "language": protocol.language,
        "summary": protocol.summary,
    }
    if protocol.source is not None:
        data["source"] = {"citation": protocol.source.citation, "url": protocol.source.url,
                          "note": protocol.source.note}
    data.update({
        "based_on": protocol.based_on,
        "roles": [_role(r) for r in protocol.roles],
        "group_min": protocol.group_min,
        "group_max": protocol.group_max,
        "visit_minutes": protocol.visit_minutes,
        "corridor_minutes": protocol.corridor_minutes,
        "norms": list(protocol.norms),
        "stems": [_stem(s) for s in protocol.stems],
        "look_for_sets": [{"key": s.key, "title": s.title, "description": s.description,
                           "items": [{"text": i.text, "description": i.description}
                                     for i in s.items]}
                          for s in protocol.look_for_sets],
        "debrief_sequence": [_stage(s) for s in protocol.debrief_sequence],
        "feedback": [_prompt(q) for q in protocol.feedback],
    })
    # Version 2 parts, only when there is something to say: a version 1 protocol's data
    # (and so the snapshot and fingerprint of every walk planned before them) is unchanged.
    if protocol.corridor_after_last:
        data["corridor_after_last"] = True
    if protocol.visit_form:
        data["visit_form"] = [_prompt(p) for p in protocol.visit_form]
    if protocol.tallies:
        data["tallies"] = [{"key": t.key, "label": t.label, "kind": t.kind.value,
                            "description": t.description, "shortcut": t.shortcut}
                           for t in protocol.tallies]
    if protocol.variants:
        data["variants"] = [_variant(v) for v in protocol.variants]
    for phase in protocol.phases:
        data[phase.key.value] = _phase(phase)
    return data


def _role(role: Role) -> dict[str, Any]:
    out: dict[str, Any] = {"key": role.key, "title": role.title,
                           "description": role.description}
    if role.instructions:
        out["instructions"] = role.instructions
    if role.assignable:
        out["assign"] = True
    if role.detail_label:
        out["detail_label"] = role.detail_label
    return out


def _stem(spec: StemSpec) -> dict[str, Any]:
    out: dict[str, Any] = ({"key": spec.key, "like": spec.stem.value} if spec.key
                           else {"stem": spec.stem.value})
    out.update({"label": spec.label, "prompt": spec.prompt})
    if spec.tone is not StemTone.NEUTRAL:
        out["tone"] = spec.tone.value
    return out


def _stage(stage: DebriefStage) -> dict[str, Any]:
    out: dict[str, Any] = ({"key": stage.key, "like": stage.kind.value} if stage.key
                           else {"kind": stage.kind.value})
    out.update({"title": stage.title, "prompt": stage.prompt})
    return out


def _variant(variant: Variant) -> dict[str, Any]:
    out: dict[str, Any] = {"key": variant.key, "title": variant.title,
                           "description": variant.description}
    if variant.default:
        out["default"] = variant.default
    out["options"] = [{"key": o.key, "title": o.title, "description": o.description,
                       "steps": list(o.steps)} for o in variant.options]
    return out


def _phase(phase: Phase) -> dict[str, Any]:
    out: dict[str, Any] = {"title": phase.title, "summary": phase.summary,
                           "steps": [_step(s) for s in phase.steps]}
    if phase.another_day:
        out.update({"another_day": True, "days_after": phase.days_after})
    return out


def _step(step: Step) -> dict[str, Any]:
    out: dict[str, Any] = {"key": step.key, "title": step.title}
    if step.minutes is not None:
        out["minutes"] = step.minutes
    out.update({"activity": step.activity.value, "script": step.script,
                "prompts": [_prompt(p) for p in step.prompts]})
    if step.optional:
        out.update({"optional": True, "included": step.included})
    if step.turns is not None:
        out["turns"] = {"count": step.turns.count, "minutes": step.turns.minutes,
                        "rotate": step.turns.rotate.value, "label": step.turns.label}
    if step.role_scripts:
        out["roles"] = [{"role": r.role, "script": r.script} for r in step.role_scripts]
    return out


def _prompt(prompt: Prompt) -> dict[str, Any]:
    out: dict[str, Any] = {"key": prompt.key, "text": prompt.text, "kind": prompt.kind.value}
    if prompt.options:
        out["options"] = list(prompt.options)
    if prompt.low_label:
        out["low_label"] = prompt.low_label
    if prompt.high_label:
        out["high_label"] = prompt.high_label
    if prompt.kind is PromptKind.RATING and (prompt.points != RATING_MAX
                                             or prompt.point_labels):
        out["points"] = prompt.points
    if prompt.point_labels:
        out["labels"] = list(prompt.point_labels)
    if prompt.not_applicable:
        out["not_applicable"] = True
    return out


def canonical_json(protocol: Protocol) -> str:
    """Sorted keys, no spaces, real UTF-8: the same protocol always gives the same text."""
    return json.dumps(to_data(protocol), sort_keys=True, ensure_ascii=False,
                      separators=(",", ":"), allow_nan=False)


def content_hash(snapshot_json: str) -> str:
    return HASH_PREFIX + hashlib.sha256(snapshot_json.encode("utf-8")).hexdigest()


def to_snapshot(protocol: Protocol) -> tuple[str, str]:
    """(canonical JSON, "sha256:<hex>") for storing with a walk."""
    text = canonical_json(protocol)
    return text, content_hash(text)


def from_snapshot(snapshot_json: str, expected_hash: str | None = None) -> Protocol:
    """The Protocol a walk ran. Raises ProtocolError if the snapshot is empty, damaged, from
    a newer walkapp, or (when `expected_hash` is given) not the one the walk recorded."""
    from walkapp.protocol.loader import error_from_issue
    from walkapp.protocol.validate import build_protocol

    if not isinstance(snapshot_json, str) or not snapshot_json.strip():
        raise ProtocolError(tr("this walk has no saved protocol; choose a protocol for it"),
                            file=tr(SNAPSHOT_NAME))
    if expected_hash and content_hash(snapshot_json) != expected_hash:
        raise ProtocolError(tr("the saved protocol does not match its recorded fingerprint, so "
                               "it may have been altered; restore the walk from a backup or "
                               "choose the protocol again"), file=tr(SNAPSHOT_NAME))
    try:
        data = json.loads(snapshot_json)
    except (ValueError, RecursionError) as error:
        raise ProtocolError(tr("the saved protocol is not readable ({name}); restore the walk "
                               "from a backup or choose the protocol again").format(
                                name=type(error).__name__),
                            file=tr(SNAPSHOT_NAME)) from None
    protocol, issues = build_protocol(data)
    if protocol is None:
        raise error_from_issue(issues[0], tr(SNAPSHOT_NAME), text=None)
    return protocol
