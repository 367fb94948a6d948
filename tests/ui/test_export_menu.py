"""The 書き出し menu writes the bulk CSV of the ready cases, a transcription sheet, a checklist."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel

from assistant.model.case import CaseStatus, ReceiptMethod
from assistant.ui import ask


def ready_case(store):
    # complete (ISA's example, main sheet): the CSV export refuses a case with errors
    from tests.isa_cases import main_sheet_case

    values = main_sheet_case("renewal").values
    case = store.create("renewal", {**values, "name": "NGUYEN VAN AN",
                                    "expiry_date": "20270115",
                                    "nationality": "ベトナム Viet Nam"})
    store.set_receipt_method(case.id, ReceiptMethod.MAIL)
    store.set_status(case.id, CaseStatus.READY)
    return case


def test_transcription_and_checklist_pdfs(qtbot, store, main_window, monkeypatch, tmp_path):
    case = ready_case(store)
    main_window.reload_cases()
    main_window.list_page.select_case(case.id)
    for action, name in ((main_window.exports.transcription_action, "sheet.pdf"),
                         (main_window.exports.checklist_action, "check.pdf")):
        target = tmp_path / name
        monkeypatch.setattr(ask, "save_file",
                            lambda *a, t=target, **k: t)
        action.trigger()
        assert target.read_bytes().startswith(b"%PDF")


def _answer_csv_dialog(monkeypatch, folder, encoding="utf-8-sig", cells="labels"):
    """Fill the CSV options dialog as a user would, and press 書き出す (records what it showed)."""
    from assistant.ui.bulk_csv import BulkCsvDialog

    shown: list[dict[str, str]] = []

    def answer(dialog):
        shown.append({"intro": dialog.findChild(QLabel).text(), "folder": dialog.folder(),
                      "encoding": dialog.encoding(), "cells": dialog.cells()})
        dialog.folder_edit.setText(str(folder))
        {"utf-8-sig": dialog.utf8_button, "cp932": dialog.sjis_button}[encoding].click()
        {"labels": dialog.labels_button, "codes": dialog.codes_button}[cells].click()
        assert dialog.ok_button.isEnabled()
        return BulkCsvDialog.DialogCode.Accepted

    monkeypatch.setattr(BulkCsvDialog, "exec", answer)
    return shown


def _messages(monkeypatch):
    said: list[str] = []
    monkeypatch.setattr(ask, "information", lambda _p, _t, text, *a: said.append(text))
    monkeypatch.setattr(ask, "warning", lambda _p, _t, text, *a: said.append(text))
    return said


def test_bulk_csv_of_the_ready_cases_shown(qtbot, store, main_window, monkeypatch, tmp_path):
    ready_case(store)
    store.create("renewal", {"name": "DRAFT ONLY"})
    main_window.reload_cases()
    out = tmp_path / "bulk"
    shown = _answer_csv_dialog(monkeypatch, out)
    said = _messages(monkeypatch)
    main_window.exports.bulk_action.trigger()
    qtbot.waitUntil(lambda: main_window.exports.operation is None, timeout=20000)
    assert "1 件" in shown[0]["intro"]   # the dialog says how many
    files = list(out.glob("*.csv"))
    assert files, said
    text = files[0].read_text(encoding="utf-8-sig")
    assert "NGUYEN VAN AN" in text and "DRAFT ONLY" not in text
    assert said and "1 件" in said[-1]


def test_bulk_csv_options_are_remembered(qtbot, store, settings, main_window, monkeypatch,
                                         tmp_path):
    from assistant.model.settings import BULK_ENCODING, CODE_LIST_CELLS, LAST_FOLDER

    ready_case(store)
    main_window.reload_cases()
    out = tmp_path / "sjis"
    shown = _answer_csv_dialog(monkeypatch, out, encoding="cp932", cells="codes")
    _messages(monkeypatch)
    main_window.exports.bulk_action.trigger()
    qtbot.waitUntil(lambda: main_window.exports.operation is None, timeout=20000)
    assert (settings.get(BULK_ENCODING), settings.get(CODE_LIST_CELLS),
            settings.get(LAST_FOLDER)) == ("cp932", "codes", str(out))
    (main,) = out.glob("renewal_main.csv")
    assert "NGUYEN VAN AN" in main.read_bytes().decode("cp932")
    asked: list[str] = []
    monkeypatch.setattr(ask, "question", lambda _p, _t, text: asked.append(text) or True)
    main_window.exports.bulk_action.trigger()            # the next time starts from them
    qtbot.waitUntil(lambda: main_window.exports.operation is None, timeout=20000)
    assert shown[-1] == {**shown[-1], "folder": str(out), "encoding": "cp932", "cells": "codes"}
    assert len(asked) == 1 and "renewal_main.csv" in asked[0]   # the files are there already


def test_shift_jis_export_lists_the_characters_and_can_replace_them(
        qtbot, store, main_window, monkeypatch, tmp_path):
    from assistant.ui.bulk_csv import CharacterReportDialog

    case = ready_case(store)
    store.set_value(case.id, "address_street", "髙田馬場１－１")   # 髙: a gaiji for Shift_JIS
    main_window.reload_cases()
    out = tmp_path / "sjis"
    _answer_csv_dialog(monkeypatch, out, encoding="cp932")
    said = _messages(monkeypatch)
    seen: list[list[str]] = []

    def replace(dialog):
        table = dialog.table
        seen.extend([table.item(r, c).text() for c in range(table.columnCount())]
                    for r in range(table.rowCount()))
        assert dialog.replace_button.isEnabled()
        return CharacterReportDialog.DialogCode.Accepted

    monkeypatch.setattr(CharacterReportDialog, "exec", replace)
    main_window.exports.bulk_action.trigger()
    qtbot.waitUntil(lambda: main_window.exports.operation is None and bool(said), timeout=20000)
    (row,) = seen
    assert row[1] == "NGUYEN VAN AN" and "住居地" in row[2] and row[3].startswith("髙")
    assert row[5] == "高"
    assert store.get(case.id).values["address_street"] == "高田馬場１－１"
    text = (out / "renewal_main.csv").read_bytes().decode("cp932")
    assert "高田馬場１－１" in text
    assert "1 件" in said[-1]


def test_closing_the_character_report_writes_and_changes_nothing(
        qtbot, store, main_window, monkeypatch, tmp_path):
    from assistant.ui.bulk_csv import CharacterReportDialog

    case = ready_case(store)
    store.set_value(case.id, "address_street", "𩸽町１")   # 𩸽: not in Shift_JIS, no candidate
    main_window.reload_cases()
    out = tmp_path / "sjis"
    _answer_csv_dialog(monkeypatch, out, encoding="cp932")
    said = _messages(monkeypatch)
    reports: list[tuple[bool, str]] = []

    def close(dialog):
        reports.append((dialog.replace_button.isEnabled(), dialog.table.item(0, 5).text()))
        return CharacterReportDialog.DialogCode.Rejected

    monkeypatch.setattr(CharacterReportDialog, "exec", close)
    main_window.exports.bulk_action.trigger()
    qtbot.waitUntil(lambda: bool(reports) and main_window.exports.operation is None,
                    timeout=20000)
    (enabled, candidate), = reports
    assert not enabled and "手で直して" in candidate      # nothing to put in its place
    assert not out.exists() or list(out.iterdir()) == []
    assert store.get(case.id).values["address_street"] == "𩸽町１"
    assert said == []


def test_bulk_without_ready_cases_explains(qtbot, store, main_window, monkeypatch):
    store.create("renewal", {"name": "DRAFT ONLY"})
    main_window.reload_cases()
    said: list[str] = []
    monkeypatch.setattr(ask, "information", lambda _p, _t, text, *a: said.append(text))
    main_window.exports.bulk_action.trigger()
    assert said and "入力完了" in said[0]


def _pdf_text(path) -> str:
    import unicodedata

    from pypdf import PdfReader

    text = "".join(page.extract_text() for page in PdfReader(path).pages)
    return "".join(unicodedata.normalize("NFKC", text).split())


def _current_staff(store):
    from assistant.model.office import OfficeStore, StaffProfile

    office = OfficeStore(store)
    office.save(StaffProfile(id="s1", name="法務　太郎", office_name="みなと行政書士事務所",
                             postal_code="1000013", prefecture="東京都",
                             municipality="千代田区", street="霞が関1-1-1"))
    office.set_current("s1")


def test_checklist_carries_the_current_staff_members_return_address(
        qtbot, store, main_window, monkeypatch, tmp_path):
    _current_staff(store)
    case = ready_case(store)
    main_window.reload_cases()
    main_window.list_page.select_case(case.id)
    target = tmp_path / "check.pdf"
    monkeypatch.setattr(ask, "save_file", lambda *a, **k: target)
    main_window.exports.checklist_action.trigger()
    text = _pdf_text(target)
    assert "〒100-0013" in text
    assert "東京都千代田区霞が関1-1-1" in text and "みなと行政書士事務所" in text


def test_print_preview_and_printer_dialog_from_the_menu(qtbot, store, main_window,
                                                        monkeypatch):
    from PySide6.QtPrintSupport import QPrintDialog, QPrintPreviewDialog, QPrintPreviewWidget
    from PySide6.QtWidgets import QDialog

    _current_staff(store)
    case = ready_case(store)
    main_window.reload_cases()
    main_window.list_page.select_case(case.id)
    menu = main_window.exports.menu
    menu.aboutToShow.emit()
    for action in main_window.exports.case_actions:
        assert action.isEnabled() and action in menu.actions()
    previews: list[tuple[str, int]] = []

    def fake_exec(dialog):  # a modal dialog would wait for a click: read what it shows
        widget = dialog.findChild(QPrintPreviewWidget)
        widget.updatePreview()
        previews.append((dialog.windowTitle(), widget.pageCount()))
        return 0

    monkeypatch.setattr(QPrintPreviewDialog, "exec", fake_exec)
    main_window.exports.checklist_preview_action.trigger()
    main_window.exports.transcription_preview_action.trigger()
    assert [title for title, _ in previews] == ["印刷プレビュー", "印刷プレビュー"]
    assert all(pages >= 1 for _, pages in previews)
    asked: list[str] = []

    def fake_print_exec(dialog):  # no printer here: the user cancels the printer dialog
        asked.append(dialog.printer().docName())
        return QDialog.DialogCode.Rejected

    monkeypatch.setattr(QPrintDialog, "exec", fake_print_exec)
    main_window.exports.checklist_print_action.trigger()
    main_window.exports.transcription_print_action.trigger()
    assert len(asked) == 2 and all(asked)
    assert "印刷しました" not in main_window.statusBar().currentMessage()


def test_excel_export_runs_with_a_progress_bar(qtbot, store, main_window, monkeypatch,
                                               tmp_path):
    from PySide6.QtWidgets import QProgressDialog

    for number in range(3):
        case = store.create("renewal", {"name": f"APPLICANT {number}",
                                        "nationality": "ベトナム Viet Nam"})
        store.set_status(case.id, CaseStatus.READY)
    main_window.reload_cases()
    out = tmp_path / "xlsx"
    out.mkdir()
    monkeypatch.setattr(ask, "folder", lambda *a, **k: out)
    said: list[str] = []
    monkeypatch.setattr(ask, "information", lambda _p, _t, text, *a: said.append(text))
    monkeypatch.setattr(ask, "warning", lambda _p, _t, text, *a: said.append(text))
    exports = main_window.exports
    exports.xlsx_action.trigger()
    dialog = exports.progress_dialog
    assert isinstance(dialog, QProgressDialog) and dialog.isVisible()
    assert "3 件" in dialog.labelText()
    qtbot.waitUntil(lambda: exports.operation is None, timeout=20000)
    assert exports.progress_dialog is None
    assert [p.name for p in out.glob("*.xlsx")] == ["renewal.xlsx"]
    assert said and "3 件" in said[-1]


def test_excel_export_cancelled_writes_nothing(qtbot, store, main_window, monkeypatch,
                                               tmp_path):
    from assistant.model.exports import jobs

    case = store.create("renewal", {"name": "APPLICANT"})
    store.set_status(case.id, CaseStatus.READY)
    main_window.reload_cases()
    out = tmp_path / "xlsx"
    out.mkdir()
    monkeypatch.setattr(ask, "folder", lambda *a, **k: out)
    said: list[str] = []
    monkeypatch.setattr(ask, "information", lambda _p, _t, text, *a: said.append(text))
    monkeypatch.setattr(ask, "warning", lambda _p, _t, text, *a: said.append(text))
    real = jobs.write_workbooks

    def cancel_first(*args, cancelled=None, **kwargs):  # the user presses 中止 at once
        qtbot_wait.wait(10000)
        return real(*args, cancelled=cancelled, **kwargs)

    import threading

    qtbot_wait = threading.Event()
    monkeypatch.setattr(jobs, "write_workbooks", cancel_first)
    main_window.exports.xlsx_action.trigger()
    from PySide6.QtWidgets import QPushButton

    (button,) = main_window.exports.progress_dialog.findChildren(QPushButton)
    assert button.text() == "中止"
    button.click()
    qtbot_wait.set()
    qtbot.waitUntil(lambda: main_window.exports.operation is None, timeout=20000)
    assert said == []
    assert "中止" in main_window.statusBar().currentMessage()
    assert list(out.iterdir()) == []


def test_checklist_follows_the_rule_profile_chosen_in_settings(
        qtbot, store, settings, main_window, monkeypatch, tmp_path):
    from assistant.model.settings import RULE_PROFILE

    settings.set(RULE_PROFILE, "system-2026")
    case = store.create("coe", {"name": "LI WEI"})
    store.set_receipt_method(case.id, ReceiptMethod.EMAIL)
    main_window.reload_cases()
    main_window.list_page.select_case(case.id)
    target = tmp_path / "email.pdf"
    monkeypatch.setattr(ask, "save_file", lambda *a, **k: target)
    main_window.exports.checklist_action.trigger()
    text = _pdf_text(target)
    assert "メールで届いた在留資格認定証明書を申請人" in text
    assert "受領できません" not in text      # e-mail is allowed under the 2026 rules


def test_batch_checklist_of_the_cases_awaiting_a_result(qtbot, store, main_window,
                                                        monkeypatch, tmp_path):
    names = {}
    for name, method, status in (("LI WEI", ReceiptMethod.MAIL, CaseStatus.ACCEPTED),
                                 ("WANG FANG", None, CaseStatus.FILED),
                                 ("KIM MINJUN", ReceiptMethod.COUNTER, CaseStatus.ACCEPTED),
                                 ("DRAFT ONLY", ReceiptMethod.MAIL, CaseStatus.DRAFT),
                                 ("DONE ALREADY", ReceiptMethod.MAIL, CaseStatus.COMPLETED)):
        case = store.create("coe", {"name": name})
        if method is not None:
            store.set_receipt_method(case.id, method)
        store.set_status(case.id, status, number="2026-123" if name == "LI WEI" else "")
        names[name] = case.id
    main_window.reload_cases()
    asked: list[str] = []

    def pick_mail(_parent, _title, label, items, *a, **k):
        asked.append(label)
        return items[0]

    monkeypatch.setattr(ask, "choose", pick_mail)
    target = tmp_path / "batch.pdf"
    offered: list[str] = []

    def save_as(_parent, _title, name, *a, **k):
        offered.append(str(name))
        return target

    monkeypatch.setattr(ask, "save_file", save_as)
    main_window.exports.batch_checklist_action.trigger()
    text = _pdf_text(target)
    assert "LIWEI" in text and "WANGFANG" in text          # mail, and not chosen yet
    assert "KIMMINJUN" not in text and "DRAFTONLY" not in text and "DONEALREADY" not in text
    assert "人数2名" in text                                # on the back of the envelope
    assert offered and offered[0].endswith("郵送_2件.pdf")


def test_batch_checklist_without_cases_awaiting_a_result_explains(qtbot, store, main_window,
                                                                  monkeypatch):
    store.create("renewal", {"name": "DRAFT ONLY"})
    main_window.reload_cases()
    said: list[str] = []
    monkeypatch.setattr(ask, "information", lambda _p, _t, text, *a: said.append(text))
    main_window.exports.batch_checklist_action.trigger()
    assert said and "結果待ち" in said[0]


def test_cancelling_the_save_dialog_writes_nothing(qtbot, store, main_window, monkeypatch,
                                                   tmp_path):
    case = ready_case(store)
    main_window.reload_cases()
    main_window.list_page.select_case(case.id)
    monkeypatch.setattr(ask, "save_file", lambda *a, **k: None)
    main_window.exports.transcription_action.trigger()
    main_window.exports.checklist_action.trigger()
    assert list(tmp_path.glob("*.pdf")) == []
    assert "書き出しました" not in main_window.statusBar().currentMessage()


def _exported_then_edited(store, tmp_path):
    """Three ready cases exported to the review workbook, then edited as staff do in Excel."""
    import datetime as dt

    from openpyxl import load_workbook

    from assistant.model.exports import xlsx

    ids = []
    for number, name in enumerate(("TRAN THI ONE", "TRAN THI TWO", "TRAN THI THREE"), start=1):
        case = store.create("renewal", {"name": name, "birth_date": "19920105",
                                        "sex": "女 female", "nationality": "ベトナム Viet Nam",
                                        "zairyu_card_number": f"AB1234567{number}CD"})
        store.set_status(case.id, CaseStatus.READY)
        ids.append(case.id)
    book = xlsx.write_workbook([store.get(i) for i in ids], tmp_path / "renewal.xlsx")
    wb = load_workbook(book)
    ws = wb["申請情報入力"]
    col = {c.value: c.column for c in ws[xlsx.ROW_HEADER]}
    ws.cell(8, col["身分事項_氏名"], "tran  thi ｏｎｅ")            # normalised on the way in
    ws.cell(8, col["身分事項_生年月日"], dt.datetime(1992, 1, 6))  # Excel made it a date
    ws.cell(9, col["身分事項_生年月日"], "19921350")               # no such date: not taken
    ws.cell(11, col["身分事項_氏名"], "NEW APPLICANT")             # a new row, no case id
    wb.save(book)
    return book, ids


def test_excel_import_creates_and_updates_cases_and_leaves_broken_rows(
        qtbot, store, main_window, monkeypatch, tmp_path):
    from assistant.ui.bulk_import import ImportReportDialog

    book, ids = _exported_then_edited(store, tmp_path)
    main_window.reload_cases()
    main_window.open_case(ids[0])                  # open in the wizard while importing
    monkeypatch.setattr(ask, "open_file", lambda *a, **k: book)
    seen: list[dict[str, object]] = []

    def take(dialog):
        table = dialog.table
        seen.append({"summary": dialog.summary.text(),
                     "rows": [[table.item(r, c).text() for c in range(table.columnCount())]
                              for r in range(table.rowCount())],
                     "enabled": dialog.import_button.isEnabled()})
        return ImportReportDialog.DialogCode.Accepted

    monkeypatch.setattr(ImportReportDialog, "exec", take)
    main_window.exports.xlsx_import_action.trigger()
    qtbot.waitUntil(lambda: bool(seen) and main_window.exports.operation is None, timeout=20000)
    (report,) = seen
    assert "新しい案件 1 件" in report["summary"] and "更新する案件 1 件" in report["summary"]
    assert report["enabled"]
    (problem,) = report["rows"]
    assert problem[0] == "申請情報入力" and problem[1].endswith("9")
    assert problem[2] == "身分事項_生年月日" and problem[3] == "19921350"
    assert store.get(ids[0]).values["name"] == "TRAN THI ONE"
    assert store.get(ids[0]).values["birth_date"] == "19920106"
    assert store.get(ids[1]).values["birth_date"] == "19920105"      # the broken row: untouched
    names = sorted(row.name for row in main_window.model.rows)
    assert names == ["NEW APPLICANT", "TRAN THI ONE", "TRAN THI THREE", "TRAN THI TWO"]
    assert main_window.editor is not None and main_window.editor.case_id == ids[0]
    assert main_window.editor.case.values["birth_date"] == "19920106"  # the wizard shows it
    assert "新しい案件 1 件、更新 1 件" in main_window.statusBar().currentMessage()


def test_excel_import_cancelled_changes_nothing(qtbot, store, main_window, monkeypatch,
                                                tmp_path):
    from assistant.ui.bulk_import import ImportReportDialog

    book, ids = _exported_then_edited(store, tmp_path)
    main_window.reload_cases()
    monkeypatch.setattr(ask, "open_file", lambda *a, **k: book)
    asked: list[bool] = []
    monkeypatch.setattr(ImportReportDialog, "exec",
                        lambda d: asked.append(True) or ImportReportDialog.DialogCode.Rejected)
    main_window.exports.xlsx_import_action.trigger()
    qtbot.waitUntil(lambda: bool(asked) and main_window.exports.operation is None, timeout=20000)
    assert store.get(ids[0]).values["name"] == "TRAN THI ONE"
    assert store.get(ids[0]).values["birth_date"] == "19920105"
    assert len(store.list_summaries()) == 3


def test_a_file_that_is_not_the_bulk_workbook_gets_a_plain_message(
        qtbot, store, main_window, monkeypatch, tmp_path):
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(b"PK\x03\x04 not really a workbook")
    monkeypatch.setattr(ask, "open_file", lambda *a, **k: broken)
    said = _messages(monkeypatch)
    main_window.exports.xlsx_import_action.trigger()
    qtbot.waitUntil(lambda: bool(said) and main_window.exports.operation is None, timeout=20000)
    assert "読み込めません" in said[0] and "壊れています" in said[0], said
    assert store.list_summaries() == []


def test_exports_refuse_the_database_and_the_data_folder(qtbot, store, main_window, monkeypatch,
                                                         tmp_path):
    """The save dialog answered with the case database (or a folder inside the data folder):
    the user is told why, and the database is left as it was."""
    from assistant.model import paths

    case = ready_case(store)
    main_window.reload_cases()
    main_window.list_page.select_case(case.id)
    said = _messages(monkeypatch)
    database = store.path
    before = database.read_bytes()
    protected = [database, database.with_name(database.name + "-wal"),
                 paths.data_dir() / "transcription.pdf"]
    for target in protected:
        monkeypatch.setattr(ask, "save_file", lambda *a, t=target, **k: t)
        main_window.exports.transcription_action.trigger()
        main_window.export_selected()
    assert len(said) == 2 * len(protected)
    assert all("書き出せません" in text for text in said), said
    monkeypatch.setattr(ask, "folder", lambda *a, **k: paths.data_dir() / "bulk")
    main_window.exports.xlsx_action.trigger()
    assert len(said) == 2 * len(protected) + 1 and not (paths.data_dir() / "bulk").exists()
    assert database.read_bytes() == before and not (paths.data_dir() / "transcription.pdf").exists()


def test_a_bulk_export_asks_before_replacing_files(qtbot, store, main_window, monkeypatch,
                                                  tmp_path):
    ready_case(store)
    main_window.reload_cases()
    out = tmp_path / "xlsx"
    out.mkdir()
    earlier = out / "renewal.xlsx"
    earlier.write_bytes(b"last month's workbook")
    monkeypatch.setattr(ask, "folder", lambda *a, **k: out)
    said = _messages(monkeypatch)
    asked: list[str] = []
    monkeypatch.setattr(ask, "question", lambda _p, _t, text: asked.append(text) or False)
    main_window.exports.xlsx_action.trigger()
    assert len(asked) == 1 and "renewal.xlsx" in asked[0] and "上書き" in asked[0]
    assert main_window.exports.operation is None and said == []
    assert earlier.read_bytes() == b"last month's workbook"      # "No" keeps it
    monkeypatch.setattr(ask, "question", lambda _p, _t, text: asked.append(text) or True)
    main_window.exports.xlsx_action.trigger()
    qtbot.waitUntil(lambda: main_window.exports.operation is None, timeout=20000)
    assert earlier.read_bytes().startswith(b"PK") and said and "1 件" in said[-1]


def test_nothing_is_written_into_the_data_folder(qtbot, store, main_window, monkeypatch,
                                                 tmp_path):
    """The data folder (cases.sqlite, backups) is never an export target, even when asked."""
    case = ready_case(store)
    main_window.reload_cases()
    main_window.list_page.select_case(case.id)
    target = tmp_path / "appdata" / "sheet.pdf"        # the test's data folder
    monkeypatch.setattr(ask, "save_file", lambda *a, **k: target)
    said = _messages(monkeypatch)
    main_window.exports.transcription_action.trigger()
    assert not target.exists()
    assert said and "appdata" in said[0]
