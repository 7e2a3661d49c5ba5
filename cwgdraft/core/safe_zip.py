"""Reading a Word package without trusting it.

A `.docx` is a zip archive. Before anything is inflated the file size is
checked, then the end of the central directory: an archive that declares
more parts than a Word document has is refused before its directory is read.
Names must be unique (a second part of the same name would be read by one
reader and not another). Each part's declared size and compression ratio are
checked before it is read; while it is read the bytes actually inflated are
counted, so a part that lies about its size stops at the cap all the same.
"""

from __future__ import annotations

import os
import stat
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path

from cwgdraft.core.errors import BadInput

MAX_FILE = 50 * 1024 * 1024  # the file on disk
MAX_PART = 50 * 1024 * 1024  # one part, inflated
MAX_TOTAL = 200 * 1024 * 1024  # all parts read, inflated
MAX_RATIO = 200  # inflated / compressed, for parts over RATIO_FLOOR
# A report's own text compresses far past MAX_RATIO (a 1 MB paragraph of one
# repeated phrase does): below this size only MAX_PART and MAX_TOTAL apply, so
# that what cwgdraft writes it reads back.
RATIO_FLOOR = 16 * 1024 * 1024
MAX_MEMBERS = 10_000
MAX_DIRECTORY = MAX_MEMBERS * (46 + 300)  # central directory bytes: a header and a long name per part
_CHUNK = 256 * 1024
_EOCD = b"PK\x05\x06"
_EOCD64_LOCATOR = b"PK\x06\x07"
_EOCD64 = b"PK\x06\x06"


def _one_line(exc: BaseException) -> str:
    return " ".join(str(exc).split())


def _mb(n: int) -> str:
    return f"{n / (1024 * 1024):.0f} MB"


def check_size(path: Path, limit: int = MAX_FILE) -> int:
    """The file's size, or BadInput when it is missing, not a file or too big."""
    from cwgdraft.core.files import is_folder, no_such_file

    try:
        st = os.stat(path)
    except FileNotFoundError as exc:
        raise no_such_file(path) from exc
    except OSError as exc:
        raise BadInput(f"{path}: cannot read ({exc.strerror})") from exc
    if stat.S_ISDIR(st.st_mode):
        raise is_folder(path)
    if not stat.S_ISREG(st.st_mode):
        raise BadInput(f"{path}: not a regular file (a device, pipe or socket)")
    if st.st_size > limit:
        raise BadInput(f"{path}: the file is {_mb(st.st_size)}, over the {_mb(limit)} an import accepts")
    return st.st_size


def _directory_size(path: Path) -> tuple[int, int] | None:
    """(parts, bytes) the central directory declares, from the end of the
    archive alone; None when there is no end record (then not a zip)."""
    with open(path, "rb") as fh:
        fh.seek(0, os.SEEK_END)
        size = fh.tell()
        tail_size = min(size, 22 + 65535)
        fh.seek(size - tail_size)
        tail = fh.read(tail_size)
        at = tail.rfind(_EOCD)
        if at < 0 or len(tail) < at + 22:
            return None
        entries = int.from_bytes(tail[at + 10 : at + 12], "little")
        directory = int.from_bytes(tail[at + 12 : at + 16], "little")
        locator = at - 20
        if locator >= 0 and tail[locator : locator + 4] == _EOCD64_LOCATOR:
            offset = int.from_bytes(tail[locator + 8 : locator + 16], "little")
            if offset + 56 <= size:
                fh.seek(offset)
                record = fh.read(56)
                if record[:4] == _EOCD64:
                    entries = max(entries, int.from_bytes(record[32:40], "little"))
                    directory = max(directory, int.from_bytes(record[40:48], "little"))
        return entries, directory


def check_archive(path: Path, archive: zipfile.ZipFile, what: str = "a Word document") -> None:
    """BadInput for an archive with too many parts, duplicate names, or parts
    that would inflate past the limits (declared sizes and ratios)."""
    infos = archive.infolist()
    if len(infos) > MAX_MEMBERS:
        raise BadInput(f"{path}: the archive holds {len(infos)} parts, too many for {what}")
    names = [i.filename for i in infos]
    if len(set(names)) != len(names):
        seen: set[str] = set()
        twice = next(n for n in names if n in seen or seen.add(n))  # type: ignore[func-returns-value]
        raise BadInput(f"{path}: the archive holds two parts named {twice!r}; {what} has one of each")
    declared = sum(i.file_size for i in infos)
    if declared > MAX_TOTAL:
        raise BadInput(f"{path}: the parts would inflate to {_mb(declared)}, over the {_mb(MAX_TOTAL)} limit")
    for info in infos:
        _check_declared(info, f"{path}: part {info.filename}")


def _check_declared(info: zipfile.ZipInfo, where: str) -> None:
    if info.file_size > MAX_PART:
        raise BadInput(f"{where} would inflate to {_mb(info.file_size)}, over the {_mb(MAX_PART)} limit (zip bomb?)")
    if info.file_size > RATIO_FLOOR and info.file_size > MAX_RATIO * max(info.compress_size, 1):
        ratio = info.file_size // max(info.compress_size, 1)
        raise BadInput(f"{where} is compressed {ratio} to 1, past the {MAX_RATIO} to 1 limit (zip bomb?)")


def open_archive(path: Path, what: str = "a Word document") -> zipfile.ZipFile:
    """The zip archive at `path`, its directory checked (`check_archive`); BadInput otherwise."""
    check_size(path)
    try:
        declared = _directory_size(path)
    except OSError as exc:
        raise BadInput(f"{path}: cannot read ({exc.strerror})") from exc
    if declared is None:
        raise BadInput(f"{path}: not {what} (not a zip archive)")
    entries, directory = declared
    if entries > MAX_MEMBERS or directory > MAX_DIRECTORY:
        raise BadInput(f"{path}: the archive declares {entries} parts, too many for {what}")
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, ValueError, EOFError) as exc:
        raise BadInput(f"{path}: not {what} (not a zip archive)") from exc
    except OSError as exc:
        raise BadInput(f"{path}: cannot read ({exc.strerror})") from exc
    try:
        check_archive(path, archive, what)
    except BadInput:
        archive.close()
        raise
    return archive


@dataclass
class SafeZip:
    """The members of a zip archive, read within limits."""

    path: Path
    archive: zipfile.ZipFile
    total: int = 0

    @classmethod
    def open(cls, path: str | Path) -> SafeZip:
        path = Path(path)
        return cls(path, open_archive(path))

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
        _check_declared(info, where)
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
