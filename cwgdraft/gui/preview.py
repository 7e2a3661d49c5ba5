"""The live preview: the engine's document model as right-to-left HTML in a
`QTextBrowser`, the same numbers and letters as the `.docx`.

Edits only start a short single-shot timer; the page is rendered when the
user pauses, so typing never waits for it. Clicking a paragraph emits
`source_clicked` with the block's source (a paragraph id or a field path).
"""

from __future__ import annotations

import time
from html import escape

from PySide6.QtCore import Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QTextBrowser, QWidget

from cwgdraft.core.model import Report
from cwgdraft.formats.html_writer import MUTED, SCHEME, to_html
from cwgdraft.formats.render import render
from cwgdraft.gui.i18n import t

DEBOUNCE_MS = 120


class Preview(QTextBrowser):
    source_clicked = Signal(str)
    refreshed = Signal(float)  # milliseconds the last refresh took

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("preview")
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.anchorClicked.connect(self._clicked)
        # The page is laid out at the viewport's width (the default wrap mode),
        # and every line fits in it. Qt only over-reports the width of a
        # right-to-left hanging paragraph: it counts the first line's extent as
        # `line.x() + naturalTextWidth + right margin`, though that line
        # already reaches into the margin through the negative indent. That
        # phantom width would give the view a horizontal range, and a
        # right-to-left view scrolled to its "start" shows the page shifted
        # left and clipped: the range is held at zero instead.
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.horizontalScrollBar().rangeChanged.connect(self._no_horizontal_range)
        self.report: Report | None = None
        self.selected: str | None = None
        self.last_ms = 0.0
        self.error = ""
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self.refresh)

    def _no_horizontal_range(self, _low: int, high: int) -> None:
        if high > 0:
            self.horizontalScrollBar().setRange(0, 0)

    def set_report(self, report: Report | None) -> None:
        self.report = report
        self.refresh()

    def schedule(self) -> None:
        """Refresh after the user pauses (restarts on every keystroke)."""
        self._timer.start()

    @property
    def pending(self) -> bool:
        return self._timer.isActive()

    def refresh(self) -> None:
        self._timer.stop()
        if self.report is None:
            self.setHtml(
                f'<p align="center" style="margin-top:48px; color:{MUTED};">'
                f'{escape(t("ستظهر هنا معاينة التقرير كما سيُصدَّر."))}</p>'
            )
            return
        started = time.perf_counter()
        try:
            html = to_html(render(self.report), self.selected)
        except Exception as exc:  # a broken template: say so in the preview, keep editing
            from cwgdraft.gui.dialogs import describe

            self.error = describe(exc)
            self.setPlainText(self.error)
            return
        self.error = ""
        bar = self.verticalScrollBar()
        position = bar.value()
        self.setHtml(html)
        bar.setValue(position)
        self.last_ms = (time.perf_counter() - started) * 1000
        self.refreshed.emit(self.last_ms)

    def select(self, source: str | None, scroll: bool = True) -> None:
        self.selected = source
        self.refresh()
        if scroll and source:
            self.scroll_to(source)

    def scroll_to(self, source: str) -> None:
        href = f"{SCHEME}:{source}"
        block = self.document().begin()
        while block.isValid():
            it = block.begin()
            while not it.atEnd():
                if it.fragment().charFormat().anchorHref() == href:
                    self.setTextCursor(QTextCursor(block))
                    # The paragraph near the top of the view, not at its bottom edge.
                    top = self.document().documentLayout().blockBoundingRect(block).top()
                    self.verticalScrollBar().setValue(int(top - self.viewport().height() / 5))
                    return
                it += 1
            block = block.next()

    def _clicked(self, url: QUrl) -> None:
        if url.scheme() == SCHEME:
            self.source_clicked.emit(url.path() or url.toString()[len(SCHEME) + 1:])
