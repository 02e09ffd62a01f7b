"""The one error a protocol file can cause: a single line naming file, line, field, fix."""

from __future__ import annotations

from walkapp.errors import WalkappError
from walkapp.messages import tr


class ProtocolError(WalkappError):
    """A protocol (or word list) file that cannot be used as it is.

    `message` is one line: "<file> (line N, <field>): <what is wrong>; <how to fix it>".
    The parts are kept too, so a screen can lay them out its own way.
    """

    def __init__(self, problem: str, *, file: str = "", field: str = "",
                 line: int | None = None) -> None:
        self.problem = _one_line(problem)
        self.file = _one_line(file)
        self.field = _one_line(field)
        self.line = line
        at_line = tr("line {line}").format(line=line) if line else ""
        where = ", ".join(part for part in (at_line, field) if part)
        head = f"{self.file} ({where})" if where and self.file else self.file or where
        super().__init__(f"{head}: {self.problem}" if head else self.problem)


def _one_line(text: str) -> str:
    return " ".join(text.split())


class ProtocolWarning(ProtocolError):
    """Something a protocol file may keep but its author should know (e.g. a key this
    walkapp does not show): the same one-line shape as an error. Never raised; `walkapp
    protocol check` prints it as a warning, and the file is still ok."""
