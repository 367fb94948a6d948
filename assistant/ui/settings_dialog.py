"""The settings dialog: rule profile, language, data folder, code-list cells."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from assistant.model import paths, rules
from assistant.model.settings import (
    CODE_LIST_CELLS,
    DATA_FOLDER,
    DEADLINE_CLOSING_DAYS,
    DEADLINE_OFFICE_DAYS,
    DEADLINE_OPENING_DAYS,
    DEADLINE_RESULT_DAYS,
    LANGUAGE,
    RULE_PROFILE,
    Settings,
)
from assistant.ui import ask, texts


class SettingsDialog(QDialog):
    """Edit the declared settings; OK writes them.

    Attributes:
        needs_reload: the language or data folder changed (the window must be rebuilt).
    """

    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.needs_reload = False
        self.setWindowTitle(self.tr("設定"))

        self.profile = QComboBox()
        default_id = rules.default_profile_id()
        for profile_id in rules.profile_ids():
            profile = rules.get_profile(profile_id)
            label = texts.pick((profile.label_ja, profile.label_en))
            if profile_id == default_id:
                label = self.tr("{0}（既定）").format(label)
            self.profile.addItem(label, profile_id)
        current_profile = texts.profile_id(settings) or default_id
        self.profile.setCurrentIndex(max(0, self.profile.findData(current_profile)))

        self.language = QComboBox()
        self.language.addItem("日本語", "ja")
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(max(0, self.language.findData(settings.get(LANGUAGE))))

        self.data_folder = QLineEdit(str(settings.get(DATA_FOLDER)))
        self.data_folder.setPlaceholderText(str(paths.data_dir(create=False)))
        self.data_folder.setMinimumWidth(self.fontMetrics().horizontalAdvance("M" * 36))
        browse = QPushButton(self.tr("参照(&B)..."))
        browse.clicked.connect(self._on_browse_clicked)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.data_folder, 1)
        folder_row.addWidget(browse)

        self.code_cells = QComboBox()
        self.code_cells.addItem(self.tr("表示名（例: 男 male）"), "labels")
        self.code_cells.addItem(self.tr("コード（例: 1）"), "codes")
        self.code_cells.setCurrentIndex(max(0, self.code_cells.findData(
            settings.get(CODE_LIST_CELLS))))

        form = QFormLayout()
        form.addRow(self.tr("規則のプロファイル(&P):"), self.profile)
        form.addRow(self.tr("表示言語(&L):"), self.language)
        folder_label = QLabel(self.tr("データの保存先(&D):"))
        folder_label.setBuddy(self.data_folder)
        form.addRow(folder_label, folder_row)
        form.addRow(self.tr("一括申請ファイルのプルダウン欄(&C):"), self.code_cells)
        from assistant.ui.reference_data import ReferenceDataRow

        self.reference = ReferenceDataRow(parent=self)
        form.addRow(self.tr("プルダウンの選択肢:"), self.reference)
        self.forms_button = QPushButton(self.tr("申請様式(&F)…"))
        self.forms_button.clicked.connect(self._on_forms_button_clicked)
        forms_row = QHBoxLayout()
        forms_row.addWidget(self.forms_button)
        forms_row.addStretch(1)
        form.addRow(self.tr("申込画面の質問:"), forms_row)
        from assistant.ui.bookmarklet_page import BookmarkletCopyRow

        self.bookmarklet_row = BookmarkletCopyRow(self)
        form.addRow(self.tr("申込画面への入力:"), self.bookmarklet_row)
        # The 期限 view's thresholds (days), model/deadlines.py.
        self.deadline_days: dict[str, QSpinBox] = {}
        for setting, label in (
                (DEADLINE_CLOSING_DAYS, self.tr("申請期限を表示（何日前から）(&W):")),
                (DEADLINE_OPENING_DAYS, self.tr("次の更新を表示（開始の何日前から）(&N):")),
                (DEADLINE_RESULT_DAYS, self.tr("結果待ちを表示（申請から何日後）(&R):")),
                (DEADLINE_OFFICE_DAYS, self.tr("パスワード・届出済証明書（何日前から）(&O):"))):
            box = QSpinBox()
            box.setRange(0, 366)
            box.setSuffix(self.tr(" 日"))
            box.setValue(int(settings.get(setting)))
            self.deadline_days[setting.key] = box
            form.addRow(label, box)
        note = QLabel(self.tr("データの保存先を空欄にすると既定のフォルダを使います。"
                              "表示言語と保存先の変更はすぐに反映されます。"))
        note.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("キャンセル"))
        buttons.accepted.connect(self._on_buttons_accepted)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(buttons)

    @Slot()
    def _on_browse_clicked(self) -> None:
        folder = ask.folder(self, self.tr("データの保存先"),
                            self.data_folder.text() or str(Path.home()))
        if folder is not None:
            self.data_folder.setText(str(folder))

    @Slot()
    def _on_forms_button_clicked(self) -> None:
        from assistant.ui.forms_dialog import FormsDialog

        FormsDialog(self).exec()

    @Slot()
    def _on_buttons_accepted(self) -> None:
        folder = self.data_folder.text().strip()
        if folder:
            try:
                Path(folder).mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                ask.warning(self, self.tr("設定"), self.tr(
                    "データの保存先を作成できません: {0}").format(ask.error_text(exc)))
                return
        profile_id = str(self.profile.currentData())
        if profile_id == rules.default_profile_id():
            profile_id = ""
        old_language, old_folder = self.settings.get(LANGUAGE), self.settings.get(DATA_FOLDER)
        self.settings.set(RULE_PROFILE, profile_id)
        self.settings.set(LANGUAGE, str(self.language.currentData()))
        self.settings.set(DATA_FOLDER, folder)
        self.settings.set(CODE_LIST_CELLS, str(self.code_cells.currentData()))
        for setting in (DEADLINE_CLOSING_DAYS, DEADLINE_OPENING_DAYS, DEADLINE_RESULT_DAYS,
                        DEADLINE_OFFICE_DAYS):
            self.settings.set(setting, self.deadline_days[setting.key].value())
        self.needs_reload = (old_language != self.settings.get(LANGUAGE)
                             or old_folder != self.settings.get(DATA_FOLDER))
        self.accept()
