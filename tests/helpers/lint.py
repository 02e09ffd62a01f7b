"""The import contracts and strict mypy over walkapp *including* walkapp.ui, as installed.

`make lint` runs `python -m tests.helpers.lint contracts` and `… lint mypy`;
tests/core/test_layering.py calls `run_contracts`. Plain `lint-imports` or `mypy` from the
checkout is not enough: ui/ sits at the top of the checkout but is installed as `walkapp.ui`
(setup.py maps it), and both tools find a package's modules by walking its folder, so they
would see a walkapp without ui. Here a `walkapp/` is laid out as the wheel lays it out — a
link to each entry of walkapp/ plus `ui` linking to ui/ — and the tool runs over it in a
fresh interpreter (one that has not already imported the real walkapp).
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

CHECKOUT = Path(__file__).resolve().parents[2]
CONFIG = CHECKOUT / "pyproject.toml"
# The contract about walkapp.ui alone, kept out of pyproject.toml so that plain `lint-imports`
# from a checkout (which has no walkapp.ui) still runs; added to the others here.
UI_CONTRACTS = CHECKOUT / "ui" / "import-contracts.toml"
# mypy keeps its cache per file path, so its layout stays in one place (git ignores build/).
MYPY_LAYOUT = CHECKOUT / "build" / "installed-layout"

_RUN_LINT_IMPORTS = "from importlinter.cli import lint_imports_command; lint_imports_command()"


def lay_out(core: Path, ui: Path, into: Path) -> None:
    """Make `into/walkapp` the package as installed: links to `core`'s entries and `ui`."""
    package = into / "walkapp"
    package.mkdir(parents=True, exist_ok=True)
    for old in package.iterdir():
        # Only links are ever made here; anything else is not ours to remove.
        if old.is_symlink():
            old.unlink()
    for entry in sorted(core.iterdir()):
        if entry.name in ("__pycache__", "ui"):
            continue
        (package / entry.name).symlink_to(entry.resolve())
    (package / "ui").symlink_to(ui.resolve(), target_is_directory=True)


def _env(root: Path) -> dict[str, str]:
    env = dict(os.environ, PYTHONDONTWRITEBYTECODE="1")
    # The laid-out folder must come first: the editable install's finder would otherwise
    # hand over the real walkapp/ (without ui). It is a meta-path finder appended after the
    # path-based one, so a walkapp found on sys.path wins.
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(root), env.get("PYTHONPATH")]))
    return env


def run_contracts(core: Path = CHECKOUT / "walkapp", ui: Path = CHECKOUT / "ui",
                  config: Path = CONFIG, only: tuple[str, ...] = ()
                  ) -> subprocess.CompletedProcess[str]:
    """Run the contracts in `config` and `ui`'s import-contracts.toml (or only those whose
    ids are in `only`) over the walkapp package made of `core` and `ui`.

    The result's returncode is 0 when every contract is kept; stdout names each broken one.
    """
    limit = [arg for contract_id in only for arg in ("--contract", contract_id)]
    with tempfile.TemporaryDirectory(prefix="walkapp-contracts-") as folder:
        root = Path(folder)
        lay_out(core, ui, root)
        # Both files' contracts are arrays of the same TOML table, so one after the other
        # is one valid file.
        merged = root / "contracts.toml"
        merged.write_text(config.read_text(encoding="utf-8") + "\n"
                          + (ui / UI_CONTRACTS.name).read_text(encoding="utf-8"),
                          encoding="utf-8")
        return subprocess.run(
            [sys.executable, "-c", _RUN_LINT_IMPORTS, "--no-cache", "--no-logo", *limit,
             str(merged)],
            cwd=root, env=_env(root), capture_output=True, text=True, check=False)


def run_mypy() -> subprocess.CompletedProcess[str]:
    """mypy (strict, as configured in pyproject.toml) over walkapp and walkapp.ui.

    Paths in its report are the checkout's (`ui/…`, `walkapp/…`), not the layout's.
    """
    lay_out(CHECKOUT / "walkapp", CHECKOUT / "ui", MYPY_LAYOUT)
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--config-file", str(CONFIG),
         "--cache-dir", str(CHECKOUT / ".mypy_cache" / "installed-layout")],
        cwd=MYPY_LAYOUT, env=_env(MYPY_LAYOUT), capture_output=True, text=True, check=False)
    result.stdout = "".join(
        line.removeprefix("walkapp/") if line.startswith("walkapp/ui/") else line
        for line in result.stdout.splitlines(keepends=True))
    return result


def main(argv: list[str]) -> int:
    tools = {"contracts": run_contracts, "mypy": run_mypy}
    if len(argv) != 1 or argv[0] not in tools:
        sys.stderr.write(f"usage: python -m tests.helpers.lint {{{','.join(tools)}}}\n")
        return 2
    result = tools[argv[0]]()
    sys.stdout.write(result.stdout)
    sys.stderr.write(result.stderr)
    return result.returncode


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
