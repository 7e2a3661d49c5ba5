"""Languages of the user interface.

The interface is written in Arabic; English comes from Qt translations:
`resources/translations/cwgdraft_en.ts` (one context, `cwgdraft`) is compiled
to a `.qm` file by `pyside6-lrelease` into a cache folder the first time it is
needed (the file named by the `.ts`'s content, so a changed `.ts` is compiled again). Qt's own strings (dialog
buttons, context menus) come from `qtbase_<lang>.qm` shipped with PySide6.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, Qt, QTranslator

from cwgdraft.core.paths import REPO_ROOT

CONTEXT = "cwgdraft"
LANGUAGES = ("ar", "en")
ARABIC_LOCALE = "ar_AE"
TS_DIR = REPO_ROOT / "resources" / "translations"


# Whether `install` installed cwgdraft's translations: else (Arabic, the source's
# language) `t` returns its text as is, without asking Qt (some 150 texts before the
# window is first drawn).
_translating = False


def t(text: str) -> str:
    """The interface text `text` (written in Arabic) in the current language."""
    return QCoreApplication.translate(CONTEXT, text) if _translating else text


def cache_dir() -> Path:
    import platformdirs

    return platformdirs.user_cache_path("cwgdraft") / "translations"


def _lrelease() -> str | None:
    """`pyside6-lrelease` next to this Python (the venv), else on PATH."""
    here = Path(sys.executable).parent
    for name in ("pyside6-lrelease", "pyside6-lrelease.exe", "lrelease"):
        candidate = here / name
        if candidate.exists():
            return str(candidate)
        found = shutil.which(name)
        if found:
            return found
    return None


def compiled_qm(lang: str, out_dir: Path | None = None) -> Path | None:
    """The `.qm` for `lang`, built from its `.ts` when missing or older; None if impossible."""
    ts = TS_DIR / f"cwgdraft_{lang}.ts"
    shipped = TS_DIR / f"cwgdraft_{lang}.qm"
    if getattr(sys, "frozen", False) and shipped.exists():
        # A built app carries its compiled translations and no lrelease.
        return shipped
    if not ts.exists():
        return None
    out_dir = out_dir or cache_dir()
    import hashlib  # here: only for a language other than the source's

    # Named by the .ts's content: two copies of the program (two versions, two checkouts) share
    # the cache folder, and each must find its own translations, not the last one compiled.
    digest = hashlib.sha256(ts.read_bytes()).hexdigest()[:16]
    qm = out_dir / f"cwgdraft_{lang}-{digest}.qm"
    if qm.exists():
        return qm
    tool = _lrelease()
    if tool is None:
        return None
    out_dir.mkdir(parents=True, exist_ok=True)
    tmp = qm.with_suffix(".qm.tmp")
    import subprocess  # here: only when the translations are compiled, not at every start

    done = subprocess.run([tool, "-silent", str(ts), "-qm", str(tmp)], capture_output=True, text=True)
    if done.returncode != 0 or not tmp.exists():
        return None
    tmp.replace(qm)
    return qm


_installed: list[QTranslator] = []


def install(app: QCoreApplication, lang: str) -> Qt.LayoutDirection:
    """Load Qt's and cwgdraft's translations for `lang`; return its layout direction."""
    global _translating
    for tr in _installed:
        app.removeTranslator(tr)
    _installed.clear()
    _translating = False
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    qt_tr = QTranslator(app)
    if qt_tr.load(f"qtbase_{lang}", qt_dir):
        app.installTranslator(qt_tr)
        _installed.append(qt_tr)
    if lang != "ar":  # the interface is written in Arabic
        qm = compiled_qm(lang)
        own = QTranslator(app)
        if qm is not None and own.load(str(qm)):
            app.installTranslator(own)
            _installed.append(own)
            _translating = True
    # Arabic with Western digits and the ITU month names (يناير, not جانفي or كانون الثاني): FORMAT.md.
    QLocale.setDefault(QLocale(ARABIC_LOCALE if lang == "ar" else "en_GB"))
    return Qt.LayoutDirection.RightToLeft if lang == "ar" else Qt.LayoutDirection.LeftToRight


def fill(template: str, *values: object) -> str:
    """`template` in the interface's language, its `%1`, `%2`... replaced by `values`."""
    text = t(template)
    for i, value in enumerate(values, start=1):
        text = text.replace(f"%{i}", str(value))
    return text


def N_(text: str) -> str:
    """Mark a string for translation where it is defined; `t()` translates it where it is shown."""
    return text


LRM = "\u200e"


def ltr(text: str) -> str:
    """A path or code shown inside Arabic text: held left to right by marks at both ends, so its
    leading `/` or trailing `.docx` stays with it instead of moving to the other side of the line."""
    return f"{LRM}{text}{LRM}"


def with_keys(text: str, keys: str) -> str:
    """A tooltip naming its shortcut: `Undo the last edit (Ctrl+Z)`. The keys are held left to right,
    so in Arabic `(Alt+↑)` does not come out as `(↑+Alt)`."""
    return f"{text} ({ltr(keys)})" if keys else text
