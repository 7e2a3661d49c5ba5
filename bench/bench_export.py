"""Export benchmarks: printed, not asserted.

- `cwgdraft export` of the 2022 sample as a whole process, against docxtpl
  filling an equivalent template as a whole process (`peer_docxtpl.py`: the
  same runs, `w:bidi` and the style on every paragraph, the same bookmarks,
  the reference document's styles, headers and footer), taking turns, medians;
- the 2022 sample in process (store -> .docx bytes);
- the growth in process at 150, 600, 2,400 and 9,600 paragraphs.

Run: `.venv/bin/python bench/bench_export.py` (or `make bench`).
"""

from __future__ import annotations

import json
import sys
import tempfile
import zipfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))

from timing import alternate, cpu_ms, growth, median_ms, process_env, sized_report  # noqa: E402

from cwgdraft.core import portable  # noqa: E402
from cwgdraft.core.arabic import script_runs  # noqa: E402
from cwgdraft.core.model import Report  # noqa: E402
from cwgdraft.core.store import Store  # noqa: E402
from cwgdraft.formats import oxml  # noqa: E402
from cwgdraft.formats.docmodel import Document  # noqa: E402
from cwgdraft.formats.docx_writer import to_bytes  # noqa: E402
from cwgdraft.formats.oxml import ParagraphSpec  # noqa: E402
from cwgdraft.formats.render import load_template, render  # noqa: E402

SAMPLE_2022 = REPO / "resources" / "samples" / "cwg-cop-18-2022.json"
PEER = REPO / "bench" / "peer_docxtpl.py"


def export_bytes(report: Report) -> bytes:
    return to_bytes(render(report))


def _control(tag: str) -> str:
    return f"<w:p><w:r><w:t>{{%p {tag} %}}</w:t></w:r></w:p>"


def _rich_paragraph(style_id: str, variable: str, placeholder: str) -> tuple[str, str]:
    """(the paragraph oxml writes for `placeholder`, the same paragraph holding `{{r variable }}`)."""
    ours = oxml.paragraph(ParagraphSpec(style_id, placeholder))
    return ours, ours.replace(oxml.runs(placeholder), f"<w:r><w:t>{{{{r {variable} }}}}</w:t></w:r>")


def docxtpl_template(path: Path) -> None:
    """The council reference document made a docxtpl template that writes what
    cwgdraft writes: one branch per style role, each a paragraph with that
    style and `w:bidi`; the header block's table with a paragraph per line;
    the running header with its page field; the first-page footer."""
    template = load_template()
    with zipfile.ZipFile(template.reference) as ref:
        entries = [(info, ref.read(info)) for info in ref.infolist()]
    styles = {e[0].filename: e[1] for e in entries}["word/styles.xml"].decode()
    import re

    ids = {}
    for role, name in template.styles.items():
        match = re.search(rf'w:styleId="([^"]+)"><w:name w:val="{re.escape(name)}"/>', styles)
        ids[role] = match.group(1)

    body = [_control("for b in blocks")]
    for i, role in enumerate(template.styles):
        body.append(_control(f"{'elif' if i else 'if'} b.style == '{role}'"))
        body.append(_rich_paragraph(ids[role], "b.rich", "PEER")[1])
    body += [_control("endif"), _control("endfor")]
    head = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    parts = {}
    doc = {e[0].filename: e[1] for e in entries}["word/document.xml"].decode()
    start, rest = doc.split("<w:body>", 1)
    sect = rest[rest.index("<w:sectPr") :]
    parts["word/document.xml"] = start + "<w:body>" + "".join(body) + sect

    table = oxml.header_table([ParagraphSpec(ids["header"], "HSTART")], [ParagraphSpec(ids["header"], "HEND")])
    for placeholder, variable in (("HSTART", "header_start"), ("HEND", "header_end")):
        ours, theirs = _rich_paragraph(ids["header"], "h", placeholder)
        table = table.replace(ours, _control(f"for h in {variable}") + theirs + _control("endfor"))
    empty = f"<w:p>{oxml.ppr(style=ids['header'])}</w:p>"
    parts["word/header1.xml"] = f"{head}<w:hdr {oxml.NSDECL}>{table}{empty}</w:hdr>"
    running = oxml.running_header_paragraph("CWGRunningHeader", "RUNNING{PAGE}")
    running = running.replace(oxml.runs("RUNNING"), "<w:r><w:t>{{r running }}</w:t></w:r>")
    parts["word/header2.xml"] = f"{head}<w:hdr {oxml.NSDECL}>{running}</w:hdr>"
    footer = _rich_paragraph("CWGFooter", "footer", "FOOTER")[1]
    parts["word/footer1.xml"] = f"{head}<w:ftr {oxml.NSDECL}>{footer}</w:ftr>"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for info, data in entries:
            out.writestr(info, parts[info.filename].encode() if info.filename in parts else data)


def peer_input(document: Document) -> dict:
    """The rendered report for the peer: styles, labels, script runs, bookmarks."""

    def runs(text: str) -> list[tuple[str, bool]]:
        return script_runs(text)

    blocks = []
    for i, b in enumerate(document.blocks, start=1):
        name = oxml.id_bookmark_name(b.source) if b.source else None
        blocks.append(
            {
                "style": b.style,
                "label": b.label,
                "runs": runs(b.text),
                "bookmark": [i, name] if name else None,
                "placeholder": b.placeholder,
            }
        )
    return {
        "blocks": blocks,
        "header_start": [{"runs": runs(b.text), "placeholder": b.placeholder} for b in document.header_start],
        "header_end": [{"runs": runs(b.text), "placeholder": b.placeholder} for b in document.header_end],
        "running": runs(document.running_header.rpartition("{PAGE}")[0] or document.running_header),
        "footer": runs(document.footer),
    }


def main() -> None:
    print("cwgdraft export benchmarks")
    sample = portable.read_file(SAMPLE_2022)
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        db = tmp / "bench.db"
        with Store.open(db) as store:
            store.save(sample)

            def from_store() -> bytes:
                return export_bytes(store.get(sample.id))

            print(f"2022 sample, store -> .docx bytes, in process: {median_ms(from_store):7.1f} ms")

        template = tmp / "docxtpl-template.docx"
        docxtpl_template(template)
        blocks = tmp / "blocks.json"
        blocks.write_text(json.dumps(peer_input(render(sample)), ensure_ascii=False), encoding="utf-8")
        env = process_env(tmp)
        ours_cmd = [sys.executable, "-m", "cwgdraft", "--db", str(db), "export", sample.id, "-o", str(tmp / "ours.docx")]
        peer_cmd = [sys.executable, str(PEER), str(template), str(blocks), str(tmp / "peer.docx")]
        ours, peer = alternate([ours_cmd, peer_cmd], env, runs=21)
        print(
            f"2022 sample, whole process: `cwgdraft export` {ours:.0f} ms, docxtpl {peer:.0f} ms: "
            f"{ours / peer:.2f}x  (goal <= 0.8x)"
        )
        print()

        def measure(n: int) -> float:
            report = sized_report(n)
            return median_ms(lambda: export_bytes(report), runs=5 if n < 5000 else 3, warm=1, clock=cpu_ms)

        growth("export (render + .docx bytes, in process)", measure, goal=1.3)


if __name__ == "__main__":
    main()
