"""Result checklists: what to send by mail or bring to the counter after 「審査完了」.

The content is data (``resources/checklists/{common,mail,counter}.json``, each line with its
source in the ISA guide); this module picks the lines that apply to a case (procedure, receipt
method, status of residence, fee) and fills in the case's values. The result is a
:class:`~assistant.model.exports.document.Document`; ``assistant.render`` writes it as a PDF.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

from assistant.model import case as case_fields
from assistant.model import rules
from assistant.model.case import Case, ReceiptMethod
from assistant.model.dates import format_date
from assistant.model.exports.document import Document, Line, LineKind, Section
from assistant.resources import load_json

# (procedure, on, variant) -> fee in yen for online filing; None when the fee table has no entry.
FeeLookup = Callable[[str, date, str | None], int | None]
# case -> receipt methods allowed for it; None when unknown.
MethodsLookup = Callable[[Case], Sequence[ReceiptMethod] | None]

_NO_VALUES = frozenset({"無", "無 No", "0", "No", "no"})


def _data(name: str) -> dict[str, Any]:
    data: dict[str, Any] = load_json("checklists", f"{name}.json")
    return data


def _text(entry: dict[str, Any], language: str) -> str:
    text: str = entry["en" if language == "en" else "ja"]
    return text


def _word(key: str, language: str, **params: Any) -> str:
    return _text(_data("common")["words"][key], language).format(**params)


def _heading(key: str, language: str) -> str:
    return _text(_data("common")["headings"][key], language)


def procedure_label(procedure: str, language: str = "ja") -> str:
    proc = rules.get_procedure(procedure)
    return proc.name_en if language == "en" else proc.name_ja


def simultaneous_procedures(case: Case) -> list[str]:
    """The applications filed together with the case's main application (re-entry, …)."""
    return rules.simultaneous_procedures(case.values)


def reentry_variant(case: Case) -> str | None:
    """``single`` / ``multiple`` from the re-entry permit type the case asks for."""
    spec: dict[str, str] = _data("common")["reentry_variants"]
    value = case.value(spec["field"])
    for prefix, variant in spec["by_label_prefix"].items():  # type: ignore[attr-defined]
        if value.startswith(prefix):
            return str(variant)
    return None


def return_address(postal_code: str, address: str, office_name: str) -> str:
    """The return envelope's address: the office address registered in the user profile."""
    postal = f"〒{postal_code[:3]}-{postal_code[3:]} " if len(postal_code) == 7 else ""
    return postal + " ".join(part for part in (address, office_name) if part)


def holds_designation_status(case: Case) -> bool:
    """True when the current status is one for which a 指定書 may have been issued."""
    spec = _data("common")["designation_statuses"]
    status = case.value(case_fields.CURRENT_STATUS).strip()
    if not status:
        return False
    code = status.split()[0]
    prefixes: list[str] = spec["label_prefixes"]
    return code in spec["codes"] or any(status.startswith(p) for p in prefixes)


def has_card(case: Case) -> bool:
    """False only when the case says the applicant has no residence card."""
    return case.value(case_fields.HAS_CARD).strip() not in _NO_VALUES


_PERIOD_PART = re.compile(r"(\d+)(年|月|日)")


def desired_period_months(case: Case) -> int | None:
    """The period of stay the case asks for, in whole months rounded up (``３月`` → 3,
    ``９０日`` → 3, ``１年６月`` → 18); None when not entered or not a length (無期限)."""
    text = unicodedata.normalize("NFKC", case.value("desired_period")).split(" ", 1)[0]
    parts = _PERIOD_PART.findall(text)
    if not parts or "".join(n + u for n, u in parts) != text:
        return None
    days = sum(int(n) * {"年": 360, "月": 30, "日": 1}[u] for n, u in parts)
    return max(1, -(-days // 30))


def _default_fee(procedure: str, on: date, variant: str | None) -> int | None:
    try:
        return rules.fee(procedure, on, online=True, variant=variant).amount_yen
    except rules.RulesError:
        return None   # not in the fee table (acquisition, extra-activity)


def _methods_under(profile: str | None) -> MethodsLookup:
    return lambda case: _default_methods(case, profile)


def _default_methods(case: Case, profile: str | None = None) -> Sequence[ReceiptMethod] | None:
    try:
        # Not having a card now (a newborn filing acquisition) is not the rules' "no card":
        # that means a permit stamped in the passport, which only a short period implies.
        result = rules.receipt_methods(case.procedure, with_=simultaneous_procedures(case),
                                       granted_period_months=desired_period_months(case),
                                       profile=profile)
    except rules.RulesError:
        return None
    known = {m.value for m in ReceiptMethod}
    return [ReceiptMethod(m) for m in result.methods if m in known]


def _applies(item: dict[str, Any], case: Case) -> bool:
    if case.procedure not in item.get("procedures", [case.procedure]):
        return False
    when: str = item.get("when", "always")
    if when == "always":
        return True
    if when == "designation_status":
        return holds_designation_status(case)
    if when == "has_card":
        return has_card(case)
    if when == "card_held_by_office":
        # The office holds the card only when it mails the current card (change / renewal).
        return case.procedure in ("change", "renewal")
    if when.startswith("procedure:"):
        return case.procedure == when.split(":", 1)[1]
    raise ValueError(f"unknown condition {when!r} in resources/checklists")


def _fmt_yen(amount: int, language: str) -> str:
    return _word("yen", language, amount=f"{amount:,}")


def _fee_lines(case: Case, on: date, language: str,
               fee_lookup: FeeLookup) -> tuple[list[Line], int | None, list[str]]:
    """The fee section, the stamps to buy in yen (None when a fee is unknown) and, when more
    than one application is paid for, the amount per application."""
    items: list[tuple[str, str | None]] = [(case.procedure, None)]
    if "reentry" in simultaneous_procedures(case):
        items.append(("reentry", reentry_variant(case)))
    lines: list[Line] = []
    parts: list[str] = []
    total: int | None = 0
    for procedure, variant in items:
        fee = fee_lookup(procedure, on, variant)
        label = _word("fee_online", language, procedure=procedure_label(procedure, language))
        if fee is None:
            value, total = _word("fee_unknown", language), None
        else:
            value = _fmt_yen(fee, language) if fee else _word("fee_none", language)
            total = None if total is None else total + fee
        parts.append(_word("fee_part", language, amount=value,
                           procedure=procedure_label(procedure, language)))
        lines.append(Line(LineKind.FIELD, label=label, value=value, source="docs/domain.md#fees",
                          id=f"fee_{procedure}"))
    if total:
        lines.append(Line(LineKind.CHECK, text=_word("fee_total", language) + ": "
                          + _fmt_yen(total, language), source="seed 5(2)ア ※2", id="stamps"))
    return lines, total, parts if len(parts) > 1 else []


def _blank(value: str, language: str) -> str:
    return value if value.strip() else _word("blank", language)


def _case_sections(case: Case, method: ReceiptMethod, *, on: date, office_address: str,
                   language: str, fee_lookup: FeeLookup, methods_lookup: MethodsLookup,
                   persons: int, application_numbers: str, with_label: bool) -> list[Section]:
    common = _data("common")
    spec = _data(method.value)
    name = case.value(case_fields.NAME)
    number = case.application_number

    applicant = Section(_heading("applicant", language))
    applicant.lines += [
        Line(LineKind.FIELD, label=_word("name", language), value=_blank(name, language), id="name"),
        Line(LineKind.FIELD, label=_word("procedure", language),
             value=procedure_label(case.procedure, language), id="procedure"),
        Line(LineKind.FIELD, label=_word("application_number", language),
             value=_blank(number, language), id="application_number"),
        Line(LineKind.FIELD, label=_word("method", language),
             value=_word(f"method_{method.value}", language), id="method"),
    ]
    allowed = methods_lookup(case)
    if allowed is not None and method not in allowed:
        applicant.lines.append(Line(
            LineKind.TEXT, id="method_not_allowed", source="seed 5(1)カ",
            text=_word("method_not_allowed", language,
                       method=_word(f"method_{method.value}", language))))
    applicant.lines.append(Line(LineKind.TEXT, text=_text(spec["intro"], language),
                                source=spec["intro"]["source"], id="intro"))

    heading = {ReceiptMethod.MAIL: "enclose", ReceiptMethod.COUNTER: "bring",
               ReceiptMethod.EMAIL: "office_does"}[method]
    items = Section(_heading(heading, language))
    for item in spec["items"]:
        if _applies(item, case):
            items.lines.append(Line(LineKind.CHECK, text=_text(item, language),
                                    source=item["source"], id=item["id"]))
    sections = [applicant, items]

    needs_slip = any(line.id == "fee_slip" for line in items.lines)
    if needs_slip:
        fee_lines, fee, parts = _fee_lines(case, on, language, fee_lookup)
        sections.append(Section(_heading("fee", language), fee_lines))
        slip = Section(_heading("fee_slip", language))
        values = {"application_number": _blank(number, language), "name": _blank(name, language),
                  "fee": _fmt_yen(fee, language) if fee else _word("fee_unknown", language)}
        if parts and fee:
            values["fee"] += _word("fee_parts", language, parts="、".join(parts))
        for entry in common["fee_slip"]["lines"]:
            slip.lines.append(Line(LineKind.FIELD, label=entry["label_en" if language == "en"
                                                               else "label_ja"],
                                   value=values[entry["value"]], source=entry["source"],
                                   id=entry["id"]))
        sections.append(slip)

    if method is ReceiptMethod.MAIL:
        envelope = Section(_heading("envelope", language))
        params = {"office_address": office_address or _word("office_address_missing", language),
                  "application_numbers": application_numbers or _blank(number, language),
                  "persons": persons}
        for entry in common["envelope"]["lines"]:
            if _applies(entry, case):
                envelope.lines.append(Line(LineKind.CHECK, text=_text(entry, language).format(**params),
                                           source=entry["source"], id=entry["id"]))
        sections.append(envelope)
        if with_label:
            sections.append(address_label_section(language))

    notes = Section(_heading("notes", language))
    for entry in common["notes"]["lines"]:
        if method is ReceiptMethod.MAIL or entry["when"] == "always":
            if _applies(entry, case):
                notes.lines.append(Line(LineKind.CHECK, text=_text(entry, language),
                                        source=entry["source"], id=entry["id"]))
    if notes.lines:
        sections.append(notes)
    return sections


def address_label_section(language: str = "ja") -> Section:
    """The ISA mailing address as a label to cut out and stick on the outer envelope."""
    address = _data("common")["mailing_address"]
    text = "\n".join([address["postal_code"], *address["lines"]])
    return Section(_heading("label", language),
                   [Line(LineKind.LABEL, text=text, source=address["_source"], id="mailing_address")])


def build_checklist(case: Case, method: ReceiptMethod, *, on: date, office_address: str = "",
                    language: str = "ja", fee_lookup: FeeLookup | None = None,
                    methods_lookup: MethodsLookup | None = None,
                    profile: str | None = None) -> Document:
    """The checklist for one case received by ``method``, prepared on ``on``."""
    return build_batch_checklist([case], method, on=on, office_address=office_address,
                                 language=language, fee_lookup=fee_lookup,
                                 methods_lookup=methods_lookup, profile=profile)


def build_batch_checklist(cases: Sequence[Case], method: ReceiptMethod, *, on: date,
                          office_address: str = "", language: str = "ja",
                          fee_lookup: FeeLookup | None = None,
                          methods_lookup: MethodsLookup | None = None,
                          profile: str | None = None) -> Document:
    """One document for several cases: a summary, then each case on its own page.

    ``profile``: the rule profile that says which receipt methods a case allows (the default
    profile when None; ``system-2026`` lets a certificate of eligibility come by e-mail).

    For certificates of eligibility sent together, the envelope's back carries every
    application number and the number of persons in the batch.
    """
    if not cases:
        raise ValueError("no cases for the checklist")
    fee_lookup = fee_lookup or _default_fee
    methods_lookup = methods_lookup or _methods_under(profile)
    spec = _data(method.value)
    doc = Document(title=_text(spec["title"], language),
                   subtitle=_word("date", language, date=format_date(on, language)),
                   footer=_word("sources", language))
    coe_cases = [c for c in cases if c.procedure == "coe"]
    coe_numbers = "、".join(_blank(c.application_number, language) for c in coe_cases)
    if len(cases) > 1:
        summary = Section(_heading("batch", language))
        for c in cases:
            summary.lines.append(Line(
                LineKind.CHECK, id="batch_case",
                text=" / ".join([_blank(c.value(case_fields.NAME), language),
                                 procedure_label(c.procedure, language),
                                 _blank(c.application_number, language)])))
        summary.lines.append(Line(LineKind.FIELD, label=_word("persons", language),
                                  value=str(len(cases)), id="persons"))
        doc.sections.append(summary)
    for index, case in enumerate(cases):
        is_coe = case.procedure == "coe"
        sections = _case_sections(
            case, method, on=on, office_address=office_address, language=language,
            fee_lookup=fee_lookup, methods_lookup=methods_lookup,
            persons=len(coe_cases) if is_coe else 1,
            application_numbers=coe_numbers if is_coe else "",
            with_label=len(cases) == 1)
        sections[0].page_break_before = index > 0 or len(cases) > 1
        doc.sections.extend(sections)
    if len(cases) > 1 and method is ReceiptMethod.MAIL:
        label = address_label_section(language)
        label.page_break_before = True
        doc.sections.append(label)
    return doc
