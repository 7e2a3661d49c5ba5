"""Random edits on both sides never lose a word of either side.

The store's side (ours) is edited after the copy went out; the copy (theirs)
is edited in Word. After `review import`, every word of ours is still in the
report (it is never changed), and every word of theirs is in a pending
proposal; accepting it (taking the reviewer's side where both changed)
gives the reviewer's words. `merge_words`, when it merges, keeps every word
either side added."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cwgdraft.core import portable
from cwgdraft.core.model import Report, SectionRole
from cwgdraft.core.store import Store
from cwgdraft.drafting.standard import paragraph_text
from cwgdraft.review import compare
from tests.review.test_review import SAMPLE, accept, export_copy, read_back
from tests.review.word_edits import WordCopy

WORDS = st.sampled_from(
    ["الاجتماع", "الأطفال", "CWG-COP", "(ITU)", "2022", "https://www.itu.int", "٣٤", "حماية", "الإنترنت", "و", "في"]
)
SENTENCE = st.lists(WORDS, min_size=1, max_size=10)


@st.composite
def edited(draw: st.DrawFn, base: list[str]) -> list[str]:
    """`base` with random words replaced, deleted and inserted (possibly none)."""
    out = list(base)
    for _ in range(draw(st.integers(0, 3))):
        action = draw(st.sampled_from(["insert", "delete", "replace"]))
        at = draw(st.integers(0, len(out)))
        if action == "insert" or not out:
            out.insert(at, draw(WORDS))
        elif action == "delete" and len(out) > 1:
            del out[min(at, len(out) - 1)]
        else:
            out[min(at, len(out) - 1)] = draw(WORDS)
    return out


@settings(max_examples=200, deadline=None)
@given(st.data())
def test_merge_keeps_every_word_either_side_added(data: st.DataObject) -> None:
    base = data.draw(SENTENCE)
    ours, theirs = data.draw(edited(base)), data.draw(edited(base))
    merged = compare.merge_words(" ".join(base), " ".join(ours), " ".join(theirs))
    if merged is None:
        return  # overlapping edits: a conflict, decided by a person
    got = Counter(merged.split())
    for side in (ours, theirs):
        added = Counter(side) - Counter(base)
        assert not (added - got), (base, ours, theirs, merged)


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.data())
def test_review_import_never_loses_a_word(tmp_path_factory, data: st.DataObject) -> None:  # type: ignore[no-untyped-def]
    tmp: Path = tmp_path_factory.mktemp("prop")
    with Store.open(tmp / "store.db") as store:
        report = portable.read_file(SAMPLE)
        target = next(s for s in report.sections if s.role == SectionRole.OUTCOMES).paragraphs[0]
        base = data.draw(SENTENCE)
        target.text = " ".join(base)
        store.save(report)
        export_copy(store, report, tmp / "copy.docx", ["outcomes"])
        ours, theirs = " ".join(data.draw(edited(base))), " ".join(data.draw(edited(base)))
        mine, version = store.get_with_version(report.id)
        mine.paragraph(target.id).text = ours
        store.save(mine, expected_version=version)
        word = WordCopy(tmp / "copy.docx")
        word.retype(target.id, theirs)
        word.save(tmp / "back.docx")
        added = read_back(store, tmp / "back.docx")[1]
        now: Report = store.get(report.id)
        assert paragraph_text(now, now.paragraph(target.id)).split() == ours.split()  # ours: untouched
        if theirs.split() == base:
            assert added == []
            return
        (proposal,) = added
        assert proposal.theirs[0].split() == theirs.split()  # theirs: every word kept
        assert proposal.kind == ("change" if ours.split() == base else "conflict")
        accept(store, proposal, "theirs")
        after = store.get(report.id)
        assert paragraph_text(after, after.paragraph(target.id)).split() == theirs.split()
