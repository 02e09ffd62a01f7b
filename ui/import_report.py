"""The import report dialog: what happened to each notes file, in full sentences."""

from __future__ import annotations

from html import escape

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from walkapp import formatting as fmt
from walkapp.bundles import ImportReport
from walkapp.bundles.report import aside, counts_words
from walkapp.ui.help_sections import GuideSection, ShowGuide
from walkapp.ui.widgets.guide_link import GuideLink


class ImportReportDialog(QDialog):
    """The import report: per file, what it did to each kind (notes, reflections,
    commitments, feedback answers: new / updated / deleted / unchanged / conflicts), then
    that file's conflicts, rejections and warnings, every reason written out in full
    (wrapped, selectable, never cut off)."""

    def __init__(self, report: ImportReport, parent: QWidget | None = None, *,
                 guide: ShowGuide | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Import report"))
        self.setObjectName("importReport")
        self.resize(720, 460)
        layout = QVBoxLayout(self)
        imported = sum(1 for f in report.files if f.accepted)
        refused = len(report.files) - imported
        rejected = (self.tr("; {0} rejected").format(fmt.number(report.rejected))
                    if report.rejected else "")
        self.headline = QLabel(self.tr("Imported {0} of {1}: {2}{3}; {4} not imported.").format(
            fmt.number(imported), fmt.plural(len(report.files), "{n} file", "{n} files"),
            counts_words(report.by_kind()), rejected, fmt.number(refused)))
        self.headline.setWordWrap(True)
        self.headline.setAccessibleName(self.tr("Import summary"))
        font = self.headline.font()
        font.setBold(True)
        self.headline.setFont(font)
        layout.addWidget(self.headline)
        self.details = QTextBrowser()
        self.details.setAccessibleName(self.tr("What happened to each file"))
        self.details.setOpenLinks(False)
        self.details.setHtml(self._html(report))
        layout.addWidget(self.details, 1)
        # A file not imported (often: no walk kit was made for it here): how kits and notes
        # files go together, in the guide.
        self.learn_more: GuideLink | None = None
        if guide is not None and refused:
            self.learn_more = GuideLink(guide, GuideSection.WALKERS_LAPTOPS, self.tr(
                "Learn more: walk kits out, notes files back"))
            layout.addWidget(self.learn_more)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setAccessibleName(
            self.tr("Close the import report"))
        layout.addWidget(buttons)

    def _html(self, report: ImportReport) -> str:
        parts: list[str] = []
        for file in report.files:
            # A notes file names its walker; a data export's entry (one per walk), its walk.
            named = file.walker_name or (file.walk_title if file.accepted else None)
            who = f" ({named})" if named else ""
            parts.append(f"<p><b>{escape(file.name + who)}</b><br/>")
            if not file.accepted:
                reason = file.rejected[0].reason if file.rejected else ""
                parts.append('<span style="color:#a01818">'
                             + escape(self.tr("Not imported. {0}").format(reason))
                             + "</span></p>")
                continue
            parts.append(escape(counts_words(file.counts) + "." + aside(file.counts))
                         + "</p>")
            # Under its file: what to look at in it.
            lines = [self.tr("Conflict: {0}").format(note) for note in file.conflicts]
            lines += [self.tr("Not imported: {0} — {1}.").format(r.what, r.reason)
                      for r in file.rejected]
            lines += list(file.adjustments)  # kept, adjusted to this laptop's plan
            lines += [self.tr("Warning: {0}").format(w) for w in file.warnings]
            if lines:
                parts.append("<ul>" + "".join(f"<li>{escape(x)}</li>" for x in lines)
                             + "</ul>")
        if report.conflicts:
            parts.append("<p><i>" + escape(self.tr(
                "A conflict means the same item was changed on two laptops. Both versions "
                "are kept side by side, the second marked as a conflict, for you to "
                "resolve.")) + "</i></p>")
        if report.backup_path:
            parts.append("<p>" + escape(self.tr(
                "A copy of the database from before the import was saved to {0}.").format(
                    report.backup_path)) + "</p>")
        return "".join(parts)
