"""Exported reports imported again give the same text and structure.

Each bundled sample and the 60-page synthetic report is rendered, written to
Word, imported, rendered again: the document blocks (style, label, text) and
the lines a reader sees in the two Word files must be equal.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cwgdraft.core import portable
from cwgdraft.core.model import Numbering, Report
from cwgdraft.core.synthetic import synthetic_report
from cwgdraft.formats.docx_writer import write_docx
from cwgdraft.formats.render import render
from cwgdraft.importer import import_file
from tests.docx_text import docx_lines

REPO = Path(__file__).resolve().parents[2]
SAMPLES = sorted((REPO / "resources" / "samples").glob("*.json"))


def blocks(report: Report) -> list[tuple[str, str, str]]:
    doc = render(report)
    return [(b.style, b.label, b.text) for b in (*doc.header_start, *doc.header_end, *doc.blocks)]


def _round_trip(report: Report, tmp_path: Path) -> None:
    first = write_docx(render(report), tmp_path / "first.docx")
    result = import_file(first)
    assert result.unplaced == []
    again = result.report
    assert blocks(again) == blocks(report)
    second = write_docx(render(again), tmp_path / "second.docx")
    assert docx_lines(second) == docx_lines(first)
    assert again.numbering is report.numbering
    assert [m.number for m in again.meetings] == [m.number for m in report.meetings]


@pytest.mark.parametrize("path", SAMPLES, ids=[p.name for p in SAMPLES])
def test_sample_docx_round_trip(path: Path, tmp_path: Path) -> None:
    report = portable.read_file(path)
    _round_trip(report, tmp_path)
    again = import_file(write_docx(render(report), tmp_path / "x.docx")).report
    assert [(m.start, m.mode, m.platform, m.venue) for m in again.meetings] == [
        (m.start, m.mode, m.platform, m.venue) for m in report.meetings
    ]
    def signed(r: Report) -> tuple[str, str, str, str]:  # the signature names the chair unless typed
        chair = next(p for p in r.people if p.role.value == "chair")
        sig = r.signature
        return sig.honorific, sig.name or chair.name, sig.country or chair.country, sig.title

    assert signed(again) == signed(report)
    assert (again.group.name, again.group.acronym) == (report.group.name, report.group.acronym)


def test_synthetic_docx_round_trip(tmp_path: Path) -> None:
    report = synthetic_report()
    assert len(report.all_paragraphs()) == 600 and len(report.meetings) == 5 and len(report.contributions) == 200
    _round_trip(report, tmp_path)
    again = import_file(write_docx(render(report), tmp_path / "x.docx")).report
    # header block fields come back
    for name in ("council_session", "session_place", "session_start", "session_end", "agenda_item", "symbol",
                 "date", "original_language", "title", "subject", "summary", "action_required", "references"):  # fmt: skip
        assert getattr(again, name) == getattr(report, name), name
    assert [(c.source, c.title) for c in again.contributions] == [(c.source, c.title) for c in report.contributions]
    assert [m.start for m in again.meetings] == [m.start for m in report.meetings]


def test_synthetic_section_paragraph_numbering(tmp_path: Path) -> None:
    from cwgdraft.core.model import Numbering

    report = synthetic_report(paragraphs=120, meetings=2, contributions=20, seed=3, numbering=Numbering.SECTION_PARAGRAPH)
    _round_trip(report, tmp_path)


def test_synthetic_is_deterministic() -> None:
    a, b = synthetic_report(seed=1), synthetic_report(seed=1)
    assert portable.dumps(a) == portable.dumps(b)
    assert portable.dumps(a) != portable.dumps(synthetic_report(seed=2))
    portable.loads(portable.dumps(a))  # valid against the schema


# --- the same files saved again by another writer (LibreOffice) ------------------------

SOFFICE = shutil.which("soffice")


def _resave(files: list[Path], tmp_path: Path) -> Path:
    out = tmp_path / "resaved"
    subprocess.run(
        [SOFFICE, "--headless", f"-env:UserInstallation=file://{tmp_path / 'profile'}",
         "--convert-to", "docx:MS Word 2007 XML", "--outdir", str(out), *map(str, files)],
        check=True, capture_output=True, timeout=240,
    )  # fmt: skip
    return out


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice is not installed")
def test_files_resaved_by_libreoffice(tmp_path: Path) -> None:
    """LibreOffice rewrites styles, numbering and headers its own way: the import still reads them."""
    from tests.formats.test_seeds import _diff, output_pairs
    from tests.importer.wordfiles import FOOTER, build

    reports = {p.stem: portable.read_file(p) for p in SAMPLES}
    files = [write_docx(render(r), tmp_path / f"{name}.docx") for name, r in reports.items()]
    seen = {}
    for convention in ("2022", "2016"):
        path, seen[convention] = build(tmp_path / f"word{convention}.docx", convention=convention,
                                       header="first_page_header", date_field=False)  # fmt: skip
        files.append(path)
    out = _resave(files, tmp_path)
    for name, report in reports.items():
        result = import_file(out / f"{name}.docx")
        assert result.unplaced == [] and blocks(result.report) == blocks(report), name
        # A reviewer working in LibreOffice: the paragraphs keep their ids too.
        assert [p.id for p in result.report.all_paragraphs()] == [p.id for p in report.all_paragraphs()], name
        assert [s.id for s in result.report.sections] == [s.id for s in report.sections], name
    for convention, pairs in seen.items():
        result = import_file(out / f"word{convention}.docx")
        assert result.unplaced == []
        again = write_docx(render(result.report), tmp_path / f"again{convention}.docx")
        want = [(label, " ".join(text.replace("\u00a0", " ").split())) for label, text in [*pairs, ("", FOOTER)]]
        got = [(label, " ".join(text.replace("\u00a0", " ").split())) for label, text in output_pairs(again)]
        assert got == want, _diff(want, got)


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    seed=st.integers(0, 10_000),
    paragraphs=st.integers(20, 90),
    meetings=st.integers(1, 4),
    contributions=st.integers(0, 30),
    numbering=st.sampled_from(list(Numbering)),
)
def test_any_synthetic_report_round_trips(seed, paragraphs, meetings, contributions, numbering, tmp_path: Path) -> None:
    report = synthetic_report(paragraphs, meetings, contributions, seed, numbering)
    result = import_file(write_docx(render(report), tmp_path / f"s{seed}.docx"))
    assert result.unplaced == []
    assert blocks(result.report) == blocks(report)
    assert [(m.number, m.start) for m in result.report.meetings] == [(m.number, m.start) for m in report.meetings]
