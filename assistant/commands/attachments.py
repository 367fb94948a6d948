"""``check-pdf``, ``check-photo`` and ``prepare-pdf``: attachments from the command line.

Exit codes: 0 every file is ok, 1 a problem of severity error was found, 2 unusable
arguments (unknown profile, missing file, bad date, …).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from datetime import date
from typing import Any

from assistant.cli import UsageError, add_force_option, checked_output


def register(subparsers: Any) -> None:
    """Add the attachment sub-commands to the ``assistant`` parser."""
    check_pdf = subparsers.add_parser(
        "check-pdf", help="PDF がオンラインシステムで受け付けられるか確認する",
        description="PDF ファイルを確認します（形式・破損・パスワード・制限・サイズ・解像度）。")
    check_pdf.add_argument("files", nargs="+", metavar="FILE")
    _common(check_pdf)
    check_pdf.set_defaults(handler=run_check_pdf)

    check_photo = subparsers.add_parser(
        "check-photo", help="顔写真を確認する",
        description="顔写真を確認します（JPEG・縦4×横3・画素数・撮影日）。")
    check_photo.add_argument("file", metavar="FILE")
    check_photo.add_argument("--apply-on", metavar="YYYY-MM-DD",
                             help="申請予定日（既定: 今日）")
    check_photo.add_argument("--taken-on", metavar="YYYY-MM-DD",
                             help="撮影日（写真に撮影情報がないときに使用）")
    _common(check_photo)
    check_photo.set_defaults(handler=run_check_photo)

    prepare = subparsers.add_parser(
        "prepare-pdf", help="送信用 PDF を作成する（結合・圧縮・分割）",
        description="書類（PDF・画像）を指定の順に 1 つの PDF にまとめ、上限を超えるときは"
                    "圧縮し、それでも入らなければ分割します。")
    prepare.add_argument("files", nargs="+", metavar="FILE")
    prepare.add_argument("--out", required=True, metavar="OUT.pdf", help="出力する PDF")
    add_force_option(prepare)
    _common(prepare)
    prepare.set_defaults(handler=run_prepare_pdf)


def _common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--profile", metavar="ID", help="規則のプロファイル（既定: 既定の規則）")
    parser.add_argument("--json", action="store_true", help="結果を JSON で出力する")


def _limits(profile: str | None) -> Any:
    from assistant.model.attachments.limits import UnknownProfileError, limits_for

    try:
        return limits_for(profile)
    except UnknownProfileError as exc:
        raise UsageError(exc.message_ja) from None


def _existing(paths: list[str]) -> None:
    """Every path must be a regular file: a folder, device, FIFO or link loop is refused
    by what it is (a FIFO would otherwise wait for a writer for ever)."""
    from assistant.model.attachments.pdfcheck import regular_file_kind
    from assistant.model.problems import message_texts

    for path in paths:
        kind = regular_file_kind(path)
        if kind is not None:
            what, _ = message_texts(f"file_kind_{kind}")
            raise UsageError(f"通常のファイルではありません（{what}）: {path}")
        if not os.path.isfile(path):
            raise UsageError(f"ファイルがありません: {path}")


def _date(value: str | None, option: str) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise UsageError(f"{option} は YYYY-MM-DD で指定してください: {value}") from None


def _print_problems(problems: list[Any]) -> None:
    for problem in problems:
        mark = "エラー" if problem.is_error else "注意"
        print(f"  [{mark}] {problem.code}: {problem.message_ja}")


def run_check_pdf(args: argparse.Namespace) -> int:
    from assistant.model.attachments.pdfcheck import check_pdf

    limits = _limits(args.profile)
    _existing(args.files)
    results = [check_pdf(path, limits) for path in args.files]
    if args.json:
        json.dump([r.to_json() for r in results], sys.stdout, ensure_ascii=False, indent=2)
        print()
    else:
        for r in results:
            pages = "-" if r.pages is None else str(r.pages)
            print(f"{r.file}: {'OK' if r.ok else 'NG'}  {r.size_bytes:,} バイト  {pages} ページ")
            _print_problems(r.problems)
    return 0 if all(r.ok for r in results) else 1


def run_check_photo(args: argparse.Namespace) -> int:
    from assistant.model.attachments.photo import check_photo

    limits = _limits(args.profile)
    apply_on = _date(args.apply_on, "--apply-on") or date.today()
    taken_on = _date(args.taken_on, "--taken-on")
    _existing([args.file])
    result = check_photo(args.file, limits, apply_on=apply_on, taken_on=taken_on)
    if args.json:
        json.dump(result.to_json(), sys.stdout, ensure_ascii=False, indent=2)
        print()
    else:
        size = "-" if result.width is None else f"{result.width} × {result.height}"
        from assistant.model.dates import format_date

        taken = format_date(result.taken_on) if result.taken_on else "不明"   # as read: 和暦 too
        print(f"{result.file}: {'OK' if result.ok else 'NG'}  {size} ピクセル  撮影日 {taken}")
        _print_problems(result.problems)
    return 0 if result.ok else 1


def run_prepare_pdf(args: argparse.Namespace) -> int:
    from assistant.model.attachments.prepare import SourceDocument, prepare_documents

    limits = _limits(args.profile)
    _existing(args.files)
    checked_output(args, args.out)
    out_dir = os.path.dirname(os.path.abspath(args.out))
    if not os.path.isdir(out_dir):
        raise UsageError(f"出力先のフォルダがありません: {out_dir}")
    if any(os.path.abspath(f) == os.path.abspath(args.out) for f in args.files):
        raise UsageError("出力ファイルが入力ファイルと同じです")
    report = prepare_documents([SourceDocument(path) for path in args.files], args.out, limits)
    if args.json:
        json.dump(report.to_json(), sys.stdout, ensure_ascii=False, indent=2)
        print()
    else:
        for part in report.parts:
            print(f"{part.file}: {part.size_bytes:,} バイト  {part.pages} ページ  "
                  f"({'、'.join(part.documents)})")
        for notice in report.notices:
            print(f"  {notice.message_ja}")
        _print_problems(report.problems)
    return 0 if report.ok else 1
