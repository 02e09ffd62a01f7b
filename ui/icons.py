"""walkapp's icons: the bundled Lucide SVGs (resources/icons, ISC licence), drawn in the
palette's colours.

`icon(name)` gives a QIcon whose engine draws the SVG with its `currentColor` stroke in
the theme's text colour (or accent, `role="accent"`), the disabled text colour for a
disabled control, at whatever size it is asked for (sharp on a high-density screen). The
colour is read from walkapp.ui.theme when the icon is drawn, so icons follow a switch
between light and dark without being set again.

Nothing here is loaded before a screen asks for an icon: QtSvg is imported, and the file
read, at the first draw; drawn pixmaps are cached per size, mode and colour.
"""

from __future__ import annotations

from functools import cache
from typing import Literal

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QIcon, QIconEngine, QImage, QPainter, QPixmap

from walkapp.paths import resource_path
from walkapp.ui import theme

Role = Literal["text", "accent", "muted"]


@cache
def svg_text(name: str) -> str:
    """The icon's SVG source (raises FileNotFoundError for an icon not bundled)."""
    return resource_path("icons", f"{name}.svg").read_text(encoding="utf-8")


def colour_for(role: Role, mode: QIcon.Mode) -> str:
    colours = theme.current()
    if mode is QIcon.Mode.Disabled:
        return colours.disabled
    return {"text": colours.text, "accent": colours.accent, "muted": colours.muted}[role]


@cache
def _renderer(name: str, colour: str) -> object:
    from PySide6.QtSvg import QSvgRenderer

    data = svg_text(name).replace("currentColor", colour).encode("utf-8")
    return QSvgRenderer(data)


class _SvgEngine(QIconEngine):
    def __init__(self, name: str, role: Role) -> None:
        super().__init__()
        self._name = name
        self._role: Role = role
        self._pixmaps: dict[tuple[int, int, str], QPixmap] = {}

    def clone(self) -> QIconEngine:
        return _SvgEngine(self._name, self._role)

    def _render(self, size: QSize, mode: QIcon.Mode) -> QPixmap:
        colour = colour_for(self._role, mode)
        key = (size.width(), size.height(), colour)
        cached = self._pixmaps.get(key)
        if cached is not None:
            return cached
        image = QImage(size, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.transparent)
        if not size.isEmpty():
            painter = QPainter(image)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            renderer = _renderer(self._name, colour)
            renderer.render(painter)  # type: ignore[attr-defined]
            painter.end()
        pixmap = QPixmap.fromImage(image)
        self._pixmaps[key] = pixmap
        return pixmap

    def pixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QPixmap:
        return self._render(size, mode)

    def scaledPixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State,
                     scale: float) -> QPixmap:
        pixmap = self._render(QSize(round(size.width() * scale),
                                    round(size.height() * scale)), mode)
        pixmap.setDevicePixelRatio(scale)
        return pixmap

    def paint(self, painter: QPainter, rect: QRect, mode: QIcon.Mode,
              state: QIcon.State) -> None:
        ratio = painter.device().devicePixelRatioF() if painter.device() else 1.0
        painter.drawPixmap(rect, self.scaledPixmap(rect.size(), mode, state, ratio))

    def actualSize(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QSize:
        side = min(size.width(), size.height())
        return QSize(side, side)

    def isNull(self) -> bool:
        return False


def icon(name: str, role: Role = "text") -> QIcon:
    """The bundled icon `name` (a file stem in resources/icons) in the palette's colour."""
    return _icon(name, role)


@cache
def _icon(name: str, role: Role) -> QIcon:
    return QIcon(_SvgEngine(name, role))


def names() -> list[str]:
    """Every bundled icon's name (not the stylesheet's own, indicator-*: those have their
    colour written in, walkapp.ui.theme.check_image)."""
    return sorted(p.stem for p in resource_path("icons").glob("*.svg")
                  if not p.stem.startswith("indicator-"))
