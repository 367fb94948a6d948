"""``assistant case list|show ID|export ID --out FILE|import FILE`` — cases from the command line.

``ID`` may be any unique prefix of a case id (as ``case list`` shows it). The database is the
global ``--db PATH`` (also accepted after the sub-command), else the default in the user data
folder. Exit status 0 on success, 2 for unusable arguments, an unknown case, an unreadable or
invalid case file, or a database that cannot be used (a message in Japanese on stderr).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from assistant.cli import UsageError, add_force_option, checked_output
from assistant.model import casefile, paths
from assistant.model.case import CaseStatus
from assistant.model.dates import format_date, format_moment, read_date
from assistant.model.problems import message_texts
from assistant.model.storage import CaseStore, CaseSummary, StorageError


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "case", help="案件の一覧・表示・書き出し・読み込み / list, show, export, import cases",
        description="案件の一覧・表示・案件ファイル（JSON）への書き出しと読み込み")
    actions = parser.add_subparsers(dest="case_command", metavar="ACTION")
    parser.set_defaults(handler=_require_action)

    def add(name: str, help_text: str) -> argparse.ArgumentParser:
        sub = actions.add_parser(name, help=help_text, description=help_text)
        sub.add_argument("--db", metavar="PATH", default=argparse.SUPPRESS,
                         help="使用するデータベースファイル / database file")
        sub.add_argument("--json", action="store_true", help="JSON で出力 / output JSON")
        return sub

    sub = add("list", "案件の一覧 / list cases")
    sub.add_argument("--deleted", action="store_true", help="ゴミ箱の案件 / cases in the recycle bin")
    sub.set_defaults(handler=_list)

    sub = add("show", "案件の内容を表示 / show one case")
    sub.add_argument("id", metavar="ID")
    sub.set_defaults(handler=_show)

    sub = add("export", "案件ファイルに書き出す / export a case file")
    sub.add_argument("id", metavar="ID")
    sub.add_argument("--out", metavar="FILE", required=True, help="書き出すファイル / output file")
    sub.add_argument("--no-history", action="store_true",
                     help="状態の履歴を含めない / leave out the status history")
    add_force_option(sub)
    sub.set_defaults(handler=_export)

    sub = add("import", "案件ファイルを読み込む / import a case file")
    sub.add_argument("file", metavar="FILE")
    sub.set_defaults(handler=_import)

    from assistant.commands.filing import register_case_actions

    register_case_actions(add)  # case status (the steps after filing)


def _language(args: argparse.Namespace) -> str:
    return "en" if getattr(args, "lang", None) == "en" else "ja"


@contextmanager
def _store(args: argparse.Namespace) -> Iterator[CaseStore]:
    try:
        store = CaseStore.open(paths.db_path(getattr(args, "db", None)))
    except StorageError as exc:
        raise UsageError(exc.message(_language(args))) from exc
    try:
        yield store
    except StorageError as exc:
        raise UsageError(exc.message(_language(args))) from exc
    finally:
        store.close()


def _print_json(data: Any) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def _require_action(args: argparse.Namespace) -> int:
    raise UsageError("操作を指定してください: list, show, export, import "
                     "（例: assistant case list）")


def _summary_json(s: CaseSummary) -> dict[str, Any]:
    return {
        "id": s.id, "procedure": s.procedure, "name": s.name, "nationality": s.nationality,
        "current_status": s.current_status, "expiry_date": s.expiry_date,
        "zairyu_card_number": s.zairyu_card_number, "status": s.status.value,
        "provisional_number": s.provisional_number,
        "application_number": s.application_number, "is_sample": s.is_sample,
        "created_at": s.created_at.isoformat(), "updated_at": s.updated_at.isoformat(),
        "deleted_at": None if s.deleted_at is None else s.deleted_at.isoformat(),
        "staff": s.staff,
    }


def _status_label(status: CaseStatus, language: str) -> str:
    return status.label_en if language == "en" else status.label_ja


def _list(args: argparse.Namespace) -> int:
    with _store(args) as store:
        rows = store.list_deleted() if args.deleted else store.list_summaries()
    if args.json:
        _print_json([_summary_json(s) for s in rows])
        return 0
    language = _language(args)
    if not rows:
        print("案件はありません。" if language == "ja" else "No cases.")
        return 0
    for s in rows:
        number = s.application_number or s.provisional_number
        expiry = read_date(s.expiry_date) if s.expiry_date else None
        print("\t".join([s.id[:8], s.procedure, _status_label(s.status, language),
                         s.name or "-", s.nationality or "-",
                         format_date(expiry, language, era=False) if expiry
                         else s.expiry_date or "-",
                         number or "-", format_moment(s.updated_at, language, era=False)]))
    return 0



def _resolve(store: CaseStore, case_id: str) -> str:
    return store.resolve_id(case_id)  # StorageError → UsageError in _store


def _show(args: argparse.Namespace) -> int:
    with _store(args) as store:
        case = store.get(_resolve(store, args.id))
        history = store.history(case.id)
    if args.json:
        data = casefile.case_to_dict(case, history)
        data["deleted_at"] = None if case.deleted_at is None else case.deleted_at.isoformat()
        _print_json(data)
        return 0
    language = _language(args)
    ja = language == "ja"
    lines = [
        f"{'ID' if not ja else '案件ID'}: {case.id}",
        f"{'手続' if ja else 'Procedure'}: {case.procedure}",
        f"{'状態' if ja else 'Status'}: {_status_label(case.status, language)}",
    ]
    if case.provisional_number:
        lines.append(f"{'申請受付仮番号' if ja else 'Provisional number'}: "
                     f"{case.provisional_number}")
    if case.application_number:
        lines.append(f"{'申請受付番号' if ja else 'Application number'}: "
                     f"{case.application_number}")
    if case.receipt_method is not None:
        lines.append(f"{'受領方法' if ja else 'Receipt'}: {case.receipt_method.value}")
    if case.deleted_at is not None:
        lines.append("（ゴミ箱にあります）" if ja else "(in the recycle bin)")
    lines.append("入力内容:" if ja else "Values:")
    for key, value in casefile.case_to_dict(case)["values"].items():
        lines.append(f"  {key}: {value}")
    if case.attachments:
        lines.append("添付資料:" if ja else "Attachments:")
        lines.extend(f"  [{a.kind}] {a.title or a.path} ({a.path})" for a in case.attachments)
    if case.remarks:
        lines.append(f"{'備考' if ja else 'Remarks'}: {case.remarks}")
    lines.append("履歴:" if ja else "History:")
    for h in history:
        extra = " ".join(x for x in (h.number, h.note) if x)
        lines.append(f"  {format_moment(h.at, language)} "
                     f"{_status_label(h.status, language)} {extra}".rstrip())
    print("\n".join(lines))
    return 0


def _export(args: argparse.Namespace) -> int:
    checked_output(args, args.out)
    with _store(args) as store:
        try:
            case = casefile.export_case(store, _resolve(store, args.id), args.out,
                                        with_history=not args.no_history)
        except casefile.CaseFileError as exc:
            raise UsageError(exc.message(_language(args))) from exc
    if args.json:
        _print_json({"id": case.id, "path": str(args.out)})
    else:
        print(f"書き出しました: {args.out}" if _language(args) == "ja"
              else f"Exported: {args.out}")
    return 0


def _import(args: argparse.Namespace) -> int:
    try:
        document = casefile.read_case_file(args.file)  # before the database is touched
    except casefile.CaseFileError as exc:
        raise UsageError(exc.message(_language(args))) from exc
    with _store(args) as store:
        case = casefile.import_case(store, document)
    for key, typed, stored in document.normalised:   # what entry normalisation changed
        ja, en = message_texts("import_normalised", field=key, before=typed, after=stored)
        print(en if _language(args) == "en" else ja, file=sys.stderr)
    if args.json:
        _print_json({"id": case.id, "procedure": case.procedure,
                     "kept_id": bool(document.case.id) and case.id == document.case.id})
    else:
        print(f"読み込みました: {case.id}" if _language(args) == "ja"
              else f"Imported: {case.id}")
    return 0
