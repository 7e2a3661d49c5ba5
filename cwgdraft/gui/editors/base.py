"""What every editor page has: the open session, `load()` from the model,
fields by attribute for "go to" and for messages next to them."""

from __future__ import annotations

from typing import Any, Protocol

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QScrollArea, QVBoxLayout, QWidget

from cwgdraft.gui.commands import SetValue
from cwgdraft.gui.i18n import t
from cwgdraft.gui.session import Session, Target, resolve
from cwgdraft.gui.widgets import DateField, Field, LineField, TextField

# Date fields that come in pairs: (start, end).
DATE_PAIRS = {
    "start": ("start", "end"),
    "end": ("start", "end"),
    "session_start": ("session_start", "session_end"),
    "session_end": ("session_start", "session_end"),
}


class HasSession(Protocol):
    session: Session | None


class Page(QScrollArea):
    """A scrollable editor page."""

    title = ""

    def __init__(self, host: HasSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.host = host
        self.setWidgetResizable(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.body = QWidget()
        self.setWidget(self.body)
        self.outer = QVBoxLayout(self.body)
        self.fields: dict[tuple[str, str], Field] = {}  # (target kind, attr) -> field
        self.forms: list[QFormLayout] = []
        self._loading = False

    @property
    def session(self) -> Session:
        assert self.host.session is not None
        return self.host.session

    def heading(self, text: str) -> QLabel:
        label = QLabel(text)
        font = label.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        label.setFont(font)
        self.outer.addWidget(label)
        return label

    def form(self) -> QFormLayout:
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignLeading | Qt.AlignmentFlag.AlignTop)
        self.outer.addLayout(form)
        self.forms.append(form)
        return form

    def align_forms(self) -> None:
        """The page's forms share one label column, so their fields line up under each other."""
        labels = [
            item.widget()
            for form in self.forms
            for row in range(form.rowCount())
            if (item := form.itemAt(row, QFormLayout.ItemRole.LabelRole)) is not None and item.widget() is not None
        ]
        if labels:
            width = max(label.sizeHint().width() for label in labels)
            for label in labels:
                label.setMinimumWidth(width)

    def showEvent(self, event: QShowEvent) -> None:
        if not getattr(self, "_aligned", False):
            self.align_forms()
            self._aligned = True
        super().showEvent(event)

    # --- binding fields to the model ----------------------------------------
    def _dates_possible(self, kind: str, target: Target, attr: str, value: Any) -> bool:
        """A start after its end (or an end without a start): a message next to the field, nothing stored."""
        from cwgdraft.gui.messages import dates_message

        obj = resolve(self.session.report, target)
        first, last = DATE_PAIRS[attr]
        start = value if attr == first else getattr(obj, first)
        end = value if attr == last else getattr(obj, last)
        message = dates_message(start, end)
        field = self.fields.get((kind, attr))
        if message and isinstance(field, DateField):
            field.error.show_message(message)
            field.forget(getattr(obj, attr))
            return False
        for name in (first, last):  # the pair is possible again: clear both
            other = self.fields.get((kind, name))
            if other is not None and name != attr:
                other.error.clear_message()
        return not message

    def current_target(self, kind: str) -> Target | None:
        """The object of that kind this page is editing now."""
        return (kind,)

    def _set(self, kind: str, attr: str, value: Any, label: str, merge: bool) -> None:
        if self._loading or self.host.session is None:
            return
        target = self.current_target(kind)
        if target is None:
            return
        if attr in DATE_PAIRS and not self._dates_possible(kind, target, attr, value):
            return
        self.session.push(SetValue(self.session, target, attr, value, label, merge=merge))

    def line(self, form: QFormLayout, kind: str, attr: str, label: str, hint: str = "",
             latin: bool = False, example: str = "") -> LineField:
        """A one-line field; `hint` says what goes in it, `example` shows a value (said to be an example)."""
        field = LineField(hint, tooltip=label, latin=latin, example=example)
        field.edited.connect(lambda text: self._set(kind, attr, text, label, True))
        form.addRow(label, field)
        self.fields[(kind, attr)] = field
        return field

    def text(self, form: QFormLayout, kind: str, attr: str, label: str, hint: str = "", lines: int = 3,
             as_list: bool = False) -> TextField:
        field = TextField(hint, lines, tooltip=label)
        if as_list:
            field.edited.connect(
                lambda text: self._set(kind, attr, [x for x in text.split("\n") if x.strip()], label, True)
            )
        else:
            field.edited.connect(lambda text: self._set(kind, attr, text, label, True))
        form.addRow(label, field)
        self.fields[(kind, attr)] = field
        return field

    def choice(self, form: QFormLayout, kind: str, attr: str, label: str, options: dict[Any, str],
               tooltip: str) -> QComboBox:
        """A combo box over an enum's members (`options`: member -> label to translate)."""
        combo = QComboBox()
        combo.setToolTip(tooltip)
        enum_type = type(next(iter(options)))
        for member, text in options.items():
            combo.addItem(t(text), member.value)
        combo.currentIndexChanged.connect(
            lambda _i: self._set(kind, attr, enum_type(combo.currentData()), label, False)
        )
        form.addRow(label, combo)
        return combo

    def date(self, form: QFormLayout, kind: str, attr: str, label: str) -> DateField:
        field = DateField()
        # A date typed character by character is one undo step; one picked or confirmed is its own.
        field.date_edited.connect(lambda value: self._set(kind, attr, value, label, field.typing))
        form.addRow(label, field)
        self.fields[(kind, attr)] = field
        return field

    # --- page protocol ---------------------------------------------------------
    def load(self) -> None:
        """Show the model. Messages are cleared (the fields now hold stored values), then the
        host marks again the required fields a check before export found empty."""
        self._loading = True
        try:
            self.clear_errors()
            self.fill()
        finally:
            self._loading = False
        mark = getattr(self.host, "mark_missing", None)
        if mark is not None and self.isVisible():
            mark()

    def fill(self) -> None:
        raise NotImplementedError

    def field_for(self, kind: str, attr: str | None) -> Field | None:
        if attr is None:
            return None
        return self.fields.get((kind, attr))

    def show_error(self, kind: str, attr: str | None, message: str) -> bool:
        field = self.field_for(kind, attr)
        if field is None:
            return False
        field.error.show_message(message)
        return True

    def clear_errors(self) -> None:
        for field in self.fields.values():
            field.error.clear_message()

    def focus(self, kind: str, attr: str | None) -> None:
        field = self.field_for(kind, attr)
        if field is not None:
            self.ensureWidgetVisible(field)
            field.focus()
