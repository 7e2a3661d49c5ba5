"""The preview follows typing by writing only the paragraphs that changed,
and the page it shows is the page a full render shows; the window is drawn
before the first preview, which is rendered once."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication

from cwgdraft.core.model import ParagraphKind, Section
from cwgdraft.core.store import Store
from cwgdraft.gui import preview as preview_module
from cwgdraft.gui.commands import SetList, SetValue
from cwgdraft.gui.preview import Preview
from tests.gui.conftest import make_window
from tests.gui.helpers import commit_text, settle


@pytest.fixture
def renders(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Counts the preview's full renders (the real renderer runs)."""
    calls: list[int] = []
    real = preview_module.render

    def counted(*args: Any, **kwargs: Any) -> Any:
        calls.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(preview_module, "render", counted)
    return calls


def _full_page(window: Any) -> str:
    """The page a full render of the same report shows, as Qt holds it."""
    fresh = Preview()
    fresh.resize(window.preview.size())
    fresh.selected = window.preview.selected
    fresh.set_report(window.report)
    return fresh.document().toHtml()


def test_typing_rewrites_the_paragraph_in_place(qtbot: Any, window: Any, renders: list[int]) -> None:
    settle(window)
    paragraph = window.report.sections[1].paragraphs[0]
    window.go_to("paragraph", paragraph.id)
    settle(window)
    before = len(renders)
    commit_text(window.sections.editor, " ITU\u2011D (2024) http://www.itu.int و<نص> & 5G")
    window.refresh_views()
    assert len(renders) == before  # nothing rendered whole
    assert "http://www.itu.int و<نص> & 5G" in window.preview.toPlainText()
    assert window.preview.document().toHtml() == _full_page(window)


def test_a_kind_change_renumbers_the_paragraphs_after_it(qtbot: Any, window: Any, renders: list[int]) -> None:
    settle(window)
    section = next(s for s in window.report.sections if sum(p.kind is ParagraphKind.NUMBERED for p in s.paragraphs) >= 3)
    first = next(p for p in section.paragraphs if p.kind is ParagraphKind.NUMBERED)
    before = len(renders)
    window.session.push(SetValue(window.session, ("paragraph", first.id), "kind", ParagraphKind.BULLET, "kind"))
    window.refresh_views()
    assert len(renders) == before
    page = window.preview.document().toHtml()
    assert page == _full_page(window)
    # And back, by undo: the numbers come back.
    window.session.undo_stack.undo()
    window.refresh_views()
    assert window.preview.document().toHtml() == _full_page(window) != page


def test_selecting_moves_the_highlight_in_place(qtbot: Any, window: Any, renders: list[int]) -> None:
    settle(window)
    paragraphs = window.report.all_paragraphs()
    for p in (paragraphs[2], paragraphs[-1], paragraphs[5]):
        before = len(renders)
        window.go_to("paragraph", p.id)
        assert len(renders) == before
        assert window.preview.document().toHtml() == _full_page(window)


def test_other_edits_render_the_page(qtbot: Any, window: Any, renders: list[int]) -> None:
    settle(window)
    before = len(renders)
    window.session.push(SetValue(window.session, ("report",), "symbol", "C25/99-A", "symbol"))
    window.refresh_views()
    assert len(renders) == before + 1
    assert "C25/99-A" in window.preview.toPlainText()


def test_the_window_is_drawn_before_the_one_preview(
    qtbot: Any, sample_store: tuple[Store, str], tmp_path: Path, renders: list[int]
) -> None:
    store, report_id = sample_store
    window = make_window(qtbot, store, report_id, tmp_path)  # opens the report, then shows the window
    assert window.isVisible()
    assert renders == []  # nothing rendered before the window was shown
    qtbot.waitUntil(lambda: len(renders) == 1, timeout=2000)
    QApplication.processEvents()
    settle(window)
    assert len(renders) == 1  # rendered once
    assert window.report.sections[0].paragraphs[0].text[:20] in window.preview.toPlainText()


def test_typing_sets_the_outline_line_in_place(qtbot: Any, window: Any) -> None:
    settle(window)
    paragraph = window.report.sections[1].paragraphs[0]
    window.go_to("paragraph", paragraph.id)
    settle(window)
    items = list(window.navigator._outline_items)
    # New words at the start of the paragraph show in its outline line (the first 60 characters).
    window.session.push(SetValue(window.session, ("paragraph", paragraph.id), "text", "نص جديد ITU\u2011D", "text"))
    window.refresh_views()
    assert window.navigator._outline_items == items  # the same lines, not built again
    texts = [item.text(0) for item in items]
    assert any(text.endswith("نص جديد ITU\u2011D") for text in texts), texts
    # A new section changes the lines: the outline is built again, with it.
    sections = [*window.report.sections, Section("قسم إضافي")]
    window.session.push(SetList(window.session, ("report",), "sections", sections, "section"))
    window.refresh_views()
    assert any("قسم إضافي" in item.text(0) for item in window.navigator._outline_items)
