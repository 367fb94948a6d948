"""``assistant window`` and ``assistant receipt``: the rules engine on the command line.

Exit 0 for every answerable question (whatever the answer); bad arguments (unknown procedure,
impossible date, a missing expiry, re-entry with coe/work-cert) raise :class:`UsageError` → 2.
"""

from __future__ import annotations

import argparse
import json
from datetime import date
from typing import Any

from assistant.cli import UsageError


def register(subparsers: Any) -> None:
    window = subparsers.add_parser(
        "window", help="オンラインで申請できる期間を判定する",
        description="申請種別と日付から、オンラインで申請できるか、申請できる期間の初日と最終日、"
                    "その理由を表示します。")
    window.add_argument("--procedure", required=True, metavar="P",
                        help="申請種別: coe, change, renewal, acquisition, work-cert, "
                             "reentry, extra-activity")
    window.add_argument("--expiry", metavar="YYYY-MM-DD", help="在留期間満了日")
    window.add_argument("--event-date", metavar="YYYY-MM-DD",
                        help="出生等の日（取得）/ 変更の事由が生じた日（変更）")
    window.add_argument("--main", metavar="P",
                        help="再入国許可・資格外活動許可と同時に行う申請（change, renewal, acquisition）")
    window.add_argument("--on", metavar="YYYY-MM-DD", help="判定する日（既定: 今日）")
    window.add_argument("--profile", metavar="ID", help="規則プロファイル（既定: guide-2024）")
    window.add_argument("--json", action="store_true", help="JSON で出力する")
    window.set_defaults(handler=_run_window)

    receipt = subparsers.add_parser(
        "receipt", help="在留カード等の受領方法を判定する",
        description="選べる受領方法（mail / counter）と、選べない方法の理由を表示します。")
    receipt.add_argument("--procedure", required=True, metavar="P",
                         help="申請種別: coe, change, renewal, acquisition, work-cert")
    receipt.add_argument("--with", dest="with_", action="append", default=[],
                         metavar="reentry|extra-activity", help="同時に行う申請（複数可）")
    receipt.add_argument("--no-card", action="store_true",
                         help="在留カードが交付されない（旅券への証印による許可）")
    receipt.add_argument("--granted-period-months", metavar="N",
                         help="決定される在留期間（月数）")
    receipt.add_argument("--new-kanji-name", action="store_true",
                         help="在留カードへの漢字氏名併記を新たに申し出る")
    receipt.add_argument("--card-has-kanji", action="store_true",
                         help="現在の在留カードに漢字氏名が併記されている")
    receipt.add_argument("--profile", metavar="ID", help="規則プロファイル（既定: guide-2024）")
    receipt.add_argument("--json", action="store_true", help="JSON で出力する")
    receipt.set_defaults(handler=_run_receipt)

    fee = subparsers.add_parser(
        "fee", help="手数料を表示する",
        description="申請日の手数料表から、オンライン申請または窓口申請の手数料（円）を表示します。")
    fee.add_argument("--procedure", required=True, metavar="P",
                     help="申請種別: coe, change, renewal, work-cert, reentry")
    fee.add_argument("--variant", metavar="V", help="種類（再入国許可: single / multiple）")
    fee.add_argument("--counter", action="store_true", help="窓口で申請する場合（既定: オンライン）")
    fee.add_argument("--on", metavar="YYYY-MM-DD", help="申請日（既定: 今日）")
    fee.add_argument("--profile", metavar="ID", help="規則プロファイル（既定: guide-2024）")
    fee.add_argument("--json", action="store_true", help="JSON で出力する")
    fee.set_defaults(handler=_run_fee)


def _language(args: argparse.Namespace) -> str:
    return "en" if getattr(args, "lang", None) == "en" else "ja"


def _date_arg(option: str, text: str | None, language: str) -> date | None:
    if text is None:
        return None
    from assistant.model.dates import parse_iso_date
    from assistant.model.problems import message_texts

    try:
        return parse_iso_date(text)
    except ValueError:
        ja, en = message_texts("rules_bad_date", option=option, text=text)
        raise UsageError(en if language == "en" else ja) from None


def _out_of_range(language: str) -> str:
    from assistant.model.problems import message_texts

    ja, en = message_texts("cli_date_out_of_range")
    return en if language == "en" else ja


def _title(name: str, procedure_id: str, language: str) -> str:
    return f"{name} ({procedure_id})" if language == "en" else f"{name}（{procedure_id}）"


def _print_json(data: dict[str, Any]) -> None:
    print(json.dumps(data, ensure_ascii=False, indent=2))


def _run_window(args: argparse.Namespace) -> int:
    from assistant.model import rules
    from assistant.model.problems import message_texts

    lang = _language(args)
    pick = 1 if lang == "en" else 0
    expiry = _date_arg("--expiry", args.expiry, lang)
    event = _date_arg("--event-date", args.event_date, lang)
    on = _date_arg("--on", args.on, lang) or date.today()
    try:
        result = rules.application_window(args.procedure, on, expiry=expiry, event_date=event,
                                          main_procedure=args.main, profile=args.profile)
        procedure = rules.get_procedure(args.procedure)
    except rules.RulesError as exc:
        raise UsageError(exc.message(lang)) from None
    except OverflowError:   # a window or deadline computed past year 1 or 9999
        raise UsageError(_out_of_range(lang)) from None
    if args.json:
        _print_json(result.to_json(lang))
        return 0
    name = procedure.name_en if lang == "en" else procedure.name_ja
    lines = [_title(name, procedure.id, lang)]
    lines.append(message_texts("rules_cli_online_yes" if result.online_possible
                               else "rules_cli_online_no")[pick])
    if result.opens or result.closes:
        open_end = message_texts("rules_cli_open_end")
        # dates as the office reads them (2026年12月3日（令和8年）; ISO in English and JSON)
        lines.append(message_texts(
            "rules_cli_window", opens=result.opens or open_end[pick],
            closes=result.closes or open_end[pick])[pick])
    lines.append(message_texts("rules_cli_status",
                               summary=rules.window_summary(result, on)[pick])[pick])
    lines.append(message_texts("rules_cli_reasons")[pick])
    lines.extend(f"  - {reason.message(lang)}" for reason in result.reasons)
    print("\n".join(lines))
    return 0


def _run_receipt(args: argparse.Namespace) -> int:
    from assistant.model import rules
    from assistant.model.problems import message_texts

    lang = _language(args)
    pick = 1 if lang == "en" else 0
    months: int | None = None
    if args.granted_period_months is not None:
        try:
            months = int(args.granted_period_months)
        except ValueError:
            months = -1
        if months < 1:
            ja, en = message_texts("rules_bad_months", months=args.granted_period_months)
            raise UsageError(en if lang == "en" else ja)
    try:
        result = rules.receipt_methods(
            args.procedure, with_=args.with_, no_card=args.no_card,
            granted_period_months=months, new_kanji_name=args.new_kanji_name,
            card_has_kanji=args.card_has_kanji, profile=args.profile)
        procedure = rules.get_procedure(args.procedure)
    except rules.RulesError as exc:
        raise UsageError(exc.message(lang)) from None
    except OverflowError:   # a window or deadline computed past year 1 or 9999
        raise UsageError(_out_of_range(lang)) from None
    if args.json:
        _print_json(result.to_json(lang))
        return 0
    name = procedure.name_en if lang == "en" else procedure.name_ja
    labels = [rules.method_label(m)[pick] for m in result.methods]
    joined = "、".join(labels) if lang == "ja" else ", ".join(labels)
    lines = [_title(name, procedure.id, lang),
             message_texts("rules_cli_methods",
                           methods=joined or message_texts("rules_cli_no_methods")[pick])[pick]]
    if result.reasons:
        lines.append(message_texts("rules_cli_reasons")[pick])
        lines.extend(f"  - {reason.message(lang)}" for reason in result.reasons)
    print("\n".join(lines))
    return 0


def _run_fee(args: argparse.Namespace) -> int:
    from assistant.model import rules
    from assistant.model.problems import message_texts

    lang = _language(args)
    pick = 1 if lang == "en" else 0
    on = _date_arg("--on", args.on, lang) or date.today()
    try:
        result = rules.fee(args.procedure, on, online=not args.counter, variant=args.variant,
                           profile=args.profile)
        procedure = rules.get_procedure(args.procedure)
    except rules.RulesError as exc:
        raise UsageError(exc.message(lang)) from None
    except OverflowError:   # a window or deadline computed past year 1 or 9999
        raise UsageError(_out_of_range(lang)) from None
    if args.json:
        _print_json({"procedure": result.procedure, "online": result.online,
                     "variant": result.variant, "amount_yen": result.amount_yen,
                     "effective_from": result.effective_from.isoformat(),
                     "source": result.source})
        return 0
    name = procedure.name_en if lang == "en" else procedure.name_ja
    where = message_texts("rules_cli_fee_online" if result.online else "rules_cli_fee_counter")
    print(_title(name, procedure.id, lang))
    print(message_texts("rules_cli_fee", where=where[pick], amount=f"{result.amount_yen:,}",
                              effective=result.effective_from)[pick])
    return 0
