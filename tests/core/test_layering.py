"""The layering of docs/architecture.md holds, and the check would catch a forbidden import.

The contracts live in pyproject.toml (`[tool.importlinter]`); `make lint` runs the same check.
The planted imports go into a temporary copy of walkapp/ and ui/, never into the checkout.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.helpers.lint import CHECKOUT, run_contracts

CORE_WITHOUT_QT = "core-without-qt", "The core (walkapp without walkapp.ui) never imports Qt"
LAYERS = "layers", "ui -> services/reports/bundles -> protocol/storage, never upwards"
UI_WITHOUT_STORAGE = (
    "ui-without-storage", "The ui never imports walkapp.storage (it goes through walkapp.services)")
NO_CYCLES = "no-cycles", "No import cycles between the modules and packages of any package"


def _report(result: object) -> str:
    return f"{getattr(result, 'stdout', '')}\n{getattr(result, 'stderr', '')}"


def test_the_checkout_keeps_every_import_contract() -> None:
    result = run_contracts()
    assert result.returncode == 0, _report(result)
    assert "4 kept, 0 broken" in result.stdout, _report(result)


PLANTS = {
    "the core imports Qt": (
        {"walkapp/storage/contract_plant.py": "import PySide6.QtCore\n"}, CORE_WITHOUT_QT),
    "the core imports shiboken6": (
        {"walkapp/services/contract_plant.py": "import shiboken6\n"}, CORE_WITHOUT_QT),
    "the core imports the ui": (
        {"walkapp/reports/contract_plant.py": "from walkapp.ui import bridge\n"}, LAYERS),
    "the cli imports the ui outside the hand-over": (
        {"walkapp/cli/contract_plant.py": "import walkapp.ui.main_window\n"}, LAYERS),
    "storage imports services": (
        {"walkapp/storage/contract_plant.py": "from walkapp.services import walks\n"}, LAYERS),
    "protocol imports services": (
        {"walkapp/protocol/contract_plant.py": "import walkapp.services.runs\n"}, LAYERS),
    "services import bundles": (
        {"walkapp/services/contract_plant.py": "from walkapp.bundles import service\n"}, LAYERS),
    "a new core module in no layer": ({"walkapp/contract_plant.py": "VALUE = 1\n"}, LAYERS),
    "the ui imports storage": (
        {"ui/screens/contract_plant.py": "from walkapp.storage import db\n"}, UI_WITHOUT_STORAGE),
    "two storage modules import each other": (
        {"walkapp/storage/contract_plant_a.py": "from walkapp.storage import contract_plant_b\n",
         "walkapp/storage/contract_plant_b.py": "from walkapp.storage import contract_plant_a\n"},
        NO_CYCLES),
    "two ui modules import each other": (
        {"ui/widgets/contract_plant_a.py": "from . import contract_plant_b\n",
         "ui/widgets/contract_plant_b.py": "from . import contract_plant_a\n"}, NO_CYCLES),
}


@pytest.mark.parametrize(("files", "contract"), PLANTS.values(), ids=PLANTS.keys())
def test_a_planted_forbidden_import_breaks_its_contract(
        tmp_path: Path, files: dict[str, str], contract: tuple[str, str]) -> None:
    contract_id, contract_name = contract
    for folder in ("walkapp", "ui"):
        shutil.copytree(CHECKOUT / folder, tmp_path / folder,
                        ignore=shutil.ignore_patterns("__pycache__"))
    for name, text in files.items():
        (tmp_path / name).write_text(f'"""Planted by {__name__}."""\n{text}', encoding="utf-8")

    result = run_contracts(core=tmp_path / "walkapp", ui=tmp_path / "ui", only=(contract_id,))

    assert result.returncode == 1, _report(result)
    assert f"{contract_name} BROKEN" in result.stdout, _report(result)
    # The contract is broken by the planted import, not by something else.
    assert "contract_plant" in result.stdout.partition("Broken contracts")[2], _report(result)
    for folder in ("walkapp", "ui"):
        assert not list((CHECKOUT / folder).glob("**/contract_plant*.py"))
