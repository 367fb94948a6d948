"""The export writes the stored value byte for byte, for every value ``validate`` accepts.

For one field of every kind (character class, pattern, date, year-month, number, pull-down,
repeat member), a value put into an otherwise complete case (ISA's example case) that
validation accepts comes out of the CSV export as exactly that value — only a pull-down's
label/code is mapped, as declared. A case validation rejects is refused, nothing written.
"""

from __future__ import annotations

import csv
import tempfile
from datetime import date
from pathlib import Path

from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from assistant.model.case import Case
from assistant.model.codelists import code_list
from assistant.model.exports import bulk
from assistant.model.fields import FieldDef, catalogue
from assistant.model.normalize import normalize_value
from assistant.model.validation import validate_case
from tests.isa_cases import ON, stored_case

RENEWAL = catalogue("renewal")
BASE, _ = stored_case("renewal")


def _kind(f: FieldDef) -> tuple[object, ...]:
    return (f.kind, f.char_class, f.pattern, bool(f.code_list), bool(f.parent), bool(f.group),
            f.date_unknown_markers, f.past_only)


# one field of each kind the renewal catalogue has (first in template order)
FIELDS = list({_kind(f): f for f in reversed(RENEWAL.fields)}.values())


def _key(f: FieldDef) -> str:
    return f"{f.id}[1]" if f.group else f.id


def _column(f: FieldDef) -> tuple[str, int]:
    """The sheet and column the field's key is exported to first."""
    for sheet in RENEWAL.sheets:
        for index, column in enumerate(RENEWAL.columns(sheet)):
            if column.key == _key(f):
                return sheet, index
    raise AssertionError(f"{f.id} is not exported")


def _choices(f: FieldDef) -> st.SearchStrategy[str]:
    if not f.code_list:
        return st.nothing()
    codes = code_list(f.code_list)
    entries = list(codes.entries) + [e for _, sub in codes.by_parent for e in sub]
    return st.sampled_from([e.label for e in entries] + [e.code for e in entries if e.code]
                           + [" " + entries[0].label, entries[0].label.lower()])


TYPED = st.text(alphabet=st.one_of(
    st.characters(min_codepoint=0x20, max_codepoint=0x7E),
    st.sampled_from("０１２３ＡＢａｂ　ｶﾞアイ漢字－ー\t\n=+@"),
), max_size=14)


def _fitting(f: FieldDef) -> st.SearchStrategy[str]:
    """Values of the field's own kind (most of them valid)."""
    if f.code_list:
        return _choices(f)
    past = st.dates(date(1950, 1, 1), date(2025, 12, 31))
    if f.kind == "date":
        return past.map(lambda d: d.strftime("%Y%m%d"))
    if f.kind == "year_month":
        return past.map(lambda d: d.strftime("%Y%m"))
    if f.char_class == "digits":
        low = f.min_length or 1
        return st.from_regex(f"[0-9]{{{low},{f.max_length or 13}}}", fullmatch=True)
    if f.example:
        return st.one_of(st.just(f.example), TYPED.map(lambda raw: normalize_value(f, raw)))
    return TYPED.map(lambda raw: normalize_value(f, raw))


@st.composite
def candidates(draw: st.DrawFn) -> tuple[FieldDef, str]:
    """A field and a value for it: one of its kind, typed and normalised, or raw."""
    f = draw(st.sampled_from(FIELDS))
    value = draw(st.one_of(
        _fitting(f), _fitting(f), _fitting(f),
        st.sampled_from(["AB12345678CD", "HOUMU TARO", "a@example.jp", "1234567",
                         "株式会社○○", "ＡＢＣ", "37.5", "1E+12", "=1+1", " x", "99999999"]),
        TYPED.map(lambda raw: normalize_value(f, raw)),
        TYPED,
    ))
    return f, value


@settings(deadline=None, max_examples=250,
          suppress_health_check=[HealthCheck.filter_too_much, HealthCheck.too_slow])
@given(candidates())
def test_export_of_a_stored_value_validate_accepts_is_that_value(candidate) -> None:
    f, value = candidate
    case = Case(id="p", procedure="renewal", values={**BASE.values, _key(f): value})
    problems = [p for p in validate_case(case, ON) if p.is_error]
    with tempfile.TemporaryDirectory() as tmp:
        result = bulk.export_csv([case], tmp, on=ON)
        if problems:   # refused: nothing written, the errors reported
            assert not result.written and not list(Path(tmp).iterdir())
            assert {(i.key, i.problem.code) for i in result.errors} == {
                (p.field, p.code) for p in problems}
            return
        assert result.written
        event(f"written: {f.kind}/{f.char_class}/{f.pattern}")
        sheet, index = _column(f)
        with (Path(tmp) / f"renewal_{sheet}.csv").open(encoding="utf-8-sig", newline="") as fh:
            cell = list(csv.reader(fh))[1][index]
    if not value.strip():   # nothing chosen (validation treats it as empty): as stored
        assert cell == value
    elif f.code_list:   # the declared mapping: the workbook's label of the stored label or code
        entry = code_list(f.code_list).lookup(value)
        assert entry is not None and cell == entry.label
        assert value in (entry.label, entry.code)
    else:
        assert cell == value


def test_every_kind_is_exercised() -> None:
    kinds = {(f.kind, f.char_class, f.pattern) for f in FIELDS}
    assert {("date", "digits", None), ("year_month", "digits", None), ("number", "digits", None),
            ("code", "any", None), ("yesno", "any", None), ("text", "fullwidth", None),
            ("text", "halfwidth_upper", "name_latin"), ("text", "digits", "phone"),
            ("text", "halfwidth", "email"), ("text", "any", None)} <= kinds
    assert any(f.group for f in FIELDS) and any(f.parent for f in FIELDS)


def test_values_validate_rejects_are_refused_not_rewritten(tmp_path: Path) -> None:
    """The issue's examples: nothing is 'fixed' on the way out; the case is refused."""
    for key, value, code in [("hours_weekly", "37.5", "field_not_digits"),
                             ("monthly_pay", "約20万円", "field_not_digits"),
                             ("org_capital", "1E+12", "field_exponent_notation"),
                             ("org_corporate_number", "1.23457E+12", "field_exponent_notation"),
                             ("birth_date", "平成7年4月12日", "field_not_halfwidth"),
                             ("name", "houmu taro", "field_not_uppercase"),
                             ("postal_code", "１２３４５６７", "field_not_digits"),
                             ("phone", "03-1234-5678", "field_not_digits"),
                             ("remarks", "=HYPERLINK(\"http://x\")", "field_formula_start")]:
        fdef = RENEWAL.field(key)
        keys = [c.key for s in RENEWAL.sheets for c in RENEWAL.columns(s)
                if c.field_id == fdef.id]
        case = Case(id="p", procedure="renewal", values={**BASE.values, keys[0]: value})
        result = bulk.export_csv([case], tmp_path / key, on=ON)
        assert not result.written and not (tmp_path / key).exists(), key
        assert (keys[0], code) in {(i.key, i.problem.code) for i in result.errors}, key
