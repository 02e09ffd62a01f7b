"""walkapp.storage.models, mapped: importing this module imports the models and configures
their mappers before it is done. The stand-in of walkapp.storage loads the models through
it, on whichever thread first uses them; Python's import lock makes any other thread that
uses them meanwhile wait, so no thread configures the mappers while another uses them."""

from __future__ import annotations

import importlib
from types import ModuleType

from sqlalchemy.orm import configure_mappers

# The module itself (`from walkapp.storage import models` could give the stand-in).
models: ModuleType = importlib.import_module("walkapp.storage.models")

configure_mappers()

__all__ = ["models"]
