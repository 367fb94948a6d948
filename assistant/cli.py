"""The ``assistant`` command: the GUI when called without a sub-command, else a thin CLI.

Sub-commands live in :mod:`assistant.commands` (one module per area, each with
``register(subparsers)``). Exit codes: 0 answered, 1 the answer is "problems found",
2 unusable arguments or unreadable input.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from assistant import __version__

# Modules under assistant.commands that register sub-commands, in help order.
COMMAND_MODULES = ("rules", "validation", "cases", "attachments", "exports", "office")


class UsageError(Exception):
    """Bad arguments: printed as ``assistant: <message>`` with exit status 2."""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="assistant",
        description="在留申請 準備アシスタント — 在留申請オンラインシステムへの申請を事前に準備します。",
    )
    parser.add_argument("--version", action="version", version=f"assistant {__version__}")
    parser.add_argument("--smoke", action="store_true",
                        help="メインウィンドウを開いてすぐに終了する（動作確認用）")
    parser.add_argument("--db", metavar="PATH",
                        help="使用するデータベースファイル（既定: ユーザーデータフォルダ）")
    parser.add_argument("--lang", choices=["ja", "en"], help="表示言語 / UI language")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    import importlib

    for name in COMMAND_MODULES:
        try:
            module = importlib.import_module(f"assistant.commands.{name}")
        except ModuleNotFoundError as exc:
            if exc.name != f"assistant.commands.{name}":
                raise
            continue  # area not built yet
        module.register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        from assistant.app import run_gui

        return run_gui(smoke=args.smoke, db=args.db, language=args.lang)
    try:
        result: int = args.handler(args)
    except UsageError as exc:
        print(f"assistant: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        return 0
    return result
