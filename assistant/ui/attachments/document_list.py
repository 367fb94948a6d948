"""The documents part of the attachments page: the file list with each file's verdict, the
buttons that edit it, and the rules and totals of the set (gauge, file count)."""

from __future__ import annotations

import os
from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Qt, Signal, Slot
from PySide6.QtGui import (
    QBrush,
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QIcon,
    QPainter,
    QPixmap,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from assistant.model.case import AttachmentRef
from assistant.ui.attachments.common import (
    ERROR_COLOR,
    OK_COLOR,
    mb,
    problem_line,
    size_text,
    unopened,
    verdict_color,
)
from assistant.ui.i18n import current_language

if TYPE_CHECKING:
    from assistant.model.attachments.casecheck import AttachmentsCheck
    from assistant.model.attachments.limits import AttachmentLimits
    from assistant.model.attachments.pdfcheck import DocumentCheck

THUMB = 72
PATH_ROLE = Qt.ItemDataRole.UserRole
DOCUMENT_FILTER = "*.pdf *.jpg *.jpeg *.png *.tif *.tiff *.heic *.heif"


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


class DocumentsSection(QWidget):
    """The documents in the order they are sent, each with its verdict, and the set's totals.

    ``changed`` when the office removes or reorders documents; ``add_requested`` when
    「追加」 is pressed (the page asks which files); ``files_offered(paths)`` when files are
    dropped on the list (the page adds them). Shows what :meth:`show_result` is given;
    checks nothing itself.
    """

    changed = Signal()
    add_requested = Signal()
    files_offered = Signal(list)      # dropped from outside (the page adds them)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._refs: dict[str, AttachmentRef] = {}
        self._busy = False
        self.rules_label = QLabel()
        self.rules_label.setWordWrap(True)
        self.list = DocumentList(self)
        # About three thumbnail rows: the page scrolls in a small window instead of forcing it
        # taller (a fixed 220 px pushed the window's buttons off a laptop screen).
        self.list.setMinimumHeight(THUMB * 2 + self.list.fontMetrics().lineSpacing() * 2)
        self.list.filesDropped.connect(self._on_list_files_dropped)
        self.list.orderChanged.connect(self.changed)
        self.list.itemSelectionChanged.connect(self._refresh_buttons)
        self.empty_hint = QLabel(self.tr("ここに PDF や スキャン画像をドラッグ＆ドロップするか、"
                                         "「追加」を押してください。"))
        self.empty_hint.setWordWrap(True)
        self.empty_hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        # Its own room below the list (it was drawn over the list's bottom border when the
        # layout squeezed the page).
        self.empty_hint.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)

        self.add_button = QPushButton(self.tr("追加(&A)…"))
        self.add_button.clicked.connect(self.add_requested)
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

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.rules_label)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.empty_hint)
        layout.addLayout(buttons)
        layout.addWidget(self.gauge_text)
        layout.addWidget(self.gauge)
        layout.addWidget(self.gauge_label)
        layout.addWidget(self.set_label)

    # --- the list ---------------------------------------------------------------------------
    def set_documents(self, refs: list[AttachmentRef]) -> None:
        """Show these documents, in ``position`` order."""
        self._refs.clear()
        self.list.clear()
        for ref in sorted(refs, key=lambda r: r.position):
            self._add(replace(ref))

    def documents(self) -> list[AttachmentRef]:
        """The documents in the order shown (``position`` 0, 1, …)."""
        return [replace(self._refs[self.list.item(row).data(PATH_ROLE)], position=row)
                for row in range(self.list.count())]

    def add_documents(self, paths: list[str]) -> tuple[bool, list[str]]:
        """Add files at the end (files already listed are skipped).

        Returns whether something was added, and the messages for paths refused because
        they are not regular files (a folder, a device, a FIFO, a link loop).
        """
        from assistant.model.attachments.pdfcheck import not_regular_problem

        added = False
        refused: list[str] = []
        for path in paths:
            path = os.path.abspath(path)
            not_regular = not_regular_problem(path)
            if not_regular is not None:
                refused.append(not_regular.message(current_language()))
                continue
            if path in self._refs or not os.path.isfile(path):
                continue
            self._add(AttachmentRef(path=path, kind="document",
                                    title=os.path.splitext(os.path.basename(path))[0]))
            added = True
        return added, refused

    def select(self, path: str) -> bool:
        """Select and focus the document ``path``; False when it is not listed."""
        item = self._item_for(path)
        if item is None:
            return False
        self.list.setCurrentItem(item)
        self.list.scrollToItem(item)
        self.list.setFocus(Qt.FocusReason.OtherFocusReason)
        return True

    def set_busy(self, busy: bool) -> None:
        """While the file to send is being made, the list cannot be edited."""
        self._busy = busy
        self._refresh_buttons()

    def _add(self, ref: AttachmentRef) -> None:
        self._refs[ref.path] = ref
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

    # --- showing the verdicts ----------------------------------------------------------------
    def show_result(self, result: AttachmentsCheck | None, limits: AttachmentLimits,
                    photo_bytes: int, has_photo: bool) -> None:
        """Each file's verdict from ``result`` (a check under these rules; files it does not
        hold yet show 「確認中…」) and the set's rules and totals."""
        checks = []
        for row in range(self.list.count()):
            item = self.list.item(row)
            path = item.data(PATH_ROLE)
            check = result.document(path) if result is not None else None
            if check is not None:
                checks.append(check)
            thumbnail = result.thumbnails.get(path) if result is not None else None
            self._show_item(item, check, thumbnail)
        self._show_rules(limits)
        self.empty_hint.setVisible(self.list.count() == 0)
        self._show_totals(checks, result, limits, photo_bytes, has_photo)
        self._refresh_buttons()

    def _show_item(self, item: QListWidgetItem, check: DocumentCheck | None,
                   thumbnail: bytes | None) -> None:
        ref = self._refs[item.data(PATH_ROLE)]
        name = os.path.basename(ref.path)
        title = ref.title
        lines = [name if not title or title == os.path.splitext(name)[0]
                 else f"{title}（{name}）"]
        if check is None:
            lines.append(self.tr("確認中…"))
            item.setForeground(QBrush(self.palette().text().color()))
            item.setIcon(self._thumbnail_icon(None))
        else:
            language = current_language()
            pages = "-" if check.pages is None else str(check.pages)
            if not unopened(check.problems):      # a gone file has no size or pages to show
                lines.append(self.tr("{0}・{1} ページ").format(size_text(check.size_bytes),
                                                              pages))
            if not check.problems:
                lines.append(self.tr("✔ 問題ありません"))
            lines += [problem_line(p, language) for p in check.problems]
            item.setForeground(QBrush(verdict_color(check.problems)))
            item.setIcon(self._thumbnail_icon(thumbnail))
        item.setText("\n".join(lines))
        item.setToolTip(ref.path)

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

    def _show_rules(self, limits: AttachmentLimits) -> None:
        if limits.single_file:
            self.rules_label.setText(self.tr(
                "PDF 1 ファイル・{0} MB まで。複数の資料は、指定した順に 1 つの PDF にまとめて"
                "送信します。").format(mb(limits.max_file_bytes)))
        elif limits.max_files is not None and limits.files_include_photo:
            self.rules_label.setText(self.tr(
                "資料と顔写真を合わせて {0} ファイル・合計 {1} MB まで。資料は指定した順に 1 つの"
                " PDF にまとめます。").format(limits.max_files, mb(limits.max_total_bytes)))
        else:
            self.rules_label.setText(self.tr(
                "資料と顔写真の合計 {0} MB まで。資料は指定した順に 1 つの PDF にまとめます。"
                ).format(mb(limits.max_total_bytes)))

    def _show_totals(self, checks: list[DocumentCheck], result: AttachmentsCheck | None,
                     limits: AttachmentLimits, photo_bytes: int, has_photo: bool) -> None:
        total = sum(c.size_bytes for c in checks)
        if limits.total_includes_photo:
            total += photo_bytes
        limit = limits.max_file_bytes if limits.single_file else limits.max_total_bytes
        self.gauge.setRange(0, max(1, limit // 1000))
        self.gauge.setValue(min(total, limit) // 1000)
        what = self.tr("資料") if not limits.total_includes_photo else self.tr("資料と写真")
        text = self.tr("{0}の合計 {1} MB / 上限 {2} MB").format(what, mb(total), mb(limit))
        if limits.max_files is not None and not limits.single_file:
            count = limits.file_count(self.list.count(), has_photo)
            text += self.tr("・ファイル {0} / 上限 {1}").format(count, limits.max_files)
        self.gauge_text.setText(text)
        over = total > limit
        chunk = ERROR_COLOR if over else OK_COLOR
        self.gauge.setStyleSheet(f"QProgressBar::chunk {{ background: {chunk.name()}; }}")
        self.gauge_label.setText(self.tr(
            "上限を超えています。「送信用 PDF を作成」で画像を圧縮し、それでも入らなければ分割して"
            "「資料添付に関する申告書」（参考様式9）を添える案内をします。") if over else "")
        self.gauge_label.setVisible(over)
        language = current_language()
        # The total over the limit is said by the gauge already.
        problems = [p for p in (result.set_problems if result is not None else [])
                    if p.code != "attachments_total_too_large"]
        self.set_label.setText("\n".join("⚠ " + p.message(language) for p in problems))
        self.set_label.setVisible(bool(problems))

    # --- buttons ------------------------------------------------------------------------------
    @Slot()
    def _refresh_buttons(self) -> None:
        busy = self._busy
        selected = bool(self.list.selectedItems())
        self.add_button.setEnabled(not busy)
        self.remove_button.setEnabled(not busy and selected)
        self.up_button.setEnabled(not busy and selected)
        self.down_button.setEnabled(not busy and selected)
        self.list.setDragEnabled(not busy)

    @Slot(list)
    def _on_list_files_dropped(self, paths: list[str]) -> None:
        self.files_offered.emit(paths)

    @Slot()
    def _on_remove_button_clicked(self) -> None:
        rows = sorted((self.list.row(item) for item in self.list.selectedItems()), reverse=True)
        for row in rows:
            item = self.list.takeItem(row)
            self._refs.pop(item.data(PATH_ROLE), None)
        if rows:
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
