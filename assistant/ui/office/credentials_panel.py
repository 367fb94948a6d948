"""The current staff member's 認証ID and password: save in the OS keyring, copy for login."""

from __future__ import annotations

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from assistant.model.credentials import CredentialStore, KeyringUnavailable
from assistant.model.dates import format_date
from assistant.model.expiry import password_last_valid_day
from assistant.model.office import StaffProfile
from assistant.ui.office.clipboard import SecretClipboard


class CredentialsPanel(QWidget):
    """Save the ID / password in the keyring and copy them to the clipboard for the login.

    With no usable keyring the panel says so plainly and disables only itself.
    ``passwordSaved`` is emitted with the staff id after a new password was stored (the owner
    records the day it was set).
    """

    passwordSaved = Signal(str)

    def __init__(self, store: CredentialStore, profile: StaffProfile,
                 parent: QWidget | None = None, clear_after_ms: int | None = None,
                 language: str = "ja") -> None:
        super().__init__(parent)
        self._store = store
        self._profile = profile
        self._language = language
        self.clipboard = SecretClipboard(self, clear_after_ms)
        self.clipboard.cleared.connect(self._on_clipboard_cleared)

        layout = QVBoxLayout(self)
        self.unavailable_label = QLabel(self)
        self.unavailable_label.setWordWrap(True)
        self.unavailable_label.setStyleSheet(
            "background:#fde8e8; color:#7a1010; border:1px solid #e0a0a0; padding:6px;")
        self.unavailable_label.hide()
        layout.addWidget(self.unavailable_label)

        self.group = QGroupBox(self.tr("在留申請オンラインシステムのログイン情報"), self)
        form = QFormLayout(self.group)
        self.staff_label = QLabel(self.group)
        form.addRow(self.tr("担当者:"), self.staff_label)
        self.id_status = QLabel(self.group)
        form.addRow(self.tr("認証ID:"), self.id_status)
        self.password_status = QLabel(self.group)
        form.addRow(self.tr("パスワード:"), self.password_status)

        self.id_edit = QLineEdit(self.group)
        self.id_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.id_edit.setPlaceholderText(self.tr("登録・変更するときだけ入力"))
        self.password_edit = QLineEdit(self.group)
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_edit.setPlaceholderText(self.tr("登録・変更するときだけ入力"))
        form.addRow(self.tr("新しい認証ID(&I):"), self.id_edit)
        form.addRow(self.tr("新しいパスワード(&W):"), self.password_edit)
        self.save_button = QPushButton(self.tr("安全に保存(&S)"), self.group)
        self.save_button.clicked.connect(self._on_save_button_clicked)
        form.addRow("", self.save_button)

        buttons = QHBoxLayout()
        self.copy_id_button = QPushButton(self.tr("認証IDをコピー(&D)"), self.group)
        self.copy_id_button.clicked.connect(self._on_copy_id_button_clicked)
        self.copy_password_button = QPushButton(self.tr("パスワードをコピー(&P)"), self.group)
        self.copy_password_button.clicked.connect(self._on_copy_password_button_clicked)
        buttons.addWidget(self.copy_id_button)
        buttons.addWidget(self.copy_password_button)
        buttons.addStretch(1)
        form.addRow(buttons)
        layout.addWidget(self.group)
        for button in (self.save_button, self.copy_id_button, self.copy_password_button):
            button.setAutoDefault(False)  # inside the staff dialog: Enter saves, see below
        self.id_edit.returnPressed.connect(self._on_save_button_clicked)
        self.password_edit.returnPressed.connect(self._on_save_button_clicked)

        self.message_label = QLabel(self)
        self.message_label.setWordWrap(True)
        layout.addWidget(self.message_label)
        layout.addStretch(1)
        self.refresh()

    def set_profile(self, profile: StaffProfile) -> None:
        self._profile = profile
        self.refresh()

    def refresh(self) -> None:
        """Re-read what the keyring holds (not the values: only whether they are there)."""
        self.staff_label.setText(self._profile.name or self._profile.id)
        try:
            status = self._store.status(self._profile.id)
        except KeyringUnavailable as exc:
            self._show_unavailable(exc)
            return
        self.unavailable_label.hide()
        self.group.setEnabled(True)
        stored, missing = self.tr("保存済み"), self.tr("未保存")
        self.id_status.setText(stored if status.has_auth_id else missing)
        text = stored if status.has_password else missing
        if status.has_password and self._profile.password_set_on is not None:
            last = password_last_valid_day(self._profile.password_set_on)
            text = self.tr("保存済み（有効期限 {date}）").format(
                date=format_date(last, self._language))
        self.password_status.setText(text)
        self.copy_id_button.setEnabled(status.has_auth_id)
        self.copy_password_button.setEnabled(status.has_password)

    def _show_unavailable(self, exc: KeyringUnavailable) -> None:
        self.unavailable_label.setText(exc.message(self._language))
        self.unavailable_label.show()
        self.group.setEnabled(False)

    def _copy(self, value: str | None, what: str) -> None:
        if not value:
            self.refresh()
            return
        self.clipboard.copy(value)
        seconds = max(1, round(self.clipboard.clear_after_ms / 1000))
        self.message_label.setText(
            self.tr("{what}をクリップボードにコピーしました。{seconds}秒後に消去します。")
            .format(what=what, seconds=seconds))

    @Slot()
    def _on_copy_id_button_clicked(self) -> None:
        try:
            self._copy(self._store.get_auth_id(self._profile.id), self.tr("認証ID"))
        except KeyringUnavailable as exc:
            self._show_unavailable(exc)

    @Slot()
    def _on_copy_password_button_clicked(self) -> None:
        try:
            self._copy(self._store.get_password(self._profile.id), self.tr("パスワード"))
        except KeyringUnavailable as exc:
            self._show_unavailable(exc)

    @Slot()
    def _on_clipboard_cleared(self) -> None:
        self.message_label.setText(self.tr("クリップボードを消去しました。"))

    @Slot()
    def _on_save_button_clicked(self) -> None:
        auth_id = self.id_edit.text().strip()
        password = self.password_edit.text()
        if not auth_id and not password:
            self.message_label.setText(self.tr("保存する認証IDかパスワードを入力してください。"))
            return
        try:
            if auth_id:
                self._store.set_auth_id(self._profile.id, auth_id)
            if password:
                self._store.set_password(self._profile.id, password)
        except KeyringUnavailable as exc:
            self._show_unavailable(exc)  # the typed values stay in the fields
            return
        self.id_edit.clear()
        self.password_edit.clear()
        self.message_label.setText(self.tr("パソコンの安全な保管場所（OSのキーリング）に保存しました。"))
        if password:
            self.passwordSaved.emit(self._profile.id)
        self.refresh()


