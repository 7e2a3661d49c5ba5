"""Export benchmarks: printed, not asserted.

- the 2022 sample from the store, in process (median, warm) and as a whole
  `cwgdraft export` process (import time included);
- a synthetic report of 150, 300 and 600 paragraphs (the 600 one is about
  60 pages), in process, to show linear growth;
- the same paragraphs through docxtpl (a Jinja-in-Word template engine),
  with the ratio.

Run: `.venv/bin/python bench/bench_export.py` (or `make bench`).
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))

from timing import median_ms  # noqa: E402

from cwgdraft.core import portable  # noqa: E402
from cwgdraft.core.arabic import script_runs  # noqa: E402
from cwgdraft.core.model import Report  # noqa: E402
from cwgdraft.core.store import Store  # noqa: E402
from cwgdraft.core.synthetic import synthetic_report  # noqa: E402
from cwgdraft.formats.docx_writer import to_bytes  # noqa: E402
from cwgdraft.formats.render import render  # noqa: E402

SAMPLE_2022 = REPO / "resources" / "samples" / "cwg-cop-18-2022.json"


def export_bytes(report: Report) -> bytes:
    return to_bytes(render(report))


def docxtpl_template(path: Path) -> None:
    """An equivalent Word template for docxtpl: the council reference document
    (same styles, page, headers), one branch per paragraph style, each a
    right-to-left paragraph of that style holding the block's rich text."""
    import docx

    from cwgdraft.formats.render import load_template

    template = load_template()
    doc = docx.Document(str(template.reference))
    body = doc.element.body
    for child in list(body):
        if not child.tag.endswith("}sectPr"):
            body.remove(child)
    roles = list(template.styles)
    for i, role in enumerate(roles):
        keyword = "if" if i == 0 else "elif"
        doc.add_paragraph(f"{{%p {keyword} b.style == '{role}' %}}")
        doc.add_paragraph("{{r b.rich }}", style=template.styles[role])
    doc.add_paragraph("{%p endif %}")
    # the loop around the branches
    first = doc.paragraphs[0]._p
    loop = doc.add_paragraph("{%p for b in blocks %}")._p
    first.addprevious(loop)
    doc.add_paragraph("{%p endfor %}")
    doc.save(str(path))


def docxtpl_render(template: Path, pieces: list[tuple[str, str, list[tuple[str, bool]]]]) -> bytes:
    """docxtpl filling that template with the same blocks: the label, a tab,
    then one run per script piece (`w:rtl` on the Arabic ones). The text is
    split into pieces beforehand, so docxtpl's time holds none of cwgdraft's
    work."""
    import io

    from docxtpl import DocxTemplate, RichText

    blocks = []
    for style, label, runs in pieces:
        rich = RichText()
        if label:
            rich.add(label + "\t", rtl=True)
        for text, rtl in runs:
            rich.add(text, rtl=rtl)
        blocks.append({"style": style, "rich": rich})
    tpl = DocxTemplate(str(template))
    tpl.render({"blocks": blocks}, autoescape=True)
    out = io.BytesIO()
    tpl.save(out)
    return out.getvalue()


def main() -> None:
    print("cwgdraft export benchmarks (median of 15 warm runs unless said)")
    sample = portable.read_file(SAMPLE_2022)
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "bench.db"
        with Store.open(db) as store:
            store.save(sample)

            def from_store() -> bytes:
                return export_bytes(store.get(sample.id))

            print(f"2022 sample, store -> .docx bytes, in process: {median_ms(from_store):7.1f} ms  (target < 50 ms)")

        out = Path(tmp) / "out.docx"
        cmd = [sys.executable, "-m", "cwgdraft", "--db", str(db), "export", sample.id, "-o", str(out)]
        times = []
        for _ in range(7):
            start = time.perf_counter()
            subprocess.run(cmd, check=True, capture_output=True)
            times.append(time.perf_counter() - start)
        print(f"2022 sample, `cwgdraft export` whole process: {statistics.median(times) * 1000:7.1f} ms  (target < 600 ms)")

        tpl = Path(tmp) / "docxtpl-template.docx"
        docxtpl_template(tpl)
        print()
        print("synthetic report (5 meetings, 200 contributions), in process:")
        print(f"{'paragraphs':>10} {'cwgdraft':>10} {'per para':>9} {'docxtpl':>10} {'ratio':>7}")
        for count in (150, 300, 600):
            report = synthetic_report(paragraphs=count, meetings=5, contributions=200)
            ours = median_ms(lambda report=report: export_bytes(report), runs=7, warm=1)
            pieces = [(b.style, b.label, script_runs(b.text)) for b in render(report).blocks]
            theirs = median_ms(lambda pieces=pieces: docxtpl_render(tpl, pieces), runs=5, warm=1)
            print(
                f"{count:>10} {ours:>8.1f}ms {ours / count * 1000:>7.0f}us {theirs:>8.1f}ms {theirs / ours:>6.2f}x"
            )
        print("(ratio = docxtpl time / cwgdraft time; above 1 means cwgdraft is faster)")


if __name__ == "__main__":
    main()
