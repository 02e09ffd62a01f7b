"""Find text that a screen cuts: a label, button, tab, combo box or list item narrower (or,
for wrapped items, shorter) than its words need, or pushed out of sight by its parent.

`cut_texts(root)` looks at every visible widget under `root` and describes each text it
does not show whole. What a widget needs is measured with its own font and its style's own
rectangles (the style sheet's padding included), so the check follows a bigger font or new
paddings instead of today's pixel widths. Word-wrapped labels and editors are left out:
they show their text whole by wrapping or scrolling.
"""

from __future__ import annotations

from collections.abc import Iterator

from PySide6.QtCore import QModelIndex, QPoint, QRect, QSize
from PySide6.QtGui import QFontMetrics, Qt, QTextDocument  # QtGui's Qt has mightBeRichText
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractScrollArea,
    QAbstractSpinBox,
    QCheckBox,
    QComboBox,
    QHeaderView,
    QLabel,
    QLayout,
    QLineEdit,
    QListView,
    QPushButton,
    QRadioButton,
    QScrollBar,
    QSlider,
    QStyle,
    QStyleOptionButton,
    QStyleOptionComboBox,
    QStyleOptionViewItem,
    QTabBar,
    QTableView,
    QToolButton,
    QTreeView,
    QWidget,
)

SLACK = 1  # a pixel of rounding
CLIP_SLACK = 2  # a widget's frame edge under its parent's border is not cut text
_MAX_ITEMS = 400  # items looked at per view (only those in sight count)


def _shown_text(text: str) -> str:
    """The words a button or tab shows: its mnemonic marks taken out ("&&" is "&")."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def _where(widget: QWidget, root: QWidget) -> str:
    path = []
    node: QWidget | None = widget
    while node is not None and node is not root and len(path) < 4:
        path.append(node.objectName() or type(node).__name__)
        node = node.parentWidget()
    return " < ".join(path)


def _in_sight(widget: QWidget) -> QRect | None:
    """The part of `widget` its parents let be seen (None: none of it, e.g. scrolled away
    or on a hidden page)."""
    if not widget.isVisible():
        return None
    region = widget.visibleRegion()
    return None if region.isEmpty() else region.boundingRect()


def _inside(widget: QWidget, kinds: tuple[type, ...], root: QWidget) -> bool:
    node = widget.parentWidget()
    while node is not None and node is not root:
        if isinstance(node, kinds):
            return True
        node = node.parentWidget()
    return False


def _text_width(widget: QWidget, text: str, mnemonic: bool = True) -> int:
    flags = Qt.TextFlag.TextShowMnemonic if mnemonic else Qt.TextFlag(0)
    return QFontMetrics(widget.font()).size(flags, text).width()


def _label(label: QLabel) -> tuple[str, int, int] | None:
    text = label.text()
    full = getattr(label, "full_text", None)  # a label that elides itself ("…")
    if callable(full) and isinstance(full(), str) and full() != text:
        text = full()
    if not text or label.wordWrap() or not label.pixmap().isNull():
        return None
    rich = (label.textFormat() == Qt.TextFormat.RichText
            or (label.textFormat() == Qt.TextFormat.AutoText and Qt.mightBeRichText(text)))
    if rich:
        document = QTextDocument()
        document.setDefaultFont(label.font())
        document.setDocumentMargin(0)
        document.setHtml(text)
        needed = int(document.idealWidth() + 0.999)
        shown = document.toPlainText()
    else:
        needed = _text_width(label, text, mnemonic=label.buddy() is not None)
        shown = text
    indent = max(label.indent(), 0)
    have = label.contentsRect().width() - 2 * label.margin() - indent
    return shown, needed, have


def _icon_width(button: QAbstractButton) -> int:
    return button.iconSize().width() + 4 if not button.icon().isNull() else 0


def _button(button: QAbstractButton) -> tuple[str, int, int] | None:
    text = button.text()
    if not text:
        return None
    shown = _shown_text(text)
    style = button.style()
    needed = _text_width(button, text) + _icon_width(button)
    if isinstance(button, QToolButton):
        if button.toolButtonStyle() == Qt.ToolButtonStyle.ToolButtonIconOnly:
            return None
        return shown, button.sizeHint().width(), button.width()
    option = QStyleOptionButton()
    button.initStyleOption(option)  # type: ignore[attr-defined]
    if isinstance(button, QPushButton):
        rect = style.subElementRect(QStyle.SubElement.SE_PushButtonContents, option, button)
        if button.menu() is not None:
            needed += style.pixelMetric(QStyle.PixelMetric.PM_MenuButtonIndicator, option,
                                        button)
    elif isinstance(button, QCheckBox):
        rect = style.subElementRect(QStyle.SubElement.SE_CheckBoxContents, option, button)
    elif isinstance(button, QRadioButton):
        rect = style.subElementRect(QStyle.SubElement.SE_RadioButtonContents, option, button)
    else:
        return shown, button.sizeHint().width(), button.width()
    return shown, needed, rect.width()


def _combo(combo: QComboBox) -> tuple[str, int, int] | None:
    if combo.isEditable() or not combo.currentText():
        return None
    option = QStyleOptionComboBox()
    combo.initStyleOption(option)  # type: ignore[attr-defined]
    field = combo.style().subControlRect(QStyle.ComplexControl.CC_ComboBox, option,
                                         QStyle.SubControl.SC_ComboBoxEditField, combo)
    needed = QFontMetrics(combo.font()).horizontalAdvance(combo.currentText()) + 2
    if not combo.itemIcon(combo.currentIndex()).isNull():
        needed += combo.iconSize().width() + 4
    return combo.currentText(), needed, field.width()


def _tabs(bar: QTabBar) -> Iterator[tuple[str, int, int]]:
    bounds = bar.rect()
    for index in range(bar.count()):
        if not bar.isTabVisible(index) or not bar.tabText(index):
            continue
        rect = bar.tabRect(index)
        shown = _shown_text(bar.tabText(index))
        try:
            needed = bar.tabSizeHint(index).width()  # type: ignore[attr-defined]
        except (AttributeError, TypeError):
            needed = (_text_width(bar, bar.tabText(index))
                      + bar.style().pixelMetric(QStyle.PixelMetric.PM_TabBarTabHSpace))
        have = rect.intersected(bounds).width()  # a tab behind the scroll arrows: cut
        yield shown, needed, have


def _indexes(view: QAbstractItemView) -> Iterator[QModelIndex]:
    model = view.model()
    if model is None:
        return
    seen = 0
    pending = [QModelIndex()]
    while pending and seen < _MAX_ITEMS:
        parent = pending.pop(0)
        try:
            columns = model.columnCount(parent)
        except TypeError:  # a QListWidget's own model keeps it private: one column
            columns = 1
        for row in range(model.rowCount(parent)):
            for column in range(columns):
                index = model.index(row, column, parent)
                if isinstance(view, QTableView | QTreeView) and (
                        view.isColumnHidden(column)):
                    continue
                if isinstance(view, QListView) and (view.isRowHidden(row)
                                                    or column != view.modelColumn()):
                    continue
                seen += 1
                yield index
            if isinstance(view, QTreeView) and view.isExpanded(model.index(row, 0, parent)):
                pending.append(model.index(row, 0, parent))


def _items(view: QAbstractItemView) -> Iterator[tuple[str, int, int]]:
    viewport = view.viewport().rect()
    delegate = view.itemDelegate()
    for index in _indexes(view):
        text = index.data(Qt.ItemDataRole.DisplayRole)
        if not isinstance(text, str) or not text.strip():
            continue
        rect = view.visualRect(index)
        seen = rect.intersected(viewport)
        if seen.isEmpty() or seen.height() < rect.height() // 2:
            continue  # out of sight, or half scrolled away: not what is on screen
        option = QStyleOptionViewItem()
        view.initViewItemOption(option)  # type: ignore[attr-defined]
        option.rect = rect
        option.index = index
        hint = delegate.sizeHint(option, index)
        if view.wordWrap() and hint.width() > rect.width():
            # A style sheet's item padding is added after the lines were wrapped at the
            # whole width: wrap them at the width the padding leaves, as they are drawn.
            option.rect = QRect(rect.topLeft(),
                                rect.size() - QSize(hint.width() - rect.width(), 0))
            hint = delegate.sizeHint(option, index)
            hint.setWidth(hint.width() - (rect.width() - option.rect.width()))
        first_line = text.splitlines()[0] if text.splitlines() else text
        if hint.width() > seen.width() + SLACK:
            yield first_line, hint.width(), seen.width()
        elif hint.height() > rect.height() + SLACK:
            # Wrapped or several lines: the last lines do not fit in the row.
            yield first_line + " (its last lines)", hint.height(), rect.height()


# What is checked for being cut off by a parent (beside its text being too wide).
_SHOWN = (QLabel, QAbstractButton, QComboBox, QLineEdit, QAbstractSpinBox, QTabBar, QSlider,
          QAbstractScrollArea)
# Their inner parts are theirs to lay out (a tab bar's scroll arrows, a spin box's edit).
_COMPOSITES = (QComboBox, QAbstractSpinBox, QTabBar, QScrollBar)


def _cut_off_by(widget: QWidget, root: QWidget) -> tuple[QWidget, QRect] | None:
    """The parent (up to `root`, or to the scroll area it sits in) that cuts part of
    `widget` off, and the part of `widget` that parent shows; None if nothing does."""
    node = widget.parentWidget()
    while node is not None:
        if isinstance(node, _COMPOSITES):
            return None
        scroller = node.parentWidget()
        if isinstance(scroller, QAbstractScrollArea) and node is scroller.viewport():
            return None  # a scroll area shows its content a part at a time, by design
        rect = QRect(widget.mapTo(node, QPoint(0, 0)), widget.size())
        shown = rect.intersected(node.rect())
        if (rect.width() - shown.width() > CLIP_SLACK
                or rect.height() - shown.height() > CLIP_SLACK):
            return node, shown
        if node is root:
            return None
        node = node.parentWidget()
    return None


def _name(widget: QWidget) -> str:
    text = ""
    if isinstance(widget, QLabel | QAbstractButton):
        text = widget.text()
    elif isinstance(widget, QComboBox):
        text = widget.currentText()
    text = _shown_text(text).splitlines()[0] if text.strip() else ""
    return text or widget.accessibleName() or type(widget).__name__


def _laid_out(layout: QLayout) -> Iterator[QWidget]:
    for index in range(layout.count()):
        item = layout.itemAt(index)
        if item is None:
            continue
        if item.widget() is not None:
            yield item.widget()
        elif item.layout() is not None:
            yield from _laid_out(item.layout())


def _overlaps(parent: QWidget, root: QWidget) -> Iterator[str]:
    """Widgets its layout placed over each other: it had less room than they need."""
    layout = parent.layout()
    if layout is None:
        return
    shown = [w for w in _laid_out(layout) if w.isVisible() and w.parentWidget() is parent]
    for index, first in enumerate(shown):
        for second in shown[index + 1:]:
            both = first.geometry().intersected(second.geometry())
            if both.width() > CLIP_SLACK and both.height() > CLIP_SLACK:
                yield (f'{type(first).__name__} "{_name(first)}" and {type(second).__name__} '
                       f'"{_name(second)}" overlap by {both.width()}×{both.height()} px '
                       f"(in {_where(parent, root)})")


def cut_texts(root: QWidget) -> list[str]:
    """Describe each text under `root` (shown) that is cut: 'Kind "words": needs N px,
    has M px (where)'."""
    found: list[str] = []

    def cut(widget: QWidget, kind: str, text: str, needed: int, have: int) -> None:
        if needed > have + SLACK:
            found.append(f'{kind} "{text}": needs {needed} px, has {have} px '
                         f"({_where(widget, root)})")

    for widget in [root, *root.findChildren(QWidget)]:
        if widget.isVisible() and not isinstance(widget, _COMPOSITES):
            found.extend(_overlaps(widget, root))
        if widget is not root and isinstance(widget, _SHOWN) and widget.isVisible():
            cutter = _cut_off_by(widget, root)
            if cutter is not None and not _inside(widget, _COMPOSITES, root):
                parent, shown = cutter
                found.append(f'{type(widget).__name__} "{_name(widget)}": '
                             f"{widget.width()}×{widget.height()} px, "
                             f"{shown.width()}×{shown.height()} px of it shown "
                             f"(cut off by {_where(parent, root)})")
                continue
        sight = _in_sight(widget)
        if sight is None:
            continue
        # A widget wider than the part of it its parents show is cut at their edge.
        clip = sight.width() if sight.width() < widget.width() else None
        measured: list[tuple[str, int, int]] = []
        kind = type(widget).__name__
        if isinstance(widget, QLabel):
            one = _label(widget)
            measured = [one] if one else []
            kind = "label"
        elif isinstance(widget, QAbstractButton):
            one = _button(widget)
            measured = [one] if one else []
            kind = "button" if isinstance(widget, QPushButton | QToolButton) else "box"
        elif isinstance(widget, QComboBox):
            one = _combo(widget)
            measured = [one] if one else []
            kind = "choice"
        elif isinstance(widget, QTabBar):
            measured = list(_tabs(widget))
            kind = "tab"
            clip = None  # each tab is measured against the bar's own edge
        elif isinstance(widget, QAbstractItemView) and not isinstance(widget, QHeaderView):
            measured = list(_items(widget))
            kind = "item"
            clip = None
        for text, needed, have in measured:
            if clip is not None:
                have = min(have, have - (widget.width() - clip))
            cut(widget, kind, text, needed, have)
    return found
