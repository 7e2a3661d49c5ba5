"""The first page: header block, title and subject, summary box, the group."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QFormLayout, QWidget

from cwgdraft.core.content import Field
from cwgdraft.core.model import Numbering, Report
from cwgdraft.gui.editors.base import HasSession, Page
from cwgdraft.gui.editors.content_field import ContentField, standard_of
from cwgdraft.gui.i18n import t

# Texts that may hold fields; empty, each is the template's standard wording of the same name.
WITH_STANDARD = ("title", "subject", "summary")


class FrontPage(Page):
    def __init__(self, host: HasSession, parent: QWidget | None = None) -> None:
        super().__init__(host, parent)
        self.heading(t("رأس الوثيقة"))
        form = self.form()
        self.line(form, "report", "symbol", t("رمز الوثيقة"), latin=True, example="C22/7-A")
        self.date(form, "report", "date", t("تاريخ الوثيقة"))
        self.line(form, "report", "council_session", t("دورة المجلس"), example=t("المجلس 2022"))
        self.line(form, "report", "session_place", t("مكان الدورة"), example=t("جنيف"))
        self.date(form, "report", "session_start", t("بداية الدورة"))
        self.date(form, "report", "session_end", t("نهاية الدورة"))
        self.line(form, "report", "agenda_item", t("بند جدول الأعمال"), latin=True, example="PL 1.5")
        self.line(form, "report", "original_language", t("لغة الأصل"), t("رمز اللغة: en أو ar أو fr"), latin=True)
        self.numbering = QComboBox()
        self.numbering.setToolTip(t("طريقة ترقيم الفقرات في التقرير"))
        self.numbering.addItem(t("الفقرة ثم القسم (1.2، كما في 2022)"), Numbering.PARAGRAPH_SECTION.value)
        self.numbering.addItem(t("القسم ثم الفقرة (2.1، كما في 2016)"), Numbering.SECTION_PARAGRAPH.value)
        self.numbering.currentIndexChanged.connect(
            lambda _i: self._set("report", "numbering", Numbering(self.numbering.currentData()), t("ترقيم الفقرات"), False)
        )
        form.addRow(t("ترقيم الفقرات"), self.numbering)

        self.heading(t("العنوان والملخص"))
        form = self.form()
        self.content(form, "title", t("العنوان"), 2)
        self.content(form, "subject", t("الموضوع"), 2)
        self.content(form, "summary", t("الملخص"), 4)
        self.text(form, "report", "action_required", t("الإجراء المطلوب"), lines=2)
        self.text(form, "report", "references", t("المراجع"), t("مرجع في كل سطر"), 3, as_list=True)

        self.heading(t("فريق العمل"))
        form = self.form()
        self.line(form, "group", "name", t("اسم الفريق"))
        self.line(form, "group", "acronym", t("الاسم المختصر"), latin=True, example="CWG-COP")
        self.text(form, "group", "mandate", t("مراجع الولاية"), t("مرجع في كل سطر"), 2, as_list=True)
        self.outer.addStretch(1)

    def _report(self) -> Report | None:
        return self.host.session.report if self.host.session is not None else None

    def content(self, form: QFormLayout, attr: str, label: str, lines: int) -> ContentField:
        """A text with fields; empty, the standard wording shown greyed, as what it follows."""
        field = ContentField(self._report, label, lines)
        field.edited.connect(lambda value, merge: self._set("report", attr, value, label, merge))
        field.reset_requested.connect(
            lambda: self._set("report", attr, "", t("العودة إلى الصيغة القياسية"), False)
            if getattr(self.session.report, attr) else None
        )
        field.content_edit.fact_requested.connect(self._fact_requested)
        form.addRow(label, field)
        self.fields[("report", attr)] = field
        return field

    def _fact_requested(self, field: Field) -> None:
        go = getattr(self.host, "go_to_fact", None)
        if go is not None:
            go(field)

    def fill(self) -> None:
        r = self.session.report
        for (kind, attr), field in self.fields.items():
            obj = r if kind == "report" else r.group
            value = getattr(obj, attr)
            if isinstance(field, ContentField):
                field.set_value(value, standard_of(r, attr) if attr in WITH_STANDARD else None)
                continue
            if isinstance(value, list):
                value = "\n".join(value)
            field.set_value(value)  # type: ignore[attr-defined]
        self.numbering.setCurrentIndex(max(0, self.numbering.findData(r.numbering.value)))
