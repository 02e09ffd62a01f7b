"""`walkapp`'s command line run in this process, for tests: its exit code, stdout and
stderr (argparse's own exits, --help or a usage error, give their code too)."""

from __future__ import annotations

import pytest

from walkapp.cli import main


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    try:
        code = main(list(args))
    except SystemExit as exit_:
        code = int(exit_.code or 0)
    out, err = capsys.readouterr()
    return code, out, err
