"""Bidi controls: kept as typed, closed at the end of a field in the export,
and listed, with where, in the check before export."""

from __future__ import annotations

import io
import zipfile

from cwgdraft.core.arabic import close_bidi
from cwgdraft.core.checks import bidi_controls, missing_fields
from cwgdraft.formats.docx_writer import to_bytes
from cwgdraft.formats.render import render
from tests.report_factory import full_report

RLO, PDF, RLI, PDI, LRE = "\u202e", "\u202c", "\u2067", "\u2069", "\u202a"


def test_close_bidi_closes_what_is_left_open() -> None:
    assert close_bidi("جنيف") == "جنيف"
    assert close_bidi(f"جنيف{RLO}abc") == f"جنيف{RLO}abc{PDF}"
    assert close_bidi(f"{RLI}a{LRE}b") == f"{RLI}a{LRE}b{PDF}{PDI}"
    assert close_bidi(f"{RLO}a{PDF}") == f"{RLO}a{PDF}"  # already closed
    assert close_bidi(f"{RLI}a{LRE}b{PDI}") == f"{RLI}a{LRE}b{PDI}"  # the PDI closes both
    assert close_bidi(f"a{PDF}{PDI}") == f"a{PDF}{PDI}"  # closers alone: nothing to add


def test_an_open_override_in_a_header_field_stops_at_its_end() -> None:
    report = full_report()
    report.session_place = f"جنيف{RLO}"
    document = render(report)
    line = next(b for b in document.header_start if b.source == "report.session_place")
    place_end = line.text.index(RLO) + 1
    assert line.text[place_end] == PDF  # closed before the dates the template writes after it
    assert report.session_place == f"جنيف{RLO}"  # the stored text is as typed
    with zipfile.ZipFile(io.BytesIO(to_bytes(document))) as z:
        header = "".join(z.read(n).decode("utf-8") for n in z.namelist() if n.startswith("word/header"))
    assert f"جنيف{RLO}{PDF}" in header


def test_the_check_lists_bidi_controls_with_where() -> None:
    report = full_report()
    assert bidi_controls(report) == []
    report.symbol = f"C22/{RLO}7-A"
    report.sections[1].paragraphs[0].text += f" {RLI}(C22/7)"
    report.meetings[0].venue = f"{LRE}جنيف"
    found = {w.path: w for w in bidi_controls(report)}
    assert set(found) == {"report.symbol", "sections[1].paragraphs[0]", "meetings[0].venue"}
    assert "U+202E" in found["report.symbol"].label and "عند الحرف 5" in found["report.symbol"].label
    assert found["sections[1].paragraphs[0]"].source == report.sections[1].paragraphs[0].id
    assert found["meetings[0].venue"].source == report.meetings[0].id
    # a warning, not a missing field: the check of required fields is unchanged
    assert not any(m.path in found for m in missing_fields(report))
