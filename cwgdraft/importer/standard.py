"""Recognising the template's standard wording in typed text.

A sentence that is exactly the template's standard wording filled with the
report's facts is better stored as that wording with live fields: then a
changed fact, or the next report, rewrites it. `adopt_standard_wording` does
that for a whole report (import and the samples use it); it changes nothing a
reader sees, because it only adopts a wording whose rendering equals the text
(no-break spaces aside).
"""

from __future__ import annotations

import re

from cwgdraft.core import documents, facts
from cwgdraft.core.content import Content, Field, Text, inlines_of
from cwgdraft.core.model import ParagraphKind, PersonRole, Report, Section, SectionRole
from cwgdraft.formats.render import Template, load_template, standard_content


def _fold(text: str) -> str:
    """Compare as a reader would: no-break spaces as spaces, one space, no ends."""
    return re.sub(r"[ \u00a0]+", " ", text.replace("\u2011", "-")).strip()


def _exact(text: str) -> str:
    return re.sub(r"[ \u00a0]+", " ", text).strip()


def _same(report: Report, typed: str, name: str, ref: str, template: Template) -> bool:
    return _shown(report, name, ref, template) == _exact(typed)


def _shown(report: Report, name: str, ref: str, template: Template) -> str:
    """The standard wording `name` (for `ref`) as a reader sees it, spaces folded.
    The acronym's hyphen is the one detail typists vary (CWG-COP / CWG‑COP):
    a wording is adopted only on an exact match, so nothing a reader sees changes."""
    return _exact(facts.text_of(report, standard_content(report, name, ref, template)))


class _Wordings:
    """The standard wordings of one report, each rendered once (a list of n
    documents would otherwise render n * n of them). The facts they show do not
    change while wordings are adopted: adopting changes paragraphs only."""

    def __init__(self, report: Report, template: Template) -> None:
        self.report = report
        self.template = template
        self._shown: dict[tuple[str, str], str] = {}
        self._items: dict[str, list[int]] | None = None  # shown item -> indexes of its contributions
        self._named: list[list[str]] | None = None  # per contribution: its title and source, spaces folded

    def same(self, typed: str, name: str, ref: str = "") -> bool:
        key = (name, ref)
        if key not in self._shown:
            self._shown[key] = _shown(self.report, name, ref, self.template)
        return self._shown[key] == _exact(typed)

    def items(self, typed: str) -> list[int]:
        """The contributions (indexes, in order) whose list item reads exactly `typed`."""
        if self._items is None:
            self._items = {}
            for i, c in enumerate(self.report.contributions):
                shown = _shown(self.report, documents.DOCUMENT_ITEM, c.id, self.template)
                self._items.setdefault(shown, []).append(i)
        return self._items.get(_exact(typed), [])

    def may_name(self, i: int, typed: str) -> bool:
        """Whether `typed` (spaces folded) holds contribution `i`'s title or source."""
        if self._named is None:
            self._named = [
                [_exact(v) for name in ("contribution.title", "contribution.source")
                 if (v := facts.resolve(self.report, Field(name, c.id)))]
                for c in self.report.contributions
            ]  # fmt: skip
        return any(v in typed for v in self._named[i])


def adopt_standard_wording(report: Report, template: Template | None = None, signature: bool = False) -> list[str]:
    """Turn typed sentences that equal a standard wording into that wording with
    live fields; returns one note per sentence adopted. `signature`: a signature
    that names the chair is left empty, to name the chair from the people."""
    template = template or load_template()
    notes: list[str] = []
    _learn_chair_honorific(report)
    for name in ("title", "subject", "summary"):
        typed = getattr(report, name)
        if typed and not isinstance(typed, Content) and _same(report, typed, name, "", template):
            setattr(report, name, "")
            notes.append(f"report.{name}: standard wording")
    by_role = {
        SectionRole.INTRODUCTION: ("introduction",),
        SectionRole.AGENDA: ("agenda",),
        SectionRole.CONTRIBUTIONS: ("documents_intro",),
    }
    wordings = _Wordings(report, template)
    for section in report.sections:
        if section.role is SectionRole.OUTCOMES and section.title and not section.standard:
            if _same(report, section.title, "outcomes_heading", "", template):
                section.title, section.standard = "", "outcomes_heading"
                notes.append(f"section {section.id}: standard heading")
        for paragraph in section.paragraphs:
            if paragraph.standard or not paragraph.text or isinstance(paragraph.text, Content):
                continue
            for name in by_role.get(section.role, ()):
                if wordings.same(paragraph.text, name):
                    paragraph.text, paragraph.standard = "", name
                    notes.append(f"paragraph {paragraph.id}: standard wording {name!r}")
                    break
        if section.role is SectionRole.CONTRIBUTIONS:
            notes += _adopt_documents(report, section, wordings)
    sig, chair = report.signature, next((p for p in report.people if p.role is PersonRole.CHAIR), None)
    if signature and chair and sig.name and (sig.name, sig.country) == (chair.name, chair.country):
        sig.name = sig.country = ""
        notes.append("signature: the chair's name and country")
    return notes


HONORIFICS = ("السيد", "السيدة", "الدكتور", "الدكتورة", "السفير", "السفيرة", "الأستاذ", "الأستاذة", "المهندس", "المهندسة")


def _learn_chair_honorific(report: Report) -> None:
    """A chair read from the signature has no honorific; the introduction may give it
    (`وترأسه السيد عبد العزيز الزرعوني`): a fact the standard wording needs."""
    chair = next((p for p in report.people if p.role is PersonRole.CHAIR and p.name.strip()), None)
    intro = next((s for s in report.sections if s.role is SectionRole.INTRODUCTION), None)
    if chair is None or chair.honorific or intro is None:
        return
    name = "[ \u00a0]+".join(re.escape(w) for w in chair.name.split())
    pattern = re.compile(f"({'|'.join(HONORIFICS)})[ \u00a0]+{name}")
    for paragraph in intro.paragraphs:
        found = pattern.search(str(paragraph.text))
        if found:
            chair.honorific = found.group(1)
            return


def _adopt_documents(report: Report, section: Section, wordings: _Wordings) -> list[str]:
    """The list of documents: group headings and one item per contribution.

    An item lists the first contribution still unlisted, in their order, that
    it reads exactly as the standard item of, or that it names in words of its
    own. The exact readings are looked up; only the contributions before the
    first exact one are tried for words of their own, so an exported list
    costs a look-up per item."""
    notes: list[str] = []
    contributions = report.contributions
    unlisted = list(range(len(contributions)))  # indexes, in order
    listed = [False] * len(contributions)
    for paragraph in section.paragraphs:
        if paragraph.standard or not paragraph.text or paragraph.kind not in (
            ParagraphKind.BULLET, ParagraphKind.SUB_BULLET
        ):
            continue
        for category in documents.GROUPED:
            if wordings.same(paragraph.text, documents.DOCUMENTS_GROUP, category):
                paragraph.text, paragraph.standard, paragraph.ref = "", documents.DOCUMENTS_GROUP, category
                notes.append(f"paragraph {paragraph.id}: standard group heading {category!r}")
                break
        else:
            exact = next((i for i in wordings.items(paragraph.text) if not listed[i]), len(contributions))
            typed = _exact(paragraph.text)
            for i in unlisted:
                c = contributions[i]
                if i == exact:
                    paragraph.text, paragraph.standard, paragraph.ref = "", documents.DOCUMENT_ITEM, c.id
                elif i > exact:
                    break
                else:
                    # Words of its own: only where the item holds the contribution's title or source.
                    if not wordings.may_name(i, typed):
                        continue
                    own = with_fields(paragraph.text, report, ["contribution.title", "contribution.source"], c.id)
                    if not own.has_fields or _fold(facts.text_of(report, own)) != _fold(paragraph.text):
                        continue
                    # Listed in words of its own: keep them, the facts live.
                    paragraph.text, paragraph.standard, paragraph.ref = own, documents.DOCUMENT_ITEM, c.id
                unlisted.remove(i)
                listed[i] = True
                notes.append(f"paragraph {paragraph.id}: lists contribution {c.id}")
                break
    return notes


def with_fields(text: str, report: Report, names: list[str], ref: str = "", forms: dict[str, str] | None = None) -> Content:
    """`text` with every occurrence of the named facts' values made a field
    (longest values first); the words a reader sees do not change."""
    forms = forms or {}
    fields = [Field(name, ref if name.startswith("contribution.") else "", forms.get(name, "")) for name in names]
    values = [(facts.resolve(report, f), f) for f in fields]
    pairs = sorted(((v, f) for v, f in values if v), key=lambda vf: -len(vf[0]))
    items: list[Text | Field] = list(inlines_of(text))
    for value, field in pairs:
        # A space of the value matches a typed no-break space and the reverse.
        pattern = re.compile("[ \u00a0]".join(re.escape(w) for w in re.split("[ \u00a0]", value)))
        out: list[Text | Field] = []
        for item in items:
            if not isinstance(item, Text):
                out.append(item)
                continue
            at = 0
            for m in pattern.finditer(item.text):
                out.append(Text(item.text[at : m.start()]))
                out.append(field)
                at = m.end()
            out.append(Text(item.text[at:]))
        items = out
    return Content(items)
