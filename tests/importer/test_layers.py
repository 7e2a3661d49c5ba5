"""The importer is plain Python: no Qt, and light to import for the command line."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def test_importer_never_imports_qt() -> None:
    code = (
        "import sys\n"
        "import cwgdraft.importer, cwgdraft.importer.recognise, cwgdraft.importer.docx_reader\n"
        "import cwgdraft.importer.text_reader, cwgdraft.importer.command, cwgdraft.core.synthetic\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6'))\n"
        "assert not bad, bad\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=REPO, timeout=60)


def test_encrypted_or_old_word_file(tmp_path: Path) -> None:
    import pytest

    from cwgdraft.core.errors import BadInput
    from cwgdraft.importer import import_file

    path = tmp_path / "old.doc"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600)
    with pytest.raises(BadInput, match=r"old Word \.doc file"):
        import_file(path)


def test_empty_text_file(tmp_path: Path) -> None:
    import pytest

    from cwgdraft.core.errors import BadInput
    from cwgdraft.importer import import_file

    path = tmp_path / "empty.txt"
    path.write_text("\n\n", encoding="utf-8")
    with pytest.raises(BadInput, match="no report found"):
        import_file(path)


def test_a_line_of_text_is_not_a_report(tmp_path: Path) -> None:
    import pytest

    from cwgdraft.core.errors import BadInput
    from cwgdraft.importer import import_file

    path = tmp_path / "note.txt"
    path.write_text("Meeting notes for CWG-COP, see https://www.itu.int/cop 2022\n", encoding="utf-8")
    with pytest.raises(BadInput, match=r"no report found in the file \(only a title") as info:
        import_file(path)
    assert "\n" not in str(info.value) and str(path) in str(info.value)
