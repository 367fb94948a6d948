"""Render every screen of the main window and the wizard to PNG files (used by the tests).

Also run as a script (``python -m tests.ui.screens OUT LANG``) so a scaled rendering
(``QT_SCALE_FACTOR=1.5``) gets a process of its own.
"""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QScrollArea, QWidget

TODAY = date(2026, 11, 26)

CHANGE_VALUES = {
    "expiry_date": "20270331", "current_status": "留学 Student",
    "desired_status": "技術・人文知識・国際業務 Engineer/Specialist in Humanities/International Services",
    "simultaneous_reentry": "再入国許可申請 Re-entry permit",
    "nationality": "中国 People's Republic of China", "birth_date": "20000520",
    "name": "WANG FANG", "sex": "女 female", "has_spouse": "有 Yes", "occupation": "留学生",
    "home_address": "北京市", "postal_code": "5300001", "address_prefecture": "大阪府",
    "address_municipality": "大阪市北区", "address_street": "梅田１－１－１",
    "phone": "0612345678", "email": "wang@example.jp", "has_zairyu_card": "有 Yes",
    "zairyu_card_number": "CD87654321EF", "reason": "大学を卒業し、大阪の会社に就職するため",
    "criminal_record": "無 No", "has_relatives": "有 Yes",
    "relative_relationship[1]": "夫 Husband", "relative_name[1]": "リ　ウェイ",
    "relative_birth_date[1]": "19980101", "relative_nationality[1]": "中国 People's Republic of China",
    "relative_lives_together[1]": "有 Yes",
    "relative_relationship[2]": "母 Mother", "relative_name[2]": "ワン　メイ",
    "relative_birth_date[2]": "1970303",  # a typing mistake: shows a problem under the field
    "reentry_purpose_decided": "未定 Undecided",
    "receipt_method": "窓口 Regional office counter",
}

# A 技術・人文知識・国際業務 certificate of eligibility: Steps 2-2 / 2-3 ask the 区分N items of the
# online page (resources/fields/coe.kubun-N.json), numbered as the page numbers them.
COE_N_VALUES = {
    # the page's own 入国目的 (Step 1 offers it after the template's joint choice)
    "desired_status": "技術・人文知識・国際業務 Engineer / Specialist in Humanities / "
                      "International Services",
    "name": "LI NA", "nationality": "中国 People's Republic of China",
    "n_23_1": "本邦 Japan", "n_23_4": "大阪大学", "n_23_5": "20250331",
    "n_applicant_10": "有 Yes", "n_26_5[1]": "SHANGHAI TRADING CO., LTD.",
    "n_2": "雇用 Employment", "n_3_1": "株式会社サンプル商事", "n_3_2": "有 Yes",
    "n_3_2_2": "12345678901",   # one digit short: the page's 13 digits, shown under the field
}

# A 高度専門職 certificate of eligibility: the forms split the purpose across 区分 N and L, so
# Step 1 asks which of the form's purposes (N chosen: the page's items and the points table).
COE_HSP_VALUES = {
    "desired_status": "高度専門職第１号ロ・第２号（高度専門・技術活動） Highly-Skilled Professional "
                      "(i)(b) & (ii)",
    "name": "PARK JIWOO", "nationality": "韓国 Republic of Korea",
    "kubun_activity": "高度の専門的な能力を有する人材として自然科学又は人文科学の分野の専門的技術又は"
                      "知識を必要とする業務に従事すること（４に該当する場合を除く。）（※）",
}


def clipped_texts(root: QWidget) -> list[str]:
    """Visible one-line labels and buttons narrower than their text (clipped Japanese)."""
    found = []
    for widget in root.findChildren(QWidget):
        if not widget.isVisible() or widget.width() <= 0:
            continue
        if isinstance(widget, QLabel) and not widget.wordWrap() and widget.text() \
                and "\n" not in widget.text() and not widget.text().startswith("<"):
            need = widget.fontMetrics().horizontalAdvance(widget.text().replace("&", ""))
            if need > widget.contentsRect().width() + 1:
                found.append(f"label {widget.text()!r}: {widget.width()} < {need}")
        elif isinstance(widget, QAbstractButton) and widget.text():
            if widget.sizeHint().width() > widget.width() + 1:
                found.append(f"button {widget.text()!r}: {widget.width()} < "
                             f"{widget.sizeHint().width()}")
    return found


def _edited_workbook_result(book: Path):
    """The import check of a review workbook that staff edited: one new row, two mistakes."""
    from openpyxl import load_workbook

    from assistant.model.case import Case
    from assistant.model.exports import xlsx
    from assistant.model.exports.xlsx_import import import_workbook

    cases = [Case(id=f"s{i}", procedure="renewal", values={
        "name": name, "birth_date": "19920105", "nationality": "ベトナム Viet Nam"})
        for i, name in enumerate(("TRAN THI ONE", "TRAN THI TWO"))]
    xlsx.write_workbook(cases, book)
    wb = load_workbook(book)
    ws = wb["申請情報入力"]
    col = {c.value: c.column for c in ws[xlsx.ROW_HEADER]}
    ws.cell(9, col["身分事項_生年月日"], "19921350")
    ws.cell(9, col["身分事項_在留カード番号"], "AB12")
    ws.cell(10, col["身分事項_氏名"], "NEW APPLICANT")
    wb.save(book)
    return import_workbook(book, on=TODAY, existing={c.id: c for c in cases})


def render_all(out: Path, language: str, store, settings, prefix: str = "") -> dict[str, list[str]]:
    """Write the PNGs; return the clipped texts found on each screen."""
    from assistant.ui.i18n import install_translators
    from assistant.ui.main_window import MainWindow

    out.mkdir(parents=True, exist_ok=True)
    install_translators(language)
    app = QApplication.instance()
    renewal = store.create("renewal", {"name": "NGUYEN VAN AN", "expiry_date": "20270115",
                                       "nationality": "ベトナム Viet Nam"})
    store.create("renewal", {"name": "SANTOS MARIA", "expiry_date": "20261205"})
    store.create("coe", {"name": "KIM MINJUN"})
    change = store.create("change", CHANGE_VALUES)
    coe_n = store.create("coe", COE_N_VALUES)
    coe_hsp = store.create("coe", COE_HSP_VALUES)
    window = MainWindow(store, settings, today=lambda: TODAY)
    window.resize(1280, 800)
    window.show()
    app.processEvents()
    clipped: dict[str, list[str]] = {}

    def shot(name: str, widget: QWidget | None = None) -> None:
        app.processEvents()
        target = widget or window
        target.grab().save(str(out / f"{prefix}{language}_{name}.png"))
        clipped[name] = clipped_texts(target)

    shot("00_case_list")
    for case, label in ((change, "change"), (renewal, "renewal"), (coe_n, "coe_n"),
                        (coe_hsp, "coe_hsp")):
        window.open_case(case.id)
        editor = window.editor
        for number, step in enumerate(editor.flow.steps, start=1):
            if label == "coe_n" and step.value not in ("1", "2-2", "2-3"):
                continue
            if label == "coe_hsp" and step.value != "1":
                continue
            editor.go_to_step(step)
            editor.focus_first_field()
            shot(f"{label}_{number}_step_{step.value}")
            if step.value == "3":
                page = editor.pages.currentWidget()
                if isinstance(page, QScrollArea):
                    page.verticalScrollBar().setValue(page.verticalScrollBar().maximum())
                shot(f"{label}_{number}_step_3_end")
        window.show_list()
    from assistant.model.case import Case
    from assistant.model.exports.bulk import export_csv
    from assistant.ui.bulk_csv import BulkCsvDialog, CharacterReportDialog
    from assistant.ui.new_case import NewCaseDialog
    from assistant.ui.settings_dialog import SettingsDialog

    gaiji = [Case(id="g1", procedure="renewal", values={
        "name": "NGUYEN VAN AN", "address_street": "髙田馬場１－１",
        "relative_name[1]": "グエン　ティ　𩸽"}),
        Case(id="g2", procedure="renewal", values={"name": "LI WEI", "occupation": "﨑山商事社員"})]
    characters = export_csv(gaiji, out / "unused", encoding="cp932").errors
    from assistant.ui.bulk_import import ImportReportDialog

    imported = _edited_workbook_result(out / "review.xlsx")
    for name, dialog in (("dialog_new_case", NewCaseDialog(window)),
                         ("dialog_settings", SettingsDialog(settings, window)),
                         ("dialog_bulk_csv", BulkCsvDialog(12, str(out), "cp932", "labels",
                                                           window)),
                         ("dialog_shift_jis_characters",
                          CharacterReportDialog(characters, window)),
                         ("dialog_excel_import",
                          ImportReportDialog(imported, "renewal.xlsx", window))):
        dialog.show()
        shot(name, dialog)
        dialog.close()
    # The 書き出し menu with a case selected, and the checklist's print preview.
    window.list_page.select_case(renewal.id)
    menu = window.exports.menu
    menu.popup(window.mapToGlobal(window.rect().center()))
    shot("menu_export", menu)
    menu.close()
    from assistant.model.case import ReceiptMethod
    from assistant.ui.printing import preview_dialog

    preview = preview_dialog(window.exports._checklist(store.get(renewal.id),
                                                       ReceiptMethod.MAIL), window)
    preview.resize(1000, 800)
    preview.show()
    shot("dialog_print_preview", preview)
    preview.close()
    preview.deleteLater()
    window.close()
    install_translators("ja")
    return clipped


def main() -> int:
    import tempfile

    from assistant.model.settings import Settings
    from assistant.model.storage import CaseStore

    app = QApplication(sys.argv[:1])
    out, language = Path(sys.argv[1]), sys.argv[2]
    prefix = sys.argv[3] if len(sys.argv) > 3 else ""
    with tempfile.TemporaryDirectory() as folder:
        store = CaseStore.open(Path(folder) / "cases.sqlite")
        clipped = render_all(out, language, store, Settings(Path(folder) / "settings.json"),
                             prefix)
        store.close()
    bad = {name: texts for name, texts in clipped.items() if texts}
    print(bad)
    app.quit()
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
