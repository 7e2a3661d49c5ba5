"""Each bundled sample, exported to Word, gives back its seed, line for line.

The seeds are the plain text of the two real reports (`../shared/seeds/`,
FORMAT.md). Both sides are normalised the same way before comparing:

Seed lines:
- drop the extraction artefacts `[bookmark: ...]` and U+F0B7;
- fold U+00A0 (no-break space) to a space, collapse runs of spaces, strip
  spaces at both ends; drop empty lines;
- split each line into (label, text). The label is a leading number (`1`,
  `1.2`), a letter (`أ)`, with the spaces typed inside it removed: the seed
  writes `أ )` and `د )` but `ب)`), `○`, or a bare leading tab. Inside the
  body (from the first section heading to the line before the signature) a
  bare leading tab is a bullet whose glyph the extraction lost: label `•`;
  elsewhere it is a layout tab: no label. Trailing tabs are dropped.

Output lines (`tests.docx_text.docx_lines`): the same folding; lines of a
placeholder (a field the seed does not give, shown highlighted) are dropped.

The seed's lines must appear as one contiguous run of the output, equal line
for line; the only output lines outside it are listed per sample below. On a
difference the test prints a unified diff of `label⇥text` lines.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from pathlib import Path

import pytest

from cwgdraft.core import portable
from cwgdraft.core.model import ParagraphKind, Report
from cwgdraft.formats.docx_writer import write_docx
from cwgdraft.formats.render import lay_out, render
from tests.docx_text import docx_lines

REPO = Path(__file__).resolve().parents[2]
SEEDS = REPO.parent / "shared" / "seeds"
SAMPLES = REPO / "resources" / "samples"

ARTEFACTS = re.compile(r"\[bookmark: [^\]]*\]|\uf0b7")
LABEL = re.compile(r"(\d+(?:\.\d+)*|[\u0621-\u064a] ?\)|○)\t")
SECTION_HEADING = re.compile(r"1\t")

Pair = tuple[str, str]  # (label, text)


@dataclass(frozen=True)
class Case:
    sample: str
    seed: str
    before: tuple[Pair, ...]  # output lines allowed before the seed's run
    after: tuple[Pair, ...]  # and after it


CASES = [
    Case(
        "cwg-cop-18-2022.json",
        "000_d29490a76c9348c7.txt",
        # The 2022 extraction lost the header block and the title (FORMAT.md): the subject the
        # template writes from the meetings comes before `ملخص`, and the end rule and the footer,
        # which the extraction does not show, after the signature.
        # The title and the subject are the template's standard wording.
        before=(
            ("", "تقرير من رئيس فريق العمل التابع للمجلس والمعني بحماية الأطفال على الإنترنت"),
            ("", "نتائج الاجتماع الثامن عشر لفريق العمل التابع للمجلس والمعني بحماية الأطفال على الإنترنت"),
        ),
        after=(("", "___________"), ("", "• http://www.itu.int/council •")),
    ),
    Case("cwg-cop-12-13-2016.json", "001_0c53b99f94563cb2.txt", before=(), after=()),
]


def _fold(text: str) -> str:
    return re.sub(" +", " ", text.replace("\u00a0", " ")).strip(" ")


def seed_pairs(path: Path, signature: str) -> list[Pair]:
    """The seed's lines; `signature` is how the signature line starts (honorific and name)."""
    pairs: list[Pair] = []
    in_body = False
    for raw in path.read_text(encoding="utf-8").split("\n"):
        line = _fold(ARTEFACTS.sub("", raw)).rstrip("\t ")
        if not line:
            continue
        if SECTION_HEADING.match(line):
            in_body = True
        if line.lstrip("\t").startswith(signature):
            in_body = False
        label = ""
        if m := LABEL.match(line):
            label, line = m.group(1).replace(" ", ""), line[m.end() :]
        elif line.startswith("\t"):
            label, line = ("•" if in_body else ""), line[1:]
        line = line.strip(" ")
        if line:
            pairs.append((label, line))
    return pairs


def output_pairs(path: Path) -> list[Pair]:
    pairs: list[Pair] = []
    for line in docx_lines(path):
        text = _fold(line.text)
        if line.placeholder or not (text or line.label):
            continue
        pairs.append((line.label, text))
    return pairs


def _diff(expected: list[Pair], got: list[Pair]) -> str:
    show = ["\t".join(p) for p in expected], ["\t".join(p) for p in got]
    return "\n".join(difflib.unified_diff(*show, "expected (allowed extras + seed)", "exported .docx", lineterm=""))


def _load(case: Case) -> Report:
    return portable.read_file(SAMPLES / case.sample)


@pytest.mark.parametrize("case", CASES, ids=[c.sample for c in CASES])
def test_sample_reproduces_its_seed(case: Case, tmp_path: Path) -> None:
    if not (SEEDS / case.seed).is_file():
        pytest.skip(f"{SEEDS / case.seed}: the seeds are not beside the repository")
    report = _load(case)
    out = write_docx(render(report), tmp_path / "sample.docx")
    chair = next(p for p in report.people if p.role.value == "chair")
    signature = f"{report.signature.honorific} {report.signature.name or chair.name}".strip()
    seed = seed_pairs(SEEDS / case.seed, signature)
    got = output_pairs(out)
    expected = [*case.before, *seed, *case.after]
    if got != expected:
        pytest.fail(f"{case.sample} does not give back {case.seed}:\n{_diff(expected, got)}", pytrace=False)


def _labels(report: Report) -> list[str]:
    return [p.label for s in lay_out(report) for p in s.paragraphs if p.label]


def test_2016_numbers_section_first() -> None:
    labels = _labels(_load(CASES[1]))
    assert [x for x in labels if x.startswith("5.")] == [f"5.{n}" for n in range(1, 8)]
    assert labels[:1] == ["4.1"] and "6.1" in labels and "6.2" in labels
    assert labels[labels.index("6.1") + 1 : labels.index("6.2")] == ["أ)", "ب)", "ج)", "د)"]
    assert labels[labels.index("6.2") + 1 :] == ["أ)", "ب)", "ج)"]


def test_2022_numbers_paragraph_first() -> None:
    labels = _labels(_load(CASES[0]))
    assert labels[:2] == ["1.1", "1.2"]
    assert "20.5" in labels and "21.5" not in labels
    assert labels[-1] == "4.7"


@pytest.mark.parametrize("case", CASES, ids=[c.sample for c in CASES])
def test_ids_are_unique_and_stable(case: Case) -> None:
    first, second = _load(case), _load(case)
    ids = [p.id for p in first.all_paragraphs()]
    assert len(ids) == len(set(ids))
    assert ids == [p.id for p in second.all_paragraphs()]
    assert first.id == second.id
    assert [c.id for c in first.contributions] == [c.id for c in second.contributions]
    assert portable.dumps(first) == (SAMPLES / case.sample).read_text(encoding="utf-8")


@pytest.mark.parametrize("case", CASES, ids=[c.sample for c in CASES])
def test_contributions_are_complete_and_linked(case: Case) -> None:
    report = _load(case)
    assert report.contributions
    for c in report.contributions:
        # A document listed by its source alone (`وثيقة من <source>`) has no title of its own.
        assert c.source.strip(), c
        assert report.meeting(c.meeting_id) is not None, c
        assert c.paragraph_id is not None and report.paragraph(c.paragraph_id) is not None, c
    kinds = {p.kind for p in report.all_paragraphs()}
    assert ParagraphKind.NUMBERED in kinds and ParagraphKind.UNNUMBERED in kinds


def _seed_text_lines(case: Case) -> list[str]:
    if not (SEEDS / case.seed).is_file():
        pytest.skip(f"{SEEDS / case.seed}: the seeds are not beside the repository")
    lines = (SEEDS / case.seed).read_text(encoding="utf-8").split("\n")
    return [_fold(ARTEFACTS.sub("", line)).strip("\t ") for line in lines]


def test_2022_contributions_are_the_seeds_list_of_documents() -> None:
    """Every document the 2022 seed lists (section 4) is one contribution, and nothing else is."""
    case = CASES[0]
    lines = _seed_text_lines(case)
    start = next(i for i, line in enumerate(lines) if line.startswith("4\t"))
    end = next(i for i, line in enumerate(lines) if line.startswith("5\t"))
    items = [line.lstrip("○\t ").strip() for line in lines[start + 2 : end]]
    documents = [i for i in items if i.startswith(("وثيقة من", "عرض"))]
    assert len(documents) == 19
    report = _load(case)

    def forms(c: object) -> set[str]:
        source, title = _fold(c.source), _fold(c.title)  # type: ignore[attr-defined]
        return {f"وثيقة من {source}: {title}", f"وثيقة من {source}", f"وثيقة من {title}", title} - {""}

    matched = [[c.id for c in report.contributions if document in forms(c)] for document in documents]
    assert [len(m) for m in matched] == [1] * len(documents), list(zip(documents, matched, strict=True))
    assert sorted(m[0] for m in matched) == sorted(c.id for c in report.contributions)


@pytest.mark.parametrize("case", CASES, ids=[c.sample for c in CASES])
def test_people_and_contributions_are_where_the_seed_names_them(case: Case) -> None:
    report = _load(case)
    text = "\n".join(_seed_text_lines(case))
    for c in report.contributions:  # the source is named in the paragraph that presents it
        paragraph = report.paragraph(c.paragraph_id)
        generic = {"جمهورية", "الاتحادية", "الاتحاد", "شركة", "المملكة", "مؤسسة"}
        names = {c.source, c.source.split(" (")[0]} | {w for w in c.source.split() if len(w) > 3 and w not in generic}
        assert any(n.casefold() in paragraph.text.casefold() for n in names), (c.source, paragraph.text[:80])
    assert any(p.role.value == "chair" for p in report.people)  # the chair the signature names
    sig = report.signature
    assert (sig.name, sig.country) == ("", "")  # the signature names the chair: entered once, in the people
    assert report.opening_remarks
    for person in report.people:
        assert person.name in text, person.name  # every person is someone the seed names
    for remark in report.opening_remarks:
        speaker = report.person(remark.speaker_id)
        paragraph = report.paragraph(remark.paragraph_id)
        assert speaker is not None and paragraph is not None
        # The paragraph names its speaker: by name, by family name, or as the chair.
        family = speaker.name.split()[-1]
        assert family in paragraph.text or (speaker.role.value == "chair" and "الرئيس" in paragraph.text), (
            speaker.name, paragraph.text[:80],
        )
