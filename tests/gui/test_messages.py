"""The check before export speaks the language of the interface: Arabic labels (the core's own)
in Arabic, English ones in English, with no Arabic letters left in them."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QLabel

from cwgdraft.core.checks import missing_fields as core_missing
from cwgdraft.core.model import Paragraph, ParagraphKind, Report, Section
from cwgdraft.gui.dialogs import CheckDialog
from cwgdraft.gui.main_window import missing_fields
from cwgdraft.gui.messages import dates_message
from tests.gui.conftest import make_window, sample_2022

ARABIC = re.compile(r"[\u0600-\u06ff]")


def incomplete() -> Report:
    """Every kind of missing field: header, meetings (no date, an end before its start), signature,
    a section without a title, an empty paragraph of every kind."""
    report = sample_2022()
    report.symbol = ""
    report.date = None
    report.title = ""
    report.signature.name = ""
    # No chair in the people: the signature's name is then required.
    report.people = [p for p in report.people if p.role.value != "chair"]
    report.meetings[0].start = None
    report.meetings[0].end = dt.date(2022, 1, 1)
    report.meetings[0].number = 0
    report.sections.append(Section("", paragraphs=[Paragraph("", kind) for kind in ParagraphKind]))
    return report


def _dialog_labels(qtbot: Any, missing: list[Any]) -> list[str]:
    dialog = CheckDialog(missing, lambda _p: None)
    qtbot.addWidget(dialog)
    inner = dialog.findChildren(QLabel)
    return [label.text() for label in inner if label.text() not in ("",)]


def test_english_check_dialog_has_no_arabic(qtbot: Any, english: None) -> None:
    report = incomplete()
    core = core_missing(report)
    shown = missing_fields(report)
    assert [m.path for m in shown] == [m.path for m in core]
    assert len(shown) >= 12
    labels = _dialog_labels(qtbot, shown)
    assert len(labels) == len(shown) + 1  # one per field, and the explanation above them
    arabic = [text for text in labels if ARABIC.search(text)]
    assert not arabic, arabic
    texts = {m.path: m.label for m in shown}
    assert texts["report.symbol"] == "Document symbol"
    assert texts["signature.name"] == "Name of the signatory (chair)"
    assert "18" not in texts["meetings[0].start"] and "0" in texts["meetings[0].start"]
    si = len(report.sections) - 1
    assert texts[f"sections[{si}].title"] == f"Title of section {si + 1}"
    assert f"section {si + 1}" in texts[f"sections[{si}].paragraphs[0]"]
    # Every kind of empty paragraph is named differently.
    kinds = {texts[f"sections[{si}].paragraphs[{pi}]"] for pi in range(len(ParagraphKind))}
    assert len(kinds) == len(ParagraphKind)


def test_arabic_check_keeps_the_core_labels(qtbot: Any, qapp: Any) -> None:
    report = incomplete()
    assert [m.label for m in missing_fields(report)] == [m.label for m in core_missing(report)]


def test_date_messages_in_english(english: None) -> None:
    message = dates_message(dt.date(2023, 1, 19), dt.date(2023, 1, 18))
    assert message == "The end date (2023-01-18) comes before the start date (2023-01-19)."
    assert dates_message(None, dt.date(2023, 1, 18)) == "Enter the start date before the end date."
    assert dates_message(dt.date(2023, 1, 18), None) is None


def test_english_carry_dialog_lists_what_to_fill_in_english(qtbot: Any, sample_store: Any, tmp_path: Path,
                                                           english: None) -> None:
    store, report_id = sample_store
    window = make_window(qtbot, store, report_id, tmp_path, lang="en")
    assert window.new_from_previous() is not None
    to_fill = window.carry_dialog.to_fill
    texts = [to_fill.item(i).text() for i in range(to_fill.count())]
    assert texts and not [x for x in texts if ARABIC.search(x)], texts
    window.carry_dialog.close()


def test_file_errors_in_the_interface_language(qapp: Any) -> None:
    from cwgdraft.gui.errors import describe

    error = FileNotFoundError(2, "No such file or directory", "/tmp/none.db")
    # The path held left to right inside the Arabic sentence (its leading / stays at its start).
    assert describe(error) == "\u200e/tmp/none.db\u200e: لا يوجد ملف أو مجلد بهذا الاسم"
    assert describe(OSError(9999, "Strange thing")) == "Strange thing"  # an unusual one as the system says it


def test_file_errors_in_english(english: None) -> None:
    from cwgdraft.gui.errors import describe

    assert describe(PermissionError(13, "Permission denied", "/x")) == "\u200e/x\u200e: Permission denied"


def test_dialog_buttons_say_cancel_and_close_in_arabic(qtbot: Any, qapp: Any) -> None:
    """Not Qt's imperative «ألغِ» and «أغلق»; and the go-to buttons keep their own size."""
    from PySide6.QtWidgets import QDialogButtonBox, QPushButton

    from cwgdraft.gui.dialogs import CarryDialog

    report = incomplete()
    check = CheckDialog(missing_fields(report), lambda _p: None)
    qtbot.addWidget(check)
    check.show()
    texts = [b.text() for b in check.findChild(QDialogButtonBox).buttons()]
    assert "إلغاء" in texts and "تصدير على أي حال" in texts
    go = check.go_buttons[0]
    assert go.width() < check.width() / 3
    carry = CarryDialog(["نُقل كذا."], [], lambda _p: None)
    qtbot.addWidget(carry)
    assert [b.text() for b in carry.findChildren(QPushButton)] == ["إغلاق"]


def test_english_findings_name_missing_facts_in_english(qtbot: Any, english: None) -> None:
    """The check before export's other findings (missing facts) are worded in English too."""
    from cwgdraft.gui.window_export import check_findings

    report = incomplete()
    findings = check_findings(report)
    facts_missing = [f for f in findings if f.code == "missing_fact"]
    assert facts_missing
    assert not [f.label for f in facts_missing if ARABIC.search(f.label)]
    assert any("Meeting date(s): not entered yet" in f.label for f in facts_missing)
    assert any(f.label.startswith("Summary: ") for f in facts_missing)


def test_a_missing_fact_found_in_english_still_goes_to_its_fact(qtbot: Any, english: None) -> None:
    from cwgdraft.core.content import Field
    from cwgdraft.gui.window_export import check_findings, fact_of_finding

    report = incomplete()
    findings = [f for f in check_findings(report) if f.code == "missing_fact"]
    dates = next(f for f in findings if f.label.endswith("Meeting date(s): not entered yet"))
    assert fact_of_finding(report, dates) == Field("meetings.dates")
