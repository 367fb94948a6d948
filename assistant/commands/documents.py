"""``assistant documents``: the 提出書類 list of a status and procedure, or a case's checklist
with what is covered (docs/domain.md#document-lists).

Exit 0 when the list is printed; bad arguments (unknown procedure, status or condition, a case
file that cannot be read) → 2.
"""

from __future__ import annotations

import argparse
import json
from typing import Any

from assistant.cli import UsageError, add_force_option, checked_output
from assistant.model.case import NAME


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "documents", help="提出書類のリストを表示する",
        description="申請種別と在留資格（と条件）から提出書類のリストを、または案件ファイルから"
                    "その案件のチェックリスト（提出 / 不要 / 未、割り当てたファイル）を表示します。")
    parser.add_argument("case_file", nargs="?", metavar="CASE.json", help="案件ファイル")
    parser.add_argument("--procedure", metavar="P", help="申請種別: coe, change, renewal")
    parser.add_argument("--status", metavar="CODE",
                        help="在留資格のコード（T26）または名称（技術・人文知識・国際業務）")
    parser.add_argument("--condition", action="append", default=[], metavar="ID",
                        help="当てはまる条件（cat3, dispatch など。複数可）")
    parser.add_argument("--json", action="store_true", help="JSON で出力する")
    parser.add_argument("--request", choices=["applicant", "organization", "office"],
                        help="依頼書（この提供者にお願いする未提出の書類）を PDF で書き出す")
    parser.add_argument("--out", metavar="PDF", help="依頼書の書き出し先（--request と一緒に）")
    add_force_option(parser)
    parser.set_defaults(handler=_run)


def _language(args: argparse.Namespace) -> str:
    return "en" if getattr(args, "lang", None) == "en" else "ja"


def _text(code: str, language: str, **params: Any) -> str:
    from assistant.model.problems import message_texts

    ja, en = message_texts(code, **params)
    return en if language == "en" else ja


def _run(args: argparse.Namespace) -> int:
    language = _language(args)
    if args.case_file:
        checklist, notes, applicant = _case_checklist(args, language)
    else:
        (checklist, notes), applicant = _list_checklist(args, language), ""
    if args.request:
        return _write_request(args, checklist, applicant, language)
    if args.json:
        print(json.dumps(_to_json(checklist, language), ensure_ascii=False, indent=2))
    else:
        print("\n".join(notes + _lines(checklist, language)))
    return 0


def _case_checklist(args: argparse.Namespace, language: str
                    ) -> tuple[Any, list[str], str]:
    from assistant.model import documents as d
    from assistant.model.casefile import CaseFileError, read_case_file

    try:
        case = read_case_file(args.case_file, check_lengths=False).case
    except CaseFileError as exc:
        raise UsageError(exc.message(language)) from None
    checklist = d.case_checklist(case)
    notes = [] if checklist.status else [_text("documents_cli_case_no_status", language)]
    return checklist, notes, case.values.get(NAME, "")


def _write_request(args: argparse.Namespace, checklist: Any, applicant: str,
                   language: str) -> int:
    """``--request P --out PDF``: the 依頼書 of provider P, rendered as the checklists are."""
    from datetime import date

    from assistant.commands.exports import _write_pdf
    from assistant.model import documents as d

    if not args.out:
        raise UsageError(_text("documents_cli_needs_out", language))
    checked_output(args, args.out)
    document = d.request_document(checklist, d.Provider(args.request), applicant=applicant,
                                  on=date.today().isoformat(), language=language)
    path = _write_pdf(document, args.out, language)
    print(path)
    return 0


def _list_checklist(args: argparse.Namespace, language: str) -> tuple[Any, list[str]]:
    from assistant.model import documents as d

    procedure = args.procedure or ""
    if procedure not in d.PROCEDURES:
        raise UsageError(_text("documents_unknown_procedure", language, procedure=procedure))
    if not args.status:
        raise UsageError(_text("documents_cli_needs_status", language))
    key = d.find_list_key(args.status)
    if key is None and not args.status.strip().upper().startswith("T"):
        # a name the code lists do not know at all
        from assistant.model.codelists import code_list

        if code_list("status").lookup(args.status) is None:
            raise UsageError(_text("documents_unknown_status", language, status=args.status))
    answers = _answers(key, procedure, args.status, args.condition, language)
    checklist = d.build_checklist(procedure, args.status, answers)
    notes = [] if key else [_text("documents_no_list", language, status=args.status)]
    return checklist, notes


def _answers(key: str | None, procedure: str, status: str, conditions: list[str],
             language: str) -> dict[str, str]:
    from assistant.model import documents as d

    doc_list = d.load_list(key, procedure) if key else None
    questions = d.questions_for(doc_list)
    derived = d.derive(doc_list, procedure, status)
    answers: dict[str, str] = {}
    known: list[str] = []
    for question in questions:
        known += [o.id for o in question.options] if question.is_choice else [question.id]
    for condition in conditions:
        choice = next((q for q in questions if condition in {o.id for o in q.options}), None)
        if choice is not None:
            answers[choice.id] = condition
        elif condition in known:
            answers[condition] = d.YES
        else:
            raise UsageError(_text("documents_unknown_condition", language, condition=condition,
                                   known=", ".join(known) or "—"))
    # conditions not given are "no" on the command line: the list is printed as asked
    # (those the status decides, such as the 高度専門職1号 subtype, stay as decided)
    for question in questions:
        if not question.is_choice and question.id not in answers \
                and question.id not in derived:
            answers[question.id] = d.NO
    return answers


def _label(item: Any, language: str) -> str:
    return str(item.item.en if language == "en" and item.item.en else item.item.ja)


def _lines(checklist: Any, language: str) -> list[str]:
    from assistant.model import documents as d

    status = checklist.doc_list.status_ja if checklist.doc_list else checklist.status
    lines = [_text("documents_cli_title", language, status=status,
                   procedure=checklist.procedure)]
    if checklist.doc_list is not None:
        lines.append(_text("documents_cli_coverage", language,
                           coverage=checklist.doc_list.coverage))
    chosen = []
    effective = checklist.effective
    for question in checklist.questions:
        answer = effective.get(question.id)
        if question.is_choice and answer:
            option = next((o for o in question.options if o.id == answer), None)
            if option is not None:
                chosen.append(option.en if language == "en" else option.ja)
        elif answer == d.YES:
            chosen.append(question.en if language == "en" else question.ja)
    if chosen:
        lines.append(_text("documents_cli_conditions", language, conditions=" / ".join(chosen)))
    for question in checklist.questions:
        derived = checklist.derived.get(question.id)
        if derived is not None and question.id not in checklist.answers:
            lines.append(_text("documents_cli_derived", language, question=question.id,
                               value=derived.value, origin=derived.origin(language)))
    if checklist.unanswered:
        lines.append(_text("documents_cli_unanswered", language, questions=", ".join(
            q.id for q in checklist.unanswered)))
    done, total = checklist.done_count()
    lines.append(_text("documents_cli_done", language, done=done, total=total))
    lines.append("")
    for item in checklist.applicable:
        lines += _item_lines(item, language)
    pending = [i for i in checklist.items if i.applies is None]
    if pending:
        lines += ["", _text("documents_cli_pending", language)]
        for item in pending:
            lines += _item_lines(item, language)
    return lines


def _item_lines(item: Any, language: str) -> list[str]:
    status = item.status.label_en if language == "en" else item.status.label_ja
    provider = item.provider.label_en if language == "en" else item.provider.label_ja
    check = "" if item.item.confirmed else f" [{_text('documents_cli_to_check', language)}]"
    when = f" ({item.item.when})" if item.item.when else ""
    lines = [f"[{status}] {_label(item, language)} <{provider}>{check}{when}"]
    if item.reason:
        lines.append(f"    {item.reason}")
    if item.item.detail_ja:
        lines.append(f"    {item.item.detail_ja}")
    lines += [f"    → {path}" for path in item.files]
    date = f", {item.item.seen_date}" if item.item.seen_date else ""
    lines.append("    " + _text("documents_cli_source", language, source=item.item.source,
                                  kind=item.item.source_kind, date=date))
    return lines


def _to_json(checklist: Any, language: str) -> dict[str, Any]:
    done, total = checklist.done_count()
    doc_list = checklist.doc_list
    return {
        "procedure": checklist.procedure,
        "status": checklist.status,
        "list": doc_list.key if doc_list else None,
        "status_ja": doc_list.status_ja if doc_list else None,
        "coverage": doc_list.coverage if doc_list else None,
        "questions": [{"id": q.id, "ja": q.ja, "en": q.en,
                       "options": [o.id for o in q.options],
                       "answer": checklist.effective.get(q.id),
                       "derived": ({"value": checklist.derived[q.id].value,
                                    "field": checklist.derived[q.id].field or None,
                                    "from": checklist.derived[q.id].origin(language)}
                                   if q.id in checklist.derived else None),
                       "overridden": checklist.overridden(q.id)}
                      for q in checklist.questions],
        "done": done,
        "total": total,
        "items": [{
            "id": i.item.id, "ja": i.item.ja, "en": i.item.en, "detail_ja": i.item.detail_ja,
            "when": i.item.when, "applies": i.applies, "status": i.status.value,
            "reason": i.reason, "files": list(i.files), "provider": i.provider.value,
            "general": i.item.general, "confirmed": i.item.confirmed,
            "source": i.item.source, "source_kind": i.item.source_kind,
            "seen_date": i.item.seen_date} for i in checklist.items if i.applies is not False],
    }
