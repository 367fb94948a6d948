"""AttachmentsPanel: the documents and the face photo of a case, checked and prepared."""

from __future__ import annotations

import os
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from PySide6.QtCore import QDate, QSignalBlocker, QSize, Qt, Signal, Slot
from PySide6.QtGui import (
    QBrush,
    QColor,
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QIcon,
    QPainter,
    QPixmap,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDateEdit,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from assistant.model.attachments.limits import AttachmentLimits, limits_for
from assistant.model.case import AttachmentRef
from assistant.model.problems import Problem
from assistant.ui.i18n import current_language
from assistant.ui.operations import Operation

THUMB = 72
MB = 1_000_000
PATH_ROLE = Qt.ItemDataRole.UserRole
ERROR_COLOR = QColor("#b3261e")
WARNING_COLOR = QColor("#8a5300")
OK_COLOR = QColor("#1b6e20")
DOCUMENT_FILTER = "*.pdf *.jpg *.jpeg *.png *.tif *.tiff *.heic *.heif"
PHOTO_FILTER = "*.jpg *.jpeg *.png *.heic *.heif *.tif *.tiff"


def _mb(size: int) -> str:
    return f"{size / MB:.1f}"


def _unopened(check: Any) -> bool:
    """True when the file could not be opened at all (gone, or not readable)."""
    return any(p.code in ("file_missing", "file_unreadable") for p in check.problems)


def _size_text(size: int) -> str:
    """``12.5 MB``, or ``24 KB`` under 1 MB (so small files do not read "0.0 MB")."""
    return f"{size / MB:.1f} MB" if size >= MB else f"{max(1, round(size / 1000))} KB"


def _check_photo_job(path: str, limits: AttachmentLimits, apply_on: date,
                     taken_on: date | None, *, progress: Any = None,
                     cancelled: Any = None) -> Any:
    """The photo check as an :class:`Operation` function (it has no progress of its own)."""
    from assistant.model.attachments.casecheck import shared_cache

    return shared_cache().photo(path, limits, apply_on, taken_on)


class DocumentList(QListWidget):
    """The document list: reorder by dragging, add by dropping files from outside."""

    filesDropped = Signal(list)
    orderChanged = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setAcceptDrops(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setIconSize(QSize(THUMB, THUMB))
        self.setWordWrap(True)
        self.setSpacing(2)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)

    @staticmethod
    def _external_paths(event: QDropEvent | QDragEnterEvent | QDragMoveEvent) -> list[str]:
        if event.source() is not None or not event.mimeData().hasUrls():
            return []
        return [url.toLocalFile() for url in event.mimeData().urls() if url.isLocalFile()]

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802
        if self._external_paths(event):
            event.acceptProposedAction()
        else:
            super().dragEnterEvent(event)

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:  # noqa: N802
        if self._external_paths(event):
            event.acceptProposedAction()
        else:
            super().dragMoveEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802
        paths = self._external_paths(event)
        if paths:
            event.acceptProposedAction()
            self.filesDropped.emit(paths)
            return
        super().dropEvent(event)
        self.orderChanged.emit()


@dataclass
class _Doc:
    ref: AttachmentRef
    info: Any = None          # DocumentInfo once checked


class AttachmentsPanel(QWidget):
    """The case's documents (checked, ordered, prepared into the PDF to send) and photo.

    API for the wizard step and the case tab: :meth:`set_attachments`,
    :meth:`attachments`, :meth:`set_profile`, :meth:`set_filing_date`, :meth:`problems`;
    ``changed`` when the office changes the list or the photo; ``problems_changed`` when a
    check has a new result; ``prepared`` with the
    :class:`~assistant.model.attachments.prepare.PrepareReport` after a successful build.
    """

    changed = Signal()
    problems_changed = Signal()
    prepared = Signal(object)

    def __init__(self, profile_id: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._limits: AttachmentLimits = limits_for(profile_id)
        self._docs: dict[str, _Doc] = {}
        self._photo: AttachmentRef | None = None
        self._photo_check: Any = None
        self._filing_date = date.today()
        self._pending: list[str] = []
        self._check_op: Operation | None = None
        self._prepare_op: Operation | None = None
        self._photo_op: Operation | None = None
        self._photo_recheck = False
        self._build()
        self._refresh_all()

    # --- layout --------------------------------------------------------------------------
    def _build(self) -> None:
        self.rules_label = QLabel()
        self.rules_label.setWordWrap(True)
        self.list = DocumentList(self)
        # About three thumbnail rows: the page scrolls in a small window instead of forcing it
        # taller (a fixed 220 px pushed the window's buttons off a laptop screen).
        self.list.setMinimumHeight(THUMB * 2 + self.list.fontMetrics().lineSpacing() * 2)
        self.list.filesDropped.connect(self._on_list_files_dropped)
        self.list.orderChanged.connect(self._on_list_order_changed)
        self.list.itemSelectionChanged.connect(self._on_list_item_selection_changed)
        self.empty_hint = QLabel(self.tr("ここに PDF や スキャン画像をドラッグ＆ドロップするか、"
                                         "「追加」を押してください。"))
        self.empty_hint.setWordWrap(True)
        self.empty_hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        # Its own room below the list (it was drawn over the list's bottom border when the
        # layout squeezed the page).
        self.empty_hint.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)

        self.add_button = QPushButton(self.tr("追加(&A)…"))
        self.add_button.clicked.connect(self._on_add_button_clicked)
        self.remove_button = QPushButton(self.tr("削除(&R)"))
        self.remove_button.clicked.connect(self._on_remove_button_clicked)
        self.up_button = QPushButton(self.tr("上へ(&U)"))
        self.up_button.clicked.connect(self._on_up_button_clicked)
        self.down_button = QPushButton(self.tr("下へ(&W)"))
        self.down_button.clicked.connect(self._on_down_button_clicked)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.remove_button, self.up_button, self.down_button):
            # never narrower than the text (削除 / 下へ were clipped in a small window)
            button.setMinimumWidth(button.sizeHint().width())
            buttons.addWidget(button)
        buttons.addStretch(1)

        self.gauge_text = QLabel()
        self.gauge = QProgressBar()
        self.gauge.setTextVisible(False)
        self.gauge.setFixedHeight(14)
        self.gauge_label = QLabel()
        self.gauge_label.setWordWrap(True)
        self.set_label = QLabel()
        self.set_label.setWordWrap(True)

        self.prepare_button = QPushButton(self.tr("送信用 PDF を作成…"))
        self.prepare_button.clicked.connect(self._on_prepare_button_clicked)
        self.cancel_button = QPushButton(self.tr("中止"))
        self.cancel_button.clicked.connect(self._on_cancel_button_clicked)
        self.progress = QProgressBar()
        self.progress.setTextVisible(True)
        self.status_label = QLabel()
        self.status_label.setWordWrap(True)
        work_row = QHBoxLayout()
        work_row.addWidget(self.prepare_button)
        work_row.addWidget(self.progress, 1)
        work_row.addWidget(self.cancel_button)
        self.result_label = QLabel()
        self.result_label.setWordWrap(True)
        self.result_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.result_label.hide()          # shown with the files made (no empty line before)

        documents = QGroupBox(self.tr("資料（PDF・スキャン画像）"))
        doc_layout = QVBoxLayout(documents)
        doc_layout.addWidget(self.rules_label)
        doc_layout.addWidget(self.list, 1)
        doc_layout.addWidget(self.empty_hint)
        doc_layout.addLayout(buttons)
        doc_layout.addWidget(self.gauge_text)
        doc_layout.addWidget(self.gauge)
        doc_layout.addWidget(self.gauge_label)
        doc_layout.addWidget(self.set_label)
        doc_layout.addLayout(work_row)
        doc_layout.addWidget(self.status_label)
        doc_layout.addWidget(self.result_label)

        self.photo_thumb = QLabel()
        self.photo_thumb.setFixedSize(90, 120)
        self.photo_thumb.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.photo_thumb.setStyleSheet("border: 1px solid palette(mid);")
        self.photo_name = QLabel()
        self.photo_name.setWordWrap(True)
        self.photo_choose = QPushButton(self.tr("写真を選択…"))
        self.photo_choose.clicked.connect(self._on_photo_choose_clicked)
        self.photo_crop = QPushButton(self.tr("写真を切り抜く…"))
        self.photo_crop.clicked.connect(self._on_photo_crop_clicked)
        self.taken_check = QCheckBox(self.tr("撮影日を入力する"))
        self.taken_check.toggled.connect(self._on_taken_check_toggled)
        self.taken_edit = QDateEdit()
        self.taken_edit.setCalendarPopup(True)
        self.taken_edit.setDisplayFormat("yyyy-MM-dd")
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
        photo = QGroupBox(self.tr("顔写真（縦 4 cm × 横 3 cm）"))
        photo_layout = QHBoxLayout(photo)
        photo_layout.addWidget(self.photo_thumb, 0, Qt.AlignmentFlag.AlignTop)
        photo_layout.addLayout(photo_info, 1)
        photo.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)

        layout = QVBoxLayout(self)
        layout.addWidget(documents, 1)
        layout.addWidget(photo)

    # --- public API ----------------------------------------------------------------------
    def set_profile(self, profile_id: str | None) -> None:
        """Judge against another rule profile (re-checks everything)."""
        self._limits = limits_for(profile_id)
        self._pending = list(self._docs)
        for doc in self._docs.values():
            doc.info = None
        self._refresh_all()
        self._start_checks()
        self._check_photo()

    def set_filing_date(self, day: date) -> None:
        """The planned filing date, against which the photo's age is judged."""
        self._filing_date = day
        self._check_photo()

    def set_attachments(self, refs: list[AttachmentRef]) -> None:
        """Show these documents (in ``position`` order) and photo; starts the checks."""
        self.cancel_work()
        self._docs.clear()
        self.list.clear()
        self._photo = None
        self._photo_check = None
        for ref in sorted((r for r in refs if r.kind != "photo"), key=lambda r: r.position):
            self._add_doc(replace(ref))
        photos = [r for r in refs if r.kind == "photo"]
        if photos:
            self._photo = replace(photos[0])
        self._show_taken_on(self._photo.taken_on if self._photo is not None else "")
        self._pending = list(self._docs)
        self._refresh_all()
        self._start_checks()
        self._check_photo()

    def attachments(self) -> list[AttachmentRef]:
        """The documents in the order shown (``position`` 0, 1, …) and the photo."""
        refs = []
        for row in range(self.list.count()):
            doc = self._docs[self.list.item(row).data(PATH_ROLE)]
            refs.append(replace(doc.ref, position=row))
        if self._photo is not None:
            taken = self.entered_taken_on()
            refs.append(replace(self._photo, taken_on=taken.isoformat() if taken else ""))
        return refs

    def problems(self) -> list[Problem]:
        """What the checks found so far: each file's problems, the photo's, the set's.

        Their ``field`` is ``attachments`` or ``photo`` (the step that shows them); the
        message names the file.
        """
        from assistant.model.attachments.casecheck import attachment_problems

        checks = []
        for row in range(self.list.count()):
            doc = self._docs[self.list.item(row).data(PATH_ROLE)]
            if doc.info is not None:
                checks.append(doc.info.check)
        photo = self._photo_check if self._photo is not None else None
        return attachment_problems(checks, photo, self._limits)

    def recheck(self) -> None:
        """Check every file again (after they changed on disk; unchanged ones are cached)."""
        self._pending = list(self._docs)
        self._start_checks()
        self._check_photo()

    def select_file(self, path: str) -> None:
        """Select the document ``path`` in the list (or focus the photo when it is the photo)."""
        item = self._item_for(path)
        if item is not None:
            self.list.setCurrentItem(item)
            self.list.scrollToItem(item)
            self.list.setFocus(Qt.FocusReason.OtherFocusReason)
        elif self._photo is not None and self._photo.path == path:
            self.photo_choose.setFocus(Qt.FocusReason.OtherFocusReason)

    def entered_taken_on(self) -> date | None:
        """The photo's taken date the office entered (used when the photo has no EXIF date)."""
        return self.taken_edit.date().toPython() if self.taken_check.isChecked() else None

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

    def add_documents(self, paths: list[str]) -> None:
        """Add files at the end of the list (files already listed are skipped)."""
        added = False
        for path in paths:
            path = os.path.abspath(path)
            if path in self._docs or not os.path.isfile(path):
                continue
            self._add_doc(AttachmentRef(path=path, kind="document",
                                        title=os.path.splitext(os.path.basename(path))[0]))
            self._pending.append(path)
            added = True
        if added:
            self._refresh_all()
            self._start_checks()
            self.changed.emit()

    def set_photo(self, path: str | None, taken_on: date | None = None) -> None:
        """Use ``path`` as the face photo (None removes it)."""
        self._photo = None if path is None else AttachmentRef(path=path, kind="photo",
                                                              title=os.path.basename(path))
        self._photo_check = None
        if taken_on is not None:
            self.taken_edit.setDate(QDate(taken_on.year, taken_on.month, taken_on.day))
            self.taken_check.setChecked(True)
        self._refresh_photo()
        self._check_photo()
        self.changed.emit()

    def is_busy(self) -> bool:
        return any(op is not None and op.is_running()
                   for op in (self._check_op, self._prepare_op, self._photo_op))

    def cancel_work(self) -> None:
        """Stop running checks or preparation and wait for the worker threads."""
        self._pending.clear()
        for op in (self._check_op, self._prepare_op, self._photo_op):
            if op is not None and op.is_running():
                op.shutdown()

    def prepare_to(self, out: str) -> None:
        """Build the PDF(s) to send into ``out`` in a worker thread (progress shown)."""
        from assistant.model.attachments.prepare import SourceDocument, prepare_documents

        sources = [SourceDocument(ref.path, ref.title) for ref in self.attachments()
                   if ref.kind != "photo"]
        if not sources:
            return
        photo_bytes = self._photo_size()
        self.result_label.clear()
        self.result_label.hide()
        op = Operation(prepare_documents, sources, out, self._limits, parent=self,
                       photo_bytes=photo_bytes)
        op.progressed.connect(self._on_prepare_progressed)
        op.succeeded.connect(self._on_prepare_succeeded)
        op.failed.connect(self._on_prepare_failed)
        op.cancelled.connect(self._on_prepare_cancelled)
        op.finished.connect(self._refresh_buttons)
        self._prepare_op = op
        self.progress.setRange(0, 0)
        self.status_label.setText(self.tr("送信用 PDF を作成しています…"))
        op.start()
        self._refresh_buttons()

    # --- documents -----------------------------------------------------------------------
    def _add_doc(self, ref: AttachmentRef) -> None:
        self._docs[ref.path] = _Doc(ref)
        item = QListWidgetItem()
        item.setData(PATH_ROLE, ref.path)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsDragEnabled)
        item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsDropEnabled)
        self.list.addItem(item)

    def _item_for(self, path: str) -> QListWidgetItem | None:
        for row in range(self.list.count()):
            item = self.list.item(row)
            if item.data(PATH_ROLE) == path:
                return item
        return None

    def _refresh_item(self, item: QListWidgetItem) -> None:
        doc = self._docs[item.data(PATH_ROLE)]
        language = current_language()
        name = os.path.basename(doc.ref.path)
        title = doc.ref.title
        lines = [name if not title or title == os.path.splitext(name)[0]
                 else f"{title}（{name}）"]
        info = doc.info
        if info is None:
            lines.append(self.tr("確認中…"))
            item.setForeground(QBrush(self.palette().text().color()))
            item.setIcon(self._thumbnail_icon(None))
        else:
            check = info.check
            pages = "-" if check.pages is None else str(check.pages)
            if not _unopened(check):      # a gone file has no size or pages to show
                lines.append(self.tr("{0}・{1} ページ").format(_size_text(check.size_bytes),
                                                              pages))
            if not check.problems:
                lines.append(self.tr("✔ 問題ありません"))
            for problem in check.problems:
                mark = "✖" if problem.is_error else "⚠"
                lines.append(f"{mark} {problem.message(language)}")
            color = (ERROR_COLOR if not check.ok else
                     WARNING_COLOR if check.problems else OK_COLOR)
            item.setForeground(QBrush(color))
            item.setIcon(self._thumbnail_icon(info.thumbnail))
        item.setText("\n".join(lines))
        item.setToolTip(doc.ref.path)

    def _thumbnail_icon(self, png: bytes | None) -> QIcon:
        """The preview centred on a square canvas, so every row's text lines up."""
        picture = QPixmap()
        if not (png and picture.loadFromData(png, "PNG")):
            picture = self.style().standardIcon(QStyle.StandardPixmap.SP_FileIcon).pixmap(
                THUMB, THUMB)
        picture = picture.scaled(THUMB, THUMB, Qt.AspectRatioMode.KeepAspectRatio,
                                 Qt.TransformationMode.SmoothTransformation)
        canvas = QPixmap(THUMB, THUMB)
        canvas.fill(Qt.GlobalColor.transparent)
        painter = QPainter(canvas)
        painter.drawPixmap((THUMB - picture.width()) // 2, (THUMB - picture.height()) // 2,
                           picture)
        painter.end()
        return QIcon(canvas)

    def _start_checks(self) -> None:
        if not self._pending or (self._check_op is not None and self._check_op.is_running()):
            return
        from assistant.model.attachments.inspect import inspect_documents

        paths, self._pending = self._pending, []
        from assistant.model.attachments.casecheck import shared_cache

        op = Operation(inspect_documents, paths, self._limits, THUMB, cache=shared_cache(),
                       parent=self)
        op.succeeded.connect(self._on_check_succeeded)
        op.failed.connect(self._on_check_failed)
        op.progressed.connect(self._on_check_progressed)
        op.finished.connect(self._on_check_finished)
        self._check_op = op
        op.start()
        self._refresh_buttons()

    @Slot(int, int, str)
    def _on_check_progressed(self, done: int, total: int, path: str) -> None:
        if not self._prepare_busy() and total:
            self.progress.setRange(0, total)
            self.progress.setValue(done)
            self.status_label.setText(self.tr("確認しています: {0}").format(
                os.path.basename(path)) if path else "")

    @Slot(object)
    def _on_check_succeeded(self, infos: list[Any]) -> None:
        for info in infos:
            doc = self._docs.get(info.check.file)
            if doc is None:
                continue      # removed while it was being checked
            doc.info = info
            item = self._item_for(info.check.file)
            if item is not None:
                self._refresh_item(item)
        self._refresh_summary()

    @Slot(object)
    def _on_check_failed(self, error: object) -> None:
        self.status_label.setText(self.tr("確認できませんでした: {0}").format(error))

    @Slot()
    def _on_check_finished(self) -> None:
        if not self._prepare_busy():
            self.status_label.clear()
            self.progress.setRange(0, 1)
            self.progress.setValue(0)
        self._start_checks()
        self._refresh_buttons()

    # --- slots: list and buttons ---------------------------------------------------------
    @Slot(list)
    def _on_list_files_dropped(self, paths: list[str]) -> None:
        self.add_documents(paths)

    @Slot()
    def _on_list_order_changed(self) -> None:
        self.changed.emit()

    @Slot()
    def _on_list_item_selection_changed(self) -> None:
        self._refresh_buttons()

    @Slot()
    def _on_add_button_clicked(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(
            self, self.tr("追加する資料を選択"), "",
            self.tr("PDF・画像 ({0})").format(DOCUMENT_FILTER))
        if paths:
            self.add_documents(paths)

    @Slot()
    def _on_remove_button_clicked(self) -> None:
        rows = sorted((self.list.row(item) for item in self.list.selectedItems()), reverse=True)
        for row in rows:
            item = self.list.takeItem(row)
            self._docs.pop(item.data(PATH_ROLE), None)
        if rows:
            self._refresh_all()
            self.changed.emit()

    def _move_selected(self, step: int) -> None:
        row = self.list.currentRow()
        target = row + step
        if row < 0 or not 0 <= target < self.list.count():
            return
        item = self.list.takeItem(row)
        self.list.insertItem(target, item)
        self.list.setCurrentRow(target)
        self.changed.emit()

    @Slot()
    def _on_up_button_clicked(self) -> None:
        self._move_selected(-1)

    @Slot()
    def _on_down_button_clicked(self) -> None:
        self._move_selected(1)

    @Slot()
    def _on_prepare_button_clicked(self) -> None:
        first = self.attachments()[0].path if self._docs else ""
        start = os.path.join(os.path.dirname(first), self.tr("送信用資料.pdf"))
        out, _ = QFileDialog.getSaveFileName(self, self.tr("送信用 PDF の保存先"), start,
                                             self.tr("PDF (*.pdf)"))
        if out:
            if not out.lower().endswith(".pdf"):
                out += ".pdf"
            self.prepare_to(out)

    @Slot()
    def _on_cancel_button_clicked(self) -> None:
        for op in (self._prepare_op, self._check_op):
            if op is not None and op.is_running():
                op.cancel()
        self.status_label.setText(self.tr("中止しています…"))

    # --- preparing -----------------------------------------------------------------------
    def _prepare_busy(self) -> bool:
        return self._prepare_op is not None and self._prepare_op.is_running()

    @Slot(int, int, str)
    def _on_prepare_progressed(self, done: int, total: int, phase: str) -> None:
        texts = {"load": self.tr("資料を読み込んでいます…"),
                 "write": self.tr("1 つの PDF にまとめています…"),
                 "compress": self.tr("画像を圧縮しています…"),
                 "split": self.tr("上限に収まるよう分割しています…"),
                 "done": self.tr("保存しました。")}
        self.status_label.setText(texts.get(phase, ""))
        if total > 0:
            self.progress.setRange(0, total)
            self.progress.setValue(done)
        else:
            self.progress.setRange(0, 0)       # busy indicator

    @Slot(object)
    def _on_prepare_succeeded(self, report: Any) -> None:
        language = current_language()
        self.progress.setRange(0, 1)
        self.progress.setValue(1)
        lines = []
        for part in report.parts:
            lines.append(self.tr("作成: {0}（{1} MB・{2} ページ）").format(
                os.path.basename(part.file), _mb(part.size_bytes), part.pages))
        lines += [notice.message(language) for notice in report.notices]
        lines += [("✖ " if p.is_error else "⚠ ") + p.message(language)
                  for p in report.problems]
        self.result_label.setText("\n".join(lines))
        self.result_label.setVisible(bool(lines))
        self.status_label.setText(self.tr("送信用 PDF を作成しました。") if report.parts
                                  else self.tr("送信用 PDF を作成できませんでした。"))
        self.prepared.emit(report)

    @Slot(object)
    def _on_prepare_failed(self, error: object) -> None:
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        text = error.strerror if isinstance(error, OSError) and error.strerror else str(error)
        self.status_label.setText(self.tr("送信用 PDF を作成できませんでした: {0}").format(text))

    @Slot()
    def _on_prepare_cancelled(self) -> None:
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.status_label.setText(self.tr("中止しました。ファイルは作成していません。"))

    # --- photo ---------------------------------------------------------------------------
    def _photo_size(self) -> int:
        if self._photo is None:
            return 0
        try:
            return os.path.getsize(self._photo.path)
        except OSError:
            return 0

    def _check_photo(self) -> None:
        """Check the photo in a worker thread (decoding a large photo takes a moment)."""
        if self._photo is None:
            self._refresh_photo()
            return
        if self._photo_op is not None and self._photo_op.is_running():
            self._photo_recheck = True        # check again with the newest inputs after it
            return
        op = Operation(_check_photo_job, self._photo.path, self._limits,
                       self._filing_date, self.entered_taken_on(), parent=self)
        op.succeeded.connect(self._on_photo_check_succeeded)
        op.finished.connect(self._on_photo_check_finished)
        self._photo_op = op
        self._photo_recheck = False
        op.start()

    @Slot(object)
    def _on_photo_check_succeeded(self, check: Any) -> None:
        if self._photo is not None and check.file == self._photo.path:
            self._photo_check = check
            self._refresh_photo()
            self._refresh_summary()

    @Slot()
    def _on_photo_check_finished(self) -> None:
        if self._photo_recheck:
            self._check_photo()
        self._refresh_buttons()

    @Slot()
    def _on_photo_choose_clicked(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("顔写真を選択"), "",
                                              self.tr("画像 ({0})").format(PHOTO_FILTER))
        if path:
            self.set_photo(path)

    @Slot()
    def _on_photo_crop_clicked(self) -> None:
        from assistant.ui.attachments.crop_dialog import PhotoCropDialog

        if self._photo is None:
            return
        try:
            dialog = PhotoCropDialog(self._photo.path, limits=self._limits, parent=self)
        except Exception as exc:  # unreadable photo: the check already says what to do
            QMessageBox.warning(self, self.tr("写真を切り抜く"),
                                self.tr("写真を開けませんでした: {0}").format(exc))
            return
        if dialog.exec() and dialog.saved_path:
            taken = dialog.taken_on
            if taken is None and self.taken_check.isChecked():
                taken = self.taken_edit.date().toPython()
            self.set_photo(dialog.saved_path, taken)

    @Slot(bool)
    def _on_taken_check_toggled(self, checked: bool) -> None:
        self.taken_edit.setEnabled(checked)
        self._check_photo()
        self._taken_on_changed()

    @Slot(QDate)
    def _on_taken_edit_date_changed(self, _day: QDate) -> None:
        if self.taken_check.isChecked():
            self._check_photo()
            self._taken_on_changed()

    def _taken_on_changed(self) -> None:
        """The entered date belongs to the photo: stored at once, like the list itself."""
        if self._photo is not None:
            self.changed.emit()

    def _refresh_photo(self) -> None:
        self.taken_edit.setEnabled(self.taken_check.isChecked())
        self.photo_crop.setEnabled(self._photo is not None)
        if self._photo is None:
            self.photo_name.setText(self.tr("顔写真はまだ選択されていません。"))
            self.photo_thumb.setPixmap(QPixmap())
            self.photo_thumb.setText(self.tr("写真なし"))
            self.photo_problems.clear()
            return
        check = self._photo_check
        language = current_language()
        name = os.path.basename(self._photo.path)
        if check is None:
            self.photo_name.setText(name)
            return
        size = "-" if check.width is None else f"{check.width} × {check.height}"
        taken = check.taken_on.isoformat() if check.taken_on else self.tr("不明")
        self.photo_name.setText(name if _unopened(check) else self.tr(
            "{0}（{1} ピクセル・撮影日 {2}）").format(name, size, taken))
        lines = [("✖ " if p.is_error else "⚠ ") + p.message(language) for p in check.problems]
        self.photo_problems.setText("\n".join(lines) if lines else self.tr("✔ 問題ありません"))
        color = ERROR_COLOR if not check.ok else WARNING_COLOR if lines else OK_COLOR
        self.photo_problems.setStyleSheet(f"color: {color.name()};")
        pixmap = QPixmap()
        if check.width and pixmap.load(self._photo.path):
            self.photo_thumb.setPixmap(pixmap.scaled(
                self.photo_thumb.size(), Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation))
        else:
            self.photo_thumb.setPixmap(QPixmap())
            self.photo_thumb.setText(self.tr("表示できません"))

    # --- summary -------------------------------------------------------------------------
    def _refresh_all(self) -> None:
        for row in range(self.list.count()):
            self._refresh_item(self.list.item(row))
        self._refresh_photo()
        self._refresh_summary()
        self._refresh_buttons()

    def _refresh_summary(self) -> None:
        from assistant.model.attachments.pdfcheck import check_set

        limits = self._limits
        if limits.single_file:
            self.rules_label.setText(self.tr(
                "PDF 1 ファイル・{0} MB まで。複数の資料は、指定した順に 1 つの PDF にまとめて"
                "送信します。").format(_mb(limits.max_file_bytes)))
        else:
            self.rules_label.setText(self.tr(
                "資料と顔写真の合計 {0} MB まで。資料は指定した順に 1 つの PDF にまとめます。"
                ).format(_mb(limits.max_total_bytes)))
        self.empty_hint.setVisible(self.list.count() == 0)
        checks = [doc.info.check for doc in self._docs.values() if doc.info is not None]
        photo = self._photo_size()
        total = sum(c.size_bytes for c in checks)
        if limits.total_includes_photo:
            total += photo
        limit = limits.max_file_bytes if limits.single_file else limits.max_total_bytes
        self.gauge.setRange(0, max(1, limit // 1000))
        self.gauge.setValue(min(total, limit) // 1000)
        what = self.tr("資料") if not limits.total_includes_photo else self.tr("資料と写真")
        self.gauge_text.setText(self.tr("{0}の合計 {1} MB / 上限 {2} MB").format(
            what, _mb(total), _mb(limit)))
        over = total > limit
        chunk = ERROR_COLOR if over else OK_COLOR
        self.gauge.setStyleSheet(f"QProgressBar::chunk {{ background: {chunk.name()}; }}")
        self.gauge_label.setText(self.tr(
            "上限を超えています。「送信用 PDF を作成」で画像を圧縮し、それでも入らなければ分割して"
            "「資料添付に関する申告書」（参考様式9）を添える案内をします。") if over else "")
        self.gauge_label.setVisible(over)
        language = current_language()
        problems = [p for p in check_set(checks, limits, photo) if
                    p.code != "attachments_total_too_large"]
        self.set_label.setText("\n".join("⚠ " + p.message(language) for p in problems))
        self.set_label.setVisible(bool(problems))
        self.problems_changed.emit()

    @Slot()
    def _refresh_buttons(self) -> None:
        busy = self._prepare_busy()
        has_docs = self.list.count() > 0
        selected = bool(self.list.selectedItems())
        self.add_button.setEnabled(not busy)
        self.remove_button.setEnabled(not busy and selected)
        self.up_button.setEnabled(not busy and selected)
        self.down_button.setEnabled(not busy and selected)
        self.list.setDragEnabled(not busy)
        self.prepare_button.setEnabled(not busy and has_docs)
        self.cancel_button.setEnabled(self.is_busy())
        self.progress.setVisible(self.is_busy() or self.progress.value() > 0)
