"""The signature block."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from cwgdraft.gui.editors.base import HasSession, Page
from cwgdraft.gui.i18n import t


class SignaturePage(Page):
    def __init__(self, host: HasSession, parent: QWidget | None = None) -> None:
        super().__init__(host, parent)
        self.heading(t("التوقيع"))
        form = self.form()
        self.line(form, "signature", "honorific", t("اللقب"), example=t("السيد، الدكتور"))
        self.line(form, "signature", "name", t("الاسم"))
        self.line(form, "signature", "country", t("البلد"))
        self.text(form, "signature", "title", t("الصفة"), t("يمكن كتابتها على سطرين"), 2)
        self.outer.addStretch(1)

    def fill(self) -> None:
        sig = self.session.report.signature
        for (_kind, attr), field in self.fields.items():
            field.set_value(getattr(sig, attr))  # type: ignore[attr-defined]
