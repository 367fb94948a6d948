"""The steps after filing in the GUI: the 申請 menu, the list's context menu and Ctrl+T.

Only the steps :mod:`assistant.model.filing` allows from the selected case's status are
offered (the others are hidden). A step opens :class:`StepDialog` for what it records (the
number, the day, a note, the 追完待ち due date, the period and expiry granted at 完了); the
model judges and stores it in one transaction, and the change is published on ``CaseEvents``.
審査完了 then shows the result checklist for the case's receipt method (the 書き出し menu's
preview); 「次の更新案件を作成」 prepares the next renewal from a completed case.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QObject, QPoint, Slot
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QVBoxLayout,
    QWidget,
)

from assistant.model import filing
from assistant.model.case import NAME, CaseStatus
from assistant.model.storage import CaseStore, StorageError
from assistant.ui import ask, texts
from assistant.ui.ops.events import CaseChange, CaseEvents

if TYPE_CHECKING:
    from assistant.model.office import OfficeStore


class Selection(Protocol):
    def current_case_id(self) -> str | None: ...


class StepDialog(QDialog):
    """What one step records; only the fields the step uses are shown."""

    def __init__(self, parent: QWidget | None, target: CaseStatus, title: str, name: str,
                 today: date) -> None:
        super().__init__(parent)
        self.target = target
        self.setWindowTitle(title)
        needs = filing.needs(target)
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("{0} を「{1}」にします。").format(
            name or self.tr("（氏名未入力）"), texts.status_label(target)))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        layout.addLayout(form)
        self.number = QLineEdit()
        self.number.setPlaceholderText(self.tr("例: {0}").format(filing.number_example()))
        self.on = QLineEdit(today.isoformat())
        self.note = QLineEdit()
        self.due = QLineEdit()
        self.due.setPlaceholderText(self.tr("例: 2026-12-10 / 令和8年12月10日"))
        self.period = QLineEdit()
        self.period.setPlaceholderText(self.tr("例: 5年"))
        self.expiry = QLineEdit()
        self.expiry.setPlaceholderText(self.tr("例: 2031-12-10 / 令和13年12月10日"))
        if filing.NEEDS_NUMBER in needs:
            label = (self.tr("申請受付仮番号(&N):") if target is CaseStatus.FILED
                     else self.tr("申請受付番号(&N):"))
            form.addRow(label, self.number)
        form.addRow(self.tr("日付(&D):"), self.on)
        if filing.NEEDS_DUE in needs:
            form.addRow(self.tr("提出期限(&U):"), self.due)
        if target is CaseStatus.COMPLETED:
            form.addRow(self.tr("許可された在留期間(&P):"), self.period)
            form.addRow(self.tr("新しい満了日(&X):"), self.expiry)
        form.addRow(self.tr("メモ(&M):") if filing.NEEDS_NOTE not in needs
                    else self.tr("求められた書類など(&M):"), self.note)
        for editor in (self.number, self.on, self.note, self.due, self.period, self.expiry):
            editor.setVisible(form.indexOf(editor) >= 0)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("あ") * 32)
        first = self.number if form.indexOf(self.number) >= 0 else self.on
        first.setFocus()

    def request(self) -> filing.StepRequest:
        """The step as typed; :class:`filing.FilingError` for a date that cannot be read."""
        def day(editor: QLineEdit) -> date | None:
            text = editor.text().strip()
            return filing.read_date(text) if text else None

        return filing.StepRequest(target=self.target, on=day(self.on), number=self.number.text(),
                                  note=self.note.text(), due=day(self.due),
                                  period=self.period.text(), expiry=day(self.expiry))


class StatusActions(QObject):
    """The 申請 menu's actions over the selected case (also the list's context menu)."""

    def __init__(self, window: QWidget, store: CaseStore, selection: Selection,
                 events: CaseEvents, office: OfficeStore, today: Callable[[], date],
                 show_checklist: Callable[[], None], open_case: Callable[[str], None]) -> None:
        super().__init__(window)
        self.window = window
        self.store = store
        self.selection = selection
        self.events = events
        self.office = office
        self.today = today
        self.show_checklist = show_checklist
        self.open_case = open_case
        titles = {
            CaseStatus.FILED: self.tr("申請済にする(&F)..."),
            CaseStatus.ACCEPTED: self.tr("受付番号を記録(&A)..."),
            CaseStatus.UNDER_REVIEW: self.tr("審査中にする(&R)..."),
            CaseStatus.AWAITING_DOCUMENTS: self.tr("追完待ちにする(&W)..."),
            CaseStatus.REVIEW_COMPLETE: self.tr("審査完了にする(&C)..."),
            CaseStatus.COMPLETED: self.tr("完了にする(&K)..."),
            CaseStatus.REFUSED: self.tr("不許可にする(&U)..."),
            CaseStatus.WITHDRAWN: self.tr("取下げにする(&T)..."),
        }
        self.step_actions: dict[CaseStatus, QAction] = {}
        for target, title in titles.items():
            action = QAction(title, window)
            action.triggered.connect(lambda _checked=False, t=target: self.perform(t))
            self.step_actions[target] = action
        self.next_step_action = QAction(self.tr("状態を進める(&S)..."), window)
        self.next_step_action.setShortcut(QKeySequence("Ctrl+T"))
        self.next_step_action.setStatusTip(self.tr("選択した案件の次の状態（申請済・受付済・審査中…）を記録します"))
        self.next_step_action.triggered.connect(self.choose_step)
        window.addAction(self.next_step_action)
        self.next_renewal_action = QAction(self.tr("次の更新案件を作成(&N)"), window)
        self.next_renewal_action.setStatusTip(self.tr(
            "完了した案件から次の在留期間更新の案件を作ります（在留カード番号などは引き継ぎません）"))
        self.next_renewal_action.triggered.connect(self.create_next_renewal)
        self.menu = QMenu(self.tr("申請(&A)"), window)
        self.menu.addAction(self.next_step_action)
        self.menu.addSeparator()
        for action in self.step_actions.values():
            self.menu.addAction(action)
        self.menu.addSeparator()
        self.menu.addAction(self.next_renewal_action)
        self.menu.aboutToShow.connect(self.update)
        self.update()

    # --- what is offered --------------------------------------------------------------------
    def _status(self) -> CaseStatus | None:
        case_id = self.selection.current_case_id()
        if case_id is None:
            return None
        try:
            return self.store.get(case_id).status
        except StorageError:
            return None

    @Slot()
    def update(self) -> None:
        """Offer only the steps the selected case may take."""
        status = self._status()
        allowed = set(filing.next_steps(status)) if status is not None else set()
        for target, action in self.step_actions.items():
            action.setVisible(target in allowed)
        self.next_step_action.setEnabled(bool(allowed))
        self.next_renewal_action.setVisible(status is CaseStatus.COMPLETED)

    def popup(self, at: QPoint) -> None:
        """The list's context menu: the same actions, at ``at`` (global position)."""
        self.update()
        self.menu.popup(at)

    # --- the steps --------------------------------------------------------------------------
    @Slot()
    def choose_step(self) -> None:
        """Ctrl+T: pick one of the steps the case may take, then record it."""
        status = self._status()
        if status is None:
            return
        allowed = filing.next_steps(status)
        if not allowed:
            return
        labels = [texts.status_label(s) for s in allowed]
        chosen = ask.choose(self.window, self.tr("状態を進める"), self.tr("次の状態(&S):"), labels)
        if chosen is None:
            return
        self.perform(allowed[labels.index(chosen)])

    def perform(self, target: CaseStatus) -> bool:
        """Record ``target`` for the selected case (asks what it records); True when stored."""
        case_id = self.selection.current_case_id()
        if case_id is None:
            return False
        try:
            case = self.store.get(case_id)
        except StorageError as exc:
            ask.error(self.window, exc)
            return False
        if not filing.is_legal(case.status, target):
            ask.warning(self.window, self.tr("状態を進める"),
                        filing.illegal_step_error(case.status, target).message(texts.language()))
            return False
        dialog = StepDialog(self.window, target, self.tr("状態を進める"),
                            case.values.get(NAME, ""), self.today())
        while True:
            if dialog.exec() != QDialog.DialogCode.Accepted:
                dialog.deleteLater()
                return False
            try:
                request = dialog.request()
                staff = self.office.current()
                outcome = filing.perform_step(self.store, case_id, request, today=self.today(),
                                              user=staff.name if staff is not None else "")
            except (filing.FilingError, StorageError) as exc:
                ask.error(self.window, exc, self.tr("記録できません"))
                continue  # what was typed stays in the dialog
            break
        dialog.deleteLater()
        self.events.publish(CaseChange.edited((case_id,), source=self))
        if outcome.warnings:
            ask.warning(self.window, self.tr("確認してください"), "\n".join(
                w.message(texts.language()) for w in outcome.warnings))
        self.update()
        if target is CaseStatus.REVIEW_COMPLETE:
            self.show_checklist()  # what to mail or bring, for the case's receipt method
        return True

    @Slot()
    def create_next_renewal(self) -> None:
        case_id = self.selection.current_case_id()
        if case_id is None:
            return
        try:
            staff = self.office.current()
            changes = filing.next_renewal(self.store, case_id,
                                          user=staff.name if staff is not None else "")
        except (filing.FilingError, StorageError) as exc:
            ask.error(self.window, exc)
            return
        if changes.case is not None:
            self.events.publish(CaseChange.created(changes.case.id, source=self))
            self.open_case(changes.case.id)
