"""Reading a Word package without trusting it: see `cwgdraft.core.safe_zip`
(in core, so the writer can read a user's reference document the same way)."""

from cwgdraft.core.safe_zip import MAX_FILE, MAX_MEMBERS, MAX_PART, MAX_RATIO, MAX_TOTAL, SafeZip, check_size

__all__ = ["MAX_FILE", "MAX_MEMBERS", "MAX_PART", "MAX_RATIO", "MAX_TOTAL", "SafeZip", "check_size"]
