"""Writing the files a user asked for: whole or not at all, with the mode they expect.

The data goes to a temporary file in the target's folder, which is then
renamed over the target, so a reader never sees half a file. The new file
gets the mode a plain `open()` would give it (0666 less the umask); a file
that is replaced keeps its own mode. Only a regular file (or a symbolic link
to one, which is kept and whose target is written) or a path that does not
exist yet is replaced: a folder, a device, a pipe or a socket is refused.
"""

from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path

from cwgdraft.core.errors import BadInput


def umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def is_folder(path: str | Path) -> BadInput:
    """The one wording for a folder given where a file is wanted."""
    return BadInput(f"{path}: is a folder, not a file")


def no_such_file(path: str | Path) -> BadInput:
    """The one wording for a file that is not there."""
    return BadInput(f"{path}: no such file")


def writable_target(path: str | Path) -> tuple[Path, int]:
    """(the file to replace, the mode it will have); BadInput when it cannot be replaced."""
    target = Path(path)
    if os.path.islink(target):
        resolved = Path(os.path.realpath(target))
        if not resolved.exists():
            raise BadInput(f"{target}: a symbolic link to nothing ({resolved}); give a file name")
        target = resolved
    try:
        st = os.stat(target)
    except FileNotFoundError:
        folder = target.parent if str(target.parent) else Path(".")
        if not folder.is_dir():
            raise BadInput(f"{path}: the folder {folder} does not exist") from None
        return target, 0o666 & ~umask()
    except OSError as exc:
        raise BadInput(f"{path}: cannot write there ({exc.strerror})") from exc
    if stat.S_ISDIR(st.st_mode):
        raise is_folder(path)
    if not stat.S_ISREG(st.st_mode):
        raise BadInput(f"{path}: not a regular file (a device, pipe or socket); give a file name")
    return target, stat.S_IMODE(st.st_mode)


def write_atomic(path: str | Path, data: bytes) -> Path:
    """Write `data` to `path` whole or not at all; returns `path`."""
    target, mode = writable_target(path)
    try:
        fd, tmp = tempfile.mkstemp(prefix=".cwgdraft-", suffix=target.suffix, dir=target.parent)
    except OSError as exc:
        raise BadInput(f"{path}: cannot write there ({exc.strerror})") from exc
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.chmod(tmp, mode)
        os.replace(tmp, target)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise BadInput(f"{path}: cannot write there ({exc.strerror})") from exc
    return Path(path)
