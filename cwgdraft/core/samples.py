"""The bundled sample reports (`resources/samples/*.json`, portable report files)."""

from __future__ import annotations

from pathlib import Path

from cwgdraft.core import portable
from cwgdraft.core.errors import NotFound, ReportExists
from cwgdraft.core.model import Report
from cwgdraft.core.paths import SAMPLES_DIR
from cwgdraft.core.store import Store


def sample_files(folder: str | Path | None = None) -> list[Path]:
    folder = Path(folder) if folder is not None else SAMPLES_DIR
    if not folder.is_dir():
        raise NotFound(f"{folder}: no sample reports there")
    return sorted(folder.glob("*.json"))


def load_samples(store: Store, folder: str | Path | None = None) -> list[tuple[Report, bool]]:
    """Put every sample report that is not in the store yet (by id) into it.

    Returns each sample with whether it was added now; running it again adds
    no copies. A sample already in the store is left as it is (the user may
    have edited it).
    """
    out: list[tuple[Report, bool]] = []
    for path in sample_files(folder):
        report = portable.read_file(path)
        try:
            # Checked where it is written: another program loading the samples at the
            # same moment adds each once.
            store.save(report, only_if_new=True)
        except ReportExists:
            out.append((report, False))
            continue
        out.append((report, True))
    return out
