"""The 「送信用 PDF を作成」 part of the attachments page: the button, the progress of the work
(making the file to send, or checking the files), and what was made."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QVBoxLayout, QWidget

from assistant.ui.attachments.common import mb, problem_line
from assistant.ui.i18n import current_language
from assistant.ui.ops import Operation

if TYPE_CHECKING:
    from assistant.model.attachments.limits import AttachmentLimits
    from assistant.model.attachments.prepare import PrepareReport, SourceDocument


class PrepareSection(QWidget):
    """Makes the PDF(s) to send in a worker thread and reports the result.

    ``prepare_requested`` when the button is pressed (the page asks where to save);
    ``prepared(report)`` after a build that ran to its end; ``busy_changed(bool)``.
    """

    prepare_requested = Signal()
    prepared = Signal(object)
    busy_changed = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._op: Operation[PrepareReport] | None = None
        self._ended = ""          # how the last build ended: "ok", "cancelled", or "" (failed)
        self._checking = False
        self.prepare_button = QPushButton(self.tr("送信用 PDF を作成…"))
        self.prepare_button.clicked.connect(self.prepare_requested)
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
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(work_row)
        layout.addWidget(self.status_label)
        layout.addWidget(self.result_label)
        self.set_documents_present(False)

    # --- state ----------------------------------------------------------------------------------
    def is_busy(self) -> bool:
        """True while the file to send is being made."""
        return self._op is not None and self._op.is_running()

    def set_documents_present(self, present: bool) -> None:
        self._has_documents = present
        self._refresh()

    def _refresh(self) -> None:
        busy = self.is_busy()
        self.prepare_button.setEnabled(not busy and self._has_documents)
        self.cancel_button.setEnabled(busy)
        self.progress.setVisible(busy or self._checking or self.progress.value() > 0)

    def cancel_work(self) -> None:
        """Stop making the file and wait for the worker thread (the page goes away)."""
        if self.is_busy():
            assert self._op is not None
            self._op.shutdown()

    # --- the check's progress (shown here while nothing is being made) ------------------------
    def show_check_progress(self, checking: bool, done: int, total: int, name: str) -> None:
        self._checking = checking
        if not self.is_busy():
            if checking and total:
                self.progress.setRange(0, total)
                self.progress.setValue(done)
                self.status_label.setText(self.tr("確認しています: {0}").format(name)
                                          if name else "")
            elif not checking:
                self.status_label.clear()
                self.progress.setRange(0, 1)
                self.progress.setValue(0)
        self._refresh()

    # --- making the file --------------------------------------------------------------------------
    def prepare(self, sources: list[SourceDocument], out: str, limits: AttachmentLimits,
                photo_bytes: int) -> None:
        """Build the PDF(s) to send into ``out`` in a worker thread (progress shown)."""
        from assistant.model.attachments.prepare import prepare_documents

        if not sources or self.is_busy():
            return
        self.result_label.clear()
        self.result_label.hide()
        # A failure (a folder that cannot be written, a full disk, a defect) takes the
        # bridge's default path: a plain message, and the crash report for a defect.
        op = Operation(prepare_documents, sources, out, limits, parent=self,
                       photo_bytes=photo_bytes)
        op.on_progress(self._on_prepare_progressed).on_success(self._on_prepare_succeeded)
        op.on_cancel(self._on_prepare_cancelled).on_finish(self._on_prepare_finished)
        op.failure_title(self.tr("送信用 PDF を作成できませんでした"))
        self._op = op
        self._ended = ""
        self.progress.setRange(0, 0)
        self.status_label.setText(self.tr("送信用 PDF を作成しています…"))
        op.start()
        self._refresh()
        self.busy_changed.emit(True)

    @Slot()
    def _on_cancel_button_clicked(self) -> None:
        if self._op is not None and self._op.is_running():
            self._op.cancel()
            self.status_label.setText(self.tr("中止しています…"))

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

    def _on_prepare_succeeded(self, report: PrepareReport) -> None:
        self._ended = "ok"
        language = current_language()
        self.progress.setRange(0, 1)
        self.progress.setValue(1)
        lines = [self.tr("作成: {0}（{1} MB・{2} ページ）").format(
            os.path.basename(part.file), mb(part.size_bytes), part.pages)
            for part in report.parts]
        lines += [notice.message(language) for notice in report.notices]
        lines += [problem_line(p, language) for p in report.problems]
        self.result_label.setText("\n".join(lines))
        self.result_label.setVisible(bool(lines))
        self.status_label.setText(self.tr("送信用 PDF を作成しました。")
                                  if report.parts and report.ok
                                  else self.tr("送信用 PDF を作成しましたが、問題があります。")
                                  if report.parts
                                  else self.tr("送信用 PDF を作成できませんでした。"))
        self.prepared.emit(report)

    def _on_prepare_cancelled(self) -> None:
        self._ended = "cancelled"
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.status_label.setText(self.tr("中止しました。ファイルは作成していません。"))

    def _on_prepare_finished(self) -> None:
        self._op = None
        if not self._ended:          # failed: the bridge has shown why
            self.progress.setRange(0, 1)
            self.progress.setValue(0)
            self.status_label.setText(self.tr("送信用 PDF を作成できませんでした。"))
        self._refresh()
        self.busy_changed.emit(False)
