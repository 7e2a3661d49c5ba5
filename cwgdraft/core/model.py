"""The report model: plain data, no Qt, no XML.

One `Report` holds everything a chair's report says. Writers never read it
directly: `cwgdraft.formats.render` turns it into a `Document` first.
Every object that a user edits carries a stable string id (a UUID) that
survives edits, export and import.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import field
from enum import StrEnum

from cwgdraft.core.records import Record, record


def new_id() -> str:
    import uuid  # here: importing uuid imports platform, which `cwgdraft export` never needs

    return str(uuid.uuid4())


class ParagraphKind(StrEnum):
    """What a paragraph is, which decides its number, letter or bullet."""

    NUMBERED = "numbered"  # `1.2<TAB>text`
    UNNUMBERED = "unnumbered"  # plain body text, no number
    BULLET = "bullet"  # level-1 bullet
    SUB_BULLET = "sub_bullet"  # `○` item under a bullet
    LETTERED = "lettered"  # `أ)<TAB>text`, abjad order, restarts per block
    LETTERED_BULLET = "lettered_bullet"  # bullet under a lettered item


class Numbering(StrEnum):
    """The two paragraph-number conventions in real use (FORMAT.md)."""

    PARAGRAPH_SECTION = "paragraph.section"  # 2022: paragraph 1 of section 2 is `1.2`
    SECTION_PARAGRAPH = "section.paragraph"  # 2016: paragraph 1 of section 5 is `5.1`


class MeetingMode(StrEnum):
    IN_PERSON = "in_person"
    ONLINE = "online"
    HYBRID = "hybrid"


class SectionRole(StrEnum):
    """What a section is for; the title is still the user's text."""

    INTRODUCTION = "introduction"
    OPENING = "opening"
    AGENDA = "agenda"
    CONTRIBUTIONS = "contributions"
    PRESENTATIONS = "presentations"
    DISCUSSIONS = "discussions"
    OTHER_BUSINESS = "other_business"
    OUTCOMES = "outcomes"
    OTHER = "other"


class PersonRole(StrEnum):
    CHAIR = "chair"
    OPENING_SPEAKER = "opening_speaker"
    PRESENTER = "presenter"
    OTHER = "other"


@record
class WorkingGroup(Record):
    """The working group: its name, acronym and mandate."""

    name: str = ""  # `فريق العمل التابع للمجلس والمعني بحماية الأطفال على الإنترنت`
    acronym: str = ""  # `CWG-COP`
    mandate: list[str] = field(default_factory=list)  # mandate references, one per line


@record
class Meeting(Record):
    """One meeting the report covers: number, dates, place or platform, participants."""

    number: int
    id: str = field(default_factory=new_id)
    start: dt.date | None = None
    end: dt.date | None = None  # None: a one-day meeting
    mode: MeetingMode = MeetingMode.IN_PERSON
    venue: str = ""  # `مقر الاتحاد في جنيف`
    platform: str = ""  # `Zoom`
    participants: int | None = None


@record
class Person(Record):
    """Someone the report names: the chair, a vice-chair, a speaker."""

    name: str
    id: str = field(default_factory=new_id)
    honorific: str = ""  # `السيد`, `الدكتور`
    country: str = ""  # shown in parentheses after the name
    role: PersonRole = PersonRole.OTHER
    title: str = ""  # function, e.g. `نائب الأمين العام للاتحاد`


@record
class Contribution(Record):
    """A document received for the meeting: its number, source and title, and where it was presented."""

    title: str
    id: str = field(default_factory=new_id)
    document: str = ""  # document number, e.g. `CWG-COP/18/5`
    source: str = ""  # who submitted it
    category: str = ""  # free text: `member_state`, `partner`, `secretariat`, ...
    presenter_id: str | None = None
    meeting_id: str | None = None
    paragraph_id: str | None = None  # the paragraph that presents it


@record
class OpeningRemark(Record):
    """Who opened the meeting, and what they said."""

    speaker_id: str
    paragraph_id: str
    id: str = field(default_factory=new_id)


@record
class Paragraph(Record):
    """One paragraph. `text` is the drafter's wording: a `str`, or a
    `cwgdraft.core.content.Content` when it holds fields.

    `standard` names the template's standard wording this paragraph stands
    for (`introduction`, `agenda`, `document_item`, ...; empty: none). While
    `text` is empty the paragraph follows that wording, facts filled in, and
    follows it when the template changes; once the drafter writes their own
    `text`, that is kept, and clearing it resets to the standard wording.
    `ref` is what the standard wording is about (a contribution's id for a
    list item, a category for a group of the list of documents).
    """

    text: str
    kind: ParagraphKind = ParagraphKind.NUMBERED
    id: str = field(default_factory=new_id)
    standard: str = ""
    ref: str = ""

    @property
    def follows_standard(self) -> bool:
        return bool(self.standard) and not self.text


@record
class Section(Record):
    """A numbered section of the report: its title and paragraphs."""

    title: str  # may be Content; empty with `standard` set: the standard heading
    role: SectionRole = SectionRole.OTHER
    paragraphs: list[Paragraph] = field(default_factory=list)
    id: str = field(default_factory=new_id)
    standard: str = ""  # the standard heading this section's title stands for (`outcomes_heading`)


@record
class Signature(Record):
    """Who signs the report, and as what."""

    honorific: str = ""
    name: str = ""
    country: str = ""
    title: str = ""  # may hold line breaks (`\n`): the title over two lines


@record
class Report(Record):
    """A chair's report: its facts, its sections and its signature."""

    id: str = field(default_factory=new_id)
    # header block
    council_session: str = ""  # `المجلس 2022`
    session_place: str = ""  # `جنيف`
    session_start: dt.date | None = None
    session_end: dt.date | None = None
    agenda_item: str = ""  # `PL 1.5`
    symbol: str = ""  # `C22/7-A`
    date: dt.date | None = None
    original_language: str = ""  # ISO code: `en`, `ar`, `fr`, ...
    # title and summary box
    # Title, subject and summary may be Content (text with fields). Empty:
    # the template's standard wording, facts filled in.
    title: str = ""  # may hold line breaks
    subject: str = ""  # may hold line breaks
    summary: str = ""
    action_required: str = ""
    references: list[str] = field(default_factory=list)
    numbering: Numbering = Numbering.PARAGRAPH_SECTION
    group: WorkingGroup = field(default_factory=WorkingGroup)
    meetings: list[Meeting] = field(default_factory=list)
    people: list[Person] = field(default_factory=list)
    opening_remarks: list[OpeningRemark] = field(default_factory=list)
    contributions: list[Contribution] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    signature: Signature = field(default_factory=Signature)

    # --- look-ups -------------------------------------------------------
    def paragraph(self, paragraph_id: str) -> Paragraph | None:
        for section in self.sections:
            for paragraph in section.paragraphs:
                if paragraph.id == paragraph_id:
                    return paragraph
        return None

    def person(self, person_id: str | None) -> Person | None:
        return next((p for p in self.people if p.id == person_id), None)

    def meeting(self, meeting_id: str | None) -> Meeting | None:
        return next((m for m in self.meetings if m.id == meeting_id), None)

    def all_paragraphs(self) -> list[Paragraph]:
        return [p for s in self.sections for p in s.paragraphs]

    @property
    def label(self) -> str:
        """A short human name: the symbol, else the title's first line."""
        return self.symbol or (self.title.splitlines()[0] if self.title else "") or self.name

    @property
    def name(self) -> str:
        """What to call a report without a title: its subject's first line, else
        its meetings and first date (`الاجتماع الثامن عشر (12 يناير 2022)`),
        else the start of its id."""
        from cwgdraft.core import arabic

        subject = self.subject.split("\n")[0].strip()
        if subject:
            return subject
        numbers = [m.number for m in self.meetings if 1 <= m.number <= 99]
        if numbers:
            text = arabic.meetings_phrase(numbers, genitive=False)
            start = next((m.start for m in self.meetings if m.start), None)
            return f"{text} ({arabic.format_date(start, nbsp=False)})" if start else text
        return self.id[:8]
