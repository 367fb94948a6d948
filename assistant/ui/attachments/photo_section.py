"""The face-photo part of the attachments page: the photo, its verdict, the taken date the
office enters when the photo has none, and the buttons to choose and crop it."""

from __future__ import annotations

import os
from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QSignalBlocker, Qt, Signal, Slot
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from assistant.model.case import AttachmentRef
from assistant.model.dates import format_date
from assistant.ui.attachments.common import problem_line, unopened, verdict_color
from assistant.ui.i18n import current_language

if TYPE_CHECKING:
    from assistant.model.attachments.photo import PhotoCheck

PHOTO_FILTER = "*.jpg *.jpeg *.png *.heic *.heif *.tif *.tiff"


class PhotoSection(QGroupBox):
    """The photo and what its check found; emits ``changed`` when the photo or its entered
    taken date changes, ``choose_requested`` / ``crop_requested`` for the buttons."""

    changed = Signal()
    choose_requested = Signal()
    crop_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("顔写真（縦 4 cm × 横 3 cm）"), parent)
        self._photo: AttachmentRef | None = None
        self.photo_thumb = QLabel()
        self.photo_thumb.setFixedSize(90, 120)
        self.photo_thumb.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.photo_thumb.setStyleSheet("border: 1px solid palette(mid);")
        self.photo_name = QLabel()
        self.photo_name.setWordWrap(True)
        self.photo_choose = QPushButton(self.tr("写真を選択…"))
        self.photo_choose.clicked.connect(self.choose_requested)
        self.photo_crop = QPushButton(self.tr("写真を切り抜く…"))
        self.photo_crop.clicked.connect(self.crop_requested)
        self.taken_check = QCheckBox(self.tr("撮影日を入力する"))
        self.taken_check.toggled.connect(self._on_taken_check_toggled)
        self.taken_edit = QDateEdit()
        self.taken_edit.setCalendarPopup(True)
        # the date as the office reads it (English: ISO); typed digits fill year, month, day
        self.taken_edit.setDisplayFormat(self.tr("yyyy年M月d日"))
        self.taken_edit.setDate(QDate.currentDate())
        self.taken_edit.dateChanged.connect(self._on_taken_edit_date_changed)
        self.photo_problems = QLabel()
        self.photo_problems.setWordWrap(True)
        photo_buttons = QHBoxLayout()
        photo_buttons.addWidget(self.photo_choose)
        photo_buttons.addWidget(self.photo_crop)
        photo_buttons.addStretch(1)
        taken_row = QHBoxLayout()
        taken_row.addWidget(self.taken_check)
        taken_row.addWidget(self.taken_edit)
        taken_row.addStretch(1)
        photo_info = QVBoxLayout()
        photo_info.addWidget(self.photo_name)
        photo_info.addLayout(photo_buttons)
        photo_info.addLayout(taken_row)
        photo_info.addWidget(self.photo_problems, 1)
        layout = QHBoxLayout(self)
        layout.addWidget(self.photo_thumb, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(photo_info, 1)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)

    # --- the photo ------------------------------------------------------------------------------
    def photo(self) -> AttachmentRef | None:
        """The photo with the taken date entered (ISO; "" = none)."""
        if self._photo is None:
            return None
        taken = self.entered_taken_on()
        return replace(self._photo, taken_on=taken.isoformat() if taken else "")

    def set_photo_ref(self, ref: AttachmentRef | None) -> None:
        """Show the case's photo and its entered taken date, without a ``changed``."""
        self._photo = ref
        self._show_taken_on(ref.taken_on if ref is not None else "")

    def set_photo(self, path: str | None, taken_on: date | None = None) -> None:
        """Use ``path`` as the face photo (None removes it); the office's choice."""
        self._photo = None if path is None else AttachmentRef(path=path, kind="photo",
                                                              title=os.path.basename(path))
        if taken_on is not None:
            with QSignalBlocker(self.taken_check), QSignalBlocker(self.taken_edit):
                self.taken_edit.setDate(QDate(taken_on.year, taken_on.month, taken_on.day))
                self.taken_check.setChecked(True)
        self.changed.emit()

    def path(self) -> str | None:
        return self._photo.path if self._photo is not None else None

    def size_bytes(self) -> int:
        if self._photo is None:
            return 0
        try:
            return os.path.getsize(self._photo.path)
        except OSError:
            return 0

    def entered_taken_on(self) -> date | None:
        """The photo's taken date the office entered (used when the photo has no EXIF date)."""
        if not self.taken_check.isChecked():
            return None
        day = self.taken_edit.date().toPython()
        assert isinstance(day, date)
        return day

    def _show_taken_on(self, taken_on: str) -> None:
        """Show the case's entered taken date (ISO; "" = none) without storing it again."""
        day = None
        if taken_on:
            try:
                day = date.fromisoformat(taken_on)
            except ValueError:
                day = None
        with QSignalBlocker(self.taken_check), QSignalBlocker(self.taken_edit):
            self.taken_check.setChecked(day is not None)
            if day is not None:
                self.taken_edit.setDate(QDate(day.year, day.month, day.day))
        self.taken_edit.setEnabled(day is not None)

    @Slot(bool)
    def _on_taken_check_toggled(self, _checked: bool) -> None:
        self.taken_edit.setEnabled(self.taken_check.isChecked())
        self._taken_on_changed()

    @Slot(QDate)
    def _on_taken_edit_date_changed(self, _day: QDate) -> None:
        if self.taken_check.isChecked():
            self._taken_on_changed()

    def _taken_on_changed(self) -> None:
        """The entered date belongs to the photo: stored at once, like the list itself."""
        if self._photo is not None:
            self.changed.emit()

    # --- showing the verdict ------------------------------------------------------------------
    def show_check(self, check: PhotoCheck | None) -> None:
        """Show the photo's verdict (None: not checked yet)."""
        self.taken_edit.setEnabled(self.taken_check.isChecked())
        self.photo_crop.setEnabled(self._photo is not None)
        if self._photo is None:
            self.photo_name.setText(self.tr("顔写真はまだ選択されていません。"))
            self.photo_thumb.setPixmap(QPixmap())
            self.photo_thumb.setText(self.tr("写真なし"))
            self.photo_problems.clear()
            return
        name = os.path.basename(self._photo.path)
        if check is None or check.file != self._photo.path:
            self.photo_name.setText(name)
            return
        size = "-" if check.width is None else f"{check.width} × {check.height}"
        language = current_language()
        taken = (format_date(check.taken_on, language) if check.taken_on  # as the office reads
                 else self.tr("不明"))
        self.photo_name.setText(name if unopened(check.problems) else self.tr(
            "{0}（{1} ピクセル・撮影日 {2}）").format(name, size, taken))
        lines = [problem_line(p, language) for p in check.problems]
        self.photo_problems.setText("\n".join(lines) if lines else self.tr("✔ 問題ありません"))
        self.photo_problems.setStyleSheet(f"color: {verdict_color(check.problems).name()};")
        pixmap = QPixmap()
        if check.width and pixmap.load(self._photo.path):
            self.photo_thumb.setPixmap(pixmap.scaled(
                self.photo_thumb.size(), Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation))
        else:
            self.photo_thumb.setPixmap(QPixmap())
            self.photo_thumb.setText(self.tr("表示できません"))
