"""What the editor shows while no report is open: what to do first, as buttons."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from cwgdraft.gui.i18n import t


class EmptyPage(QWidget):
    """No report is open (an empty store): load the samples, import a report, or start an empty one."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("emptyPage")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 32, 32, 32)
        layout.addStretch(2)
        self.title = QLabel(t("لا يوجد تقرير مفتوح"))
        self.title.setObjectName("emptyTitle")
        font = self.title.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.5)
        self.title.setFont(font)
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.title)
        self.message = QLabel(t("هذا المخزن لا يحوي أي تقرير بعد. ابدأ بالتقارير النموذجية، أو استورد تقريراً "
                                "سابقاً من ملف Word، أو أنشئ تقريراً فارغاً."))
        self.message.setObjectName("emptyMessage")
        self.message.setWordWrap(True)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.message)
        layout.addSpacing(16)
        self.samples_button = QPushButton(t("تحميل التقارير النموذجية"))
        self.samples_button.setToolTip(t("تقريرا فريق العمل المعني بحماية الأطفال على الإنترنت لعامي 2016 و2022"))
        self.import_button = QPushButton(t("استيراد تقرير…"))
        self.import_button.setToolTip(t("استيراد تقرير سابق من ملف Word أو ملف نصي"))
        self.new_button = QPushButton(t("تقرير فارغ جديد"))
        self.new_button.setToolTip(t("إنشاء تقرير فارغ فيه اجتماع واحد وقسم واحد"))
        for button in (self.samples_button, self.import_button, self.new_button):
            button.setMinimumWidth(260)
            layout.addWidget(button, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(3)
        self.setTabOrder(self.samples_button, self.import_button)
        self.setTabOrder(self.import_button, self.new_button)
