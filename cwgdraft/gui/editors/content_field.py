"""A text with fields as a form field: the content editor, a mark when the text
follows the template's standard wording, "reset to the standard wording", and
the field's error label (the paragraph, a section's title, the title, subject
and summary)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QToolButton, QVBoxLayout, QWidget

from cwgdraft.core.model import Report
from cwgdraft.gui.content_edit import ContentEdit
from cwgdraft.gui.i18n import t
from cwgdraft.gui.widgets import Field


def standard_of(report: Report | None, name: str, ref: str = "") -> str | None:
    """The template's standard wording `name` for this report, as text with fields
    (None: no such wording, or a template that cannot give it)."""
    if report is None or not name:
        return None
    from cwgdraft.core.errors import CwgError
    from cwgdraft.formats.render import standard_content

    try:
        return standard_content(report, name, ref)
    except CwgError:  # a broken template: the preview says why; here the text shows empty
        return None


class ContentField(Field):
    """`edited(value, merge)` for every change the user makes; `reset_requested`
    when they ask for the standard wording back."""

    edited = Signal(object, bool)
    reset_requested = Signal()

    def __init__(self, report: Callable[[], Report | None], placeholder: str = "", lines: int = 3,
                 single_line: bool = False, parent: QWidget | None = None) -> None:
        self.content_edit = ContentEdit(report, single_line=single_line)
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        self.standard_mark = QLabel(t("الصيغة القياسية"))
        self.standard_mark.setObjectName("standardMark")
        self.standard_mark.setStyleSheet(
            "QLabel { color: #1f4e8c; background: #e3edf9; border: 1px solid #7aa2d6; border-radius: 6px;"
            " padding: 0px 6px; }"
        )
        self.standard_mark.setToolTip(t("هذا النص هو الصيغة القياسية من القالب، تُملأ بالمعلومات المدخلة "
                                        "وتتبع القالب إذا تغيّر. اكتب فيه لتجعله صيغتك."))
        self.own_mark = QLabel(t("صيغة معدّلة"))
        self.own_mark.setObjectName("ownMark")
        self.own_mark.setStyleSheet("QLabel { color: #555; }")
        self.own_mark.setToolTip(t("عُدّل هذا النص عن الصيغة القياسية؛ تبقى الحقول فيه حية"))
        self.reset_button = QToolButton()
        self.reset_button.setObjectName("resetStandard")
        self.reset_button.setText(t("العودة إلى الصيغة القياسية"))
        self.reset_button.setToolTip(t("استبدال النص بالصيغة القياسية من القالب (يمكن التراجع)"))
        for w in (self.standard_mark, self.own_mark, self.reset_button):
            row.addWidget(w)
            w.hide()
        row.addStretch(1)
        column.addLayout(row)
        column.addWidget(self.content_edit, 1)
        box.setFocusProxy(self.content_edit)
        super().__init__(box, parent)
        self.editor = self.content_edit  # what `focus()` and the tests reach
        edit = self.content_edit
        edit.setPlaceholderText(placeholder)
        edit.set_tip(placeholder)
        if not single_line:
            metrics = edit.fontMetrics()
            edit.setMinimumHeight(int(metrics.lineSpacing() * (lines + 1)))
        edit.edited.connect(self._edited)
        edit.reset_requested.connect(self.reset_requested)
        self.reset_button.clicked.connect(lambda _c=False: self.reset_requested.emit())
        self._has_standard = False

    def _edited(self, value: object, merge: bool) -> None:
        if str(value).strip():
            self.error.clear_message()
        self._marks(bool(value))
        self.edited.emit(value, merge)

    def _marks(self, own: bool) -> None:
        following = self._has_standard and not own
        self.standard_mark.setVisible(following)
        self.own_mark.setVisible(self._has_standard and own)
        self.reset_button.setVisible(self._has_standard and own)
        self.content_edit.can_reset = self._has_standard and own

    def set_value(self, value: str, standard: str | None = None) -> None:
        """`standard`: the standard wording this text stands for (shown while `value` is empty)."""
        self._has_standard = standard is not None
        self.content_edit.set_value(value, standard)
        self._marks(bool(value))

    def value(self) -> str:
        return self.content_edit.content()

    def focus(self) -> None:
        self.content_edit.setFocus(Qt.FocusReason.OtherFocusReason)
