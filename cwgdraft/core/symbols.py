"""Document symbols: a document, its addenda, revisions and corrigenda.

ITU numbers an addendum, a revision or a corrigendum of a document in its
symbol (`C22/7(Add.1)-A`, `C22/7(Rev.2)-A`, `C22/7(Corr.1)-A`); the header
block of an Arabic document says it in words (`الإضافة 1 للوثيقة C22/7-A`,
`المراجعة 2 للوثيقة C22/7-A`), a plain document `الوثيقة C22/7-A`.
"""

from __future__ import annotations

import re

_WORDS = {"Add": "الإضافة", "Rev": "المراجعة", "Corr": "التصويب"}
_KINDS = {
    "الإضافة": "Add", "المراجعة": "Rev", "التصويب": "Corr", "Addendum": "Add", "Revision": "Rev", "Corrigendum": "Corr",
}  # fmt: skip
_PART = re.compile(r"^(?P<base>.+?)\((?P<kind>Add|Rev|Corr)\.(?P<n>\d{1,3})\)(?P<lang>-[A-Z])?$")
_LINE = re.compile(
    r"^(?P<word>" + "|".join(_KINDS) + r")\s+(?P<n>\d{1,3})\s+(?:للوثيقة|لوثيقة|to\s+Document)\s+(?P<symbol>\S+)$"
)
_LANGUAGE = re.compile(r"^(?P<base>.+?)(?P<lang>-[A-Z])$")


def document_line(symbol: str) -> str:
    """The header block's line for a symbol: `الوثيقة C22/7-A`, `الإضافة 1 للوثيقة C22/7-A`."""
    m = _PART.match(symbol)
    if not m:
        return f"الوثيقة {symbol}"
    return f"{_WORDS[m['kind']]} {m['n']} للوثيقة {m['base']}{m['lang'] or ''}"


def symbol_from_line(line: str) -> str | None:
    """The symbol an addendum's or a revision's line names (`C22/7(Add.1)-A`), or None."""
    m = _LINE.match(line.strip())
    if not m:
        return None
    part = f"({_KINDS[m['word']]}.{m['n']})"
    symbol = m["symbol"]
    lang = _LANGUAGE.match(symbol)
    return f"{lang['base']}{part}{lang['lang']}" if lang else symbol + part
