"""``assistant fill payload CASE.json [--on YYYY-MM-DD] [--out FILE] [--force]`` and
``assistant fill script [--bookmarklet] [--out FILE] [--force]`` and
``assistant fill extension --out FOLDER [--force]``.

``fill payload`` writes the fill payload of a case for the online system's 申込 page
(:mod:`assistant.model.autofill`, docs/autofill.md): the case's values only, keyed by the
page's controls. A case with errors gets none: the problems are printed and the exit status
is 1. Values the page has no item for are listed on standard error (the office types them).
``fill script`` writes the fill script (plain JavaScript defining
``window.zairyuFill(payloadText)``), or with ``--bookmarklet`` the ``javascript:`` URL that
runs it and asks for the payload in a paste box. ``fill extension`` writes the Chrome/Edge
extension folder (manifest v3, the same fill script, a paste box; docs/autofill.md): the folder
the office loads with 「パッケージ化されていない拡張機能を読み込む」.

Without ``--out`` the text goes to standard output. Exit status: 0 written, 1 the case has
errors or no page map fits it, 2 the file cannot be read or bad arguments.
"""

from __future__ import annotations

import argparse
import sys

from assistant.cli import add_force_option, checked_output


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "fill", help="オンラインシステムの申込画面への入力 / fill the online system's page",
        description="オンラインシステムの申込画面に入力するデータ（payload）と入力スクリプトを書き出します。")
    sub = parser.add_subparsers(dest="fill_command", metavar="{payload,script,extension}",
                                required=True)
    payload = sub.add_parser("payload", help="案件の入力データ / a case's fill payload")
    payload.add_argument("file", metavar="CASE.json", help="案件ファイル / case file")
    payload.add_argument("--on", metavar="YYYY-MM-DD",
                         help="申請予定日（既定: 今日） / filing date (default: today)")
    payload.add_argument("--out", metavar="FILE", help="書き出し先 / output file")
    add_force_option(payload)
    payload.set_defaults(handler=_payload)
    script = sub.add_parser("script", help="入力スクリプト / the fill script")
    script.add_argument("--bookmarklet", action="store_true",
                        help="ブックマークレット（javascript: URL）で書き出す / as a bookmarklet URL")
    script.add_argument("--out", metavar="FILE", help="書き出し先 / output file")
    add_force_option(script)
    script.set_defaults(handler=_script)
    extension = sub.add_parser(
        "extension", help="Chrome/Edge 拡張機能のフォルダ / the Chrome/Edge extension folder")
    extension.add_argument("--out", metavar="FOLDER", required=True,
                           help="書き出し先のフォルダ / output folder")
    add_force_option(extension)
    extension.set_defaults(handler=_extension)


def _write(args: argparse.Namespace, text: str) -> None:
    if args.out is None:
        sys.stdout.write(text if text.endswith("\n") else text + "\n")
        return
    from assistant.model.atomic import atomic_write_text

    atomic_write_text(checked_output(args, args.out), text)


def _payload(args: argparse.Namespace) -> int:
    from assistant.commands.validation import _filing_date
    from assistant.model.autofill import PayloadRefused, build_payload
    from assistant.model.casefile import CaseFileError, read_case_file

    language = "en" if getattr(args, "lang", None) == "en" else "ja"
    on = _filing_date(args.on)
    try:
        case = read_case_file(args.file).case
    except CaseFileError as exc:
        print(f"assistant: {exc.message(language)}", file=sys.stderr)
        return 2
    try:
        payload = build_payload(case, on)
    except PayloadRefused as exc:
        head = ("The case has problems; no fill payload was written:" if language == "en"
                else "案件に問題があるため、入力データは書き出していません：")
        print(head, file=sys.stderr)
        for p in exc.problems:
            print(f"{p.field}\t{p.message(language)}", file=sys.stderr)
        return 1
    _write(args, payload.to_json())
    if payload.not_on_page:
        head = ("Not on the online page (type them there yourself):" if language == "en"
                else "申込画面に対応する項目がない値（画面で直接入力してください）：")
        print(head + " " + ", ".join(payload.not_on_page), file=sys.stderr)
    return 0


def _script(args: argparse.Namespace) -> int:
    from assistant.model.autofill import bookmarklet, fill_script

    _write(args, bookmarklet() if args.bookmarklet else fill_script())
    return 0


def _extension(args: argparse.Namespace) -> int:
    from assistant.model.autofill import EXTENSION_FILE_NAMES, write_extension

    folder = checked_output(args, args.out, folder=True, will_write=EXTENSION_FILE_NAMES)
    try:
        write_extension(folder)
    except OSError as exc:
        print(f"assistant: {folder}: {exc.strerror or exc}", file=sys.stderr)
        return 2
    return 0
