"""Hostile and broken files: one line, exit 2, nothing stored.

Not a zip; zip bombs (a part declared too big, a part compressed far past
any real document, a part that lies about its size); XML with a document
type (entity expansion, external entities); a 100 MB file; a Word file with
no body; text in an unknown encoding.
"""

from __future__ import annotations

import io
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from cwgdraft.core import portable
from cwgdraft.core.errors import BadInput
from cwgdraft.core.store import Store
from cwgdraft.importer import import_file

REPO = Path(__file__).resolve().parents[2]
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="xml" ContentType="application/xml"/></Types>'
)
DOC = f'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{W}"><w:body>{{}}</w:body></w:document>'


def _docx(path: Path, document: bytes | str | None, extra: dict[str, bytes] | None = None) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", CONTENT_TYPES)
        if document is not None:
            z.writestr("word/document.xml", document)
        for name, data in (extra or {}).items():
            z.writestr(name, data)
    return path


def _not_a_zip(tmp: Path) -> Path:
    p = tmp / "report.docx"
    p.write_bytes(b"This is not a Word document at all.\n" * 10)
    return p


def _bomb_declared(tmp: Path) -> Path:
    body = b"<w:p><w:r><w:t>" + b" " * (60 * 1024 * 1024) + b"</w:t></w:r></w:p>"
    return _docx(tmp / "bomb.docx", DOC.format("").encode().replace(b"<w:body>", b"<w:body>" + body))


def _bomb_ratio(tmp: Path) -> Path:
    body = b"<w:p><w:r><w:t>" + b"A" * (20 * 1024 * 1024) + b"</w:t></w:r></w:p>"
    return _docx(tmp / "ratio.docx", DOC.format("").encode().replace(b"<w:body>", b"<w:body>" + body))


def _bomb_lying(tmp: Path) -> Path:
    """A part whose headers declare 100 bytes while it inflates to 2 MB."""
    data = DOC.format("<w:p><w:r><w:t>" + "ب" * (1024 * 1024) + "</w:t></w:r></w:p>").encode()
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("word/document.xml", data)
    raw = bytearray(buf.getvalue())
    size = len(data).to_bytes(4, "little")
    small = (100).to_bytes(4, "little")
    # the uncompressed size sits in the local header (offset 22) and the central directory (offset 24)
    local = raw.find(b"PK\x03\x04")
    central = raw.find(b"PK\x01\x02")
    assert raw[local + 22 : local + 26] == size and raw[central + 24 : central + 28] == size
    raw[local + 22 : local + 26] = small
    raw[central + 24 : central + 28] = small
    p = tmp / "lying.docx"
    p.write_bytes(bytes(raw))
    return p


def _laughs(tmp: Path) -> Path:
    dtd = '<!DOCTYPE lolz [<!ENTITY lol "lol">' + "".join(
        f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">' for i in range(1, 10)
    ) + "]>"
    xml = f'<?xml version="1.0"?>{dtd}<w:document xmlns:w="{W}"><w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>'
    return _docx(tmp / "laughs.docx", xml)


def _external_entity(tmp: Path) -> Path:
    xml = (
        '<?xml version="1.0"?><!DOCTYPE d [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
        f'<w:document xmlns:w="{W}"><w:body><w:p><w:r><w:t>&xxe;</w:t></w:r></w:p></w:body></w:document>'
    )
    return _docx(tmp / "xxe.docx", xml)


def _entity_in_styles(tmp: Path) -> Path:
    """A clean document whose styles part carries the entity declarations."""
    rels = (
        '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" '
        'Target="styles.xml"/></Relationships>'
    )
    styles = '<?xml version="1.0"?><!DOCTYPE s [<!ENTITY a "b">]><w:styles xmlns:w="' + W + '"/>'
    doc = DOC.format("<w:p><w:r><w:t>ملخص</w:t></w:r></w:p>")
    return _docx(tmp / "styles.docx", doc, {"word/_rels/document.xml.rels": rels.encode(), "word/styles.xml": styles.encode()})


def _huge(tmp: Path) -> Path:
    p = tmp / "huge.docx"
    with open(p, "wb") as fh:
        fh.truncate(100 * 1024 * 1024)
    return p


def _huge_text(tmp: Path) -> Path:
    p = tmp / "huge.txt"
    with open(p, "wb") as fh:
        fh.truncate(100 * 1024 * 1024)
    return p


def _no_body(tmp: Path) -> Path:
    return _docx(tmp / "nobody.docx", f'<?xml version="1.0"?><w:document xmlns:w="{W}"></w:document>')


def _no_document_part(tmp: Path) -> Path:
    return _docx(tmp / "nopart.docx", None, {"word/styles.xml": b"<x/>"})


def _empty_body(tmp: Path) -> Path:
    return _docx(tmp / "empty.docx", DOC.format("<w:p/><w:p><w:r><w:t> </w:t></w:r></w:p>"))


def _broken_xml(tmp: Path) -> Path:
    return _docx(tmp / "broken.docx", DOC.format("<w:p><w:r><w:t>ملخص</w:r></w:p>"))


def _utf16_no_bom(tmp: Path) -> Path:
    p = tmp / "report.txt"
    p.write_bytes("ملخص\nيلخّص هذا التقرير النتائج الرئيسية.\n".encode("utf-16-le"))
    return p


def _koi8(tmp: Path) -> Path:
    p = tmp / "report.txt"
    p.write_bytes(("Доклад председателя рабочей группы Совета по защите детей в онлайновой среде.\n" * 20).encode("koi8-r"))
    return p


def _latin1(tmp: Path) -> Path:
    p = tmp / "report.txt"
    p.write_bytes(("Résumé: le Conseil est invité à prendre note du présent rapport, élaboré à Genève.\n" * 20).encode("latin-1"))
    return p


def _binary(tmp: Path) -> Path:
    import random

    rng = random.Random(4)
    p = tmp / "report.txt"
    p.write_bytes(bytes(rng.randrange(256) for _ in range(4000)))
    return p


CASES = {
    "not a zip": (_not_a_zip, "not a zip archive"),
    "zip bomb (declared size)": (_bomb_declared, "zip bomb"),
    "zip bomb (ratio)": (_bomb_ratio, "zip bomb"),
    "zip bomb (lying sizes)": (_bomb_lying, "damaged"),
    "billion laughs": (_laughs, "document type or entity"),
    "external entity": (_external_entity, "document type or entity"),
    "entities in styles.xml": (_entity_in_styles, "document type or entity"),
    "100 MB docx": (_huge, "over the 50 MB"),
    "100 MB text": (_huge_text, "over the 50 MB"),
    "no body": (_no_body, "no body"),
    "no document part": (_no_document_part, "no word/document.xml"),
    "empty body": (_empty_body, "body is empty"),
    "broken XML": (_broken_xml, "not well-formed"),
    "UTF-16 without BOM": (_utf16_no_bom, "unknown text encoding"),
    "KOI8-R text": (_koi8, "unknown text encoding"),
    "Latin-1 text": (_latin1, "unknown text encoding"),
    "binary": (_binary, "unknown text encoding"),
}


@pytest.mark.parametrize("name", list(CASES))
def test_hostile_file_one_line_error(name: str, tmp_path: Path) -> None:
    make, words = CASES[name]
    path = make(tmp_path)
    with pytest.raises(BadInput) as info:
        import_file(path)
    message = str(info.value)
    assert "\n" not in message and words in message and str(path) in message


def _snapshot(db: Path) -> list[str]:
    store = Store.open(db)
    try:
        return [portable.dumps(store.get(s.id)) for s in store.list_reports()]
    finally:
        store.close()


@pytest.fixture(scope="module")
def filled_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("store") / "cwgdraft.db"
    store = Store.open(db)
    for sample in sorted((REPO / "resources" / "samples").glob("*.json")):
        store.save(portable.read_file(sample))
    store.close()
    return db


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "cwgdraft", *args], capture_output=True, text=True, encoding="utf-8", cwd=REPO, timeout=120
    )


@pytest.mark.parametrize("name", list(CASES))
def test_hostile_file_through_the_cli_leaves_the_store(name: str, filled_store: Path, tmp_path: Path) -> None:
    make, words = CASES[name]
    path = make(tmp_path)
    before = _snapshot(filled_store)
    done = _cli("--db", str(filled_store), "import", str(path))
    assert done.returncode == 2
    lines = done.stderr.splitlines()
    assert len(lines) == 1 and words in lines[0], done.stderr
    assert done.stdout == ""
    assert _snapshot(filled_store) == before


def test_every_hostile_file_leaves_a_new_store_uncreated(tmp_path: Path) -> None:
    from cwgdraft.cli import main

    db = tmp_path / "new.db"
    for name, (make, _) in CASES.items():
        if "100 MB" in name or "bomb" in name:
            continue
        folder = tmp_path / name.replace(" ", "_")
        folder.mkdir()
        assert main(["--db", str(db), "import", str(make(folder))]) == 2, name
    assert not db.exists()


def test_good_file_through_the_cli_is_stored(filled_store: Path, tmp_path: Path) -> None:
    seed = REPO.parent / "shared" / "seeds" / "001_0c53b99f94563cb2.txt"
    if not seed.is_file():
        pytest.skip("the seeds are not beside the repository")
    before = _snapshot(filled_store)
    dry = _cli("--db", str(filled_store), "import", "--dry-run", str(seed))
    assert dry.returncode == 0 and "nothing stored" in dry.stdout
    assert _snapshot(filled_store) == before
    done = _cli("--db", str(filled_store), "import", str(seed))
    assert done.returncode == 0, done.stderr
    report_id = done.stdout.split("\t")[0]
    assert len(_snapshot(filled_store)) == len(before) + 1
    store = Store.open(filled_store)
    try:
        assert store.get(report_id).signature.name == "شريف هاشم"
    finally:
        store.close()
