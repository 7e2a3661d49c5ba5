"""Plain text extracted from Word, like the two seeds: lines become paragraphs.

Encodings: UTF-8 (with or without BOM), UTF-16 and UTF-32 with a BOM, and
Windows-1256 (Arabic Windows). Anything else is refused with one line: a
guess that turns text into nonsense would be stored as if it were a report.
"""

from __future__ import annotations

import codecs
import re
from pathlib import Path

from cwgdraft.core.arabic import clean_text
from cwgdraft.core.errors import BadInput
from cwgdraft.importer.safe_zip import MAX_FILE, check_size
from cwgdraft.importer.seen import Seen, SeenDocument

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le", "UTF-32"),
    (codecs.BOM_UTF32_BE, "utf-32-be", "UTF-32"),
    (codecs.BOM_UTF8, "utf-8", "UTF-8 with BOM"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "UTF-16"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "UTF-16"),
)
# Extraction artefacts (FORMAT.md): Word bookmarks written as text.
BOOKMARK = re.compile(r"\[bookmark: [^\]]*\]")
_CONTROL = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f]")
_ARABIC_LETTER = re.compile("[\u0621-\u064a]")
_LETTER = re.compile(r"[^\W\d_]")


def _plausible_cp1256(text: str) -> bool:
    """Arabic text read as Windows-1256 has Arabic letters, the article `ال`, no controls."""
    if _CONTROL.search(text):
        return False
    letters = len(_LETTER.findall(text))
    arabic = len(_ARABIC_LETTER.findall(text))
    if letters == 0 or arabic < 0.3 * letters:
        return False
    return text.count("ال") * 40 >= arabic


def decode(raw: bytes, where: str) -> tuple[str, str]:
    """(text, encoding name); BadInput when the encoding is not one we know."""
    for bom, codec, name in _BOMS:
        if raw.startswith(bom):
            try:
                return raw[len(bom) :].decode(codec), name
            except UnicodeDecodeError as exc:
                raise BadInput(f"{where}: byte {exc.start + len(bom)}: not valid {name} text") from exc
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        if "\x00" in text:
            raise BadInput(f"{where}: unknown text encoding (NUL bytes: UTF-16 without a BOM?); save it as UTF-8")
        return text, "UTF-8"
    try:
        text = raw.decode("cp1256")
    except UnicodeDecodeError:
        text = ""
    if text and _plausible_cp1256(text):
        return text, "Windows-1256"
    raise BadInput(f"{where}: unknown text encoding (not UTF-8, UTF-16 or Windows-1256 Arabic); save it as UTF-8")


def read_text(path: str | Path) -> SeenDocument:
    path = Path(path)
    check_size(path, MAX_FILE)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise BadInput(f"{path}: cannot read ({exc.strerror})") from exc
    if len(raw) > MAX_FILE:  # grew since it was checked
        raise BadInput(f"{path}: the file is over the {MAX_FILE // (1024 * 1024)} MB an import accepts")
    lines = raw.count(b"\n") + raw.count(b"\r") + 1  # counted before decoding (UTF-16 or 32: an upper bound)
    if lines > MAX_LINES:
        raise BadInput(f"{path}: {lines} lines, more than a report has (the limit is {MAX_LINES})")
    text, encoding = decode(raw, str(path))
    return read_string(text, encoding, str(path))


MAX_LINES = 100_000  # a long report has a few thousand lines, blank ones included


def read_string(text: str, encoding: str = "", where: str = "the text") -> SeenDocument:
    lines = text.count("\n") + text.count("\r") + 1
    if lines > MAX_LINES:
        raise BadInput(f"{where}: {lines} lines, more than a report has (the limit is {MAX_LINES})")
    doc = SeenDocument("text", encoding=encoding)
    text, removed = clean_text(text)
    if removed:
        doc.notes.append(f"{len(removed)} control character(s) removed ({removed[0].describe()} first)")
    bookmarks = len(BOOKMARK.findall(text))
    if bookmarks:
        text = BOOKMARK.sub("", text)
        doc.notes.append(f"{bookmarks} bookmark marker(s) of the text extraction dropped")
    for line in text.split("\n"):
        doc.paragraphs.append(Seen(line, origin="text"))
    return doc
