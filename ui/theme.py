"""walkapp's look in one place: the design tokens (spacing, type, corners), the light and
dark palettes, and the code that puts them on the application.

The app runs the Fusion style with walkapp's own QPalette, so it looks the same on every
desktop; resources/styles/app.qss carries the rest, with `@name` placeholders that
`stylesheet()` fills from the tokens and the palette once, at start-up (a string replace
per token: cheap). The colour scheme follows the system's (QStyleHints.colorScheme) unless
WALKAPP_COLOR_SCHEME=light|dark forces one (the screenshot tool uses it) or the window's
View ▸ Appearance choice does (walkapp.ui.view_menu).

The focus ring's colour is chosen so that it stands out at least 3:1 (WCAG 2.2 non-text
contrast) from every surface it can sit on; tests/ui/test_theme.py checks that from these
very tokens, so a change of colour here that breaks it fails there.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, fields
from enum import Enum

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QWidget

from walkapp.paths import resource_path

# -- tokens --------------------------------------------------------------------------------
# Spacing scale (px): every margin and gap is one of these.
SPACE = {"xs": 4, "sm": 8, "md": 12, "lg": 16, "xl": 24, "xxl": 32}
# Type scale (pt): body text a little larger than the desktop's usual 9 pt, so a room can
# read it off a projector; titles step up from it.
TYPE = {"small": 9.5, "body": 10.5, "heading": 12.5, "title": 16.0, "display": 22.0}
# Corner radii (px): controls, and cards/panels.
RADIUS = {"control": 6, "card": 10}
FOCUS_WIDTH = 2  # px, the focus ring on every control
# How much larger presentation mode draws the guide pages' text (View ▸ Presentation mode).
PRESENTATION_SCALE = 1.6
# The widest a column of note text runs, in average characters of the body font.
READABLE_CHARS = 80

ENV_SCHEME = "WALKAPP_COLOR_SCHEME"
# Given to QApplication when walkapp makes it (walkapp.ui.app): the same style everywhere.
STYLE_ARGS = ["-style", "Fusion"]
# The View ▸ Appearance choice in the window's QSettings: "system", "light" or "dark".
SETTINGS_KEY = "appearance/scheme"


class Scheme(Enum):
    LIGHT = "light"
    DARK = "dark"


@dataclass(frozen=True)
class Colours:
    """One palette's colours (hex). Every name is a `@name` placeholder in app.qss."""

    window: str          # the window's surface
    base: str            # text fields, lists, tables
    alternate: str       # every other row; quiet panels
    card: str            # cards (the Reports page, empty states)
    button: str
    text: str
    muted: str           # secondary text (hints, subtitles); ≥ 4.5:1 on window and base
    border: str          # control outlines
    divider: str         # quiet separators
    accent: str          # walkapp's one accent: links, the current page, primary buttons
    accent_text: str     # text on an accent-soft surface
    accent_soft: str     # the selection / checked surface (a tint of the accent)
    on_accent: str       # a mark drawn on the accent (a ticked box's check)
    focus: str           # the focus ring
    warning: str
    danger: str
    disabled: str        # disabled text


LIGHT = Colours(
    window="#f4f5f7", base="#ffffff", alternate="#eef0f3", card="#ffffff",
    button="#ffffff", text="#1d232b", muted="#535c68", border="#c3c9d2",
    divider="#dde1e6", accent="#2557a7", accent_text="#143a73", accent_soft="#dbe6f6",
    on_accent="#ffffff",
    focus="#1f4f9c", warning="#a35200", danger="#b3261e", disabled="#8a929c",
)
DARK = Colours(
    window="#1b1e23", base="#14161a", alternate="#20242a", card="#23272e",
    button="#2a2f37", text="#e5e8ec", muted="#a4acb7", border="#48505b",
    divider="#323840", accent="#86aef0", accent_text="#dce8fb", accent_soft="#2a3d5c",
    on_accent="#14161a",
    focus="#8fb6f3", warning="#f0a64a", danger="#f28b82", disabled="#6f7782",
)
PALETTES = {Scheme.LIGHT: LIGHT, Scheme.DARK: DARK}

# The surfaces the focus ring can be drawn on (tests/ui/test_theme.py): the window, fields
# and lists, buttons, every other row, cards, and a selected (or checked) item.
RING_SURFACES = ("window", "base", "button", "alternate", "card", "accent_soft")


def readable_width(widget: QWidget, chars: int = READABLE_CHARS, extra: int = 0) -> int:
    """The width (px) of `chars` average characters of `widget`'s font, plus `extra` (its
    frame, margins and scroll bar): the widest a column of text should be to read well."""
    return widget.fontMetrics().averageCharWidth() * chars + extra


# -- contrast (WCAG 2.x relative luminance) ---------------------------------------------------
def luminance(hex_colour: str) -> float:
    colour = QColor(hex_colour)

    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    return (0.2126 * channel(colour.red()) + 0.7152 * channel(colour.green())
            + 0.0722 * channel(colour.blue()))


def contrast(a: str, b: str) -> float:
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


# -- which scheme ---------------------------------------------------------------------------
def forced_scheme() -> Scheme | None:
    """WALKAPP_COLOR_SCHEME=light|dark, or None."""
    value = os.environ.get(ENV_SCHEME, "").strip().lower()
    return Scheme(value) if value in {s.value for s in Scheme} else None


def system_scheme() -> Scheme:
    hints = QGuiApplication.styleHints()
    return Scheme.DARK if hints.colorScheme() is Qt.ColorScheme.Dark else Scheme.LIGHT


def resolve(choice: str | None = None) -> Scheme:
    """The scheme to show: the environment's, else `choice` ("light"/"dark"; "system" or
    None: the system's)."""
    forced = forced_scheme()
    if forced is not None:
        return forced
    if choice in {s.value for s in Scheme}:
        return Scheme(choice)
    return system_scheme()


def saved_choice(settings: QSettings) -> str:
    """The View ▸ Appearance choice kept in `settings` ("system" when none is)."""
    value = str(settings.value(SETTINGS_KEY, "system") or "system")
    return value if value in {"system", "light", "dark"} else "system"


# -- applying -------------------------------------------------------------------------------
_state: dict[str, object] = {}  # the scheme on show, and the qss template once read


def current() -> Colours:
    """The palette on show (light before any is applied)."""
    scheme = _state.get("scheme")
    return PALETTES[scheme] if isinstance(scheme, Scheme) else LIGHT


def current_scheme() -> Scheme | None:
    scheme = _state.get("scheme")
    return scheme if isinstance(scheme, Scheme) else None


def palette(colours: Colours) -> QPalette:
    p = QPalette()
    roles = QPalette.ColorRole
    pairs = {
        roles.Window: colours.window, roles.WindowText: colours.text,
        roles.Base: colours.base, roles.AlternateBase: colours.alternate,
        roles.Text: colours.text, roles.Button: colours.button,
        roles.ButtonText: colours.text, roles.BrightText: colours.base,
        roles.Highlight: colours.accent_soft, roles.HighlightedText: colours.accent_text,
        roles.ToolTipBase: colours.card, roles.ToolTipText: colours.text,
        roles.PlaceholderText: colours.muted, roles.Link: colours.accent,
        roles.LinkVisited: colours.accent, roles.Accent: colours.accent,
        roles.Mid: colours.border, roles.Midlight: colours.divider,
        roles.Light: colours.base, roles.Dark: colours.border, roles.Shadow: colours.border,
    }
    for role, value in pairs.items():
        p.setColor(role, QColor(value))
    disabled = QPalette.ColorGroup.Disabled
    for role in (roles.WindowText, roles.Text, roles.ButtonText):
        p.setColor(disabled, role, QColor(colours.disabled))
    p.setColor(disabled, roles.Button, QColor(colours.alternate))
    p.setColor(disabled, roles.Base, QColor(colours.alternate))
    return p


def _token_values(colours: Colours) -> dict[str, str]:
    values = {f.name.replace("_", "-"): getattr(colours, f.name) for f in fields(colours)}
    values.update({f"space-{k}": f"{v}px" for k, v in SPACE.items()})
    values.update({f"type-{k}": f"{v}pt" for k, v in TYPE.items()})
    values.update({f"radius-{k}": f"{v}px" for k, v in RADIUS.items()})
    values["focus-width"] = f"{FOCUS_WIDTH}px"
    # The stylesheet's own pictures (a ticked box's check, the arrows of drop-downs and
    # spin boxes): bundled SVGs with the palette's colour written in (resources/icons).
    scheme = Scheme.DARK if luminance(colours.window) < 0.2 else Scheme.LIGHT
    for name in INDICATORS:
        values[name] = resource_path("icons", indicator_file(name, scheme)).as_posix()
    return values


# Each stylesheet picture, and the palette colour its file is drawn in.
INDICATORS = {"check": "on_accent", "chevron-down": "text", "chevron-up": "text"}


def indicator_file(name: str, scheme: Scheme) -> str:
    """The file name of the stylesheet picture `name` (INDICATORS) in `scheme`'s colour."""
    return f"indicator-{name}-{scheme.value}.svg"


_PLACEHOLDER = re.compile(r"@([a-z][a-z0-9-]*)")


def stylesheet(colours: Colours) -> str:
    """app.qss with its `@name` placeholders filled in (an unknown name is left as it is,
    and Qt then warns about the rule)."""
    template = _state.get("qss")
    if not isinstance(template, str):
        path = resource_path("styles", "app.qss")
        template = path.read_text(encoding="utf-8") if path.exists() else ""
        _state["qss"] = template
    values = _token_values(colours)
    return _PLACEHOLDER.sub(lambda m: values.get(m.group(1), m.group(0)), template)


def apply(app: QApplication, choice: str | None = None) -> Scheme:
    """Put walkapp's look on `app`: the palette, type size and stylesheet of the scheme
    `choice` resolves to (see `resolve`); Fusion comes with STYLE_ARGS. Nothing is redone
    when that scheme is on show."""
    scheme = resolve(choice)
    if _state.get("scheme") is scheme and _state.get("app") is app:
        return scheme
    if _state.get("app") is not app:
        # Fusion is chosen when the application is made (STYLE_ARGS), not here: asking
        # for the app's QStyle from Python builds the binding's QStyle type and its enums,
        # some milliseconds of every start.
        font = app.font()
        font.setPointSizeF(TYPE["body"])
        app.setFont(font)
    colours = PALETTES[scheme]
    app.setPalette(palette(colours))
    app.setStyleSheet(stylesheet(colours))
    _state["scheme"] = scheme
    _state["app"] = app
    return scheme


def follow_system(app: QApplication, choice: str | None = None) -> None:
    """Re-apply when the desktop switches between light and dark, while the choice is
    the system's (the environment variable and an explicit choice win)."""
    _state["choice"] = choice

    def changed(_scheme: object) -> None:
        wanted = _state.get("choice")
        if forced_scheme() is None and wanted not in {s.value for s in Scheme}:
            apply(app, None)

    if not _state.get("following"):
        QGuiApplication.styleHints().colorSchemeChanged.connect(changed)
        _state["following"] = True


def set_choice(app: QApplication, choice: str) -> Scheme:
    """The user's View ▸ Appearance choice ("system", "light" or "dark")."""
    _state["choice"] = choice
    return apply(app, choice)
