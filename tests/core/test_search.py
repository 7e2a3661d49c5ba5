"""Search across reports: FTS5 over folded text, kept up to date by every save."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from cwgdraft.core import folding, search
from cwgdraft.core.model import Paragraph, Report, Section
from cwgdraft.core.samples import load_samples
from cwgdraft.core.store import Store
from tests.core.test_store import _previous_version_store
from tests.report_factory import full_report, sample_paths

pytestmark = pytest.mark.skipif(not sample_paths(), reason="the sample reports are not in resources/samples")


@pytest.fixture
def store(tmp_path: Path) -> Store:
    s = Store.open(tmp_path / "cwgdraft.db")
    load_samples(s)
    yield s
    s.close()


def refs(store: Store, query: str, **kw: object) -> set[str]:
    return {h.ref for h in search.search(store, query, limit=500, **kw) if h.kind == "paragraph"}  # type: ignore[arg-type]


def test_with_and_without_diacritics_the_same_paragraphs_in_both_samples(store: Store) -> None:
    reports = {r.id for r in store.list_reports()}
    assert len(reports) == 2
    for plain, marked in (("الانترنت", "الإنترنتِ"), ("حماية الاطفال", "حمايةُ الأطفالِ"),
                          ("المبادئ التوجيهية", "المبادِئ التّوجيهيّة"), ("الاتحاد", "الاتّحاد")):
        found = refs(store, plain)
        assert found, plain
        assert refs(store, marked) == found
        if plain != "المبادئ التوجيهية":  # only the 2022 report names them
            hit_reports = {h.report_id for h in search.search(store, plain, limit=500) if h.kind == "paragraph"}
            assert hit_reports == reports, plain
    # Every paragraph found holds the words, folded (as a reader sees it: its fields filled in).
    for ref in refs(store, "حماية الاطفال"):
        (text,) = store.conn.execute("SELECT shown FROM search_docs WHERE ref = ?", [ref]).fetchone()
        assert folding.find_all("حماية", text) and folding.find_all("الاطفال", text)


def test_hits_name_report_section_and_number(store: Store) -> None:
    (hit,) = [h for h in search.search(store, "WeProtect تقييم التهديدات") if h.kind == "paragraph"]
    report = store.get(hit.report_id)
    assert hit.report == report.label
    section_no = next(i for i, s in enumerate(report.sections, 1) if any(p.id == hit.ref for p in s.paragraphs))
    assert hit.section.startswith(f"{section_no} ")
    assert hit.number == "18.5"
    assert "WeProtect" in hit.excerpt
    assert hit.line().count("\t") == 3


def test_titles_and_facts_are_found(store: Store) -> None:
    kinds = {h.kind for h in search.search(store, "Zoom", limit=500)}
    assert "fact" in kinds or "paragraph" in kinds
    report = store.get(store.list_reports()[0].id)
    report.symbol = "C99/123-A"
    store.save(report)
    (hit,) = search.search(store, "c99/123")
    assert (hit.kind, hit.ref, hit.report) == ("fact", "facts", "C99/123-A")


def test_the_index_follows_edits_deletes_and_reports_deleted(store: Store) -> None:
    report = store.get(store.list_reports()[0].id)
    target = report.sections[1].paragraphs[0]
    assert not refs(store, "قرطاجنة")
    target.text += " في قرطاجنةَ"
    report.sections[0].paragraphs.append(Paragraph("فقرة عن مدينة قرطاجنة الجديدة"))
    added = report.sections[0].paragraphs[-1]
    store.save(report)
    assert refs(store, "قرطاجنه") == {target.id, added.id}
    report.sections[0].paragraphs.remove(added)
    target.text = target.text.replace(" في قرطاجنةَ", "")
    store.save(report)
    assert refs(store, "قرطاجنة") == set()
    # Only what changed is written again.
    assert search.index_report(store.conn, report) == 0
    before = store.conn.execute("SELECT count(*) FROM search_docs").fetchone()[0]
    store.delete(report.id)
    after = store.conn.execute("SELECT count(*) FROM search_docs").fetchone()[0]
    assert 0 < after < before
    assert {h.report_id for h in search.search(store, "الاتحاد", limit=500)} == {store.list_reports()[0].id}


def test_a_failed_save_leaves_the_index_as_it_was(store: Store) -> None:
    sample = store.list_reports()[0].id
    other = Report(sections=[Section("قسم", paragraphs=[Paragraph("كلمة فريدة زبرجد")])])
    store.save(other)
    stolen = store.get(sample).sections[0].id
    other.sections[0].paragraphs[0].text = "كلمة فريدة ياقوت"
    other.sections.append(Section("مسروق", id=stolen))
    with pytest.raises(Exception, match="already belongs"):
        store.save(other)
    assert refs(store, "زبرجد") and not refs(store, "ياقوت")


def test_the_migration_indexes_a_store_written_before_search(tmp_path: Path) -> None:
    path = tmp_path / "cwgdraft.db"
    _previous_version_store(path)
    with Store.open(path) as store:
        assert store.backup is not None
        assert refs(store, "فقرة ثانيه") == {"p1"}


def test_queries_that_are_not_words(store: Store) -> None:
    assert search.search(store, "") == []
    assert search.search(store, '" * ( ) NEAR AND') != None  # noqa: E711 - read as words, not as FTS syntax
    assert search.fts_query('a"b') == '"a" "b"*'
    assert search.search(store, "زززززز") == []


def test_search_in_one_report(store: Store) -> None:
    first = store.list_reports()[0].id
    assert {h.report_id for h in search.search(store, "الاتحاد", report_id=first, limit=500)} == {first}


def test_an_unknown_table_layout_is_reported_not_hidden(tmp_path: Path) -> None:
    with Store.open(tmp_path / "s.db") as store:
        store.save(full_report())
        store.conn.execute("DROP TABLE search_docs")
        with pytest.raises(sqlite3.OperationalError):
            search.search(store, "الاتحاد")
