"""Import existing reports: Word (.docx) and plain text extracted from Word.

`import_file(path)` reads the file within size limits, with XML entity
resolution off, and recognises a chair's report in it. Nothing here imports
Qt. Nothing is stored: the caller decides (`Store.save(result.report)`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from cwgdraft.core.errors import BadInput
from cwgdraft.core.model import Report

if TYPE_CHECKING:
    from cwgdraft.importer.seen import SeenDocument

__all__ = ["ImportResult", "import_file", "read_seen"]

_WORD_SUFFIXES = {".docx", ".docm", ".dotx", ".dotm"}
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


@dataclass
class ImportResult:
    report: Report
    unplaced: list[str] = field(default_factory=list)  # what could not be placed (kept as unnumbered paragraphs)
    notes: list[str] = field(default_factory=list)  # what the import has to say (comments left out, renumbering...)
    found: dict[str, str] = field(default_factory=dict)  # field -> what was read for it, for display
    source: str = ""  # 'docx' or 'text (UTF-8)'

    def outline(self) -> list[str]:
        """One line per section: number, title, paragraph count by kind."""
        from cwgdraft.formats.render import lay_out

        out = []
        for laid in lay_out(self.report):
            kinds: dict[str, int] = {}
            for p in laid.section.paragraphs:
                kinds[p.kind.value] = kinds.get(p.kind.value, 0) + 1
            counts = ", ".join(f"{n} {k}" for k, n in kinds.items())
            out.append(f"{laid.number}\t{laid.section.title or '(untitled)'}\t{counts}")
        return out


def _kind(path: Path) -> str:
    from cwgdraft.importer.safe_zip import check_size

    check_size(path)
    try:
        with open(path, "rb") as fh:
            head = fh.read(8)
    except OSError as exc:
        raise BadInput(f"{path}: cannot read ({exc.strerror})") from exc
    if head.startswith(_OLE):
        raise BadInput(f"{path}: an old Word .doc file or an encrypted document; save it as a Word Document (.docx) first")
    if head.startswith(b"PK") or path.suffix.lower() in _WORD_SUFFIXES:
        return "docx"
    return "text"


def read_seen(path: str | Path) -> SeenDocument:
    """The file's paragraphs as a reader sees them (Word or text), not yet understood."""
    path = Path(path)
    if _kind(path) == "docx":
        from cwgdraft.importer.docx_reader import read_docx

        return read_docx(path)
    from cwgdraft.importer.text_reader import read_text

    return read_text(path)


def import_file(path: str | Path) -> ImportResult:
    """Read and recognise `path`; BadInput (one line) for a file that cannot be used."""
    from cwgdraft.importer.recognise import recognise

    seen = read_seen(path)
    got = recognise(seen)
    if not got.report.sections and not got.report.summary and not got.report.title:
        raise BadInput(f"{path}: no report found in the file (no summary, title or sections)")
    source = "docx" if seen.kind == "docx" else f"text ({seen.encoding})"
    return ImportResult(got.report, got.unplaced, got.notes, got.found, source)
