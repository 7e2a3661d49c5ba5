"""The meetings the report covers: number (with its ordinal word), dates,
mode, venue or platform, participants."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QWidget,
)

from cwgdraft.core import arabic
from cwgdraft.core.model import Meeting, MeetingMode
from cwgdraft.gui.commands import SetList
from cwgdraft.gui.editors.base import HasSession, Page
from cwgdraft.gui.i18n import N_, t
from cwgdraft.gui.session import Target
from cwgdraft.gui.widgets import Field

MODES = {
    MeetingMode.IN_PERSON: N_("حضورياً"),
    MeetingMode.ONLINE: N_("عبر الإنترنت"),
    MeetingMode.HYBRID: N_("مختلط (حضورياً وعبر الإنترنت)"),
}


def meeting_label(m: Meeting) -> str:
    """`الاجتماع الثامن عشر (18) — 12 يناير 2022` in Arabic; `Meeting 18 — 12 January 2022` in English."""
    from PySide6.QtCore import QDate, QLocale

    from cwgdraft.gui.messages import arabic_interface

    if arabic_interface():
        word = arabic.ordinal(m.number) if 1 <= m.number <= 99 else "?"
        when = arabic.format_date(m.start, nbsp=False) if m.start else t("بلا تاريخ")
        return f"{t('الاجتماع')} {word} ({m.number}) — {when}"
    start = m.start
    when = (QLocale().toString(QDate(start.year, start.month, start.day), "d MMMM yyyy") if start
            else t("بلا تاريخ"))
    return f"{t('الاجتماع')} {m.number} — {when}"


class MeetingsPage(Page):
    def __init__(self, host: HasSession, parent: QWidget | None = None) -> None:
        super().__init__(host, parent)
        self.heading(t("الاجتماعات"))
        self.list = QListWidget()
        self.list.setMaximumHeight(110)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.list.setToolTip(t("الاجتماعات التي يغطيها التقرير"))
        self.list.currentRowChanged.connect(lambda _r: self.load())
        self.outer.addWidget(self.list)
        buttons = QHBoxLayout()
        self.add_button = QPushButton(t("إضافة اجتماع"))
        self.add_button.setToolTip(t("إضافة اجتماع يغطيه التقرير"))
        self.remove_button = QPushButton(t("حذف الاجتماع"))
        self.remove_button.setToolTip(t("حذف الاجتماع المحدد"))
        self.add_button.clicked.connect(self.add_meeting)
        self.remove_button.clicked.connect(self.remove_meeting)
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        self.outer.addLayout(buttons)

        form = self.form()
        number_row = QWidget()
        row = QHBoxLayout(number_row)
        row.setContentsMargins(0, 0, 0, 0)
        self.number = QSpinBox()
        self.number.setRange(0, 99)
        self.number.setToolTip(t("رقم الاجتماع، من 1 إلى 99"))
        self.ordinal = QLabel()
        self.ordinal.setObjectName("ordinal")
        self.ordinal.setToolTip(t("رقم الاجتماع بالكلمات كما يُكتب في التقرير"))
        row.addWidget(self.number)
        row.addWidget(self.ordinal)  # the word next to the number
        row.addStretch(1)
        self.number_field = Field(number_row)
        self.fields[("meeting", "number")] = self.number_field
        self.number.valueChanged.connect(self._number_changed)
        form.addRow(t("رقم الاجتماع"), self.number_field)
        self.date(form, "meeting", "start", t("تاريخ الاجتماع (البداية)"))
        self.date(form, "meeting", "end", t("النهاية (لاجتماع يمتد أياماً)"))
        self.mode = self.choice(form, "meeting", "mode", t("طريقة الانعقاد"), MODES, t("كيف عُقد الاجتماع"))
        self.line(form, "meeting", "venue", t("المكان"), example=t("مقر الاتحاد في جنيف"))
        self.line(form, "meeting", "platform", t("المنصة"), latin=True, example="Zoom")
        self.participants = QSpinBox()
        self.participants.setRange(0, 100000)
        self.participants.setSpecialValueText("—")
        self.participants.setToolTip(t("عدد المشاركين (اتركه — إن لم يُعرف)"))
        self.participants.valueChanged.connect(
            lambda v: self._set("meeting", "participants", v or None, t("عدد المشاركين"), True)
        )
        form.addRow(t("عدد المشاركين"), self.participants)
        self.outer.addStretch(1)

    def current_meeting(self) -> Meeting | None:
        meetings = self.session.report.meetings
        row = self.list.currentRow()
        return meetings[row] if 0 <= row < len(meetings) else None

    def current_target(self, kind: str) -> Target | None:
        m = self.current_meeting()
        return ("meeting", m.id) if m else None

    def select(self, meeting_id: str) -> None:
        ids = [m.id for m in self.session.report.meetings]
        if meeting_id in ids:
            self.list.setCurrentRow(ids.index(meeting_id))

    def _number_changed(self, value: int) -> None:
        if self._loading:
            return
        if not 1 <= value <= 99:
            self.number_field.error.show_message(t("رقم الاجتماع يجب أن يكون من 1 إلى 99؛ لم يُحفظ هذا الرقم"))
            self.ordinal.setText("")
            return
        self.number_field.error.clear_message()
        self.ordinal.setText(arabic.ordinal(value))
        self._set("meeting", "number", value, t("رقم الاجتماع"), True)

    def add_meeting(self) -> None:
        meetings = self.session.report.meetings
        number = (meetings[-1].number + 1) if meetings and meetings[-1].number < 99 else 1
        new = Meeting(number, mode=meetings[-1].mode if meetings else MeetingMode.IN_PERSON)
        self.session.push(SetList(self.session, ("report",), "meetings", [*meetings, new], t("إضافة اجتماع")))
        self.select(new.id)

    def remove_meeting(self) -> None:
        m = self.current_meeting()
        if m is None:
            return
        r = self.session.report
        self.session.undo_stack.beginMacro(t("حذف الاجتماع"))
        from cwgdraft.gui.commands import SetValue

        for c in r.contributions:
            if c.meeting_id == m.id:
                self.session.push(SetValue(self.session, ("contribution", c.id), "meeting_id", None, ""))
        self.session.push(SetList(self.session, ("report",), "meetings", [x for x in r.meetings if x is not m], ""))
        self.session.undo_stack.endMacro()

    def fill(self) -> None:
        meetings = self.session.report.meetings
        row = self.list.currentRow()
        self.list.blockSignals(True)
        self.list.clear()
        for m in meetings:
            item = QListWidgetItem(meeting_label(m))
            item.setData(Qt.ItemDataRole.UserRole, m.id)
            self.list.addItem(item)
        if meetings:
            self.list.setCurrentRow(min(max(row, 0), len(meetings) - 1))
        self.list.blockSignals(False)
        m = self.current_meeting()
        self.body.setEnabled(True)
        for w in (self.number, self.mode, self.participants, *self.fields.values()):
            w.setEnabled(m is not None)
        self.remove_button.setEnabled(m is not None)
        if m is None:
            return
        self.number.setValue(m.number)
        self.number_field.error.clear_message()
        self.ordinal.setText(arabic.ordinal(m.number) if 1 <= m.number <= 99 else "")
        self.fields[("meeting", "start")].set_value(m.start)  # type: ignore[attr-defined]
        self.fields[("meeting", "end")].set_value(m.end)  # type: ignore[attr-defined]
        self.mode.setCurrentIndex(max(0, self.mode.findData(m.mode.value)))
        self.fields[("meeting", "venue")].set_value(m.venue)  # type: ignore[attr-defined]
        self.fields[("meeting", "platform")].set_value(m.platform)  # type: ignore[attr-defined]
        self.participants.setValue(m.participants or 0)

    def refresh_labels(self) -> None:
        for i, m in enumerate(self.session.report.meetings):
            item = self.list.item(i)
            if item is not None:
                item.setText(meeting_label(m))
