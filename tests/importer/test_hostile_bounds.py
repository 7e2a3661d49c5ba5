"""Hostile input is bounded: caps on work, not only on bytes.

Every file here is refused or read within 2 seconds and 500 MB (measured with
tracemalloc), with one line that says what and where: list numbering that
starts at 10^12, a million empty paragraphs, 51 MB of newlines, a zip whose
central directory declares too many parts, two parts of one name, an `ilvl`
that is not a number.
"""

from __future__ import annotations

import json
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from cwgdraft.core.errors import BadInput
from cwgdraft.importer import import_file, read_seen
from cwgdraft.importer.numbering import MAX_LABEL, MAX_START, format_number

REPO = Path(__file__).resolve().parents[2]
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="xml" ContentType="application/xml"/></Types>'
)
DOCUMENT_RELS = (
    '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    f'<Relationship Id="rId1" Type="{REL}/numbering" Target="numbering.xml"/></Relationships>'
)


def _docx(path: Path, body: str, numbering: str | None = None, compression: int = zipfile.ZIP_DEFLATED) -> Path:
    with zipfile.ZipFile(path, "w", compression) as z:
        z.writestr("[Content_Types].xml", CONTENT_TYPES)
        z.writestr("word/document.xml", f'<?xml version="1.0"?><w:document xmlns:w="{W}"><w:body>{body}</w:body></w:document>')
        if numbering is not None:
            z.writestr("word/_rels/document.xml.rels", DOCUMENT_RELS)
            z.writestr("word/numbering.xml", f'<?xml version="1.0"?><w:numbering xmlns:w="{W}">{numbering}</w:numbering>')
    return path


def _list(fmt: str, start: str, override: str | None = None, ilvl: str = "0") -> tuple[str, str]:
    """(body, numbering) of a report whose list items count from `start` in `fmt`."""
    numbering = (
        f'<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/>'
        '<w:lvlText w:val="%1."/></w:lvl></w:abstractNum>'
        '<w:num w:numId="1"><w:abstractNumId w:val="0"/>'
        + (f'<w:lvlOverride w:ilvl="0"><w:startOverride w:val="{override}"/></w:lvlOverride>' if override else "")
        + "</w:num>"
    )
    item = f'<w:p><w:pPr><w:numPr><w:ilvl w:val="{ilvl}"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>بند من القائمة</w:t></w:r></w:p>'
    body = "<w:p><w:r><w:t>ملخص</w:t></w:r></w:p><w:p><w:r><w:t>يلخّص هذا التقرير النتائج.</w:t></w:r></w:p>" + item * 3
    return body, numbering


_MEASURE = """
import json, resource, sys, time
from cwgdraft.core.errors import BadInput
from cwgdraft.importer import {function}
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
started = time.process_time()
try:
    {function}(sys.argv[1])
    error = None
except BadInput as exc:
    error = str(exc)
# The process's own time: what the input costs, whatever else the machine is doing.
elapsed = time.process_time() - started
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before
print(json.dumps({{"elapsed": elapsed, "peak_kb": peak, "error": error}}))
"""


def _bounded(path: Path, function: str = "import_file", seconds: float = 2.0, megabytes: int = 500) -> str | None:
    """Import `path` in a process of its own, as the command line does: the
    error it gives (None: read), within `seconds` and `megabytes` of memory
    more than the process had before (resource: lxml's memory counts too)."""
    result = subprocess.run(
        [sys.executable, "-c", _MEASURE.format(function=function), str(path)],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=REPO,
    )
    assert result.returncode == 0, result.stderr
    measured = json.loads(result.stdout)
    assert measured["elapsed"] < seconds, f"{measured['elapsed']:.1f} s"
    assert measured["peak_kb"] < megabytes * 1024, f"{measured['peak_kb'] // 1024} MB"
    return measured["error"]


# --- item 14: numbering --------------------------------------------------------------


@pytest.mark.parametrize(
    ("fmt", "start", "override"),
    [
        ("upperRoman", "1000000000000", None),
        ("lowerLetter", "100000000", None),
        ("arabicAbjad", "100000000", None),
        ("arabicAlpha", "1", "100000000"),
        ("decimal", "-99999999999999999999", None),
        ("upperRoman", "1" + "0" * 5000, None),
    ],
)
def test_numbering_starting_anywhere_is_bounded(tmp_path: Path, fmt: str, start: str, override: str | None) -> None:
    body, numbering = _list(fmt, start, override)
    path = _docx(tmp_path / "list.docx", body, numbering)
    assert _bounded(path, "read_seen") is None
    seen = read_seen(path)
    labels = [p.label for p in seen.paragraphs if p.label]
    assert len(labels) == 3 and all(len(label) <= MAX_LABEL + 1 for label in labels)


def test_start_values_are_clamped_as_word_does() -> None:
    assert format_number(10**12, "decimal") == str(100 * MAX_START)
    assert format_number(MAX_START, "upperRoman").startswith("MMMMMMMMMM")
    assert len(format_number(MAX_START, "upperRoman")) == MAX_LABEL
    assert len(format_number(10**8, "arabicAbjad")) == MAX_LABEL


def test_an_ilvl_that_is_not_a_number(tmp_path: Path) -> None:
    body, numbering = _list("decimal", "1", ilvl="abc")
    path = _docx(tmp_path / "ilvl.docx", body, numbering)
    seen = read_seen(path)
    assert [p.label for p in seen.paragraphs if p.label] == ["1.", "2.", "3."]
    result = import_file(path)
    assert result.report.summary


def test_a_symbol_out_of_unicode(tmp_path: Path) -> None:
    body = '<w:p><w:r><w:t>ملخص</w:t></w:r></w:p><w:p><w:r><w:t>نص</w:t><w:sym w:char="FFFFFFFFFFFFFFFFFFFFFF"/></w:r></w:p>'
    seen = read_seen(_docx(tmp_path / "sym.docx", body))
    assert seen.paragraphs[1].text == "نص"


# --- item 15: caps on work -------------------------------------------------------------


def test_a_million_empty_paragraphs(tmp_path: Path) -> None:
    path = _docx(tmp_path / "empty.docx", "<w:p><w:r><w:t>ملخص</w:t></w:r></w:p>" + "<w:p/>" * 1_290_000)
    assert path.stat().st_size < 5 * 1024 * 1024
    error = _bounded(path)
    assert error is not None and "XML elements" in error and str(path) in error


def test_too_many_paragraphs_with_text(tmp_path: Path) -> None:
    path = _docx(tmp_path / "many.docx", "<w:p><w:r><w:t>فقرة من التقرير</w:t></w:r></w:p>" * 199_000)
    error = _bounded(path)
    assert error is not None and "paragraphs" in error


def test_a_text_file_of_newlines(tmp_path: Path) -> None:
    path = tmp_path / "newlines.txt"
    path.write_bytes(b"\n" * (51 * 1000 * 1000))
    error = _bounded(path)
    assert error is not None and "lines" in error and str(path) in error


def test_a_central_directory_of_too_many_parts(tmp_path: Path) -> None:
    path = tmp_path / "parts.docx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_STORED) as z:
        for i in range(60_000):
            z.writestr(f"p{i}", b"")
    error = _bounded(path, megabytes=20)
    assert error is not None and "declares 60000 parts" in error


def test_two_parts_of_one_name(tmp_path: Path) -> None:
    path = _docx(tmp_path / "twice.docx", "<w:p><w:r><w:t>ملخص</w:t></w:r></w:p><w:p><w:r><w:t>الأول</w:t></w:r></w:p>")
    with pytest.warns(UserWarning), zipfile.ZipFile(path, "a") as z:
        z.writestr(
            "word/document.xml",
            f'<?xml version="1.0"?><w:document xmlns:w="{W}"><w:body><w:p><w:r><w:t>ملخص</w:t></w:r></w:p>'
            "<w:p><w:r><w:t>الثاني</w:t></w:r></w:p></w:body></w:document>",
        )
    with pytest.raises(BadInput, match=r"two parts named 'word/document\.xml'"):
        import_file(path)


def test_a_long_paragraph_is_refused_with_its_number(tmp_path: Path) -> None:
    path = tmp_path / "long.txt"
    path.write_text("ملخص\n" + "ب" * 100_001 + "\n", encoding="utf-8")
    with pytest.raises(BadInput, match="paragraph 2 has 100001 characters"):
        import_file(path)
