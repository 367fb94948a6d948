"""``assistant backup …``: the case database's backups.

    assistant backup list [--json]
    assistant backup create
    assistant backup check
    assistant backup restore BACKUP | --latest | --empty

``BACKUP`` is a number from ``backup list`` (1 = newest), a file name from it, or a path.
``restore`` never deletes: the database it replaces (damaged or not) is moved to
``backups/aside/<time>/``. A database the GUI has open is not replaced (exit 2): close it first.
``create`` also copies the backup to the second folder set in the settings (``backup_mirror``).

Exit status: 0 done, 1 ``check`` found the database damaged, 2 unusable arguments or a backup,
database or folder that cannot be used (the message says why).
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import UTC, datetime
from pathlib import Path

from assistant.cli import UsageError
from assistant.model import paths
from assistant.model.problems import message_texts
from assistant.model.storage import StorageError
from assistant.model.storage import backups as bk
from assistant.model.storage.health import integrity_check, shorten


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    backup = subparsers.add_parser(
        "backup", help="データベースのバックアップ / database backups",
        description="案件データベースのバックアップ（一覧・作成・検査・復元）")
    backup.set_defaults(handler=_require_action)
    actions = backup.add_subparsers(dest="backup_command", metavar="ACTION")

    def common(sub: argparse.ArgumentParser) -> argparse.ArgumentParser:
        sub.add_argument("--db", metavar="PATH", default=argparse.SUPPRESS,
                         help="使用するデータベースファイル / database file")
        return sub

    sub = common(actions.add_parser("list", help="バックアップの一覧 / list backups"))
    sub.add_argument("--json", action="store_true", help="JSON で出力 / output JSON")
    sub.set_defaults(handler=_list)
    sub = common(actions.add_parser("create", help="今すぐバックアップ / back up now"))
    sub.set_defaults(handler=_create)
    sub = common(actions.add_parser(
        "check", help="データベースを完全検査 / full integrity check"))
    sub.set_defaults(handler=_check)
    sub = common(actions.add_parser(
        "restore", help="バックアップから復元 / restore a backup"))
    which = sub.add_mutually_exclusive_group(required=True)
    which.add_argument("backup", nargs="?", metavar="BACKUP",
                       help="一覧の番号、ファイル名またはパス / number, file name or path")
    which.add_argument("--latest", action="store_true",
                       help="最新の使えるバックアップ / the newest usable backup")
    which.add_argument("--empty", action="store_true",
                       help="空のデータベースで始める（今のファイルは別の場所に移す） / "
                            "start with an empty database (the current file is moved aside)")
    sub.set_defaults(handler=_restore)


def _require_action(args: argparse.Namespace) -> int:
    raise UsageError("backup の後に list / create / check / restore を指定してください。")


def _language(args: argparse.Namespace) -> str:
    return "en" if getattr(args, "lang", None) == "en" else "ja"


def _text(args: argparse.Namespace, code: str, **params: object) -> str:
    ja, en = message_texts(code, **params)
    return en if _language(args) == "en" else ja


def _db(args: argparse.Namespace) -> Path:
    return paths.db_path(getattr(args, "db", None))


def _mirror() -> Path | None:
    from assistant.model.settings import BACKUP_MIRROR, Settings

    folder = str(Settings().get(BACKUP_MIRROR))
    return Path(folder).expanduser() if folder else None


def _now() -> datetime:
    return datetime.now(UTC)


def _list(args: argparse.Namespace) -> int:
    from assistant.model.dates import format_moment

    db = _db(args)
    found = bk.list_backups(db, _mirror())
    if args.json:
        json.dump([{"number": n, "path": str(b.path), "taken_at": b.taken_at.isoformat(),
                    "reason": b.reason.value, "size": b.size}
                   for n, b in enumerate(found, 1)], sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return 0
    if not found:
        print(_text(args, "backup_none", path=bk.backup_folder(db)))
        return 0
    for number, b in enumerate(found, 1):
        when = format_moment(b.taken_at, _language(args), seconds=True)   # as the office reads
        reason = _text(args, f"backup_reason_{b.reason.value}")
        print("\t".join([str(number), when, reason, f"{b.size / 1_048_576:.1f} MB",
                         str(b.path)]))
    return 0


def _create(args: argparse.Namespace) -> int:
    db = _db(args)
    mirror = _mirror()
    try:
        backup = bk.create_backup(db, bk.Reason.MANUAL, now=_now())
        bk.prune(backup.path.parent, db.stem, _now())
        print(_text(args, "backup_created", path=backup.path))
        if mirror is not None:
            copy = bk.copy_to(backup, mirror)
            bk.prune(mirror, db.stem, _now())
            print(_text(args, "backup_copied", path=copy.path))
    except StorageError as exc:
        raise UsageError(exc.message(_language(args))) from exc
    return 0


def _check(args: argparse.Namespace) -> int:
    db = _db(args)
    if not db.is_file():
        raise UsageError(_text(args, "backup_no_database", path=db))
    try:
        report = integrity_check(db)
    except StorageError as exc:
        raise UsageError(exc.message(_language(args))) from exc
    if report is None:
        print(_text(args, "backup_integrity_ok", path=db))
        return 0
    print(_text(args, "storage_damaged", path=db, detail=shorten(report)))
    return 1


def _pick(args: argparse.Namespace, db: Path) -> Path:
    found = bk.list_backups(db, _mirror())
    if args.latest:
        for b in found:
            if bk.verify(b.path) is None:
                return b.path
        raise UsageError(_text(args, "backup_none", path=bk.backup_folder(db)))
    key = str(args.backup)
    if key.isdigit() and 1 <= int(key) <= len(found):
        return found[int(key) - 1].path
    for b in found:
        if b.path.name == key:
            return b.path
    path = Path(key).expanduser()
    if path.is_file():
        return path
    raise UsageError(_text(args, "backup_not_found", path=key))


def _restore(args: argparse.Namespace) -> int:
    db = _db(args)
    try:
        if args.empty:
            moved = bk.start_empty(db, now=_now())
            print(_text(args, "backup_started_empty", path=db,
                        aside=moved[0].parent if moved else "-"))
            return 0
        source = _pick(args, db)
        done = bk.restore_backup(db, source, now=_now())
    except StorageError as exc:
        raise UsageError(exc.message(_language(args))) from exc
    if done.aside:
        print(_text(args, "backup_restored", backup=source, path=db, aside=done.aside[0].parent))
    else:
        print(_text(args, "backup_restored_nothing_aside", backup=source, path=db))
    return 0
