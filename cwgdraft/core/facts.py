"""The facts a field can state, and how each is written in Arabic.

A field (`cwgdraft.core.content.Field`) names one of the facts below. Its
value is computed from the report every time the report is rendered, so a
fact entered once in the meetings, people or contributions is written
everywhere it is stated. A fact that is not known yet resolves to None: the
writers show the field's name in brackets, highlighted, and the check before
export lists it.

Forms (`Field.form`, comma-separated) adjust a value to its place in the
sentence: `nominative` (the default is the genitive/accusative that reports
mostly need), `li` and `bi` (the prefixed prepositions ل and ب, with ل + ال
written لل), `nobreak` (hyphens as U+2011, as typists hold `CWG‑COP`
together), `bare` (a person without the honorific).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

from cwgdraft.core import arabic
from cwgdraft.core.content import Field
from cwgdraft.core.model import Contribution, MeetingMode, PersonRole, Report


class Part(NamedTuple):
    """A piece of a fact's value; `missing`: a hole for a fact not known yet (shown in brackets)."""

    text: str
    missing: bool = False


class Fact(NamedTuple):
    name: str
    label: str  # Arabic, what the editor and placeholders show
    label_en: str
    value: Callable[[Report, Field], str | list[Part] | None]
    per_contribution: bool = False
    # What the fact is made of, for the app's "go to" and for knowing which
    # paragraphs a change touches: "meetings", "group", "chair", "report", "contribution".
    source: str = "report"


def _forms(field: Field) -> set[str]:
    return {f.strip() for f in field.form.split(",") if f.strip()}


def _prefix(text: str, forms: set[str]) -> str:
    """ل / ب joined to the word (ل + ال is written لل)."""
    if "li" in forms:
        return "ل" + text[1:] if text.startswith("ال") else "ل" + text
    if "bi" in forms:
        return "ب" + text
    return text


def _numbers(report: Report) -> list[int]:
    return [m.number for m in report.meetings if 1 <= m.number <= 99]


def _phrase(report: Report, field: Field) -> str | None:
    numbers = _numbers(report)
    if not numbers or len(numbers) != len(report.meetings):
        return None
    forms = _forms(field)
    return _prefix(arabic.meetings_phrase(numbers, genitive="nominative" not in forms), forms)


def _ordinals(report: Report, field: Field) -> str | None:
    numbers = _numbers(report)
    if not numbers or len(numbers) != len(report.meetings):
        return None
    oblique = "nominative" not in _forms(field)
    return arabic.join_and([arabic.ordinal(n, oblique=oblique) for n in numbers])


def _dates(report: Report, field: Field) -> str | None:
    if not report.meetings or any(m.start is None for m in report.meetings):
        return None
    return arabic.join_and([arabic.format_date_range(m.start, m.end) for m in report.meetings if m.start])


def _held(report: Report, field: Field) -> str | list[Part] | None:
    """`اجتماعه الثامن عشر في 12 يناير 2022`, one such phrase per meeting; a
    date not known yet is a hole in it (the ordinal still shows)."""
    if not report.meetings:
        return None
    parts: list[Part] = []
    for i, m in enumerate(report.meetings):
        if not 1 <= m.number <= 99:
            return None
        lead = (" و" if i else "") + f"اجتماعه {arabic.ordinal(m.number, oblique=True)} في "
        parts.append(Part(lead))
        if m.start is None:
            parts.append(Part(f"[{label('meetings.dates')}]", missing=True))
        else:
            parts.append(Part(arabic.format_date_range(m.start, m.end)))
    return parts


def _by_count(report: Report, one: str, two: str, many: str) -> str | None:
    n = len(report.meetings)
    if n == 0:
        return None
    return one if n == 1 else two if n == 2 else many


def _place(report: Report, field: Field) -> str | None:
    """Where the meetings were held: `بمقر الاتحاد في جنيف`, `عبر الإنترنت على المنصة Zoom`."""
    if not report.meetings:
        return None
    phrases: list[str] = []
    for m in report.meetings:
        online = f"عبر الإنترنت على المنصة {m.platform}" if m.platform else "عبر الإنترنت"
        if m.mode is MeetingMode.ONLINE:
            phrase = online
        elif not m.venue:
            return None
        elif m.mode is MeetingMode.HYBRID and m.platform:
            phrase = f"ب{m.venue} و{online}"
        else:
            phrase = f"ب{m.venue}"
        if phrase not in phrases:
            phrases.append(phrase)
    return arabic.join_and(phrases)


_MODE_WORDS = {MeetingMode.ONLINE: "عن بُعد", MeetingMode.HYBRID: "حضورياً وعن بُعد", MeetingMode.IN_PERSON: "حضورياً"}


def _mode(report: Report, field: Field) -> str | None:
    modes = {m.mode for m in report.meetings}
    if not modes:
        return None
    if len(modes) > 1:
        return _MODE_WORDS[MeetingMode.HYBRID]
    return _MODE_WORDS[modes.pop()]


def _participants(report: Report, field: Field) -> str | None:
    """One meeting: its count. Several: the count they share, else their sum."""
    counts = [m.participants for m in report.meetings if m.participants is not None]
    if not counts or len(counts) != len(report.meetings):
        return None
    return str(counts[0]) if len(set(counts)) == 1 else str(sum(counts))


def _chair(report: Report, field: Field) -> str | None:
    chair = next((p for p in report.people if p.role is PersonRole.CHAIR and p.name.strip()), None)
    if chair is None:
        return None
    text = chair.name if "bare" in _forms(field) or not chair.honorific else f"{chair.honorific} {chair.name}"
    return f"{text} ({chair.country})" if chair.country else text


def _group_name(report: Report, field: Field) -> str | None:
    name = report.group.name.strip()
    return _prefix(name, _forms(field)) if name else None


def _acronym(report: Report, field: Field) -> str | None:
    acronym = report.group.acronym.strip()
    if not acronym:
        return None
    return acronym.replace("-", "\u2011") if "nobreak" in _forms(field) else acronym


def _mandate(report: Report, field: Field) -> str | None:
    refs = [r.strip() for r in report.group.mandate if r.strip()]
    return arabic.join_and(refs) if refs else None


def _text(getter: Callable[[Report], str]) -> Callable[[Report, Field], str | None]:
    return lambda report, field: getter(report).strip() or None


# The contributions of the report last asked about, by id: a fact of a contribution
# is looked up in constant time, not by a scan of them all (a list of documents of
# n items would cost n * n). The list itself is kept, so it is the same list.
_BY_ID: tuple[list[Contribution], dict[str, tuple[int, Contribution]]] | None = None


def _contribution(report: Report, field: Field) -> Contribution | None:
    return contribution_by_id(report, field.ref)


def contribution_by_id(report: Report, ref: str) -> Contribution | None:
    """The report's contribution with id `ref`, or None, in constant time."""
    global _BY_ID
    contributions = report.contributions
    for attempt in (0, 1):
        if attempt or _BY_ID is None or _BY_ID[0] is not contributions:
            _BY_ID = (contributions, {c.id: (i, c) for i, c in enumerate(contributions)})
        found = _BY_ID[1].get(ref)
        # Still where it was, with that id: the list may have changed in place since.
        if found is not None and found[0] < len(contributions) and contributions[found[0]] is found[1]:
            if found[1].id == ref:
                return found[1]
    return next((c for c in contributions if c.id == ref), None)


def _contribution_text(attr: str) -> Callable[[Report, Field], str | None]:
    def value(report: Report, field: Field) -> str | None:
        c = _contribution(report, field)
        return (getattr(c, attr).strip() or None) if c else None

    return value


FACTS: dict[str, Fact] = {
    f.name: f
    for f in (
        Fact("group.name", "اسم الفريق", "group's name", _group_name, source="group"),
        Fact("group.acronym", "مختصر اسم الفريق", "group's acronym", _acronym, source="group"),
        Fact("group.mandate", "مراجع الولاية", "mandate references", _mandate, source="group"),
        Fact("meetings.phrase", "الاجتماع ورقمه", "the meeting(s), numbered", _phrase, source="meetings"),
        Fact("meetings.ordinals", "رقم الاجتماع", "meeting number(s)", _ordinals, source="meetings"),
        Fact("meetings.held", "الاجتماع وتاريخه", "meeting(s) and date(s)", _held, source="meetings"),
        Fact("meetings.dates", "تاريخ الاجتماع", "meeting date(s)", _dates, source="meetings"),
        Fact("meetings.place", "مكان الاجتماع", "where the meeting was held", _place, source="meetings"),
        Fact("meetings.mode", "طريقة المشاركة", "how participants took part", _mode, source="meetings"),
        Fact("meetings.participants", "عدد المشاركين", "participants", _participants, source="meetings"),
        Fact(
            "meetings.these", "هذا الاجتماع", "this meeting / these meetings",
            lambda r, f: _by_count(r, "هذا الاجتماع", "هذين الاجتماعين", "هذه الاجتماعات"), source="meetings",
        ),
        Fact(
            "meetings.noun", "الاجتماع", "the meeting(s)",
            lambda r, f: _prefix(_by_count(r, "الاجتماع", "الاجتماعين", "الاجتماعات") or "", _forms(f)) or None,
            source="meetings",
        ),
        Fact(
            "meetings.which_held", "الذي عُقد", "which was held",
            lambda r, f: _by_count(r, "الذي عُقد", "اللذين عُقدا", "التي عُقدت"), source="meetings",
        ),
        Fact("chair.name", "الرئيس", "the chair", _chair, source="chair"),
        Fact("report.symbol", "رمز الوثيقة", "document symbol", _text(lambda r: r.symbol)),
        Fact("report.council_session", "دورة المجلس", "council session", _text(lambda r: r.council_session)),
        Fact(
            "report.date", "تاريخ الوثيقة", "document date",
            lambda r, f: arabic.format_date(r.date) if r.date else None,
        ),
        Fact(
            "contribution.source", "مصدر الوثيقة", "contribution's source", _contribution_text("source"),
            per_contribution=True, source="contribution",
        ),
        Fact(
            "contribution.title", "عنوان الوثيقة", "contribution's title", _contribution_text("title"),
            per_contribution=True, source="contribution",
        ),
        Fact(
            "contribution.document", "رقم الوثيقة", "contribution's document number", _contribution_text("document"),
            per_contribution=True, source="contribution",
        ),
    )
}


def label(name: str) -> str:
    fact = FACTS.get(name)
    return fact.label if fact else name


def resolve_parts(report: Report, field: Field) -> list[Part] | None:
    """The field's text in pieces, holes marked; None when the fact is missing (or unknown)."""
    fact = FACTS.get(field.name)
    if fact is None:
        return None
    try:
        value = fact.value(report, field)
    except ValueError:  # an ordinal out of range, a date that cannot be written
        return None
    if value is None or isinstance(value, list):
        return value
    return [Part(value)]


def resolve(report: Report, field: Field) -> str | None:
    """The field's text for this report, or None when the fact (or part of it) is missing."""
    parts = resolve_parts(report, field)
    if parts is None or any(p.missing for p in parts):
        return None
    return "".join(p.text for p in parts)


def text_of(report: Report, value: str) -> str:
    """What a reader sees of a text with fields: facts filled in, a missing one as its name in brackets."""
    from cwgdraft.core.content import Content, Footnote, Text, inlines_of

    out = []
    for item in inlines_of(value):
        if isinstance(item, Text):
            out.append(item.text)
        elif isinstance(item, Footnote):
            out.append("[" + text_of(report, Content(item.inlines)) + "]")
        else:
            parts = resolve_parts(report, item)
            out.append(item.token if parts is None else "".join(p.text for p in parts))
    return "".join(out)
