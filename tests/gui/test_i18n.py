"""Every interface string has an English translation; the `.qm` is built from the `.ts`."""

from __future__ import annotations

import ast
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

from cwgdraft.gui import i18n
from tests.gui.conftest import REPO

GUI = REPO / "cwgdraft" / "gui"
TS = REPO / "resources" / "translations" / "cwgdraft_en.ts"


def interface_strings() -> set[str]:
    found: set[str] = set()
    for path in GUI.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id in ("t", "N_")
                and node.args
                and isinstance(node.args[0], ast.Constant)
                and isinstance(node.args[0].value, str)
            ):
                found.add(node.args[0].value)
    return found


def translations() -> dict[str, str]:
    root = ET.parse(TS).getroot()
    out: dict[str, str] = {}
    for context in root.iter("context"):
        assert context.findtext("name") == i18n.CONTEXT
        for message in context.iter("message"):
            tr = message.find("translation")
            assert tr is not None and tr.get("type") != "unfinished"
            out[message.findtext("source") or ""] = tr.text or ""
    return out


def test_every_interface_string_is_translated() -> None:
    have = translations()
    missing = sorted(interface_strings() - set(have))
    assert not missing, f"add to {TS.name}: {missing}"
    assert all(v.strip() for v in have.values())


def test_qm_is_built_from_ts(tmp_path: Path) -> None:
    qm = i18n.compiled_qm("en", tmp_path)
    assert qm is not None and qm.exists() and qm.stat().st_size > 1000
    from PySide6.QtCore import QTranslator

    tr = QTranslator()
    assert tr.load(str(qm))
    assert tr.translate(i18n.CONTEXT, "ملف") == "File"


def test_arabic_locale_writes_western_digits(qapp: object) -> None:
    from PySide6.QtCore import QLocale

    assert QLocale().toString(18) == "18"
    assert QLocale().monthName(1) == "يناير"


def test_every_fact_label_is_translated() -> None:
    """The editor names facts (`t(fact.label)`: chips, the field menu and picker) in the interface's language."""
    from cwgdraft.core.facts import FACTS

    have = translations()
    missing = sorted(f.label for f in FACTS.values() if f.label not in have)
    assert not missing, f"add to {TS.name}: {missing}"
def test_each_version_of_the_translations_has_its_own_compiled_file(tmp_path: Path, monkeypatch: Any) -> None:
    """Two copies of the program share the cache folder: each finds its own strings there, whichever
    was compiled last (a newer file of another copy is not taken for this one's)."""
    from PySide6.QtCore import QTranslator

    other = tmp_path / "other"
    other.mkdir()
    text = (i18n.TS_DIR / "cwgdraft_en.ts").read_text(encoding="utf-8")
    (other / "cwgdraft_en.ts").write_text(text.replace("<translation>File</translation>",
                                                       "<translation>Datei</translation>"), encoding="utf-8")
    cache = tmp_path / "cache"
    ours = i18n.compiled_qm("en", cache)
    monkeypatch.setattr(i18n, "TS_DIR", other)
    theirs = i18n.compiled_qm("en", cache)
    monkeypatch.undo()
    again = i18n.compiled_qm("en", cache)
    assert ours is not None and theirs is not None and ours != theirs and again == ours
    tr = QTranslator()
    assert tr.load(str(again))
    assert tr.translate(i18n.CONTEXT, "ملف") == "File"


def test_texts_follow_the_language_installed_last(qapp: Any) -> None:
    """Arabic, the source's language, is shown as written; English from its translations; and
    back to Arabic."""
    try:
        i18n.install(qapp, "en")
        assert i18n.t("ملف") == "File"
        assert i18n.fill("المعاينة: %1 م.ث", 12) != "المعاينة: 12 م.ث"
    finally:
        i18n.install(qapp, "ar")
    assert i18n.t("ملف") == "ملف"
