"""The peer: docxtpl filling an equivalent template, as a whole process.

`python bench/peer_docxtpl.py TEMPLATE.docx BLOCKS.json OUT.docx`

BLOCKS.json holds the report already rendered and split into script runs
(`bench_export.peer_input`), so docxtpl's time holds none of cwgdraft's
work: it builds the same runs (label, tab, one run per script piece, `w:rtl`
on the Arabic ones, yellow on placeholders) and the same bookmarks, fills
the template (`w:bidi` and the style on every paragraph, the reference
document's styles, headers and footers) and saves.
"""

from __future__ import annotations

import json
import sys

from docxtpl import DocxTemplate, RichText


def rich(label: str, runs: list[list], bookmark: list | None = None, highlight: bool = False) -> RichText:
    text = RichText()
    colour = "yellow" if highlight else None
    if label:
        text.add(label, rtl=True)
        text.add("\t", rtl=True)
    for piece, rtl in runs:
        text.add(piece, rtl=rtl, highlight=colour)
    if bookmark:
        mark_id, name = bookmark
        text.xml = f'<w:bookmarkStart w:id="{mark_id}" w:name="{name}"/>{text.xml}<w:bookmarkEnd w:id="{mark_id}"/>'
    return text


def main(template: str, blocks_json: str, out: str) -> None:
    with open(blocks_json, encoding="utf-8") as fh:
        data = json.load(fh)
    context = {
        "blocks": [
            {"style": b["style"], "rich": rich(b["label"], b["runs"], b["bookmark"], b["placeholder"])}
            for b in data["blocks"]
        ],
        "header_start": [rich("", h["runs"], None, h["placeholder"]) for h in data["header_start"]],
        "header_end": [rich("", h["runs"], None, h["placeholder"]) for h in data["header_end"]],
        "running": rich("", data["running"]),
        "footer": rich("", data["footer"]),
    }
    tpl = DocxTemplate(template)
    tpl.render(context, autoescape=True)
    tpl.save(out)


if __name__ == "__main__":
    main(*sys.argv[1:4])
