"""Normalisers: width conversion, names, digits, dates, pull-down values (with properties)."""

from __future__ import annotations

import unicodedata

import jaconv
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from assistant.model import normalize
from assistant.model.eras import parse_date, parse_year_month
from assistant.model.fields import catalogue
from assistant.model.normalize import (
    collapse_spaces,
    digits_only,
    latin_name,
    normalize_value,
    to_fullwidth,
    to_halfwidth,
)

RENEWAL = catalogue("renewal")

ascii_text = st.text(alphabet=st.characters(min_codepoint=0x20, max_codepoint=0x7E), max_size=40)
kana = st.text(alphabet=st.characters(min_codepoint=0x30A1, max_codepoint=0x30F6), max_size=20)
halfwidth_kana = st.text(alphabet=st.characters(min_codepoint=0xFF66, max_codepoint=0xFF9D),
                         max_size=20)
mixed = st.text(alphabet=st.one_of(
    st.characters(min_codepoint=0x20, max_codepoint=0x7E),
    st.characters(min_codepoint=0xFF01, max_codepoint=0xFF5E),
    st.characters(min_codepoint=0x3041, max_codepoint=0x30F6),
    st.characters(min_codepoint=0xFF66, max_codepoint=0xFF9D),
    st.sampled_from("　漢字一二三〒－"),
), max_size=40)


def test_examples_from_the_issue() -> None:
    assert to_halfwidth("ＡＢ１２３４５６７８ＣＤ") == "AB12345678CD"
    assert to_halfwidth("ﾎｳﾑ ﾀﾛｳ") == "ホウム タロウ"
    assert to_fullwidth("1-1-1 ｶｽﾐｶﾞｾｷ") == "１－１－１　カスミガセキ"
    assert latin_name("  houmu   taro ") == "HOUMU TARO"
    assert latin_name("ｈｏｕｍｕ　ｔａｒｏ") == "HOUMU TARO"
    assert digits_only("〒100-0001") == "1000001"
    assert digits_only("(03) 1234－5678") == "0312345678"


@settings(deadline=None)  # a loaded machine must not turn slowness into failures
@given(mixed)
def test_halfwidth_is_idempotent(text: str) -> None:
    once = to_halfwidth(text)
    assert to_halfwidth(once) == once


@settings(deadline=None)  # a loaded machine must not turn slowness into failures
@given(mixed)
def test_halfwidth_leaves_no_fullwidth_ascii_and_no_halfwidth_kana(text: str) -> None:
    out = to_halfwidth(text)
    assert not any("\uff01" <= ch <= "\uff5e" for ch in out)
    assert not any("\uff61" <= ch <= "\uff9f" for ch in out)


@settings(deadline=None)  # a loaded machine must not turn slowness into failures
@given(kana)
def test_katakana_stays_fullwidth(text: str) -> None:
    assert to_halfwidth(text) == text


@settings(deadline=None)  # a loaded machine must not turn slowness into failures
@given(halfwidth_kana)
def test_halfwidth_kana_becomes_fullwidth_kana(text: str) -> None:
    out = to_halfwidth(text)
    assert out == unicodedata.normalize("NFKC", text)


@settings(deadline=None)  # a loaded machine must not turn slowness into failures
@given(ascii_text)
def test_fullwidth_round_trip(text: str) -> None:
    wide = to_fullwidth(text)
    assert all(not ch.isascii() for ch in wide)
    assert to_halfwidth(wide) == text


@settings(deadline=None)  # a loaded machine must not turn slowness into failures
@given(mixed)
def test_fullwidth_is_idempotent_and_has_no_ascii(text: str) -> None:
    once = to_fullwidth(text)
    assert to_fullwidth(once) == once
    assert not any(ch.isascii() for ch in once)


@settings(deadline=None)  # a loaded machine must not turn slowness into failures
@given(mixed)
def test_collapse_spaces(text: str) -> None:
    out = collapse_spaces(text)
    assert "  " not in out and "\u3000" not in out
    assert out == out.strip()
    assert collapse_spaces(out) == out


@settings(deadline=None)  # a loaded machine must not turn slowness into failures
@given(st.text(alphabet=st.sampled_from("abcxyzＡＢｃ  \u3000"), max_size=30))
def test_latin_name_properties(text: str) -> None:
    out = latin_name(text)
    assert out == out.upper() and out.isascii()
    assert "  " not in out and out == out.strip()
    assert latin_name(out) == out


@settings(deadline=None)  # a loaded machine must not turn slowness into failures
@given(mixed)
def test_digits_only(text: str) -> None:
    out = digits_only(text)
    assert out == "" or out.isdigit()
    assert out.isascii()
    assert digits_only(out) == out


@pytest.mark.parametrize("field_id,raw,expected", [
    ("zairyu_card_number", "ａｂ１２３４５６７８ｃｄ", "AB12345678CD"),
    ("name", " houmu  taro ", "HOUMU TARO"),
    ("phone", "03-1234-5678", "0312345678"),
    ("postal_code", "〒100-0001", "1000001"),
    ("address_street", "1-1-1 霞ヶ関ﾊｲﾂ 202号", "１－１－１　霞ヶ関ハイツ　２０２号"),
    ("birth_date", "令和6年4月1日", "20240401"),
    ("birth_date", "20250500", "20250500"),
    ("birth_date", "R6.2.30", "R6.2.30"),  # unreadable input is kept for the office to fix
    ("sex", "男", "男 male"),
    ("sex", "2", "女 female"),
    ("has_relatives", "有", "有 Yes"),
    ("nationality", "L61", "ベトナム Viet Nam"),
    ("current_status", "T26", "技術・人文知識・国際業務 Engineer/Specialist in Humanities/"
                              "International Services"),
    ("email", "ｅｘａｍｐｌｅ＠ｘｘｘ．ｃｏ．ｊｐ", "example@xxx.co.jp"),
    ("reason", "  一行目  \r\n ｶﾀｶﾅ  ", "一行目\nカタカナ"),
])
def test_normalize_value(field_id: str, raw: str, expected: str) -> None:
    assert normalize_value(RENEWAL.field(field_id), raw) == expected


@settings(deadline=None)  # a loaded machine must not turn slowness into failures
@given(st.sampled_from([f.id for f in RENEWAL.fields if f.sheet == "main"]), mixed)
def test_normalize_value_is_idempotent_for_every_main_field(field_id: str, raw: str) -> None:
    f = RENEWAL.field(field_id)
    once = normalize_value(f, raw)
    assert normalize_value(f, once) == once


# any text, weighted towards the characters the conversions touch (and the ones next to them)
any_text = st.one_of(st.text(max_size=40), mixed, st.text(alphabet=st.one_of(
    st.characters(min_codepoint=0x3000, max_codepoint=0x30FF),
    st.characters(min_codepoint=0xFF00, max_codepoint=0xFFEF),
    st.characters(min_codepoint=0x20, max_codepoint=0x7F),
    st.sampled_from("ｶﾞﾊﾟｳﾞﾞﾟ\r\n"),
), max_size=40))


@settings(deadline=None)  # a loaded machine must not turn slowness into failures
@given(any_text)
def test_fast_paths_give_what_the_full_conversion_gives(text: str) -> None:
    # the reference: jaconv on every value, as before the fast paths
    ascii_half = jaconv.z2h(text, kana=False, ascii=True, digit=True)
    assert to_halfwidth(text) == jaconv.h2z(ascii_half, kana=True, ascii=False, digit=False)
    assert to_fullwidth(text) == jaconv.h2z(text, kana=True, ascii=True, digit=True)

    lines = text.replace("\r\n", "\n").replace("\r", "\n")
    slow = jaconv.h2z(lines, kana=True, ascii=False, digit=False)
    expected = "\n".join(normalize.trim(normalize._LINE_SPACES.sub(" ", line))
                         for line in slow.split("\n")).strip("\n")
    assert normalize._multiline(text) == expected


digits8 = st.text(alphabet="0123456789", min_size=8, max_size=8)
digits6 = st.text(alphabet="0123456789", min_size=6, max_size=6)


@settings(deadline=None)  # a loaded machine must not turn slowness into failures
@given(st.one_of(digits8, st.builds(lambda d: d.isoformat().replace("-", ""), st.dates()),
                 st.sampled_from(["99999999", "20250000", "20250500", "20250230", "00000101"])),
       st.booleans())
def test_date_fast_path_gives_what_the_date_parser_gives(raw: str, allow_unknown: bool) -> None:
    result = parse_date(raw, allow_unknown=allow_unknown)
    slow = result.template if result.ok else collapse_spaces(to_halfwidth(raw))
    assert normalize._template_date(allow_unknown, raw) == slow


@settings(deadline=None)  # a loaded machine must not turn slowness into failures
@given(st.one_of(digits6, st.sampled_from(["000001", "202500", "202512", "202513"])))
def test_year_month_fast_path_gives_what_the_parser_gives(raw: str) -> None:
    result = parse_year_month(raw)
    slow = result.template if result.ok else collapse_spaces(to_halfwidth(raw))
    assert normalize._template_year_month(raw) == slow
