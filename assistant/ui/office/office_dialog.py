"""The office's staff: list, add, edit, choose the current user, and their credentials."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from assistant.model.credentials import CredentialStore
from assistant.model.office import OfficeStore, StaffProfile
from assistant.model.storage import StorageError
from assistant.ui.office.credentials_panel import CredentialsPanel
from assistant.ui.office.profile_dialog import StaffProfileDialog


class OfficeDialog(QDialog):
    """Staff list on the left, the selected member's credentials on the right.

    ``staffChanged`` is emitted after any change (the main window refreshes its banner).
    """

    staffChanged = Signal()

    def __init__(self, office: OfficeStore, credentials: CredentialStore,
                 today: date | None = None, parent: QWidget | None = None,
                 clear_after_ms: int | None = None, language: str = "ja") -> None:
        super().__init__(parent)
        self._office = office
        self._credentials = credentials
        self._today = today or date.today()
        self._clear_after_ms = clear_after_ms
        self._language = language
        self.setWindowTitle(self.tr("事務所の担当者"))
        outer = QVBoxLayout(self)
        layout = QHBoxLayout()

        left = QVBoxLayout()
        staff_label = QLabel(self.tr("担当者(&T)（★ = 現在の担当者）"), self)
        left.addWidget(staff_label)
        self.staff_list = QListWidget(self)
        staff_label.setBuddy(self.staff_list)
        # Enter or a double-click on a staff member opens the form, as 編集 does.
        self.staff_list.itemActivated.connect(self._on_edit_button_clicked)
        self.staff_list.currentItemChanged.connect(self._on_staff_list_current_item_changed)
        left.addWidget(self.staff_list, 1)
        row = QHBoxLayout()
        self.add_button = QPushButton(self.tr("追加(&A)…"), self)
        self.add_button.clicked.connect(self._on_add_button_clicked)
        self.edit_button = QPushButton(self.tr("編集(&E)…"), self)
        self.edit_button.clicked.connect(self._on_edit_button_clicked)
        self.current_button = QPushButton(self.tr("現在の担当者にする(&M)"), self)
        self.current_button.clicked.connect(self._on_current_button_clicked)
        for button in (self.add_button, self.edit_button, self.current_button):
            row.addWidget(button)
        left.addLayout(row)
        self.error_label = QLabel(self)
        self.error_label.setWordWrap(True)
        left.addWidget(self.error_label)
        layout.addLayout(left, 1)

        self.panel_holder = QVBoxLayout()
        self.panel: CredentialsPanel | None = None
        self.empty_label = QLabel(self.tr("担当者を追加してください。"), self)
        self.panel_holder.addWidget(self.empty_label)
        layout.addLayout(self.panel_holder, 2)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.close_button = self.buttons.button(QDialogButtonBox.StandardButton.Close)
        self.close_button.setText(self.tr("閉じる"))
        self.buttons.rejected.connect(self.reject)
        outer.addLayout(layout, 1)
        outer.addWidget(self.buttons)
        # No default button: Enter belongs to the focused part (the list opens the form, the
        # password fields save); a default 追加 button would open a second form after either.
        for button in (self.add_button, self.edit_button, self.current_button,
                       self.close_button):
            button.setAutoDefault(False)
        self.resize(900, 460)
        self.reload()

    def reload(self, select: str | None = None) -> None:
        """Re-read the staff from the database and keep (or set) the selection."""
        keep = select or self.selected_id()
        current = self._office.current()
        self.staff_list.blockSignals(True)
        self.staff_list.clear()
        for profile in self._office.list():
            star = "★ " if current and current.id == profile.id else "　 "
            item = QListWidgetItem(star + (profile.name or profile.id))
            item.setData(Qt.ItemDataRole.UserRole, profile.id)
            self.staff_list.addItem(item)
            if profile.id == keep or (keep is None and star.startswith("★")):
                self.staff_list.setCurrentItem(item)
        self.staff_list.blockSignals(False)
        if self.staff_list.currentItem() is None and self.staff_list.count():
            self.staff_list.setCurrentRow(0)
        self._show_selected()

    def selected_id(self) -> str | None:
        item = self.staff_list.currentItem()
        return None if item is None else str(item.data(Qt.ItemDataRole.UserRole))

    def _show_selected(self) -> None:
        staff_id = self.selected_id()
        self.edit_button.setEnabled(staff_id is not None)
        self.current_button.setEnabled(staff_id is not None)
        if staff_id is None:
            self.empty_label.show()
            return
        self.empty_label.hide()
        profile = self._office.get(staff_id)
        if self.panel is None:
            self.panel = CredentialsPanel(self._credentials, profile, self,
                                          self._clear_after_ms, self._language)
            self.panel.passwordSaved.connect(self._on_panel_password_saved)
            self.panel_holder.addWidget(self.panel)
        else:
            self.panel.set_profile(profile)

    def _save(self, profile: StaffProfile) -> bool:
        try:
            self._office.save(profile)
        except StorageError as exc:
            self.error_label.setText(
                self.tr("保存できませんでした（{detail}）。入力内容はそのままです。")
                .format(detail=exc.message(self._language)))
            return False
        self.error_label.clear()
        self.staffChanged.emit()
        return True

    def _edit(self, profile: StaffProfile | None) -> None:
        dialog = StaffProfileDialog(profile, self._today, self, self._language)
        while dialog.exec() == QDialog.DialogCode.Accepted:
            edited = dialog.profile()
            if self._save(edited):
                self.reload(select=edited.id)
                return

    @Slot()
    def _on_add_button_clicked(self) -> None:
        self._edit(None)

    @Slot()
    def _on_edit_button_clicked(self) -> None:
        staff_id = self.selected_id()
        if staff_id is not None:
            self._edit(self._office.get(staff_id))

    @Slot()
    def _on_current_button_clicked(self) -> None:
        staff_id = self.selected_id()
        if staff_id is not None:
            self._office.set_current(staff_id)
            self.staffChanged.emit()
            self.reload(select=staff_id)

    @Slot(QListWidgetItem, QListWidgetItem)
    def _on_staff_list_current_item_changed(self, current: QListWidgetItem | None,
                                            previous: QListWidgetItem | None) -> None:
        self._show_selected()

    @Slot(str)
    def _on_panel_password_saved(self, staff_id: str) -> None:
        profile = self._office.get(staff_id)
        profile.password_set_on = self._today
        if self._save(profile) and self.panel is not None:
            self.panel.set_profile(profile)
