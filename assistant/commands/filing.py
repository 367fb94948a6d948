"""``assistant case status ID [STATE …]`` — the steps after filing from the command line.

``case status ID`` shows the case's status, its history and the steps it may take next;
``case status ID STATE`` records a step (STATE: a stored status id such as ``filed``,
``accepted``, ``under_review``, ``awaiting_documents``, ``review_complete``, ``completed``,
``refused``, ``withdrawn``). The rules are :mod:`assistant.model.filing`'s. Exit status 0
recorded (a warning about a number's shape goes to stderr), 2 for an illegal step, something
missing or unreadable, an unknown case or an unusable database.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from datetime import date
from typing import Any

from assistant.cli import UsageError
from assistant.model import filing
from assistant.model.case import CaseStatus
from assistant.model.storage import CaseStore, StorageError

AddAction = Callable[[str, str], argparse.ArgumentParser]


def register_case_actions(add: AddAction) -> None:
    """Add ``status`` to ``assistant case`` (``add`` is that command's action factory)."""
    sub = add("status", "申請後の状態を表示・記録する / show or record the status after filing")
    sub.add_argument("id", metavar="ID")
    sub.add_argument("state", metavar="STATE", nargs="?",
                     help="filed, accepted, under_review, awaiting_documents, review_complete, "
                          "completed, refused, withdrawn")
    sub.add_argument("--number", default="",
                     help="申請受付仮番号（filed）/ 申請受付番号（accepted） / the number")
    sub.add_argument("--date", default="", help="その日付（既定: 今日） / the day (default: today)")
    sub.add_argument("--note", default="", help="メモ / note (追完待ち: what was asked for)")
    sub.add_argument("--due", default="", help="追完の期限 / due date (awaiting_documents)")
    sub.add_argument("--expiry", default="",
                     help="新しい在留期間の満了日 / new expiry date (completed)")
    sub.add_argument("--period", default="", help="許可された在留期間 / period granted (completed)")
    sub.add_argument("--today", type=date.fromisoformat, default=None, help=argparse.SUPPRESS)
    sub.set_defaults(handler=_status)


def _language(args: argparse.Namespace) -> str:
    return "en" if getattr(args, "lang", None) == "en" else "ja"


def _date(text: str, language: str) -> date | None:
    if not text.strip():
        return None
    try:
        return filing.read_date(text)
    except filing.FilingError as exc:
        raise UsageError(exc.message(language)) from exc


def _current_user(store: CaseStore) -> str:
    from assistant.model.office import OfficeStore

    current = OfficeStore(store).current()
    return current.name if current is not None else ""


def _status(args: argparse.Namespace) -> int:
    from assistant.model import paths

    language = _language(args)
    today = args.today or date.today()
    try:
        store = CaseStore.open(paths.db_path(getattr(args, "db", None)))
    except StorageError as exc:
        raise UsageError(exc.message(language)) from exc
    try:
        case_id = store.resolve_id(args.id)
        if args.state is None:
            return _show(store, case_id, args, language)
        target = filing.state_by_id(args.state)
        if target is None:
            from assistant.model.problems import message_texts

            states = ", ".join(s.value for s in CaseStatus)
            raise UsageError(message_texts("filing_unknown_state", state=args.state,
                                           states=states)[language == "en"])
        request = filing.StepRequest(
            target=target, on=_date(args.date, language), number=args.number,
            note=args.note, due=_date(args.due, language), period=args.period,
            expiry=_date(args.expiry, language))
        outcome = filing.perform_step(store, case_id, request, today=today,
                                      user=_current_user(store))
    except filing.FilingError as exc:
        raise UsageError(exc.message(language)) from exc
    except StorageError as exc:
        raise UsageError(exc.message(language)) from exc
    finally:
        store.close()
    for warning in outcome.warnings:
        print(f"assistant: {warning.message(language)}", file=sys.stderr)
    case = outcome.changes.case
    assert case is not None
    label = case.status.label_en if language == "en" else case.status.label_ja
    if getattr(args, "json", False):
        json.dump({"id": case.id, "status": case.status.value,
                   "provisional_number": case.provisional_number,
                   "application_number": case.application_number,
                   "warnings": [w.to_json(language) for w in outcome.warnings]},
                  sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        print(f"{case.id[:8]}  {label}")
    return 0


def _show(store: CaseStore, case_id: str, args: argparse.Namespace, language: str) -> int:
    case = store.get(case_id)
    rows = filing.describe(store.history(case_id))
    allowed = filing.next_steps(case.status)
    if getattr(args, "json", False):
        json.dump({"id": case.id, "status": case.status.value,
                   "provisional_number": case.provisional_number,
                   "application_number": case.application_number,
                   "next": [s.value for s in allowed], "history": rows},
                  sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return 0
    en = language == "en"
    print(f"{case.id[:8]}  {case.status.label_en if en else case.status.label_ja}")
    for row in rows:
        status = CaseStatus(row["status"])
        due, period, expiry = (
            row["due"] and ("due " if en else "期限 ") + _shown(row["due"], language),
            row["granted_period"] and ("period " if en else "在留期間 ") + row["granted_period"],
            row["granted_expiry"]
            and ("expiry " if en else "満了日 ") + _shown(row["granted_expiry"], language))
        extra = "  ".join(v for v in (row["number"], due, period, expiry, row["note"]) if v)
        print(f"  {_shown(row['on'], language)}  {status.label_en if en else status.label_ja}  "
              f"{row['user']}  {extra}".rstrip())
    nxt = ", ".join(s.value for s in allowed) or "-"
    print(("next: " if en else "次にできる操作: ") + nxt)
    return 0


def _shown(iso: str, language: str) -> str:
    """A stored ISO date as the office reads it (:func:`assistant.model.dates.format_date`:
    2026年12月3日（令和8年）; ISO in English); anything else as it is."""
    from assistant.model.dates import format_date, parse_iso_date

    try:
        return format_date(parse_iso_date(iso), language)
    except ValueError:
        return iso


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """``assistant deadlines [--within DAYS] [--on DATE] [--json] [--ics FILE]``."""
    from assistant.cli import add_force_option

    text = "事務所の期限の一覧 / every deadline of the office"
    sub = subparsers.add_parser("deadlines", help=text, description=(
        text + "（オンライン申請の期限、申請期間の開始、追完の期限、結果待ち、パスワード・届出済証明書）"))
    sub.add_argument("--db", metavar="PATH", default=argparse.SUPPRESS,
                     help="使用するデータベースファイル / database file")
    sub.add_argument("--within", metavar="DAYS", default=None,
                     help="この日数以内の期限だけ（期限切れを含む） / only those due within DAYS")
    sub.add_argument("--on", metavar="DATE", default="",
                     help="基準日（既定: 今日） / the day to judge for (default: today)")
    sub.add_argument("--json", action="store_true", help="JSON で出力 / output JSON")
    sub.add_argument("--ics", metavar="FILE",
                     help="iCalendar ファイルに書き出す / write an iCalendar (.ics) file")
    add_force_option(sub)
    sub.set_defaults(handler=_deadlines)


def _deadlines(args: argparse.Namespace) -> int:
    from assistant.cli import checked_output
    from assistant.model import deadlines, paths
    from assistant.model.atomic import atomic_write_bytes
    from assistant.model.dates import format_date
    from assistant.model.problems import message_texts
    from assistant.model.settings import Settings

    language = _language(args)
    today = _date(args.on, language) or date.today()
    days: int | None = None
    if args.within is not None:
        try:
            days = int(args.within)
        except ValueError:
            days = -1
        if days < 0:
            raise UsageError(message_texts("deadlines_bad_days",
                                           value=args.within)[language == "en"])
    target = checked_output(args, args.ics) if args.ics else None
    try:
        store = CaseStore.open(paths.db_path(getattr(args, "db", None)))
    except StorageError as exc:
        raise UsageError(exc.message(language)) from exc
    try:
        settings = Settings()
        found = deadlines.collect(store, today, deadlines.thresholds_from(settings),
                                  profile=settings.get(_rule_profile()) or None)
    except StorageError as exc:
        raise UsageError(exc.message(language)) from exc
    finally:
        store.close()
    if days is not None:
        found = deadlines.within(found, today, days)
    if target is not None:
        try:
            atomic_write_bytes(target, deadlines.to_ics(found, language))
        except OSError as exc:
            raise UsageError(f"{target}: {exc.strerror or exc}") from exc
    if args.json:
        json.dump([d.to_json(today, language) for d in found], sys.stdout, ensure_ascii=False,
                  indent=2)
        sys.stdout.write("\n")
        return 0
    for d in found:
        left = d.days_left(today)
        print(f"{format_date(d.on, language)}  {left:>4}  {d.text(language)}"
              + (f"  [{d.case_id[:8]}]" if d.case_id else ""))
    return 0


def _rule_profile() -> Any:
    from assistant.model.settings import RULE_PROFILE

    return RULE_PROFILE
