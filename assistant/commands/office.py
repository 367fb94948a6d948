"""``assistant office …`` (staff profiles) and ``assistant credentials …`` (the OS keyring).

    assistant office list [--json]
    assistant office add --name 氏名 --category gyoseishoshi --certificate-number 123456789012 …
    assistant office set-current STAFF
    assistant office show [STAFF] [--json]
    assistant credentials set [--staff STAFF] [--id-only | --password-only] [--set-on DATE]
    assistant credentials status [--staff STAFF]
    assistant credentials clear [--staff STAFF]

``STAFF`` is a staff id (or a unique prefix) or the exact name; the default is the current staff
member. The 認証ID and the password are read from the terminal without echo (getpass) or, when
stdin is not a terminal, as lines from stdin (ID first, then the password) — never from the
command line, where other users and the shell history could see them.

Exit status: 0 done, 1 the keyring cannot be used (the message says why), 2 unusable arguments.
"""

from __future__ import annotations

import argparse
import getpass
import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import fields
from datetime import date
from typing import Any

from assistant.cli import UsageError
from assistant.model import paths
from assistant.model.credentials import CredentialStore, KeyringUnavailable
from assistant.model.dates import format_date
from assistant.model.expiry import expiry_warnings, password_last_valid_day
from assistant.model.office import (
    OfficeStore,
    Sex,
    StaffCategory,
    StaffNotFound,
    StaffProfile,
    validate_profile,
)
from assistant.model.problems import message_texts
from assistant.model.storage import CaseStore, StorageError
from assistant.resources import load_json


def credential_store() -> CredentialStore:
    """The keyring used by the commands (tests replace this function)."""
    return CredentialStore()


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"日付は YYYY-MM-DD の形で指定してください: {text}") from None


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    office = subparsers.add_parser(
        "office", help="事務所の担当者（利用者情報） / office staff profiles",
        description="事務所の担当者（在留申請オンラインシステムの利用者情報）")
    office.set_defaults(handler=_require_action)
    actions = office.add_subparsers(dest="office_command", metavar="ACTION")

    def common(sub: argparse.ArgumentParser) -> argparse.ArgumentParser:
        sub.add_argument("--db", metavar="PATH", default=argparse.SUPPRESS,
                         help="使用するデータベースファイル / database file")
        sub.add_argument("--today", type=_date, default=None, help=argparse.SUPPRESS)
        return sub

    sub = common(actions.add_parser("list", help="担当者の一覧 / list staff"))
    sub.add_argument("--json", action="store_true", help="JSON で出力 / output JSON")
    sub.set_defaults(handler=_office_list)

    sub = common(actions.add_parser("add", help="担当者を登録 / add a staff member"))
    sub.add_argument("--name", required=True, help="氏名（全角） / name (full-width)")
    sub.add_argument("--category", required=True, choices=[c.value for c in StaffCategory],
                     help="弁護士 lawyer / 行政書士 gyoseishoshi")
    sub.add_argument("--certificate-number", required=True,
                     help="申請等取次者証明書番号（12桁） / agent certificate number")
    sub.add_argument("--certificate-expiry", type=_date, help="届出済証明書の有効期限")
    sub.add_argument("--password-set-on", type=_date, help="パスワードを設定した日")
    sub.add_argument("--sex", choices=[s.value for s in Sex])
    sub.add_argument("--birth-date", type=_date)
    sub.add_argument("--office", default="", help="所属機関等（事務所名）")
    sub.add_argument("--postal-code", default="")
    sub.add_argument("--prefecture", default="")
    sub.add_argument("--municipality", default="")
    sub.add_argument("--street", default="", help="町名丁目番地号等")
    sub.add_argument("--phone", default="")
    sub.add_argument("--email", default="")
    sub.add_argument("--current", action="store_true", help="現在の担当者にする / make current")
    sub.set_defaults(handler=_office_add)

    sub = common(actions.add_parser("set-current", help="現在の担当者を選ぶ / choose current"))
    sub.add_argument("staff", metavar="STAFF")
    sub.set_defaults(handler=_office_set_current)

    sub = common(actions.add_parser("show", help="担当者の情報と期限 / show profile, expiry"))
    sub.add_argument("staff", metavar="STAFF", nargs="?")
    sub.add_argument("--json", action="store_true", help="JSON で出力 / output JSON")
    sub.set_defaults(handler=_office_show)

    creds = subparsers.add_parser(
        "credentials", help="認証ID・パスワード（OSのキーリング） / credentials in the OS keyring",
        description="認証IDとパスワードを OS のキーリングに保存・確認・削除します。"
                    "値はコマンドラインでは受け取りません（端末で入力するか標準入力から）。")
    creds.set_defaults(handler=_require_credentials_action)
    cactions = creds.add_subparsers(dest="credentials_command", metavar="ACTION")

    sub = common(cactions.add_parser("set", help="保存する（標準入力から） / store (from stdin)"))
    sub.add_argument("--staff", metavar="STAFF")
    only = sub.add_mutually_exclusive_group()
    only.add_argument("--id-only", action="store_true", help="認証IDだけ / the ID only")
    only.add_argument("--password-only", action="store_true",
                      help="パスワードだけ / the password only")
    sub.add_argument("--set-on", type=_date,
                     help="パスワードを設定した日（既定: 今日） / day the password was set")
    sub.set_defaults(handler=_credentials_set)

    sub = common(cactions.add_parser("status", help="保存の有無と期限 / stored? expiry"))
    sub.add_argument("--staff", metavar="STAFF")
    sub.set_defaults(handler=_credentials_status)

    sub = common(cactions.add_parser("clear", help="削除する / remove"))
    sub.add_argument("--staff", metavar="STAFF")
    sub.set_defaults(handler=_credentials_clear)


def _require_action(args: argparse.Namespace) -> int:
    raise UsageError("操作を指定してください: list, add, set-current, show"
                     "（例: assistant office list）")


def _require_credentials_action(args: argparse.Namespace) -> int:
    raise UsageError("操作を指定してください: set, status, clear"
                     "（例: assistant credentials status）")


def _language(args: argparse.Namespace) -> str:
    return "en" if getattr(args, "lang", None) == "en" else "ja"


def _today(args: argparse.Namespace) -> date:
    return args.today or date.today()


@contextmanager
def _office(args: argparse.Namespace) -> Iterator[OfficeStore]:
    try:
        store = CaseStore.open(paths.db_path(getattr(args, "db", None)))
    except StorageError as exc:
        raise UsageError(exc.message(_language(args))) from exc
    try:
        yield OfficeStore(store)
    finally:
        store.close()


def _find(office: OfficeStore, key: str | None, language: str) -> StaffProfile:
    if key is None:
        current = office.current()
        if current is None:
            raise UsageError(message_texts("office_no_current_staff")[language == "en"])
        return current
    try:
        return office.find(key)
    except StaffNotFound:
        raise UsageError(message_texts("office_staff_not_found", staff=key)[language == "en"]) \
            from None


def _print_json(data: Any) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def _office_list(args: argparse.Namespace) -> int:
    with _office(args) as office:
        profiles = office.list()
        current = office.current()
    current_id = current.id if current else None
    if args.json:
        _print_json([dict(p.to_json(), is_current=p.id == current_id) for p in profiles])
        return 0
    if not profiles:
        print("担当者はまだ登録されていません。" if _language(args) == "ja" else "No staff yet.")
        return 0
    for p in profiles:
        mark = "*" if p.id == current_id else " "
        category = p.category.label_ja if p.category else "-"
        print("\t".join([mark, p.id, p.name or "-", category, p.certificate_number or "-"]))
    return 0


def _office_add(args: argparse.Namespace) -> int:
    profile = StaffProfile(
        id=StaffProfile.new_id(), name=args.name, category=StaffCategory(args.category),
        certificate_number=args.certificate_number, certificate_expiry=args.certificate_expiry,
        password_set_on=args.password_set_on, sex=Sex(args.sex) if args.sex else None,
        birth_date=args.birth_date, office_name=args.office, postal_code=args.postal_code,
        prefecture=args.prefecture, municipality=args.municipality, street=args.street,
        phone=args.phone, email=args.email)
    language = _language(args)
    problems = validate_profile(profile, _today(args))
    errors = [p for p in problems if p.is_error]
    if errors:
        raise UsageError("\n".join(p.message(language) for p in errors))
    for problem in problems:
        print(f"注意: {problem.message(language)}", file=sys.stderr)
    with _office(args) as office:
        saved = office.save(profile)
        if args.current:
            office.set_current(saved.id)
    print(saved.id)
    return 0


def _office_set_current(args: argparse.Namespace) -> int:
    with _office(args) as office:
        profile = _find(office, args.staff, _language(args))
        office.set_current(profile.id)
    print(("現在の担当者: {}" if _language(args) == "ja" else "Current staff: {}")
          .format(profile.name or profile.id))
    return 0


def _office_show(args: argparse.Namespace) -> int:
    language = _language(args)
    with _office(args) as office:
        profile = _find(office, args.staff, language)
    warnings = expiry_warnings(profile, _today(args))
    if args.json:
        data = profile.to_json()
        data["password_last_valid_day"] = (
            password_last_valid_day(profile.password_set_on).isoformat()
            if profile.password_set_on else None)
        data["warnings"] = [w.problem.to_json(language) for w in warnings]
        _print_json(data)
        return 0
    labels = load_json("office", "labels.json")
    shown: dict[str, object] = {f.name: getattr(profile, f.name) for f in fields(profile)}
    if profile.password_set_on:
        shown["password_last_valid_day"] = password_last_valid_day(profile.password_set_on)
    for key, value in shown.items():
        if isinstance(value, date):
            text = format_date(value, language)
        elif isinstance(value, (Sex, StaffCategory)):
            text = value.label_ja if language == "ja" else str(value.value)
        else:
            text = str(value or "") or "-"
        print(f"{labels[key][language]}: {text}")
    for warning in warnings:
        print(f"! {warning.message(language)}")
    return 0


def _unavailable(exc: KeyringUnavailable, args: argparse.Namespace) -> int:
    print(exc.message(_language(args)), file=sys.stderr)
    return 1


def _read_secret(prompt: str, stdin_lines: Iterator[str] | None) -> str:
    if stdin_lines is None:
        return getpass.getpass(prompt)
    try:
        return next(stdin_lines).rstrip("\r\n")
    except StopIteration:
        return ""


def _credentials_set(args: argparse.Namespace) -> int:
    language = _language(args)
    with _office(args) as office:
        profile = _find(office, args.staff, language)
        lines = None if sys.stdin.isatty() else iter(sys.stdin)
        store = credential_store()
        try:
            store.check()  # say "no keyring" before asking for anything
            if not args.password_only:
                auth_id = _read_secret("認証ID: ", lines).strip()
                if not auth_id:
                    raise UsageError(message_texts("credentials_empty_value")[language == "en"])
                store.set_auth_id(profile.id, auth_id)
            if not args.id_only:
                password = _read_secret("パスワード: ", lines)
                if not password:
                    raise UsageError(message_texts("credentials_empty_value")[language == "en"])
                store.set_password(profile.id, password)
                profile.password_set_on = args.set_on or _today(args)
                office.save(profile)
        except KeyringUnavailable as exc:
            return _unavailable(exc, args)
    print("保存しました（OSのキーリング）。" if language == "ja" else "Saved in the OS keyring.")
    return 0


def _credentials_status(args: argparse.Namespace) -> int:
    language = _language(args)
    ja = language == "ja"
    with _office(args) as office:
        profile = _find(office, args.staff, language)
    try:
        status = credential_store().status(profile.id)
    except KeyringUnavailable as exc:
        return _unavailable(exc, args)
    yes, no = ("保存済み", "未保存") if ja else ("stored", "not stored")
    print(f"{'担当者' if ja else 'Staff'}: {profile.name or profile.id}")
    print(f"{'認証ID' if ja else 'Authentication ID'}: {yes if status.has_auth_id else no}")
    print(f"{'パスワード' if ja else 'Password'}: {yes if status.has_password else no}")
    if profile.password_set_on:
        last = password_last_valid_day(profile.password_set_on)
        print(f"{'パスワードの有効期限' if ja else 'Password valid through'}: {last}")
    for warning in expiry_warnings(profile, _today(args)):
        print(f"! {warning.message(language)}")
    return 0


def _credentials_clear(args: argparse.Namespace) -> int:
    language = _language(args)
    with _office(args) as office:
        profile = _find(office, args.staff, language)
    try:
        credential_store().clear(profile.id)
    except KeyringUnavailable as exc:
        return _unavailable(exc, args)
    print("削除しました。" if language == "ja" else "Removed.")
    return 0
