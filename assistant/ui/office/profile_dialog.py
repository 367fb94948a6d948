"""Edit one staff member's profile (利用者情報) with live validation."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from PySide6.QtCore import QStringListModel, Qt, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from assistant.model.dates import format_date
from assistant.model.office import (
    Sex,
    StaffCategory,
    StaffProfile,
    read_profile_dates,
    validate_profile,
)
from assistant.model.problems import Problem

_TEXT_FIELDS = ("name", "office_name", "postal_code", "prefecture", "municipality", "street",
                "phone", "email", "certificate_number")
_DATE_FIELDS = ("birth_date", "certificate_expiry", "password_set_on")


class StaffProfileDialog(QDialog):
    """Form for a :class:`StaffProfile`; OK stays disabled while there are errors.

    Dates are read as the wizard reads them (2027-03-31, 2027/3/31, 令和9年3月31日; an empty
    field means "not recorded") and shown as 2027年3月31日（令和9年）.
    """

    def __init__(self, profile: StaffProfile | None = None, today: date | None = None,
                 parent: QWidget | None = None, language: str = "ja") -> None:
        super().__init__(parent)
        self._original = profile or StaffProfile(id=StaffProfile.new_id())
        self._today = today or date.today()
        self._language = language
        self.setWindowTitle(self.tr("担当者の利用者情報"))
        layout = QVBoxLayout(self)
        # Two columns: in one the form is taller than a 1366x768 screen, or a 1920x1080 one at
        # 150 %, and the OK button falls off the bottom.
        columns = QHBoxLayout()
        left, right = QVBoxLayout(), QVBoxLayout()
        columns.addLayout(left, 1)
        columns.addLayout(right, 1)
        layout.addLayout(columns)
        self.edits: dict[str, QLineEdit] = {}

        person = QGroupBox(self.tr("本人"), self)
        form = QFormLayout(person)
        self._add_edit(form, "name", self.tr("氏名（全角）"), self.tr("例: 法務　太郎"))
        self.sex_combo = QComboBox(person)
        self.sex_combo.addItem(self.tr("（未選択）"), None)
        self.sex_combo.addItem(self.tr("男"), Sex.MALE.value)
        self.sex_combo.addItem(self.tr("女"), Sex.FEMALE.value)
        form.addRow(self.tr("性別"), self.sex_combo)
        self._add_edit(form, "birth_date", self.tr("生年月日"), "YYYY-MM-DD")
        self.category_combo = QComboBox(person)
        self.category_combo.addItem(self.tr("（未選択）"), None)
        self.category_combo.addItem(self.tr("行政書士"), StaffCategory.GYOSEISHOSHI.value)
        self.category_combo.addItem(self.tr("弁護士"), StaffCategory.LAWYER.value)
        form.addRow(self.tr("区分"), self.category_combo)
        self._add_edit(form, "email", self.tr("メールアドレス"), "tanaka@example.jp")
        left.addWidget(person)

        office = QGroupBox(self.tr("事務所（申請書の取次者欄に入ります）"), self)
        form = QFormLayout(office)
        self._add_edit(form, "office_name", self.tr("所属機関等（事務所名）"), "")
        self._add_edit(form, "postal_code", self.tr("郵便番号"), "1008977")
        self._add_edit(form, "prefecture", self.tr("都道府県"), self.tr("例: 東京都"))
        self._add_edit(form, "municipality", self.tr("市区町村"), self.tr("例: 千代田区"))
        self._add_edit(form, "street", self.tr("町名丁目番地号等"), "")
        self._add_edit(form, "phone", self.tr("電話番号"), "0312345678")
        right.addWidget(office)
        right.addStretch(1)

        cert = QGroupBox(self.tr("届出済証明書とパスワード"), self)
        form = QFormLayout(cert)
        self._add_edit(form, "certificate_number", self.tr("申請等取次者証明書番号"),
                       self.tr("証明書の右上の12桁"))
        self._add_edit(form, "certificate_expiry", self.tr("届出済証明書の有効期限"),
                       "YYYY-MM-DD")
        self._add_edit(form, "password_set_on", self.tr("パスワードを設定した日"),
                       "YYYY-MM-DD")
        left.addWidget(cert)
        left.addStretch(1)
        wide = self.fontMetrics().horizontalAdvance("0000年00月00日（令和00年）") + 16
        for key in _DATE_FIELDS:   # a date is shown as 2028年3月31日（令和10年）, whole
            self.edits[key].setMinimumWidth(wide)

        self.problems_label = QLabel(self)
        self.problems_label.setWordWrap(True)
        layout.addWidget(self.problems_label)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

        self._add_completers()
        self._load(self._original)
        self.sex_combo.currentIndexChanged.connect(self._on_any_changed)
        self.category_combo.currentIndexChanged.connect(self._on_any_changed)
        self._on_any_changed()
        hint = self.sizeHint()
        self.resize(max(hint.width(), self.fontMetrics().horizontalAdvance("あ") * 56),
                    hint.height())

    def _add_edit(self, form: QFormLayout, key: str, label: str, placeholder: str) -> None:
        edit = QLineEdit(self)
        edit.setPlaceholderText(placeholder)
        edit.setObjectName(key)
        edit.textChanged.connect(self._on_any_changed)
        form.addRow(label, edit)
        self.edits[key] = edit

    def _add_completers(self) -> None:
        """Offer the pull-down lists of the template for prefecture and municipality."""
        from assistant.model.codelists import code_list
        from assistant.model.fields import catalogue
        from assistant.model.office import AGENT_FIELDS, AGENT_REFERENCE_PROCEDURE

        cat = catalogue(AGENT_REFERENCE_PROCEDURE)
        self._lists = {attr: code_list(cat.field(AGENT_FIELDS[attr]).code_list or "")
                       for attr in ("prefecture", "municipality")}
        self.completers: dict[str, QCompleter] = {}
        for attr, codes in self._lists.items():
            completer = QCompleter(QStringListModel(codes.labels(), self), self)
            completer.setFilterMode(Qt.MatchFlag.MatchContains)
            completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
            self.edits[attr].setCompleter(completer)
            self.completers[attr] = completer
        self.edits["prefecture"].textChanged.connect(self._on_prefecture_text_changed)

    @Slot(str)
    def _on_prefecture_text_changed(self, text: str) -> None:
        labels = self._lists["municipality"].labels(text.strip() or None)
        model = self.completers["municipality"].model()
        if isinstance(model, QStringListModel):
            model.setStringList(labels)

    def _load(self, profile: StaffProfile) -> None:
        for key in _TEXT_FIELDS:
            self.edits[key].setText(str(getattr(profile, key)))
        for key in _DATE_FIELDS:
            value = getattr(profile, key)
            self.edits[key].setText(format_date(value, self._language) if value else "")
        self.sex_combo.setCurrentIndex(
            max(0, self.sex_combo.findData(profile.sex.value if profile.sex else None)))
        self.category_combo.setCurrentIndex(max(0, self.category_combo.findData(
            profile.category.value if profile.category else None)))

    def _dates(self) -> tuple[dict[str, date | None], dict[str, str]]:
        """The dates as the wizard reads them (令和/平成, 1972/5/3 …) and the texts that are
        not a date (the model names their fields)."""
        return read_profile_dates({key: self.edits[key].text() for key in _DATE_FIELDS})

    def profile(self) -> StaffProfile:
        """The profile as typed (dates that do not parse are left unrecorded)."""
        texts = {key: self.edits[key].text() for key in _TEXT_FIELDS}
        dates, _ = self._dates()
        sex = self.sex_combo.currentData()
        category = self.category_combo.currentData()
        return replace(self._original, **texts, **dates,  # type: ignore[arg-type]
                       sex=Sex(sex) if sex else None,
                       category=StaffCategory(category) if category else None)

    def problems(self) -> list[Problem]:
        return validate_profile(self.profile(), self._today, self._dates()[1])

    @Slot()
    def _on_any_changed(self) -> None:
        _, bad_dates = self._dates()
        problems = self.problems()
        lines: list[str] = []
        for problem in problems:
            mark = "✖" if problem.is_error else "⚠"
            lines.append(f"{mark} {problem.message(self._language)}")
        self.problems_label.setText("\n".join(lines))
        error_fields = {p.field.removeprefix("staff.") for p in problems if p.is_error}
        error_fields.update(bad_dates)
        for key, edit in self.edits.items():
            edit.setStyleSheet("border: 1px solid #c62828;" if key in error_fields else "")
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(not bad_dates and not any(p.is_error for p in problems))
