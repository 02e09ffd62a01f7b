"""Protocols as data: the schema, the loader and validator, the library of built-in and
user protocols, snapshots stored with walks, and the runner that steps through them.

Core only: nothing here imports Qt. Screens use these through the services.
"""

from walkapp.protocol.errors import ProtocolError
from walkapp.protocol.loader import check_file, check_text, load_file, load_text
from walkapp.protocol.schema import (
    SCHEMA_VERSION,
    Activity,
    DebriefStage,
    FeedbackQuestion,
    LookForItem,
    LookForSet,
    Phase,
    PhaseKey,
    Prompt,
    PromptKind,
    Protocol,
    Role,
    Source,
    StemSpec,
    Step,
)
from walkapp.protocol.snapshot import from_snapshot, to_snapshot

__all__ = [
    "SCHEMA_VERSION",
    "Activity",
    "DebriefStage",
    "FeedbackQuestion",
    "LookForItem",
    "LookForSet",
    "Phase",
    "PhaseKey",
    "Prompt",
    "PromptKind",
    "Protocol",
    "ProtocolError",
    "Role",
    "Source",
    "StemSpec",
    "Step",
    "check_file",
    "check_text",
    "from_snapshot",
    "load_file",
    "load_text",
    "to_snapshot",
]
