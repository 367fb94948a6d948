"""``assistant export bulk|transcription|checklist`` and ``assistant import bulk``.

    assistant export bulk CASE.json... --out DIR [--format csv|xlsx] [--encoding utf-8-sig|cp932]
                                       [--cells labels|codes] [--on YYYY-MM-DD] [--json]
    assistant import bulk FILE.xlsx --out DIR [--json]
    assistant import reference WORKBOOK.xlsm --procedure P --out DIR [--json]
    assistant export transcription CASE.json --out FILE.pdf
    assistant export checklist CASE.json... --method mail|counter|email --out FILE.pdf
    assistant export workbook CASE.json... --template OFFICIAL.xlsm --out FILLED.xlsm [--json]

Exit status: 0 written; 1 problems found (a CSV export's case with validation errors for the
``--on`` filing date, or characters Shift_JIS cannot carry — nothing written; workbook rows with
errors — those rows not imported; for ``export workbook`` a case with errors, of another
procedure or with a value the workbook's pull-down lacks — nothing written); 2 unusable
arguments or unreadable input (for ``export workbook`` also a template that is not the
procedure's official workbook, whose headers differ, or that has too few input rows).
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from pathlib import Path
from typing import Any

from assistant.cli import UsageError, add_force_option, checked_output
from assistant.model.problems import message_texts


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    export = subparsers.add_parser(
        "export", help="一括申請CSV/xlsx・転記シート・チェックリストの書き出し / exports",
        description="一括申請用テンプレート（CSV・xlsx）、入力転記シート（PDF）、"
                    "結果受領チェックリスト（PDF）を書き出します。")
    actions = export.add_subparsers(dest="export_command", metavar="WHAT")
    export.set_defaults(handler=_require_export)

    sub = actions.add_parser("bulk", help="一括申請用テンプレート / bulk template",
                             description="案件ファイルから一括申請用テンプレート（CSV または xlsx）を書き出します。")
    sub.add_argument("cases", nargs="+", metavar="CASE.json")
    sub.add_argument("--out", metavar="DIR", required=True, help="書き出すフォルダ / output folder")
    sub.add_argument("--format", choices=["csv", "xlsx"], default="csv")
    sub.add_argument("--encoding", choices=["utf-8-sig", "cp932"], default="utf-8-sig",
                     help="CSVの文字コード（既定: BOM付きUTF-8） / CSV encoding")
    sub.add_argument("--cells", choices=["labels", "codes"], default=None,
                     help="プルダウン項目を表示名・コードのどちらで出すか（既定: 設定） / "
                          "code-list cells as labels or codes (default: the setting)")
    sub.add_argument("--on", metavar="YYYY-MM-DD", type=_iso_date, default=None,
                     help="検査する申請予定日（既定: 今日）。エラーのある案件があれば何も書き出しません / "
                          "filing date the cases are validated for (default: today); "
                          "nothing is written when a case has errors")
    sub.add_argument("--profile", metavar="ID",
                     help="検査に使う規則プロファイル / rule profile the cases are validated under")
    sub.add_argument("--json", action="store_true", help="JSON で出力 / output JSON")
    add_force_option(sub)
    sub.set_defaults(handler=_export_bulk)

    sub = actions.add_parser("transcription", help="入力転記シート（PDF） / transcription sheet",
                             description="案件の入力値をオンラインシステムの画面順に並べたPDFを書き出します。")
    sub.add_argument("case", metavar="CASE.json")
    sub.add_argument("--out", metavar="FILE.pdf", required=True)
    sub.add_argument("--date", metavar="YYYY-MM-DD", type=_iso_date, default=None,
                     help="作成日（既定: 今日） / date printed (default: today)")
    add_force_option(sub)
    sub.set_defaults(handler=_export_transcription)

    sub = actions.add_parser("checklist", help="結果受領チェックリスト（PDF） / result checklist",
                             description="郵送・窓口・メール（認定証明書, 2026年〜）で結果を受け取るためのチェックリストをPDFで書き出します。")
    sub.add_argument("cases", nargs="+", metavar="CASE.json")
    sub.add_argument("--method", choices=["mail", "counter", "email"], required=True)
    sub.add_argument("--profile", metavar="ID",
                     help="規則プロファイル（email は system-2026） / rule profile")
    sub.add_argument("--out", metavar="FILE.pdf", required=True)
    sub.add_argument("--office-address", metavar="TEXT", default=None,
                     help="返送用封筒の宛先（既定: 現在の取次者の事務所所在地） / return address")
    sub.add_argument("--date", metavar="YYYY-MM-DD", type=_iso_date, default=None,
                     help="作成日・手数料の基準日（既定: 今日） / date (default: today)")
    sub.add_argument("--db", metavar="PATH", default=argparse.SUPPRESS,
                     help="事務所情報を読むデータベース / database with the office profile")
    add_force_option(sub)
    sub.set_defaults(handler=_export_checklist)

    sub = actions.add_parser(
        "workbook", help="公式の一括申請用テンプレート（xlsm）に書き込む / fill ISA's workbook",
        description="ISAからダウンロードした一括申請用テンプレート（.xlsm）の入力シートに案件を8行目から"
                    "書き込み、別名で保存します。入力シートのセル以外（マクロ・ボタン・プルダウン・保護）は"
                    "そのまま残ります。Excelで開いてISAのマクロでアップロード用ファイルを作ってください。")
    sub.add_argument("cases", nargs="+", metavar="CASE.json")
    sub.add_argument("--template", metavar="OFFICIAL.xlsm", required=True,
                     help="ISAの一括申請用テンプレート / ISA's bulk workbook")
    sub.add_argument("--out", metavar="FILLED.xlsm", required=True,
                     help="書き込んだワークブックの保存先 / the filled copy")
    sub.add_argument("--date", metavar="YYYY-MM-DD", type=_iso_date, default=None,
                     help="検証の基準日（既定: 今日） / date the cases are checked for")
    sub.add_argument("--json", action="store_true", help="JSON で出力 / output JSON")
    add_force_option(sub)
    sub.set_defaults(handler=_export_workbook)

    imp = subparsers.add_parser(
        "import", help="一括申請用xlsxの取り込み・参照データの更新 / import the bulk workbook, refresh reference data",
        description="書き出した一括申請用xlsx（Excelで編集したもの）を案件ファイルとして取り込みます。")
    imp_actions = imp.add_subparsers(dest="import_command", metavar="WHAT")
    imp.set_defaults(handler=_require_import)
    sub = imp_actions.add_parser("bulk", help="一括申請用xlsx / bulk workbook",
                                 description="xlsxの各行を検証し、正しい行だけを案件ファイルとして書き出します。")
    sub.add_argument("file", metavar="FILE.xlsx")
    sub.add_argument("--out", metavar="DIR", required=True,
                     help="案件ファイルのフォルダ（同じ案件IDのファイルは更新） / case-file folder")
    sub.add_argument("--json", action="store_true", help="JSON で出力 / output JSON")
    sub.set_defaults(handler=_import_bulk)
    sub = imp_actions.add_parser(
        "reference", help="公式の一括申請用テンプレートから参照データを更新 / refresh reference data",
        description="ISAからダウンロードした一括申請用テンプレート（xlsm/xlsx）の名前付き範囲と見出し行を読み、"
                    "更新した選択肢・テンプレート見出しを --out に書き出すか、--install で"
                    "この事務所の参照データとして入れ（次の起動から使われます）、変更点を表示します。")
    sub.add_argument("workbook", metavar="WORKBOOK.xlsm")
    sub.add_argument("--procedure", required=True,
                     choices=["renewal", "change", "coe", "acquisition", "work-cert"])
    where = sub.add_mutually_exclusive_group(required=True)
    where.add_argument("--out", metavar="DIR",
                       help="更新したデータを書き出すフォルダ / folder for the updated data")
    where.add_argument("--install", action="store_true",
                       help="変わった選択肢をこの事務所の参照データとして入れる / install the changed "
                            "code lists for this office (used from the next start)")
    sub.add_argument("--json", action="store_true", help="JSON で出力 / output JSON")
    add_force_option(sub)
    sub.set_defaults(handler=_import_reference)
    from assistant.commands import forms  # import form: a 区分's questions from a saved page

    forms.register_import(imp_actions)


# --------------------------------------------------------------------------- helpers

def _iso_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(_msg("export_cli_bad_date", value=text)) from None


def _language(args: argparse.Namespace) -> str:
    return "en" if getattr(args, "lang", None) == "en" else "ja"


def _msg(code: str, language: str = "ja", **params: Any) -> str:
    ja, en = message_texts(code, **params)
    return en if language == "en" else ja


def _print_json(data: Any) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def _require_export(args: argparse.Namespace) -> int:
    raise UsageError(_msg("export_cli_what", _language(args)))


def _require_import(args: argparse.Namespace) -> int:
    raise UsageError(_msg("import_cli_what", _language(args)))


def _load_cases(paths: list[str], language: str) -> list[Any]:
    from assistant.model.casefile import CaseFileError, load_case_file

    cases = []
    for path in paths:
        try:
            cases.append(load_case_file(path))
        except CaseFileError as exc:
            raise UsageError(exc.message(language)) from exc
    return cases


def _ensure_gui() -> Any:
    """A QGuiApplication for laying out and writing PDFs (offscreen: no window is shown)."""
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance()
    if app is None:
        app = QGuiApplication(["assistant", "-platform", "offscreen"])
    return app


def _write_pdf(document: Any, out: str, language: str) -> Path:
    _app = _ensure_gui()  # noqa: F841  (must live while the PDF is written)
    from assistant.render.pdf import write_pdf

    try:
        return write_pdf(document, out)
    except OSError as exc:
        raise UsageError(_msg("export_cli_write_failed", language, path=out,
                              detail=exc.strerror or str(exc))) from exc


# --------------------------------------------------------------------------- export bulk

def _default_cells() -> str:
    from assistant.model.settings import CODE_LIST_CELLS, Settings

    value: str = Settings().get(CODE_LIST_CELLS)
    return value


def _bulk_file_names(cases: list[Any], fmt: str) -> list[str]:
    """Every file ``export bulk`` may write for ``cases`` (checked for overwriting first)."""
    from assistant.model.exports.jobs import bulk_file_names

    return bulk_file_names((case.procedure for case in cases), fmt)


def _profile(args: argparse.Namespace) -> str | None:
    from assistant.model import rules

    if args.profile is not None and args.profile not in rules.profile_ids():
        raise UsageError(f"規則プロファイル「{args.profile}」はありません。選べるもの: "
                         + ", ".join(rules.profile_ids()))
    profile: str | None = args.profile
    return profile


def _export_bulk(args: argparse.Namespace) -> int:
    language = _language(args)
    cases = _load_cases(args.cases, language)
    checked_output(args, args.out, folder=True, will_write=_bulk_file_names(cases, args.format))
    cells = args.cells or _default_cells()
    from assistant.model.exports import bulk, xlsx

    try:
        if args.format == "xlsx":
            if args.encoding != "utf-8-sig":
                raise UsageError(_msg("export_cli_encoding_xlsx", language))
            files = xlsx.export_workbooks(cases, args.out, cells=cells)
            issues: list[bulk.CellIssue] = []
        else:
            result = bulk.export_csv(cases, args.out, encoding=args.encoding, cells=cells,
                                     on=args.on, profile=_profile(args))
            files, issues = result.files, result.issues
    except OSError as exc:
        raise UsageError(_msg("export_cli_write_failed", language, path=args.out,
                              detail=exc.strerror or str(exc))) from exc
    if args.json:
        _print_json({"files": [str(p) for p in files], "problems": [
            {"row": i.row, "case_id": i.case_id, "applicant": i.applicant, "sheet": i.sheet,
             "header": i.header, "field": i.key, "char": i.bad.char if i.bad else None,
             "suggestion": i.bad.suggestion if i.bad else None,
             "severity": i.problem.severity.value, "message": i.problem.message(language)}
            for i in issues]})
    else:
        for issue in issues:
            print(issue.problem.message(language), file=sys.stderr)
        for path in files:
            print(path)
        if not files:
            refused = "export_cli_cases_invalid" if issues and any(
                i.bad is None and i.problem.is_error for i in issues) else \
                "export_cli_nothing_written"
            print(_msg(refused, language), file=sys.stderr)
    return 0 if files else 1


# --------------------------------------------------------------------------- PDFs

def _export_transcription(args: argparse.Namespace) -> int:
    language = _language(args)
    (case,) = _load_cases([args.case], language)
    checked_output(args, args.out)
    from assistant.model.exports.transcription import build_transcription

    document = build_transcription(case, on=args.date or date.today(), language=language)
    print(_write_pdf(document, args.out, language))
    return 0


def _office_address(args: argparse.Namespace) -> str:
    """The current staff member's office address from the database, "" when there is none."""
    from assistant.model import paths
    from assistant.model.office import OfficeStore
    from assistant.model.storage import CaseStore, StorageError

    db = paths.db_path(getattr(args, "db", None))
    if not Path(db).exists():
        return ""
    try:
        store = CaseStore.open(db)
    except StorageError:
        return ""
    try:
        profile = OfficeStore(store).current()
    finally:
        store.close()
    from assistant.model.agent_block import office_return_address

    return office_return_address(profile)


def _export_checklist(args: argparse.Namespace) -> int:
    language = _language(args)
    cases = _load_cases(args.cases, language)
    checked_output(args, args.out)
    from assistant.model import rules
    from assistant.model.case import ReceiptMethod
    from assistant.model.exports.checklist import build_batch_checklist

    if args.profile is not None and args.profile not in rules.profile_ids():
        raise UsageError(f"規則プロファイル「{args.profile}」はありません。選べるもの: "
                         + ", ".join(rules.profile_ids()))
    address = args.office_address if args.office_address is not None else _office_address(args)
    document = build_batch_checklist(cases, ReceiptMethod(args.method),
                                     on=args.date or date.today(), office_address=address,
                                     language=language, profile=args.profile)
    print(_write_pdf(document, args.out, language))
    return 0


# --------------------------------------------------------------------------- export workbook

# refusals about the cases (exit 1: problems found); the others concern the template (exit 2)
_CASE_REFUSALS = ("official_case_errors", "official_wrong_procedure", "official_not_in_list",
                  "official_kubun_refused")


def _export_workbook(args: argparse.Namespace) -> int:
    language = _language(args)
    cases = _load_cases(args.cases, language)
    checked_output(args, args.out)
    from assistant.model.exports.workbook import WorkbookFillError, fill_workbook
    from assistant.model.file_guard import FileGuardError

    try:
        result = fill_workbook(args.template, cases, args.out, on=args.date or date.today())
    except WorkbookFillError as exc:
        if exc.code not in _CASE_REFUSALS:
            raise UsageError(exc.message(language)) from exc
        if args.json:
            _print_json({"file": None, "problems": [
                {"code": exc.code, "message": exc.message(language)}]})
        else:
            print(exc.message(language), file=sys.stderr)
        return 1
    except FileGuardError as exc:
        raise UsageError(exc.message(language)) from exc
    except OSError as exc:
        raise UsageError(_msg("export_cli_write_failed", language, path=args.out,
                              detail=exc.strerror or str(exc))) from exc
    if args.json:
        _print_json({"file": str(result.path), "applicants": result.applicants,
                     "sheets": [{"worksheet": s.worksheet, "sheet": s.sheet,
                                 "first_row": s.first_row, "rows": s.rows}
                                for s in result.sheets],
                     "relabelled": [{"header": h, "ours": o, "workbook": w}
                                    for h, o, w in result.relabelled],
                     "problems": []})
    else:
        print(result.path)
    return 0


# --------------------------------------------------------------------------- import bulk

def _import_bulk(args: argparse.Namespace) -> int:
    language = _language(args)
    from assistant.model.casefile import CaseFileError
    from assistant.model.exports import xlsx_import

    # the case files of --out with the same case id are updated (that is the import's purpose)
    checked_output(args, args.out, folder=True)
    try:
        result, written = xlsx_import.import_into_folder(args.file, args.out)
    except xlsx_import.WorkbookError as exc:
        raise UsageError(exc.message(language)) from exc
    except CaseFileError as exc:
        raise UsageError(exc.message(language)) from exc
    except OSError as exc:
        raise UsageError(_msg("export_cli_write_failed", language, path=args.out,
                              detail=exc.strerror or str(exc))) from exc
    if args.json:
        _print_json({
            "imported": [{"row": r.row, "case_id": r.case.id, "file": str(written[r.case.id]),
                          "created": r.created} for r in result.imported if r.case],
            "rejected": [{"row": r.row, "problems": [
                {"sheet": p.sheet, "column": p.column, "header": p.header, "field": p.field,
                 "value": p.value, "message": p.problem.message(language)} for p in r.problems]}
                for r in result.rejected]})
    else:
        for row in result.rejected:
            for p in row.problems:
                print(p.describe(language), file=sys.stderr)
        for path in written.values():
            print(path)
        print(_msg("import_cli_summary", language, imported=len(result.imported),
                   rejected=len(result.rejected)), file=sys.stderr)
    return 1 if result.rejected else 0


# --------------------------------------------------------------------------- import reference

def _import_reference(args: argparse.Namespace) -> int:
    language = _language(args)
    from datetime import date

    from assistant.model.exports.refresh import (
        RefreshError,
        install_reference,
        refresh_from_workbook,
    )

    if args.out is not None:
        out = Path(args.out)
        checked_output(args, args.out, folder=True, will_write=[
            p.name for p in (out.iterdir() if out.is_dir() else ())])
    try:
        if args.install:
            report = install_reference(args.workbook, args.procedure,
                                       on=date.today().isoformat())
        else:
            report = refresh_from_workbook(args.workbook, args.procedure, args.out)
    except RefreshError as exc:
        raise UsageError(exc.message(language)) from exc
    except OSError as exc:
        raise UsageError(_msg("export_cli_write_failed", language, path=args.out or "",
                              detail=exc.strerror or str(exc))) from exc
    if args.json:
        _print_json({
            "changed": report.changed, "needs_rebuild": report.needs_rebuild,
            "code_lists": [{"id": c.list_id, "ranges": list(c.ranges), "added": list(c.added),
                            "removed": list(c.removed),
                            "codes": [{"label": lb, "old": o, "new": n} for lb, o, n in c.codes]}
                           for c in report.code_lists if c.changed],
            "sheets": [{"sheet": s.sheet, "worksheet": s.worksheet, "added": list(s.added),
                        "removed": list(s.removed), "reordered": s.reordered}
                       for s in report.sheets],
            "not_in_workbook": report.not_in_workbook,
            "written": [str(p) for p in report.written],
            "messages": report.lines(language)})
    else:
        for line in report.lines(language):
            print(line)
    return 0
