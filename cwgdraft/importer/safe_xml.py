"""XML from a file we did not write: no DTD, no entities, no network.

Any document type declaration is refused outright (it is the carrier of
external entities and of exponential entity expansion, and no Word part has
one); the parser itself runs with entity resolution, DTD loading and network
access off, so nothing slips through in an encoding the byte check misses.
"""

from __future__ import annotations

from typing import Any

from cwgdraft.core.errors import BadInput

_PARSER: Any = None
# Elements in one part: a long report's document.xml has some tens of
# thousands; parsing is cheap, but every element is work for the reader after.
MAX_ELEMENTS = 600_000


def _parser() -> Any:
    global _PARSER
    if _PARSER is None:
        from lxml import etree

        _PARSER = etree.XMLParser(
            resolve_entities=False,
            no_network=True,
            load_dtd=False,
            dtd_validation=False,
            huge_tree=False,
            remove_comments=True,
            remove_pis=True,
        )
    return _PARSER


def parse(data: bytes, where: str) -> Any:
    """The root element of `data`; BadInput for a DTD, entities or broken XML."""
    from lxml import etree

    if b"<!DOCTYPE" in data or b"<!ENTITY" in data:
        raise BadInput(f"{where}: XML with a document type or entity declarations is refused")
    elements = data.count(b"<") - data.count(b"</")
    if elements > MAX_ELEMENTS:
        raise BadInput(f"{where}: {elements} XML elements, more than a report has (the limit is {MAX_ELEMENTS})")
    try:
        root = etree.fromstring(data, _parser())
    except etree.XMLSyntaxError as exc:
        raise BadInput(f"{where}: not well-formed XML ({exc.msg})") from exc
    if root is None:
        raise BadInput(f"{where}: empty XML")
    info = root.getroottree().docinfo
    if info.doctype or info.internalDTD is not None or info.externalDTD is not None:
        raise BadInput(f"{where}: XML with a document type or entity declarations is refused")
    return root
