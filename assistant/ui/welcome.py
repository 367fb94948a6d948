"""The welcome screen of the first start: what the assistant does, the office profile, a sample.

Once the main window is shown (never in ``--smoke`` mode) the application calls
:func:`welcome_new_office`, which shows the dialog only for a database that was never set up and
then lists and selects the sample case; :func:`maybe_show_welcome` is the same without a main
window.

Whether to greet at all is decided by :mod:`assistant.model.first_start`; the sample case comes
from :mod:`assistant.model.sample`.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Qt, Slot
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from assistant.model.case import NAME, Case
from assistant.model.first_start import needs_welcome, record_welcome_done
from assistant.model.office import OfficeStore, StaffProfile
from assistant.model.sample import create_sample_case, has_sample_case, sample_values
from assistant.model.storage import CaseStore, StorageError
from assistant.resources import resource_path
from assistant.ui import ask

if TYPE_CHECKING:
    from assistant.ui.main_window import MainWindow


class WelcomeDialog(QDialog):
    """Greets a new office: three lines about the assistant, the profile, the sample case.

    Attributes:
        profile_button: opens the staff-profile form (registering is optional).
        profile_status: says whether a profile is registered, and whose.
        sample_check: create the sample case when the dialog is accepted.
        start_button: accepts the dialog; skip_button rejects it (nothing is created).
        sample: the sample case created on accept, if any.
    """

    def __init__(self, store: CaseStore, today: date | None = None,
                 parent: QWidget | None = None, language: str = "ja") -> None:
        super().__init__(parent)
        self._store = store
        self._office = OfficeStore(store)
        self._today = today or date.today()
        self._language = language
        self.sample: Case | None = None
        self.setWindowTitle(self.tr("ようこそ"))
        self.setObjectName("welcome_dialog")

        layout = QVBoxLayout(self)
        layout.setSpacing(14)

        header = QHBoxLayout()
        icon = QLabel(self)
        icon.setPixmap(QPixmap(str(resource_path("icons", "assistant-128.png"))).scaled(
            QSize(80, 80), Qt.AspectRatioMode.KeepAspectRatio,
            Qt.TransformationMode.SmoothTransformation))
        icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        header.addWidget(icon)
        intro = QVBoxLayout()
        intro.setSpacing(6)
        title = QLabel(self.tr("在留申請 準備アシスタントへようこそ"), self)
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        title.setFont(font)
        title.setWordWrap(True)
        intro.addWidget(title)
        lines = [
            self.tr("在留申請オンラインシステムに入力する内容を、案件ごとに前もって準備し、"
                    "途中でも保存しておけます。"),
            self.tr("入力した値はその場でチェックされ、添付する PDF や顔写真も"
                    "システムの基準に合わせて確認できます。"),
            self.tr("認証ID・パスワードはパソコンの安全な保管場所（OSのキーリング）にだけ"
                    "保存し、期限が近づくとお知らせします。"),
        ]
        # One plain label per line (rich-text lists misreport their height when scaled).
        self.intro_labels: list[QLabel] = []
        for line in lines:
            row = QHBoxLayout()
            bullet = QLabel("•", self)
            bullet.setAlignment(Qt.AlignmentFlag.AlignTop)
            row.addWidget(bullet)
            label = QLabel(line, self)
            label.setWordWrap(True)
            label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
            row.addWidget(label, 1)
            intro.addLayout(row)
            self.intro_labels.append(label)
        header.addLayout(intro, 1)
        layout.addLayout(header)

        profile_box = QGroupBox(self.tr("1. 事務所の担当者（利用者情報）"), self)
        profile_layout = QVBoxLayout(profile_box)
        explain = QLabel(self.tr("氏名・事務所・申請等取次者証明書番号などは、各案件の取次者欄に"
                                 "自動で入ります。あとから「事務所」メニューの「担当者とログイン情報」"
                                 "でも登録・変更できます。"),
                         profile_box)
        explain.setWordWrap(True)
        profile_layout.addWidget(explain)
        row = QHBoxLayout()
        self.profile_button = QPushButton(self.tr("利用者情報を登録…"), profile_box)
        self.profile_button.setObjectName("profile_button")
        self.profile_button.clicked.connect(self._on_profile_button_clicked)
        row.addWidget(self.profile_button)
        self.profile_status = QLabel(profile_box)
        self.profile_status.setObjectName("profile_status")
        self.profile_status.setWordWrap(True)
        row.addWidget(self.profile_status, 1)
        profile_layout.addLayout(row)
        layout.addWidget(profile_box)

        sample_box = QGroupBox(self.tr("2. サンプル案件で試す"), self)
        sample_layout = QVBoxLayout(sample_box)
        sample_name = sample_values(self._today).get(NAME, "")
        sample_text = QLabel(
            self.tr("架空の申請人「{name}」の在留期間更新の案件です。一覧には「サンプル」と"
                    "表示されます。自由に書き換えて入力の流れを試し、不要になったら"
                    "削除してください。").format(name=sample_name), sample_box)
        sample_text.setWordWrap(True)
        sample_layout.addWidget(sample_text)
        self.sample_check = QCheckBox(self.tr("サンプル案件を作成する"), sample_box)
        self.sample_check.setObjectName("sample_check")
        already = has_sample_case(store)
        self.sample_check.setChecked(not already)
        self.sample_check.setEnabled(not already)
        if already:
            self.sample_check.setText(self.tr("サンプル案件はすでにあります"))
        sample_layout.addWidget(self.sample_check)
        layout.addWidget(sample_box)

        self.error_label = QLabel(self)
        self.error_label.setObjectName("error_label")
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #c62828;")
        self.error_label.hide()
        layout.addWidget(self.error_label)

        self.buttons = QDialogButtonBox(self)
        self.start_button = self.buttons.addButton(
            self.tr("始める"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.start_button.setObjectName("start_button")
        self.start_button.setDefault(True)
        self.skip_button = self.buttons.addButton(
            self.tr("スキップ"), QDialogButtonBox.ButtonRole.RejectRole)
        self.skip_button.setObjectName("skip_button")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

        self._update_profile_status()
        self.setMinimumWidth(680)
        self.start_button.setFocus()

    def current_profile(self) -> StaffProfile | None:
        return self._office.current()

    def _update_profile_status(self) -> None:
        profile = self._office.current()
        if profile is None:
            self.profile_status.setText(self.tr("まだ登録されていません（スキップできます）。"))
            self.profile_button.setText(self.tr("利用者情報を登録…"))
            return
        category = ""
        if profile.category is not None:
            category = (profile.category.label_en if self._language == "en"
                        else profile.category.label_ja)
        self.profile_status.setText(
            self.tr("✔ 登録しました: {name}（{category}）").format(
                name=profile.name, category=category))
        self.profile_button.setText(self.tr("利用者情報を変更…"))

    def _show_error(self, text: str) -> None:
        self.error_label.setText(text)
        self.error_label.show()

    @Slot()
    def _on_profile_button_clicked(self) -> None:
        from assistant.ui.office.profile_dialog import StaffProfileDialog

        dialog = StaffProfileDialog(self._office.current(), today=self._today, parent=self,
                                    language=self._language)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        try:
            saved = self._office.save(dialog.profile())
            self._office.set_current(saved.id)
        except (StorageError, OSError, ValueError) as exc:
            self._show_error(self.tr("利用者情報を保存できませんでした: {error}").format(
                error=ask.error_text(exc)))
            return
        self._update_profile_status()

    def accept(self) -> None:
        """Create the sample case if asked, remember the welcome, close."""
        if self.sample_check.isEnabled() and self.sample_check.isChecked():
            try:
                self.sample = create_sample_case(self._store, self._today,
                                                 profile=self._office.current())
            except (StorageError, OSError) as exc:
                self._show_error(self.tr("サンプル案件を作成できませんでした: {error}").format(
                    error=ask.error_text(exc)))
                return
        self._record_done()
        super().accept()

    def reject(self) -> None:
        """Skip: nothing is created; the welcome is not shown again."""
        self._record_done()
        super().reject()

    def _record_done(self) -> None:
        try:
            record_welcome_done(self._store, self._today)
        except (StorageError, OSError):
            pass  # not remembering only means the welcome appears again next time


def maybe_show_welcome(parent: QWidget | None, store: CaseStore, today: date | None = None,
                       language: str = "ja") -> Case | None:
    """Show the welcome if this database has never been set up; return the sample case made."""
    if not needs_welcome(store):
        return None
    dialog = WelcomeDialog(store, today=today, parent=parent, language=language)
    dialog.exec()
    sample = dialog.sample
    dialog.deleteLater()
    return sample


def welcome_new_office(window: MainWindow) -> Case | None:
    """Greet a new office over the shown ``window``; list and select the sample case made."""
    from assistant.ui import texts
    from assistant.ui.ops.events import CaseChange

    sample = maybe_show_welcome(window, window.store, today=window.today(),
                                language=texts.language())
    if sample is not None:
        window.events.publish(CaseChange.created(sample.id))
        window.list_page.fit_columns()  # the list was empty when the columns were sized
        window.list_page.select_case(sample.id)
    return sample
