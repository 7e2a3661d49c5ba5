"""Reading a Word package without trusting it.

A `.docx` is a zip archive. Before anything is inflated the file size is
checked; each part's declared size and compression ratio are checked before
it is read; while it is read the bytes actually inflated are counted, so a
part that lies about its size stops at the cap all the same.
"""

from __future__ import annotations

import os
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path

from cwgdraft.core.errors import BadInput

MAX_FILE = 50 * 1024 * 1024  # the file on disk
MAX_PART = 50 * 1024 * 1024  # one part, inflated
MAX_TOTAL = 200 * 1024 * 1024  # all parts read, inflated
MAX_RATIO = 200  # inflated / compressed, for parts over RATIO_FLOOR
RATIO_FLOOR = 1024 * 1024
MAX_MEMBERS = 10_000
_CHUNK = 256 * 1024


def _one_line(exc: BaseException) -> str:
    return " ".join(str(exc).split())


def _mb(n: int) -> str:
    return f"{n / (1024 * 1024):.0f} MB"


def check_size(path: Path, limit: int = MAX_FILE) -> int:
    """The file's size, or BadInput when it is missing, not a file or too big."""
    try:
        st = os.stat(path)
    except FileNotFoundError as exc:
        raise BadInput(f"{path}: no such file") from exc
    except OSError as exc:
        raise BadInput(f"{path}: cannot read ({exc.strerror})") from exc
    if not Path(path).is_file():
        raise BadInput(f"{path}: not a file")
    if st.st_size > limit:
        raise BadInput(f"{path}: the file is {_mb(st.st_size)}, over the {_mb(limit)} an import accepts")
    return st.st_size


@dataclass
class SafeZip:
    """The members of a zip archive, read within limits."""

    path: Path
    archive: zipfile.ZipFile
    total: int = 0

    @classmethod
    def open(cls, path: str | Path) -> SafeZip:
        path = Path(path)
        check_size(path)
        try:
            archive = zipfile.ZipFile(path)
        except zipfile.BadZipFile as exc:
            raise BadInput(f"{path}: not a Word document (not a zip archive)") from exc
        except OSError as exc:
            raise BadInput(f"{path}: cannot read ({exc.strerror})") from exc
        infos = archive.infolist()
        if len(infos) > MAX_MEMBERS:
            archive.close()
            raise BadInput(f"{path}: the archive holds {len(infos)} parts, too many for a Word document")
        declared = sum(i.file_size for i in infos)
        if declared > MAX_TOTAL:
            archive.close()
            raise BadInput(f"{path}: the parts would inflate to {_mb(declared)}, over the {_mb(MAX_TOTAL)} limit")
        return cls(path, archive)

    def close(self) -> None:
        self.archive.close()

    def __enter__(self) -> SafeZip:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def names(self) -> list[str]:
        return self.archive.namelist()

    def has(self, name: str) -> bool:
        try:
            self.archive.getinfo(name)
        except KeyError:
            return False
        return True

    def read(self, name: str) -> bytes | None:
        """The inflated part, None when absent; BadInput past any limit."""
        try:
            info = self.archive.getinfo(name)
        except KeyError:
            return None
        where = f"{self.path}: part {name}"
        if info.file_size > MAX_PART:
            raise BadInput(f"{where} would inflate to {_mb(info.file_size)}, over the {_mb(MAX_PART)} limit (zip bomb?)")
        if info.file_size > RATIO_FLOOR and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            ratio = info.file_size // max(info.compress_size, 1)
            raise BadInput(f"{where} is compressed {ratio} to 1, past the {MAX_RATIO} to 1 limit (zip bomb?)")
        out = bytearray()
        try:
            with self.archive.open(info) as fh:
                while True:
                    chunk = fh.read(_CHUNK)
                    if not chunk:
                        break
                    out += chunk
                    self.total += len(chunk)
                    if len(out) > MAX_PART:
                        raise BadInput(f"{where} inflates past the {_mb(MAX_PART)} limit (zip bomb?)")
                    if self.total > MAX_TOTAL:
                        raise BadInput(f"{self.path}: the parts inflate past the {_mb(MAX_TOTAL)} limit (zip bomb?)")
        except (zipfile.BadZipFile, EOFError, ValueError, NotImplementedError, zlib.error) as exc:
            raise BadInput(f"{where} is damaged ({_one_line(exc)})") from exc
        except RuntimeError as exc:  # encrypted member
            raise BadInput(f"{where} cannot be read ({_one_line(exc)})") from exc
        except OSError as exc:
            raise BadInput(f"{where} cannot be read ({exc})") from exc
        return bytes(out)
