"""The Shift_JIS check: the whole-value fast path finds exactly what the per-character one finds."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from assistant.model.exports.charset import CharIssue, _bad_chars_each, bad_chars

# any text, weighted towards Japanese text and the cp932 extension and look-alike characters
japanese = st.text(alphabet=st.one_of(
    st.characters(min_codepoint=0x20, max_codepoint=0x7E),
    st.characters(min_codepoint=0x2150, max_codepoint=0x33FF),    # ①, ⅰ, ㈱, kana, 〜
    st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF),    # kanji (髙 is U+9AD9)
    st.characters(min_codepoint=0xF900, max_codepoint=0xFAFF),    # 﨑 and other compatibility
    st.characters(min_codepoint=0xFF00, max_codepoint=0xFFEF),
    st.sampled_from("髙﨑〜∥－¢£¬∵≒①㈱𠮷éⅰⅠ\r\n\t"),
), max_size=30)


@settings(deadline=None)  # a loaded machine must not turn slowness into failures
@given(st.one_of(st.text(max_size=30), japanese))
def test_fast_path_finds_what_the_character_by_character_check_finds(text: str) -> None:
    assert bad_chars(text) == _bad_chars_each(text)


def test_the_characters_an_office_meets() -> None:
    issues = {bad.char: bad.issue for bad in bad_chars("髙橋 山﨑 〜 ① 𠮷野家 霞が関１－２")}
    assert issues == {"髙": CharIssue.EXTENSION, "﨑": CharIssue.EXTENSION,
                      "〜": CharIssue.CHANGED, "①": CharIssue.EXTENSION,
                      "𠮷": CharIssue.UNENCODABLE}
    assert bad_chars("山田　太郎　東京都千代田区霞が関１－１－１") == []
