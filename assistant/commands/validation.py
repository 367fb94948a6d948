"""``assistant validate CASE.json [--on YYYY-MM-DD] [--profile ID] [--json]``.

Checks a case file (format: :mod:`assistant.model.casefile`) against the field catalogue and the
rules, as :func:`assistant.model.validation.validate_case` does for the wizard.

Reading the file normalises its values as the wizard does (:mod:`assistant.model.casefile`);
what changed is shown first (``整形`` lines), and the stored values are what is judged.

Output: one line per problem (``エラー``/``注意``, field, message), or with ``--json``
``{"ok": bool, "problems": [{"field", "code", "severity", "message"}], "normalised": [{"field",
"from", "to"}]}`` (messages in the ``--lang`` language, Japanese by default). Exit status: 0 no
errors (warnings allowed), 1 errors, 2 the file cannot be read or is not a valid case file
(unknown procedure, unknown value keys …), or bad arguments.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date

from assistant.cli import UsageError


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "validate", help="案件ファイルの入力内容を検査 / check a case file",
        description="案件ファイル（JSON）の入力内容を、一括申請テンプレートの規則と申請期間で検査します。")
    parser.add_argument("file", metavar="CASE.json", help="案件ファイル / case file")
    parser.add_argument("--on", metavar="YYYY-MM-DD",
                        help="申請予定日（既定: 今日） / filing date (default: today)")
    parser.add_argument("--profile", metavar="ID", help="規則プロファイル / rule profile")
    parser.add_argument("--json", action="store_true", help="JSON で出力 / output JSON")
    parser.set_defaults(handler=_validate)


def _filing_date(text: str | None) -> date:
    if text is None:
        return date.today()
    from assistant.model.dates import parse_iso_date

    try:
        return parse_iso_date(text)
    except ValueError:
        raise UsageError(f"--on の日付が正しくありません（YYYY-MM-DD）: {text}") from None


def _validate(args: argparse.Namespace) -> int:
    from assistant.model import rules
    from assistant.model.casefile import CaseFileError, read_case_file
    from assistant.model.dates import format_date
    from assistant.model.problems import has_errors, message_texts
    from assistant.model.review import review_case

    language = "en" if getattr(args, "lang", None) == "en" else "ja"
    on = _filing_date(args.on)
    if args.profile is not None and args.profile not in rules.profile_ids():
        raise UsageError(f"規則プロファイル「{args.profile}」はありません。選べるもの: "
                         + ", ".join(rules.profile_ids()))
    try:
        # over-long values are reported below as problems (exit 1), not refused
        document = read_case_file(args.file, check_lengths=False)
    except CaseFileError as exc:
        if args.json:
            print(json.dumps({"ok": False, "problems": [exc.to_problem().to_json(language)]},
                             ensure_ascii=False, indent=2))
        print(f"assistant: {exc.message(language)}", file=sys.stderr)
        return 2
    case = document.case
    problems = review_case(case, on, profile=args.profile)   # as Step 3 lists them
    errors = has_errors(problems)
    if args.json:
        print(json.dumps({"ok": not errors, "problems": [p.to_json(language) for p in problems],
                          "normalised": [{"field": key, "from": typed, "to": stored}
                                         for key, typed, stored in document.normalised]},
                         ensure_ascii=False, indent=2))
    else:
        for key, typed, stored in document.normalised:
            ja, en = message_texts("validate_normalised", field=key, before=typed, after=stored)
            print(en if language == "en" else ja)
        labels = {"error": ("エラー", "error"), "warning": ("注意", "warning")}
        for p in problems:
            word = labels[p.severity.value][1 if language == "en" else 0]
            print(f"{word}\t{p.field}\t{p.message(language)}")
        n_err = sum(1 for p in problems if p.is_error)
        n_warn = len(problems) - n_err
        shown = format_date(on, language)   # 2026年12月3日（令和8年） / 2026-12-03
        if language == "en":
            print(f"{n_err} error(s), {n_warn} warning(s) for filing on {shown}")
        else:
            print(f"エラー {n_err} 件、注意 {n_warn} 件（申請予定日 {shown}）")
    return 1 if errors else 0
