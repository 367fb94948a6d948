"""The ``assistant`` command: the GUI when called without a sub-command, else a thin CLI.

Sub-commands live in :mod:`assistant.commands` (one module per area, each with
``register(subparsers)``). Exit codes: 0 answered, 1 the answer is "problems found",
2 unusable arguments or unreadable input.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, TextIO

from assistant import __version__

if TYPE_CHECKING:
    import argparse

# Modules under assistant.commands that register sub-commands, in help order.
COMMAND_MODULES = ("rules", "validation", "cases", "attachments", "documents", "exports",
                   "office", "backup", "filing", "fill")


class UsageError(Exception):
    """Bad arguments: printed as ``assistant: <message>`` with exit status 2."""


def add_force_option(parser: argparse.ArgumentParser) -> None:
    """``--force``: an output command may replace an existing file only when given."""
    parser.add_argument("--force", action="store_true",
                        help="既存のファイルを上書きする / overwrite an existing file")


def checked_output(args: argparse.Namespace, path: str, *, folder: bool = False,
                   will_write: Sequence[str] = ()) -> str:
    """``path`` if the command may write there (see
    :func:`assistant.model.file_guard.check_output_path`), else :class:`UsageError` (exit 2)."""
    from assistant.model.file_guard import FileGuardError, check_output_path

    try:
        check_output_path(path, force=bool(getattr(args, "force", False)),
                          db=getattr(args, "db", None), folder=folder, will_write=will_write)
    except FileGuardError as exc:
        raise UsageError(exc.message("en" if getattr(args, "lang", None) == "en" else "ja")
                         ) from exc
    return path


def build_parser() -> argparse.ArgumentParser:
    import argparse  # not at start-up: the GUI's own options are read without it

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


def _gui_options(argv: Sequence[str]) -> dict[str, str] | None:
    """The options when ``argv`` holds only the GUI's (--smoke, --db PATH, --lang ja|en).

    Then the GUI starts without importing every command module (start-up benchmark); anything
    else, including mistakes, returns None and goes through the full parser and its messages.
    """
    options: dict[str, str] = {}
    index = 0
    while index < len(argv):
        token = argv[index]
        if token == "--smoke":
            options[token] = ""
            index += 1
        elif token in ("--db", "--lang") and index + 1 < len(argv):
            value = argv[index + 1]
            if value.startswith("-") or (token == "--lang" and value not in ("ja", "en")):
                return None
            options[token] = value
            index += 2
        else:
            return None
    return options


# Characters that steer a terminal instead of showing: C0 controls but tab and newline, DEL, C1
# controls (U+009B is a one-character escape sequence), bidirectional overrides and isolates.
_CONTROL = "[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]"


def terminal_text(text: str) -> str:
    """``text`` safe for a terminal: each control character becomes its visible ``\\uXXXX``
    escape (an ESC from a client's value cannot recolour, retitle or rewrite the screen; in JSON
    output the escape is inside a string, where it decodes to the same value)."""
    import re

    return re.sub(_CONTROL, lambda m: f"\\u{ord(m.group()):04x}", text)


class _TerminalStream:
    """A text stream whose writes go through :func:`terminal_text` (all CLI output)."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        return self._stream.write(terminal_text(text))

    def __getattr__(self, name: str) -> object:
        return getattr(self._stream, name)


def _remove_stale_temporaries() -> None:
    """Temporaries left in the data folder by a killed run (they may hold client data)."""
    import os

    from assistant.model import paths
    from assistant.model.atomic import remove_stale_temporaries

    for folder in (paths.data_dir(create=False), paths.config_dir(create=False)):
        if os.path.isdir(folder):
            remove_stale_temporaries(folder)


def main(argv: Sequence[str] | None = None) -> int:
    _remove_stale_temporaries()
    gui = _gui_options(sys.argv[1:] if argv is None else argv)
    if gui is not None:
        from assistant.app import run_gui

        return run_gui(smoke="--smoke" in gui, db=gui.get("--db"), language=gui.get("--lang"))
    stdout, stderr = sys.stdout, sys.stderr
    sys.stdout = _TerminalStream(stdout)
    sys.stderr = _TerminalStream(stderr)
    try:
        return _run_command(argv)
    except Exception as exc:  # a defect: a message and a crash report, never a traceback
        return _report_crash(exc)
    finally:
        sys.stdout, sys.stderr = stdout, stderr


def _report_crash(exc: Exception) -> int:
    """Write the crash report (redacted) and say where it is; exit status 2."""
    from assistant.model.problems import message_texts

    try:
        from assistant import crash

        report: str | None = str(crash.write_report(
            crash.format_report(type(exc), exc, exc.__traceback__)))
    except Exception:  # the data folder may be unwritable: the message still goes out
        report = None
    ja, _ = message_texts("cli_unexpected_error", kind=type(exc).__name__,
                          report=report or "（書けませんでした）")
    print(f"assistant: {ja}", file=sys.stderr)
    return 2


def _run_command(argv: Sequence[str] | None) -> int:
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
