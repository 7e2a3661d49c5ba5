"""The live preview: the engine's document model as right-to-left HTML in a
`QTextBrowser`, the same numbers and letters as the `.docx`.

Edits only start a short single-shot timer; the page is rendered when the
user pauses, so typing never waits for it. Clicking a paragraph emits
`source_clicked` with the block's source (a paragraph id or a field path).

A refresh after typing in paragraphs does not render the whole report again:
when nothing but the text or kind of some paragraphs changed, those
paragraphs (and those whose number or letter changed with them) are written
again in place, and Qt lays out only them. Anything else renders the page.
"""

from __future__ import annotations

import copy
import dataclasses
import time
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QTextBlockFormat, QTextCursor, QTextDocument, QTextDocumentFragment
from PySide6.QtWidgets import QTextBrowser, QWidget

from cwgdraft.core import arabic
from cwgdraft.core.content import is_rich
from cwgdraft.core.model import Paragraph, Report
from cwgdraft.formats.docmodel import Block, Document
from cwgdraft.formats.html_writer import MUTED, SCHEME, Pending, escape, paragraph_page, to_html
from cwgdraft.formats.render import lay_out, paragraph_block, render
from cwgdraft.gui.i18n import t

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable

    from PySide6.QtCore import QUrl

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
        self.marked: frozenset[str] = frozenset()  # paragraphs with reviewers' proposals pending
        self._marks_later: Callable[[], Iterable[str]] | None = None  # `mark_later`
        self.last_ms = 0.0
        self.error = ""
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self.refresh)
        self._shown: _Shown | None = None  # what the page shows, for updates in place
        self._formats: dict[tuple[str, bool, bool], QTextBlockFormat] = {}  # (style, selected, marked) -> format
        # Zoom as in the page view: Ctrl+wheel (Qt's own), Ctrl++ and Ctrl+−, Ctrl+0 back to 100 %.
        self.zoom_steps = 0
        for keys, steps in ((QKeySequence.StandardKey.ZoomIn, 1), (QKeySequence.StandardKey.ZoomOut, -1),
                            (QKeySequence("Ctrl+0"), 0)):
            shortcut = QShortcut(keys, self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(lambda n=steps: self.zoom(n))

    def zoom(self, steps: int) -> None:
        """Larger (1), smaller (-1) by a point, or back to the page's size (0)."""
        if steps == 0:
            self.zoomOut(self.zoom_steps)
            self.zoom_steps = 0
            return
        self.zoomIn(steps)
        self.zoom_steps += steps

    def _no_horizontal_range(self, _low: int, high: int) -> None:
        if high > 0:
            self.horizontalScrollBar().setRange(0, 0)

    def set_report(self, report: Report | None) -> None:
        self.report = report
        self._shown = None
        self.refresh()

    def set_marked(self, ids: frozenset[str] | set[str], refresh: bool = True) -> None:
        """Mark the paragraphs with proposals pending; the page is written again if that changed
        (now, or with the next refresh when not `refresh`)."""
        self._marks_later = None
        ids = frozenset(ids)
        if ids == self.marked:
            return
        self.marked = ids
        self._shown = None  # the marks are on every block's format: the page is rendered whole
        if self.report is not None and refresh:
            self.refresh()

    def mark_later(self, marks: Callable[[], Iterable[str]]) -> None:
        """The paragraphs to mark are asked of `marks` when the page is next rendered
        (the window opens a report before it is drawn, and renders the page after)."""
        self._marks_later = marks

    def _pending(self) -> Pending:
        return Pending(self.marked, t("مقترحات معلّقة"))

    def schedule(self) -> None:
        """Refresh after the user pauses (restarts on every keystroke)."""
        self._timer.start()

    @property
    def pending(self) -> bool:
        return self._timer.isActive()

    def refresh(self) -> None:
        self._timer.stop()
        if self._marks_later is not None:
            self.set_marked(self._marks_later(), refresh=False)
        if self.report is None:
            self.setHtml(
                f'<p align="center" style="margin-top:48px; color:{MUTED};">'
                f'{escape(t("ستظهر هنا معاينة التقرير كما سيُصدَّر."))}</p>'
            )
            return
        started = time.perf_counter()
        written = self._update_in_place()
        document = None
        if written is None:
            try:
                document = render(self.report)
            except Exception as exc:  # a broken template: say so in the preview, keep editing
                from cwgdraft.gui.errors import describe

                self.error = describe(exc)
                self._shown = None
                self.setPlainText(self.error)
                return
            written = self._update_by_diff(document)
        if written == 0:
            return  # nothing changed: the page stays, and so does the time of its last refresh
        if written is None and document is not None:
            html = to_html(document, self.selected, self._pending())
            self.error = ""
            bar = self.verticalScrollBar()
            position = bar.value()
            self.setHtml(html)
            bar.setValue(position)
            self._shown = _Shown.of(self.report, document, self.document())
        self.last_ms = (time.perf_counter() - started) * 1000
        self.refreshed.emit(self.last_ms)

    def select(self, source: str | None, scroll: bool = True) -> None:
        previous, self.selected = self.selected, source
        shown = self._shown
        if shown is None or not shown.select(self, previous, source):
            self.refresh()
        if scroll and source:
            self.scroll_to(source)

    # --- updates in place ---------------------------------------------------------

    def _update_in_place(self) -> int | None:
        """Write again, in place, the paragraphs whose text, kind, number or
        letter changed since the page was rendered, and say how many; None
        when anything else changed (or the page cannot say where a paragraph
        is): then the page is rendered whole."""
        shown, report = self._shown, self.report
        if shown is None or report is None or shown.report is not report or self.error:
            return None
        if _frame(report) != shown.frame:
            return None
        changes: list[tuple[str, Paragraph, Block]] = []
        for section in lay_out(report):
            for lp in section.paragraphs:
                p = lp.paragraph
                old = shown.paragraphs.get(p.id)
                if old is None:
                    return None
                now = (lp.label, lp.style)
                if p == old and shown.laid[p.id] == now:
                    continue
                if dataclasses.replace(old, text=p.text, kind=p.kind) != p:
                    return None  # more than the text and kind: the template may show it anywhere
                if not p.text or arabic.needs_cleaning(p.text) or p.standard:
                    return None  # a placeholder, characters the renderer drops with a note, standard wording
                if is_rich(p.text) or is_rich(old.text):
                    return None  # marks, links, footnotes (numbered across the page): the page is rendered whole
                index = shown.block_index.get(p.id)
                if index is None or p.id not in shown.qt_block:
                    return None
                block = shown.document.blocks[index]
                # The template wrote this paragraph as its text, label and style: so it will again.
                if (block.text, block.label, block.style, block.placeholder) != (old.text, *shown.laid[p.id], False):
                    return None
                # Written as `render` writes it: fields filled in from the facts.
                changes.append((p.id, p, paragraph_block(report, lp)))
        for pid, p, block in changes:
            self._write_block(shown.qt_block[pid], block)
            shown.document.blocks[shown.block_index[pid]] = block
            shown.paragraphs[pid] = copy.deepcopy(p)
            shown.laid[pid] = (block.label, block.style)
        return len(changes)

    def _update_by_diff(self, document: Document) -> int | None:
        """After a change of the facts (a date, the chair, the group...): render the report,
        and write again in place the blocks that read otherwise (the sentences whose
        fields use the fact), when the page's shape is the same; None: render it whole.
        Rendering the document model is cheap; laying out the whole page is not."""
        shown, report = self._shown, self.report
        if shown is None or report is None or shown.report is not report or self.error:
            return None
        old = shown.document
        if (len(document.blocks) != len(old.blocks) or document.header_start != old.header_start
                or document.header_end != old.header_end or document.running_header != old.running_header
                or document.footer != old.footer):
            return None
        changed: list[tuple[int, int, Block]] = []
        for i, (now, was) in enumerate(zip(document.blocks, old.blocks, strict=True)):
            if now == was:
                continue
            if (now.source, now.style, now.label, now.placeholder) != (was.source, was.style, was.label, was.placeholder):
                return None
            number = shown.qt_block.get(now.source)
            if number is None or shown.block_index.get(now.source) != i or "\n" in now.text or "\n" in was.text:
                return None
            changed.append((i, number, now))
        for _i, number, block in changed:
            self._write_block(number, block)
        laid = {lp.paragraph.id: lp for s in lay_out(report) for lp in s.paragraphs}
        shown.document = document
        shown.frame = _frame(report)
        shown.paragraphs = {pid: copy.deepcopy(lp.paragraph) for pid, lp in laid.items()}
        shown.laid = {pid: (lp.label, lp.style) for pid, lp in laid.items()}
        return len(changed)

    def _write_block(self, number: int, block: Block) -> None:
        """Replace the content and format of the page's block `number` with `block`, as `to_html` writes it."""
        target = self.document().findBlockByNumber(number)
        selected = self.selected == block.source
        fmt = self._format(block.style, selected, block.source in self.marked)
        scratch = QTextDocument()
        scratch.setHtml(paragraph_page(block, self.selected, self._pending()))
        whole = QTextCursor(scratch)
        whole.movePosition(QTextCursor.MoveOperation.End, QTextCursor.MoveMode.KeepAnchor)
        cursor = QTextCursor(target)
        cursor.beginEditBlock()
        cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock, QTextCursor.MoveMode.KeepAnchor)
        cursor.insertFragment(QTextDocumentFragment(whole))
        cursor.setBlockFormat(fmt)
        cursor.endEditBlock()

    def _format(self, style: str, selected: bool, marked: bool = False) -> QTextBlockFormat:
        """The paragraph format `to_html` gives a block of `style` (selected or not, marked
        or not), as Qt reads it."""
        key = (style, selected, marked)
        if key not in self._formats:
            scratch = QTextDocument()
            pending = Pending(frozenset({"x"}) if marked else frozenset())
            scratch.setHtml(paragraph_page(Block(style, "x", source="x"), "x" if selected else None, pending))
            self._formats[key] = QTextBlockFormat(scratch.begin().blockFormat())
        return self._formats[key]

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


def _frame(report: Report) -> str:
    """Everything of the report the page shows but the paragraphs' text and kind."""
    names = [f.name for f in dataclasses.fields(report) if f.name != "sections"]
    rest = [(s.id, s.title, s.role, [p.id for p in s.paragraphs]) for s in report.sections]
    return repr([getattr(report, name) for name in names]) + repr(rest)


class _Shown:
    """What the page was rendered from, and where each paragraph is on it. (A plain class:
    a dataclass is compiled when the module loads, before the window is first drawn.)"""

    def __init__(self, report: Report, frame: str, paragraphs: dict[str, Paragraph],
                 laid: dict[str, tuple[str, str]], document: Document, block_index: dict[str, int],
                 qt_block: dict[str, int]) -> None:
        self.report = report
        self.frame = frame
        self.paragraphs = paragraphs  # id -> a copy as rendered
        self.laid = laid  # id -> (label, style) as rendered
        self.document = document
        self.block_index = block_index  # source -> its block in `document`, when it has one only
        self.qt_block = qt_block  # source -> its block number on the page, when it has one only

    @classmethod
    def of(cls, report: Report, document: Document, page: QTextDocument) -> _Shown:
        laid = {lp.paragraph.id: lp for s in lay_out(report) for lp in s.paragraphs}
        return cls(
            report,
            _frame(report),
            {pid: copy.deepcopy(lp.paragraph) for pid, lp in laid.items()},
            {pid: (lp.label, lp.style) for pid, lp in laid.items()},
            document,
            _unique({b.source: i for i, b in enumerate(document.blocks) if b.source}, [b.source for b in document.blocks]),
            _page_blocks(page),
        )

    def select(self, preview: Preview, previous: str | None, source: str | None) -> bool:
        """Move the selection's background in place; False when a block cannot be found."""
        if previous == source:
            return True
        edits: list[tuple[int, Block]] = []
        for which in (previous, source):
            if not which:
                continue
            index = self.block_index.get(which)
            number = self.qt_block.get(which)
            if index is not None and number is not None:
                edits.append((number, self.document.blocks[index]))
            elif _shown_anywhere(preview, which):
                return False  # a field shown on several lines, or in the header: render the page
            # else: not on the page (a meeting, the people): nothing to highlight
        for number, block in edits:
            fmt = preview._format(block.style, block.source == source, block.source in preview.marked)
            cursor = QTextCursor(preview.document().findBlockByNumber(number))
            cursor.setBlockFormat(fmt)
        return True


def _unique(index: dict[str, int], sources: list[str]) -> dict[str, int]:
    seen: dict[str, int] = {}
    for source in sources:
        seen[source] = seen.get(source, 0) + 1
    return {source: i for source, i in index.items() if seen[source] == 1}


def _page_blocks(page: QTextDocument) -> dict[str, int]:
    """Source -> block number, for the sources that link exactly one block of the page."""
    prefix = f"{SCHEME}:"
    found: dict[str, int] = {}
    twice: set[str] = set()
    block = page.begin()
    while block.isValid():
        it = block.begin()
        if not it.atEnd():
            href = it.fragment().charFormat().anchorHref()
            if href.startswith(prefix):
                source = href[len(prefix) :]
                if source in found:
                    twice.add(source)
                found[source] = block.blockNumber()
        block = block.next()
    return {source: n for source, n in found.items() if source not in twice}


def _shown_anywhere(preview: Preview, source: str) -> bool:
    """Whether any block of the page links `source` (a field shown on several lines)."""
    href = f"{SCHEME}:{source}"
    block = preview.document().begin()
    while block.isValid():
        it = block.begin()
        if not it.atEnd() and it.fragment().charFormat().anchorHref() == href:
            return True
        block = block.next()
    return False
