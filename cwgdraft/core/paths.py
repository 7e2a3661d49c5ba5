"""Default places on disk. No Qt, nothing heavy: the command line imports this."""

from __future__ import annotations

import os
from pathlib import Path

DB_ENV = "CWGDRAFT_DB"
REPO_ROOT = Path(__file__).resolve().parent.parent.parent
SAMPLES_DIR = REPO_ROOT / "resources" / "samples"


def default_store_path() -> Path:
    """`$CWGDRAFT_DB` if set, else `cwgdraft.db` in the user's data directory."""
    env = os.environ.get(DB_ENV)
    if env:
        return Path(env).expanduser()
    import platformdirs  # lazy: only when no --db is given

    return platformdirs.user_data_path("cwgdraft") / "cwgdraft.db"
