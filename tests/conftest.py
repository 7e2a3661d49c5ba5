"""Shared fixtures. Keep this small: put a test's own helpers in its module."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from cwgdraft.core.store import Store

REPO = Path(__file__).resolve().parent.parent

# Compiled templates, analysed reference documents and kept standard wording go to a cache
# folder of this run (the tests' processes inherit it), not to the user's.
if "CWGDRAFT_TEMPLATE_CACHE" not in os.environ:
    os.environ["CWGDRAFT_TEMPLATE_CACHE"] = tempfile.mkdtemp(prefix="cwgdraft-test-cache-")


@pytest.fixture(scope="session")
def repo_root() -> Path:
    return REPO


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """`shared/` beside the repository (CI clones the repo with it there)."""
    path = REPO.parent / "shared"
    if not path.is_dir():
        pytest.skip(f"{path} is not there")
    return path


@pytest.fixture
def tmp_store(tmp_path: Path) -> Iterator[Store]:
    """An empty, open store in a temporary folder (a real SQLite file)."""
    store = Store.open(tmp_path / "store" / "cwgdraft.db", create_folders=True)
    try:
        yield store
    finally:
        store.close()
