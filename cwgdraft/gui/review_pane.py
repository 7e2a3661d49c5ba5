"""The review pane: the pending proposals of the open report, read from
reviewers' copies (`cwgdraft review import`), each shown as a word-level
diff, right to left (deletions struck through in red, insertions underlined
in green, Latin words and numbers in place), with accept, reject and next.

A decision is made as on the command line (`review accept`, `review
reject`), but on the open report, as an edit on the undo stack: the
paragraph's change is saved with the report's other edits, the proposal's
status at once; undo sets the paragraph back and the proposal pending.
"""

from __future__ import annotations

import copy
import html
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from cwgdraft.core.errors import CwgError
from cwgdraft.gui.i18n import t


def kind_label(kind: str) -> str:
    return {
        "change": t("تعديل"),
        "conflict": t("تعارض"),
        "insert": t("فقرة مضافة"),
        "delete": t("حذف"),
        "split": t("تقسيم"),
        "merge": t("دمج"),
        "comment": t("تعليق"),
    }.get(kind, kind)


def diff_html(before: str, after: str) -> str:
    """`before` into `after`, word by word, as right-to-left HTML."""
    from cwgdraft.review.tracked import word_diff

    out = []
    for op, text in word_diff(before, after):
        text = html.escape(text)
        if op == "-":
            out.append(f'<span style="color:#b00020;text-decoration:line-through">{text}</span>')
        elif op == "+":
            out.append(f'<span style="color:#006b2e;text-decoration:underline">{text}</span>')
        else:
            out.append(text)
    return f'<div dir="rtl" align="right">{"".join(out)}</div>'


EDITABLE_KINDS = frozenset({"change", "conflict", "insert", "split", "merge"})  # see compare.with_text


class ReviewPane(QDialog):
    def __init__(self, window: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent or window)
        self.window_ = window
        self.setWindowTitle(t("مقترحات المراجعين"))
        self.resize(760, 520)
        self.proposals: list[Any] = []
        self.list = QListWidget()
        self.list.currentRowChanged.connect(self._show)
        self.diff = QTextBrowser()
        self.diff.setObjectName("reviewDiff")
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.accept_button = QPushButton(t("قبول"))
        self.theirs_button = QPushButton(t("قبول نص المراجع"))
        self.ours_button = QPushButton(t("إبقاء نص التقرير"))
        self.reject_button = QPushButton(t("رفض"))
        self.next_button = QPushButton(t("التالي"))
        # Editing: the reviewer's text in a box, changed, then accepted as edited (a conflict decided by editing).
        self.edit_button = QPushButton(t("تحرير"))
        self.editor = QPlainTextEdit()
        self.editor.setObjectName("reviewEdit")
        self.editor.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        option = self.editor.document().defaultTextOption()  # Arabic: right to left, aligned right
        option.setTextDirection(Qt.LayoutDirection.RightToLeft)
        option.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignAbsolute)
        self.editor.document().setDefaultTextOption(option)
        self.editor.hide()
        self.accept_edit_button = QPushButton(t("قبول النص المحرَّر"))
        self.accept_edit_button.hide()
        self.edit_button.clicked.connect(self.edit)
        self.accept_edit_button.clicked.connect(lambda: self.decide(True, text=self.editor.toPlainText()))
        self.accept_button.clicked.connect(lambda: self.decide(True))
        self.theirs_button.clicked.connect(lambda: self.decide(True, "theirs"))
        self.ours_button.clicked.connect(lambda: self.decide(True, "ours"))
        self.reject_button.clicked.connect(lambda: self.decide(False))
        self.next_button.clicked.connect(self.next)
        buttons = QHBoxLayout()
        for b in (self.accept_button, self.theirs_button, self.ours_button, self.edit_button,
                  self.accept_edit_button, self.reject_button, self.next_button):
            buttons.addWidget(b)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list, 2)
        layout.addWidget(self.diff, 3)
        layout.addWidget(self.editor, 1)
        layout.addWidget(self.status)
        layout.addLayout(buttons)
        layout.addWidget(close)

    def refresh(self) -> None:
        from cwgdraft.review import rounds

        session = self.window_.session
        row = max(self.list.currentRow(), 0)
        self.list.clear()
        self.proposals = rounds.proposals(self.window_.store, session.report.id) if session is not None else []
        order = {p.id: i for i, p in enumerate(session.report.all_paragraphs())} if session is not None else {}
        order.update({s.id: -1 for s in session.report.sections} if session is not None else {})
        self.proposals.sort(key=lambda p: order.get(p.paragraph_id, len(order)))  # by paragraph, stable
        for p in self.proposals:
            item = QListWidgetItem(f"{kind_label(p.kind)} — {p.reviewer} — {p.excerpt}")
            item.setToolTip(p.paragraph_id)
            self.list.addItem(item)
        self.window_.update_review_marks()
        if self.proposals:
            self.list.setCurrentRow(min(row, len(self.proposals) - 1))
        else:
            self._show(-1)

    def _show(self, row: int) -> None:
        proposal = self.proposals[row] if 0 <= row < len(self.proposals) else None
        conflict = proposal is not None and proposal.kind == "conflict"
        self.accept_button.setVisible(not conflict)
        self.theirs_button.setVisible(conflict)
        self.ours_button.setVisible(conflict)
        for b in (self.accept_button, self.theirs_button, self.ours_button, self.reject_button, self.next_button):
            b.setEnabled(proposal is not None)
        self.editor.hide()
        self.accept_edit_button.hide()
        self.edit_button.setEnabled(proposal is not None and proposal.kind in EDITABLE_KINDS)
        if proposal is None:
            self.diff.setHtml(f'<div dir="rtl">{html.escape(t("لا مقترحات معلقة."))}</div>')
            self.status.clear()
            return
        theirs = "\n".join(proposal.theirs)
        if proposal.kind == "comment":
            body = f'<div dir="rtl">{html.escape(proposal.note)}</div>'
        elif proposal.kind == "conflict":
            body = (
                f"<p>{html.escape(t('نص المراجع:'))}</p>{diff_html(proposal.base, theirs)}"
                f"<p>{html.escape(t('نص التقرير الآن:'))}</p>{diff_html(proposal.base, proposal.ours)}"
            )
        else:
            body = diff_html(proposal.base if proposal.kind != "insert" else "", theirs)
        self.diff.setHtml(body)
        who = f"{proposal.author or proposal.reviewer} {proposal.date}".strip()
        outside = t("عُدّلت خارج النطاق المسموح بتحريره.") if proposal.outside else ""
        self.status.setText(" ".join(x for x in (kind_label(proposal.kind), who, outside) if x))

    def edit(self) -> None:
        """The reviewer's text in an editable box (a split: one paragraph a line)."""
        row = self.list.currentRow()
        if not 0 <= row < len(self.proposals) or self.proposals[row].kind not in EDITABLE_KINDS:
            return
        self.editor.setPlainText("\n".join(self.proposals[row].theirs))
        self.editor.show()
        self.accept_edit_button.show()
        self.editor.setFocus()

    def next(self) -> None:
        if self.proposals:
            self.list.setCurrentRow((self.list.currentRow() + 1) % len(self.proposals))

    def decide(self, accept: bool, side: str | None = None, text: str | None = None) -> None:
        """Decide the current proposal as one undoable edit (Edit → Undo, Ctrl+Z)."""
        from cwgdraft.gui.commands import DecideProposal
        from cwgdraft.review import compare, rounds

        row = self.list.currentRow()
        session = self.window_.session
        if not 0 <= row < len(self.proposals) or session is None:
            return
        proposal = self.proposals[row]
        try:
            if text is not None:
                proposal, side = compare.with_text(proposal, text), "theirs"
            after = None
            status = "rejected"
            if accept:
                after = copy.deepcopy(session.report)
                done = compare.apply(after, proposal, rounds.get_round(self.window_.store, proposal.round_id), side)
                status = compare.status_after(proposal, side, done)
                if not compare.changes_report(done):
                    after = None
        except CwgError as exc:
            from cwgdraft.gui.errors import describe

            self.status.setText(describe(exc))
            return
        label = t("قبول مقترح") if status == "accepted" else t("رفض مقترح")
        session.push(DecideProposal(session, proposal, status, after, label, self.decided))
        session.save_now()  # the report's change reaches the store with the decision, not later

    def decided(self) -> None:
        """After a decision, its undo or its redo: the list and the preview's marks."""
        self.refresh()
