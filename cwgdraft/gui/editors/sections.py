"""A section and its paragraphs: title, role, the ordered paragraphs (add,
delete, move, change kind, indent and outdent), and a right-to-left
paragraph editor that shows the paragraph's number or letter as the export
will (`render.lay_out`)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from cwgdraft.core.content import Field
from cwgdraft.core.model import Paragraph, ParagraphKind, Report, Section, SectionRole
from cwgdraft.drafting.standard import paragraph_text
from cwgdraft.formats.render import lay_out
from cwgdraft.gui.commands import SetList, SetValue
from cwgdraft.gui.editors.base import HasSession, Page
from cwgdraft.gui.editors.content_field import ContentField, standard_of
from cwgdraft.gui.i18n import N_, t, with_keys
from cwgdraft.gui.session import Session, Target

KINDS = {
    ParagraphKind.NUMBERED: N_("فقرة مرقمة"),
    ParagraphKind.UNNUMBERED: N_("فقرة بلا رقم"),
    ParagraphKind.BULLET: N_("نقطة"),
    ParagraphKind.SUB_BULLET: N_("نقطة فرعية ○"),
    ParagraphKind.LETTERED: N_("بند بحرف (أ، ب، ج)"),
    ParagraphKind.LETTERED_BULLET: N_("نقطة تحت بند بحرف"),
}

ROLES = {
    SectionRole.INTRODUCTION: N_("مقدمة"),
    SectionRole.OPENING: N_("الملاحظات الافتتاحية"),
    SectionRole.AGENDA: N_("اعتماد جدول الأعمال"),
    SectionRole.CONTRIBUTIONS: N_("المساهمات"),
    SectionRole.PRESENTATIONS: N_("العروض"),
    SectionRole.DISCUSSIONS: N_("المناقشات"),
    SectionRole.OTHER_BUSINESS: N_("ما يستجد من أعمال"),
    SectionRole.OUTCOMES: N_("النتائج"),
    SectionRole.OTHER: N_("قسم آخر"),
}

INDENT = {
    ParagraphKind.NUMBERED: ParagraphKind.BULLET,
    ParagraphKind.UNNUMBERED: ParagraphKind.BULLET,
    ParagraphKind.BULLET: ParagraphKind.SUB_BULLET,
    ParagraphKind.LETTERED: ParagraphKind.LETTERED_BULLET,
}
OUTDENT = {
    ParagraphKind.SUB_BULLET: ParagraphKind.BULLET,
    ParagraphKind.BULLET: ParagraphKind.NUMBERED,
    ParagraphKind.LETTERED_BULLET: ParagraphKind.LETTERED,
}
_LEVEL = {
    ParagraphKind.NUMBERED: 0,
    ParagraphKind.UNNUMBERED: 0,
    ParagraphKind.LETTERED: 1,
    ParagraphKind.BULLET: 1,
    ParagraphKind.SUB_BULLET: 2,
    ParagraphKind.LETTERED_BULLET: 2,
}
_GLYPH = {ParagraphKind.BULLET: "•", ParagraphKind.SUB_BULLET: "○", ParagraphKind.LETTERED_BULLET: "•"}


def labels_of(session: Session) -> dict[str, str]:
    """Every paragraph's number or letter as exported, by paragraph id."""
    return {lp.paragraph.id: lp.label for s in lay_out(session.report) for lp in s.paragraphs}


def unlink_paragraphs(session: Session, ids: set[str]) -> None:
    """Inside a macro: drop the links to paragraphs about to be deleted."""
    r = session.report
    for c in r.contributions:
        if c.paragraph_id in ids:
            session.push(SetValue(session, ("contribution", c.id), "paragraph_id", None, ""))
    remarks = [o for o in r.opening_remarks if o.paragraph_id not in ids]
    if len(remarks) != len(r.opening_remarks):
        session.push(SetList(session, ("report",), "opening_remarks", remarks, ""))


class SectionPage(Page):
    paragraph_selected = Signal(str)

    def __init__(self, host: HasSession, parent: QWidget | None = None) -> None:
        super().__init__(host, parent)
        self.section_id: str | None = None
        self.paragraph_id: str | None = None
        self.section_heading = self.heading(t("القسم"))
        form = self.form()
        self.title_field = ContentField(self._report, t("عنوان القسم"), single_line=True)
        self.title_field.edited.connect(lambda value, merge: self._set("section", "title", value, t("عنوان القسم"), merge))
        self.title_field.reset_requested.connect(self.reset_title)
        self.title_field.content_edit.fact_requested.connect(self._fact_requested)
        form.addRow(t("عنوان القسم"), self.title_field)
        self.fields[("section", "title")] = self.title_field
        self.role = self.choice(form, "section", "role", t("وظيفة القسم"), ROLES, t("وظيفة القسم في التقرير"))
        sec_buttons = QHBoxLayout()
        self.add_section_button = QPushButton(t("قسم جديد"))
        self.add_section_button.setToolTip(t("إضافة قسم بعد هذا القسم"))
        self.delete_section_button = QPushButton(t("حذف القسم"))
        self.delete_section_button.setToolTip(t("حذف هذا القسم وفقراته"))
        self.section_up_button = QPushButton(t("القسم إلى الأعلى"))
        self.section_down_button = QPushButton(t("القسم إلى الأسفل"))
        for b in (self.add_section_button, self.delete_section_button, self.section_up_button,
                  self.section_down_button):
            sec_buttons.addWidget(b)
        sec_buttons.addStretch(1)
        self.outer.addLayout(sec_buttons)
        self.add_section_button.clicked.connect(self.add_section)
        self.delete_section_button.clicked.connect(self.delete_section)
        self.section_up_button.clicked.connect(lambda: self.move_section(-1))
        self.section_down_button.clicked.connect(lambda: self.move_section(1))

        split = QSplitter(Qt.Orientation.Vertical)
        split.setObjectName("paragraphSplitter")
        self.split = split
        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        self.list = QListWidget()
        self.list.setObjectName("paragraphList")
        # One line per paragraph, elided at the end of its text, never scrolled sideways.
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.list.setUniformItemSizes(True)
        self.list.setLayoutDirection(Qt.LayoutDirection.RightToLeft)  # the report's Arabic, in either language
        self.list.setToolTip(t("فقرات القسم بترتيبها وأرقامها في التقرير"))
        self.list.currentRowChanged.connect(self._row_changed)
        top_layout.addWidget(self.list)
        buttons = QHBoxLayout()
        self.new_button = QPushButton(t("فقرة جديدة"))
        self.new_button.setToolTip(with_keys(t("إضافة فقرة بعد الفقرة المحددة"), "Ctrl+Return"))
        self.delete_button = QPushButton(t("حذف"))
        self.delete_button.setToolTip(t("حذف الفقرة المحددة"))
        self.up_button = QPushButton("▲")
        self.up_button.setToolTip(with_keys(t("نقل الفقرة إلى الأعلى"), "Alt+↑"))
        self.down_button = QPushButton("▼")
        self.down_button.setToolTip(with_keys(t("نقل الفقرة إلى الأسفل"), "Alt+↓"))
        self.indent_button = QPushButton(t("إزاحة للداخل"))
        self.indent_button.setToolTip(t("جعل الفقرة نقطة تحت ما قبلها (نقطة ← ○، بند بحرف ← نقطة تحته)"))
        self.outdent_button = QPushButton(t("إزاحة للخارج"))
        self.outdent_button.setToolTip(t("إرجاع النقطة مستوى واحداً"))
        self.kind = QComboBox()
        self.kind.setToolTip(t("نوع الفقرة: يحدد رقمها أو حرفها أو نقطتها"))
        for kind, label in KINDS.items():
            self.kind.addItem(t(label), kind.value)
        for w in (self.new_button, self.delete_button, self.up_button, self.down_button):
            buttons.addWidget(w)
        buttons.addStretch(1)
        top_layout.addLayout(buttons)
        kinds = QHBoxLayout()
        for w in (self.kind, self.indent_button, self.outdent_button):
            kinds.addWidget(w)
        kinds.addStretch(1)
        top_layout.addLayout(kinds)
        split.addWidget(top)

        bottom = QWidget()
        bottom_layout = QVBoxLayout(bottom)
        bottom_layout.setContentsMargins(0, 0, 0, 0)
        label_row = QHBoxLayout()
        self.number_label = QLabel()
        self.number_label.setObjectName("paragraphNumber")
        font = self.number_label.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.3)
        self.number_label.setFont(font)
        self.number_label.setToolTip(t("رقم الفقرة أو حرفها كما سيظهر في التقرير"))
        label_row.addWidget(QLabel(t("نص الفقرة")))
        label_row.addWidget(self.number_label)
        label_row.addStretch(1)
        bottom_layout.addLayout(label_row)
        self.editor_field = ContentField(self._report, t("اكتب نص الفقرة هنا"))
        self.editor = self.editor_field.content_edit
        self.editor.setObjectName("paragraphEditor")
        self.editor.setTabChangesFocus(False)
        self.editor.setMinimumHeight(120)
        self.editor.set_tip(with_keys(t("نص الفقرة. لإدراج حقل (معلومة تُملأ من الاجتماعات والأشخاص والمساهمات)"),
                                      "Ctrl+Shift+F"))
        self.fields[("paragraph", "text")] = self.editor_field
        bottom_layout.addWidget(self.editor_field, 1)
        split.addWidget(bottom)
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 3)
        self.outer.addWidget(split, 1)

        self.new_button.clicked.connect(lambda: self.new_paragraph())
        self.delete_button.clicked.connect(self.delete_paragraph)
        self.up_button.clicked.connect(lambda: self.move_paragraph(-1))
        self.down_button.clicked.connect(lambda: self.move_paragraph(1))
        self.indent_button.clicked.connect(lambda: self.shift(INDENT))
        self.outdent_button.clicked.connect(lambda: self.shift(OUTDENT))
        self.kind.currentIndexChanged.connect(lambda _i: self.set_kind(self.kind.currentData()))
        self.editor_field.edited.connect(self._text_edited)
        self.editor_field.reset_requested.connect(self.reset_paragraph)
        self.editor.fact_requested.connect(self._fact_requested)

    # --- what is open ------------------------------------------------------
    def _report(self) -> Report | None:
        return self.host.session.report if self.host.session is not None else None

    def _fact_requested(self, field: Field) -> None:
        go = getattr(self.host, "go_to_fact", None)
        if go is not None:
            go(field)

    def section(self) -> Section | None:
        return next((s for s in self.session.report.sections if s.id == self.section_id), None)

    def paragraph(self) -> Paragraph | None:
        s = self.section()
        if s is None:
            return None
        return next((p for p in s.paragraphs if p.id == self.paragraph_id), None)

    def current_target(self, kind: str) -> Target | None:
        if kind == "section":
            return ("section", self.section_id) if self.section() else None
        if kind == "paragraph":
            return ("paragraph", self.paragraph_id) if self.paragraph() else None
        return (kind,)

    def open(self, section_id: str, paragraph_id: str | None = None) -> None:
        self.section_id = section_id
        s = self.section()
        if paragraph_id is None and s is not None and s.paragraphs:
            if self.paragraph_id not in {p.id for p in s.paragraphs}:
                paragraph_id = s.paragraphs[0].id
            else:
                paragraph_id = self.paragraph_id
        self.paragraph_id = paragraph_id
        self.load()

    def _row_changed(self, row: int) -> None:
        if self._loading:
            return
        s = self.section()
        if s is None or not 0 <= row < len(s.paragraphs):
            return
        self.paragraph_id = s.paragraphs[row].id
        self.load()
        self.paragraph_selected.emit(self.paragraph_id)

    # --- edits ---------------------------------------------------------------
    def _text_edited(self, value: str, merge: bool = True) -> None:
        """Typing merges into one undo step; a field inserted or deleted is a step of its own."""
        if self._loading or self.paragraph() is None:
            return
        if value.strip():
            self.editor_field.error.clear_message()
        label = t("كتابة") if merge else t("تعديل الحقول")
        self.session.push(SetValue(self.session, ("paragraph", self.paragraph_id), "text", value, label,
                                   merge=merge))
        self._refresh_row()

    def reset_paragraph(self) -> None:
        """Back to the template's standard wording (the drafter's text is kept in the undo history)."""
        p = self.paragraph()
        if p is None or not p.standard or not p.text:
            return
        self.session.push(SetValue(self.session, ("paragraph", p.id), "text", "", t("العودة إلى الصيغة القياسية")))

    def reset_title(self) -> None:
        s = self.section()
        if s is None or not s.standard or not s.title:
            return
        self.session.push(SetValue(self.session, ("section", s.id), "title", "", t("العودة إلى الصيغة القياسية")))

    def _paragraphs_command(self, paragraphs: list[Paragraph], label: str) -> None:
        self.session.push(SetList(self.session, ("section", self.section_id), "paragraphs", paragraphs, label))

    def new_paragraph(self, kind: ParagraphKind | None = None) -> Paragraph | None:
        s = self.section()
        if s is None:
            return None
        current = self.paragraph()
        at = s.paragraphs.index(current) + 1 if current else len(s.paragraphs)
        if kind is None:
            kind = current.kind if current else ParagraphKind.NUMBERED
        new = Paragraph("", kind)
        self.paragraph_id = new.id
        self._paragraphs_command([*s.paragraphs[:at], new, *s.paragraphs[at:]], t("فقرة جديدة"))
        self.editor.setFocus()
        return new

    def delete_paragraph(self) -> None:
        s, p = self.section(), self.paragraph()
        if s is None or p is None:
            return
        i = s.paragraphs.index(p)
        rest = [x for x in s.paragraphs if x is not p]
        self.paragraph_id = rest[min(i, len(rest) - 1)].id if rest else None
        stack = self.session.undo_stack
        stack.beginMacro(t("حذف الفقرة"))
        unlink_paragraphs(self.session, {p.id})
        self._paragraphs_command(rest, "")
        stack.endMacro()

    def move_paragraph(self, step: int) -> None:
        s, p = self.section(), self.paragraph()
        if s is None or p is None:
            return
        items = list(s.paragraphs)
        i = items.index(p)
        j = i + step
        if not 0 <= j < len(items):
            return
        items[i], items[j] = items[j], items[i]
        self._paragraphs_command(items, t("نقل الفقرة"))

    def set_kind(self, kind: ParagraphKind | str | None) -> None:
        p = self.paragraph()
        if self._loading or p is None or not kind or p.kind == kind:
            return
        self.session.push(SetValue(self.session, ("paragraph", p.id), "kind", ParagraphKind(kind),
                                   t("نوع الفقرة")))

    def shift(self, table: dict[ParagraphKind, ParagraphKind]) -> None:
        p = self.paragraph()
        if p is not None and p.kind in table:
            self.set_kind(table[p.kind])

    def add_section(self) -> Section:
        sections = self.session.report.sections
        current = self.section()
        at = sections.index(current) + 1 if current else len(sections)
        new = Section("", SectionRole.OTHER, [Paragraph("")])
        self.section_id, self.paragraph_id = new.id, new.paragraphs[0].id
        self.session.push(SetList(self.session, ("report",), "sections", [*sections[:at], new, *sections[at:]],
                                  t("قسم جديد")))
        return new

    def delete_section(self) -> None:
        s = self.section()
        if s is None:
            return
        sections = self.session.report.sections
        rest = [x for x in sections if x is not s]
        stack = self.session.undo_stack
        stack.beginMacro(t("حذف القسم"))
        unlink_paragraphs(self.session, {p.id for p in s.paragraphs})
        self.session.push(SetList(self.session, ("report",), "sections", rest, ""))
        stack.endMacro()
        self.section_id = rest[0].id if rest else None
        self.load()

    def move_section(self, step: int) -> None:
        s = self.section()
        if s is None:
            return
        items = list(self.session.report.sections)
        i = items.index(s)
        j = i + step
        if 0 <= j < len(items):
            items[i], items[j] = items[j], items[i]
            self.session.push(SetList(self.session, ("report",), "sections", items, t("نقل القسم")))

    # --- showing -------------------------------------------------------------
    def _row_text(self, p: Paragraph, label: str) -> str:
        indent = "    " * _LEVEL[p.kind]
        mark = label or _GLYPH.get(p.kind, "")
        from cwgdraft.core.errors import CwgError

        try:
            shown = paragraph_text(self.session.report, p)  # facts filled in, standard wording included
        except CwgError:  # a template that cannot give the standard wording: the preview says why
            shown = p.text
        text = shown.replace("\n", " ") or t("[فقرة فارغة]")
        if len(text) > 120:
            text = text[:120] + "…"
        return f"{indent}{mark}  {text}" if mark else f"{indent}{text}"

    def _refresh_row(self) -> None:
        p = self.paragraph()
        s = self.section()
        if p is None or s is None:
            return
        row = s.paragraphs.index(p)
        item = self.list.item(row)
        if item is not None:
            item.setText(self._row_text(p, labels_of(self.session).get(p.id, "")))

    def fill(self) -> None:
        s = self.section()
        enabled = s is not None
        for w in (self.list, self.editor, self.role, self.new_button, self.delete_button, self.up_button,
                  self.down_button, self.indent_button, self.outdent_button, self.kind,
                  self.delete_section_button, self.section_up_button, self.section_down_button):
            w.setEnabled(enabled)
        self.fields[("section", "title")].setEnabled(enabled)
        if s is None:
            self.list.clear()
            self.editor_field.set_value("")
            self.number_label.setText("")
            return
        number = self.session.report.sections.index(s) + 1
        self.section_heading.setText(f"{t('القسم')} {number}")
        self.title_field.set_value(s.title, standard_of(self.session.report, s.standard) if s.standard else None)
        self.role.setCurrentIndex(max(0, self.role.findData(s.role.value)))
        labels = labels_of(self.session)
        self.list.clear()
        current_row = -1
        for i, p in enumerate(s.paragraphs):
            item = QListWidgetItem(self._row_text(p, labels.get(p.id, "")))
            item.setData(Qt.ItemDataRole.UserRole, p.id)
            self.list.addItem(item)
            if p.id == self.paragraph_id:
                current_row = i
        if current_row < 0 and s.paragraphs:
            current_row = 0
            self.paragraph_id = s.paragraphs[0].id
        self.list.setCurrentRow(current_row)
        p = self.paragraph()
        self.editor.setEnabled(p is not None)
        if p is not None and p.standard:
            self.editor_field.set_value(p.text, standard_of(self.session.report, p.standard, p.ref))
        else:
            self.editor_field.set_value(p.text if p else "")
        self.editor_field.error.clear_message()
        self.kind.setCurrentIndex(self.kind.findData(p.kind.value) if p else -1)
        label = labels.get(p.id, "") if p else ""
        self.number_label.setText(label or (_GLYPH.get(p.kind, "") if p else ""))
