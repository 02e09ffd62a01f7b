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

from walkapp.protocol.errors import ProtocolError
from walkapp.protocol.schema import Phase, Prompt, Protocol, Step

HASH_PREFIX = "sha256:"
SNAPSHOT_NAME = "the walk's saved protocol"


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
        "roles": [{"key": r.key, "title": r.title, "description": r.description}
                  for r in protocol.roles],
        "group_min": protocol.group_min,
        "group_max": protocol.group_max,
        "visit_minutes": protocol.visit_minutes,
        "corridor_minutes": protocol.corridor_minutes,
        "norms": list(protocol.norms),
        "stems": [{"stem": s.stem.value, "label": s.label, "prompt": s.prompt}
                  for s in protocol.stems],
        "look_for_sets": [{"key": s.key, "title": s.title, "description": s.description,
                           "items": [{"text": i.text, "description": i.description}
                                     for i in s.items]}
                          for s in protocol.look_for_sets],
        "debrief_sequence": [{"kind": s.kind.value, "title": s.title, "prompt": s.prompt}
                             for s in protocol.debrief_sequence],
        "feedback": [_prompt(q) for q in protocol.feedback],
    })
    for phase in protocol.phases:
        data[phase.key.value] = _phase(phase)
    return data


def _phase(phase: Phase) -> dict[str, Any]:
    return {"title": phase.title, "summary": phase.summary,
            "steps": [_step(s) for s in phase.steps]}


def _step(step: Step) -> dict[str, Any]:
    out: dict[str, Any] = {"key": step.key, "title": step.title}
    if step.minutes is not None:
        out["minutes"] = step.minutes
    out.update({"activity": step.activity.value, "script": step.script,
                "prompts": [_prompt(p) for p in step.prompts]})
    return out


def _prompt(prompt: Prompt) -> dict[str, Any]:
    out: dict[str, Any] = {"key": prompt.key, "text": prompt.text, "kind": prompt.kind.value}
    if prompt.options:
        out["options"] = list(prompt.options)
    if prompt.low_label:
        out["low_label"] = prompt.low_label
    if prompt.high_label:
        out["high_label"] = prompt.high_label
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
        raise ProtocolError("this walk has no saved protocol; choose a protocol for it",
                            file=SNAPSHOT_NAME)
    if expected_hash and content_hash(snapshot_json) != expected_hash:
        raise ProtocolError("the saved protocol does not match its recorded fingerprint, so "
                            "it may have been altered; restore the walk from a backup or "
                            "choose the protocol again", file=SNAPSHOT_NAME)
    try:
        data = json.loads(snapshot_json)
    except (ValueError, RecursionError) as error:
        raise ProtocolError(f"the saved protocol is not readable ({type(error).__name__}); "
                            "restore the walk from a backup or choose the protocol again",
                            file=SNAPSHOT_NAME) from None
    protocol, issues = build_protocol(data)
    if protocol is None:
        raise error_from_issue(issues[0], SNAPSHOT_NAME, text=None)
    return protocol
