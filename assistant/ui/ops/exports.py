"""One function per long verb of the 書き出し menu and the settings: each schedules a model job
(:mod:`assistant.model.exports.jobs`) in a worker with its progress dialog and failure title.

The caller adds what happens on success (and on cancel); a failure takes the default path of
:class:`~assistant.ui.ops.bridge.Operation` (a plain message, or the crash report for a
defect).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from assistant.model.exports import jobs
from assistant.ui.ops.bridge import Operation

if TYPE_CHECKING:
    from assistant.model.case import Case
    from assistant.model.exports.bulk import BulkResult
    from assistant.model.exports.refresh import RefreshReport
    from assistant.model.exports.workbook import FillResult
    from assistant.model.exports.xlsx_import import ImportResult
    from assistant.model.storage import CaseStore

# the dialog appears only when the work takes longer than this (a few cases are instant)
SHOW_AFTER_MS = 400

translate = QCoreApplication.translate  # (the name pyside6-lupdate looks for)


def _writing(count: int) -> str:
    return translate("ExportActions", "{0} 件の案件を書き出しています…").format(count)


def export_bulk_csv(parent: QWidget, store: CaseStore, case_ids: Sequence[str], folder: str,
                    encoding: str, cells: str, profile: str | None = None
                    ) -> Operation[tuple[list[Case], BulkResult]]:
    """The bulk CSV files of ``case_ids`` into ``folder`` (中止 stops before writing), the
    cases validated under rule profile ``profile``."""
    return Operation(jobs.write_bulk_csv, store, list(case_ids), folder, encoding, cells,
                     profile, parent=parent) \
        .failure_title(translate("ExportActions", "書き出せませんでした")) \
        .with_progress(translate("ExportActions", "一括申請ファイル（CSV）"),
                       _writing(len(case_ids)), cancel_text=translate("ExportActions", "中止"),
                       show_after_ms=SHOW_AFTER_MS)


def export_xlsx(parent: QWidget, cases: Sequence[Case], folder: str,
                cells: str) -> Operation[list[Path]]:
    """One bulk workbook per procedure into ``folder`` (中止 stops before writing)."""
    return Operation(jobs.write_workbooks, list(cases), folder, cells, parent=parent) \
        .failure_title(translate("ExportActions", "書き出せませんでした")) \
        .with_progress(translate("ExportActions", "一括申請ファイル（Excel）"),
                       _writing(len(cases)), cancel_text=translate("ExportActions", "中止"))


def import_bulk(parent: QWidget, store: CaseStore, path: Path,
                on: date) -> Operation[ImportResult]:
    """Read and check an edited bulk workbook (changes nothing; the caller applies it)."""
    return Operation(jobs.read_workbook, store, str(path), on, parent=parent) \
        .failure_title(translate("ExportActions", "取り込めませんでした")) \
        .with_progress(translate("ExportActions", "一括申請ファイル（Excel）の取り込み"),
                       translate("ExportActions", "{0} を読んでいます…").format(path.name),
                       cancel_text=translate("ExportActions", "中止"),
                       show_after_ms=SHOW_AFTER_MS)


def install_reference(parent: QWidget, workbook: Path, procedure: str,
                      on: date) -> Operation[RefreshReport]:
    """Refresh the pull-down lists from an official workbook (no 中止: the reader cannot stop)."""
    title = translate("ReferenceDataRow", "参照データの更新")
    return Operation(jobs.install_reference, str(workbook), procedure, on.isoformat(),
                     parent=parent) \
        .failure_title(title) \
        .with_progress(title, translate("ReferenceDataRow", "{0} を読んでいます…").format(
            workbook.name), show_after_ms=300)


def fill_official_workbook(parent: QWidget, template: Path, cases: Sequence[Case], out: Path,
                           on: date, procedure: str,
                           profile: str | None) -> Operation[FillResult]:
    """Write ``cases`` into a copy of the office's official workbook (中止 stops before the
    copy is written)."""
    return Operation(jobs.fill_official_workbook, str(template), list(cases), str(out), on,
                     procedure, profile, parent=parent) \
        .failure_title(translate("ExportActions", "公式ワークブックに書き込めませんでした")) \
        .with_progress(translate("ExportActions", "公式ワークブックへの書き込み"),
                       _writing(len(cases)), cancel_text=translate("ExportActions", "中止"),
                       show_after_ms=SHOW_AFTER_MS)
