"""Find walkapp's bundled data files, from a checkout and from an installed wheel alike.

In a checkout, protocols/ and resources/ sit at the top of the tree; in a wheel they ride
inside the package as `walkapp._protocols` and `walkapp._resources` (see setup.py). An
editable install maps the package names onto the checkout folders, so asking the import
system first gives the right answer in every case.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

_PACKAGES = {"protocols": "walkapp._protocols", "resources": "walkapp._resources"}


def data_dir(kind: str) -> Path:
    """Return the folder of bundled data of `kind` ("protocols" or "resources")."""
    try:
        package = _PACKAGES[kind]
    except KeyError:
        raise ValueError(
            f"unknown data kind {kind!r}; expected one of {sorted(_PACKAGES)}") from None
    spec = importlib.util.find_spec(package)
    if spec is not None and spec.submodule_search_locations:
        for location in spec.submodule_search_locations:
            folder = Path(location)
            if folder.is_dir():
                return folder
    # Running straight from a checkout that was never installed.
    folder = Path(__file__).resolve().parent.parent / kind
    if folder.is_dir():
        return folder
    raise FileNotFoundError(f"walkapp's {kind} folder is missing; reinstall walkapp")


def resource_path(*parts: str) -> Path:
    """Path of one bundled resource file, e.g. resource_path("fonts", "DejaVuSans.ttf")."""
    return data_dir("resources").joinpath(*parts)
