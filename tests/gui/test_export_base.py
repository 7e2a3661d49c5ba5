"""Export to Word from the app records the export as a base, as the command line does:
a copy of the file that comes back through import --replace is merged, never
overwriting what was typed in the app since."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from cwgdraft.review import reader, rounds
from tests.gui.conftest import make_window


def test_export_from_the_app_records_a_base(qtbot: Any, sample_store: Any, tmp_path: Path) -> None:
    store, report_id = sample_store
    window = make_window(qtbot, store, report_id, tmp_path)
    path = tmp_path / "out.docx"
    assert window.export_docx_to(path) == path
    copy = reader.read_copy(path)
    assert copy.round_id is not None and copy.round_id == rounds.latest_round(store, report_id, "export")
    found = rounds.get_round(store, copy.round_id)
    assert found.kind == "export" and set(found.base) == {p.id for p in store.get(report_id).all_paragraphs()}
