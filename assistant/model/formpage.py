"""Read a saved 申込 (application input) page of the online system into its items.

The rebuilt 在留申請オンラインシステム shows one 申込 page per procedure and 区分
(docs/domain.md#online-page). Saved from a browser (HTML, "complete" or MHTML), the page holds
every item: ``<dl id="tr_NNN" class="c-input">`` rows under ``<h4>`` headings (size 6: a part
such as 身分事項 or 高度専門職ポイント表; size 3: a section such as 申請人に関する情報等), a label
carrying the paper form's item number in full-width digits (``９.４　日本における連絡先 携帯電話番号``),
a 必須 mark, the control (``select``/``input``/``textarea`` with ``id``, ``name``,
``maxlength``, options), repeat rows ``repetitionNNN_1`` … ``_6`` and conditional rows
(``hasCondition``, hidden until another answer shows them).

:func:`parse_page` answers a :class:`FormPage`; it raises :class:`FormPageError` (a message in
Japanese and English) for a page that is not a 申込 page or whose layout changed. Pure Python
(``html.parser``), no network; shared by ``tools/build_form_fields.py`` and
``assistant import form``.
"""

from __future__ import annotations

import email
import quopri
import re
import unicodedata
from dataclasses import dataclass, field
from html.parser import HTMLParser

from assistant.model.fields import guidance_lengths

# Procedures by the title's name (選択中の手続き名).
PROCEDURE_TITLES = {
    "在留資格認定証明書交付申請": "coe",
    "在留資格変更許可申請": "change",
    "在留期間更新許可申請": "renewal",
    "在留資格取得許可申請": "acquisition",
    "就労資格証明書交付申請": "work-cert",
}
_TITLE = re.compile(r"^(?P<name>[^（(]+)(?:[（(]区分(?P<kubun>[A-ZＡ-Ｚ])[）)])?$")
_ITEM = re.compile(r"^(?P<item>[0-9０-９]+(?:[.．][0-9０-９]+)*)[\s　]+(?P<label>.+)$")
_REPEAT_SUFFIX = re.compile(r"(?P<n>0[1-9]|[1-9][0-9])$")
_REPETITION = re.compile(r"^repetition(?P<group>\d+)_(?P<n>\d+)$")
PLACEHOLDER = "選択してください"


class FormPageError(ValueError):
    """The file is not a 申込 page this program can read; ``message_ja`` / ``message_en``."""

    def __init__(self, message_ja: str, message_en: str) -> None:
        super().__init__(message_ja)
        self.message_ja = message_ja
        self.message_en = message_en


@dataclass(frozen=True)
class Choice:
    value: str
    text: str


@dataclass(frozen=True)
class Control:
    """One input of a row: ``kind`` text | textarea | select | radio | checkbox | date | file."""

    tag: str
    kind: str
    id: str
    name: str
    max_length: int | None = None
    choices: tuple[Choice, ...] = ()


@dataclass(frozen=True)
class PageItem:
    """One row of the page (``<dl id="tr_NNN">``) with its control."""

    row_id: str
    item: str                 # "9.4" (half-width), "" when the label has no number
    label: str                # the label without number and repeat suffix
    raw_label: str
    part: str                 # the size-6 heading (身分事項, 高度専門職ポイント表 …)
    section: str              # the size-3 heading (申請人に関する情報等 …), or the part
    required: bool
    conditional: bool         # shown only after another answer (hasCondition / hidden)
    hint: str
    kind: str
    control_id: str
    control_name: str
    max_length: int | None
    choices: tuple[Choice, ...]
    group: str | None = None  # repeat group (the page's repetition number)
    instance: int | None = None


@dataclass(frozen=True)
class FormPage:
    title: str
    procedure: str
    kubun: str | None
    items: tuple[PageItem, ...]
    headings: tuple[str, ...] = field(default=())


def half_width(text: str) -> str:
    """Full-width digits and dots to half-width (``９.４`` → ``9.4``)."""
    return unicodedata.normalize("NFKC", text).replace("．", ".")


def _clean(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("\u3000", " ")).strip()


@dataclass
class _Row:
    row_id: str
    part: str
    section: str
    conditional: bool
    group: str | None
    instance: int | None
    label: list[str] = field(default_factory=list)
    required: bool = False
    hint: list[str] = field(default_factory=list)
    controls: list[Control] = field(default_factory=list)
    date: bool = False


class _Parser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.title_parts: list[str] = []
        self.in_title = 0
        self.part = ""
        self.section = ""
        self.headings: list[str] = []
        self.h4: list[str] | None = None
        self.h4_size = ""
        self.rows: list[_Row] = []
        self.row: _Row | None = None
        self.row_depth = 0
        self.in_dt = False
        self.in_legend = False
        self.in_hint = 0
        self.hint_depth = 0
        self.select: dict[str, str] | None = None
        self.options: list[Choice] = []
        self.option: list[str] | None = None
        self.option_value = ""
        self.choice_text: list[str] | None = None
        self.pending_choice: dict[str, str] | None = None
        self.repetition: list[tuple[str, int, int]] = []   # (group, n, depth)
        self.depth = 0
        self.in_required = 0

    # --- structure ----------------------------------------------------------------------
    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag not in ("input", "br", "img", "meta", "link", "hr"):
            self.depth += 1
        classes = a.get("class", "").split()
        if tag == "span" and "c-box--selectProcess__title--sub" in classes:
            self.in_title = self.depth
        match = _REPETITION.match(a.get("id", "")) if tag == "div" else None
        if match:
            self.repetition.append((match["group"], int(match["n"]), self.depth))
        if tag == "h4":
            size = next((c for c in classes if c.startswith("offerItemTitleSize_")), "")
            if size:
                self.h4, self.h4_size = [], size
        if tag == "dl" and a.get("id", "").startswith("tr_") and self.row is None:
            group, instance = (self.repetition[-1][:2] if self.repetition else (None, None))
            self.row = _Row(row_id=a["id"], part=self.part, section=self.section or self.part,
                            conditional="display: none" in a.get("style", ""),
                            group=group, instance=instance)
            self.row.date = "c-input--day" in classes
            self.row_depth = self.depth
        if self.row is None:
            return
        if tag == "dt":
            self.in_dt = True
            if "hasCondition" in classes:
                self.row.conditional = True
        elif tag == "legend":
            self.in_legend = True
        elif tag == "span" and "required_span" in classes and self.in_dt:
            self.row.required = True
            self.in_required = self.depth
        elif tag == "div" and not self.in_hint and ("u-mt15" in classes or "u-mb15" in classes) \
                and not a.get("id", "").startswith("unknownExplanation"):
            self.in_hint, self.hint_depth = 1, self.depth
        elif tag == "select":
            self.select = a
            self.options = []
        elif tag == "option" and self.select is not None:
            self.option, self.option_value = [], a.get("value", "")
        elif tag == "textarea":
            self._control("textarea", "textarea", a)
        elif tag == "input":
            kind = a.get("type", "text").lower()
            if kind in ("button", "submit", "hidden", "image", "reset"):
                return
            if kind in ("radio", "checkbox"):
                self.pending_choice = a
                self.choice_text = []
                return
            if kind == "file":
                self._control("input", "file", a)
                return
            date = self.row.date or "viewDatePicker" in a.get("class", "")
            self._control("input", "date" if date else "text", a)

    def handle_endtag(self, tag: str) -> None:
        if self.in_title and tag == "span" and self.depth == self.in_title:
            self.in_title = 0
        if tag == "h4" and self.h4 is not None:
            text = _clean("".join(self.h4))
            if self.h4_size == "offerItemTitleSize_6":
                self.part, self.section = text, ""
            elif self.h4_size == "offerItemTitleSize_3" and text != "注意事項":
                self.section = text
            self.headings.append(text)
            self.h4 = None
        if self.row is not None:
            if self.in_required and tag == "span" and self.depth == self.in_required:
                self.in_required = 0
            if tag == "dt":
                self.in_dt = False
            elif tag == "legend":
                self.in_legend = False
            elif tag == "option" and self.option is not None:
                self.options.append(Choice(self.option_value, _clean("".join(self.option))))
                self.option = None
            elif tag == "select" and self.select is not None:
                self._control("select", "select", self.select, tuple(self.options))
                self.select = None
            elif tag in ("label", "span", "p") and self.pending_choice is not None \
                    and self.choice_text is not None and _clean("".join(self.choice_text)):
                self._add_choice()
            elif tag == "div" and self.in_hint and self.depth == self.hint_depth:
                self.in_hint = 0
            if tag == "dl" and self.depth == self.row_depth:
                if self.pending_choice is not None:
                    self._add_choice()
                self.rows.append(self.row)
                self.row = None
        if tag == "div" and self.repetition and self.repetition[-1][2] == self.depth:
            self.repetition.pop()
        if tag not in ("input", "br", "img", "meta", "link", "hr"):
            self.depth -= 1

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title_parts.append(data)
        if self.h4 is not None:
            self.h4.append(data)
        if self.row is None:
            return
        if self.in_dt and not self.in_legend:
            if not self.in_required:
                self.row.label.append(data)
        elif self.option is not None:
            self.option.append(data)
        elif self.choice_text is not None and self.pending_choice is not None:
            self.choice_text.append(data)
        elif self.in_hint:
            self.row.hint.append(data)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in ("input", "br", "img", "meta", "link", "hr"):
            self.handle_endtag(tag)

    # --- controls -----------------------------------------------------------------------
    def _control(self, tag: str, kind: str, a: dict[str, str],
                 choices: tuple[Choice, ...] = ()) -> None:
        assert self.row is not None
        length = a.get("maxlength", "")
        self.row.controls.append(Control(tag=tag, kind=kind, id=a.get("id", ""),
                                         name=a.get("name", ""),
                                         max_length=int(length) if length.isdigit() else None,
                                         choices=choices))

    def _add_choice(self) -> None:
        assert self.row is not None and self.pending_choice is not None
        a = self.pending_choice
        kind = a.get("type", "radio").lower()
        choice = Choice(a.get("value", ""), _clean("".join(self.choice_text or [])))
        name = a.get("name", "")
        last = self.row.controls[-1] if self.row.controls else None
        if kind == "radio" and last is not None and last.kind == "radio" and last.name == name:
            self.row.controls[-1] = Control(tag="input", kind="radio", id=last.id, name=name,
                                            choices=(*last.choices, choice))
        elif kind == "checkbox" and last is not None and last.kind == "checkbox":
            self.row.controls[-1] = Control(tag="input", kind="checkbox", id=last.id,
                                            name=last.name, choices=(*last.choices, choice))
        else:
            self.row.controls.append(Control(tag="input", kind=kind, id=a.get("id", ""),
                                             name=name, choices=(choice,)))
        self.pending_choice = None
        self.choice_text = None


def page_text(data: bytes) -> str:
    """The HTML of a saved page: plain HTML (UTF-8) or the HTML part of an MHTML file."""
    head = data[:2048].lstrip()
    if head[:5].lower() in (b"from:", b"mime-") or b"multipart/related" in head.lower():
        message = email.message_from_bytes(data)
        for part in message.walk():
            if part.get_content_type() == "text/html":
                payload = part.get_payload(decode=True)
                if isinstance(payload, bytes):
                    charset = part.get_content_charset() or "utf-8"
                    return payload.decode(charset, errors="replace")
        raise FormPageError("保存したファイルにHTMLの部分がありません。",
                            "The saved file has no HTML part.")
    if b"=3D" in data[:4096] and b"<html" not in data[:4096].lower():
        data = quopri.decodestring(data)
    return data.decode("utf-8", errors="replace")


def _kind(controls: list[Control], date: bool) -> Control | None:
    for control in controls:
        if control.kind in ("select", "radio", "checkbox", "textarea", "file"):
            return control
    texts = [c for c in controls if c.kind in ("text", "date")]
    if not texts:
        return None
    if date:
        return Control(tag=texts[0].tag, kind="date", id=texts[0].id, name=texts[0].name,
                       max_length=texts[0].max_length)
    return texts[0]


def parse_page(text: str) -> FormPage:
    """The items of a saved 申込 page; raises :class:`FormPageError`."""
    parser = _Parser()
    try:
        parser.feed(text)
        parser.close()
    except (AssertionError, ValueError) as exc:   # html.parser on broken markup
        raise FormPageError(f"ページを読み取れません（{exc}）。",
                            f"The page cannot be read ({exc}).") from exc
    title = _clean("".join(parser.title_parts))
    if not title:
        raise FormPageError(
            "申込画面ではありません（「選択中の手続き名」が見つかりません）。オンラインシステムの申込画面を"
            "ブラウザで保存したファイルを選んでください。",
            "This is not an application (申込) page: it shows no selected procedure "
            "(選択中の手続き名). Choose a file saved from the online system's 申込 page.")
    match = _TITLE.match(title)
    procedure = PROCEDURE_TITLES.get(match["name"].strip()) if match else None
    if match is None or procedure is None:
        raise FormPageError(f"この申請種別には対応していません：「{title}」。",
                            f"Unknown procedure: \"{title}\".")
    kubun = half_width(match["kubun"]) if match["kubun"] else None
    items: list[PageItem] = []
    for row in parser.rows:
        control = _kind(row.controls, row.date)
        if control is None:
            continue
        raw = _clean("".join(row.label))
        number, label = "", raw
        found = _ITEM.match(raw)
        if found:
            number, label = half_width(found["item"]), found["label"].strip()
        if row.group is not None:
            label = _REPEAT_SUFFIX.sub("", label).strip()
        choices = tuple(c for c in control.choices if c.text != PLACEHOLDER)
        hint = _clean(" ".join(_clean(h) for h in row.hint if _clean(h)))
        items.append(PageItem(
            row_id=row.row_id, item=number, label=label, raw_label=raw, part=row.part,
            section=row.section, required=row.required, conditional=row.conditional,
            hint=hint, kind=control.kind, control_id=control.id, control_name=control.name,
            max_length=control.max_length, choices=choices, group=row.group,
            instance=row.instance))
    if len(items) < 20 or not any(i.item for i in items):
        raise FormPageError(
            "申込画面の形が変わったため読み取れません（項目番号の付いた入力欄が見つかりません）。"
            "このプログラムの新しい版をお使いください。",
            "The application page's layout has changed: no numbered input rows were found. "
            "Use a newer version of this program.")
    return FormPage(title=title, procedure=procedure, kubun=kubun, items=tuple(items),
                    headings=tuple(parser.headings))


# --------------------------------------------------------------------------- field set
# The page's parts that belong to the 区分 (docs/domain.md#categories); every other part
# (身分事項, 代理人, 取次者, 受領方法等, 入力情報確認) is common and stays the catalogue's.
KUBUN_SECTIONS: dict[str, tuple[str, str, str]] = {
    "申請人に関する情報等": ("applicant", "2-2", "Information about the applicant"),
    "所属機関に関する情報等": ("organization", "2-3", "Information about the organisation"),
    "高度専門職ポイント表": ("hsp_points", "2-3", "Highly-skilled professional points table"),
}
# The points table is asked only for a 高度専門職 purpose (its labels in the coe 入国目的 list).
HSP_PREFIX = "高度専門職"
_REFS = re.compile(r"「([0-9０-９]+(?:[.．][0-9０-９]+)+)[^」]*」")
_RANGE = re.compile(r"([0-9０-９]+[.．][0-9０-９]+)～([0-9０-９]+[.．][0-9０-９]+)")
_LIST_ITEM = re.compile(r"(?:項目番号|、)([0-9０-９]+[.．][0-9０-９]+)")
_CONTROLS = re.compile(r"こちらの項目によって(.*?)の入力項目")


def _item_key(item: str) -> tuple[int, ...]:
    return tuple(int(p) for p in item.split(".") if p.isdigit())


def _targets(hint: str) -> tuple[list[str], list[tuple[str, str]], bool]:
    """The items a row's hint says it changes: single items, ranges, and whether it names
    the unnumbered country row of a repeat group (国・地域名)."""
    found = _CONTROLS.search(hint)
    if not found:
        return [], [], False
    text = found.group(1)
    singles = [half_width(m) for m in _REFS.findall(text)]
    ranges = [(half_width(a), half_width(b)) for a, b in _RANGE.findall(text)]
    singles += [half_width(m) for m in _LIST_ITEM.findall(text)
                if not any(half_width(m) in r for r in ranges)]
    return singles, ranges, "国・地域名" in text


def _in_targets(item: PageItem, targets: tuple[list[str], list[tuple[str, str]], bool]) -> bool:
    singles, ranges, country = targets
    if not item.item:
        return country and item.label.startswith("国・地域名")
    key = _item_key(item.item)
    return item.item in singles or any(_item_key(a) <= key <= _item_key(b) for a, b in ranges)


def _char_class(hint: str) -> str:
    if "半角数字" in hint:
        return "digits"
    if "大文字" in hint and "半角" in hint:
        return "halfwidth_upper"
    if "半角" in hint:
        return "halfwidth"
    if "全角" in hint:
        return "fullwidth"
    return "any"


def _example(hint: str) -> str:
    found = re.search(r"例）\s*(\S+(?: \S+)*)", hint)
    return found.group(1).strip() if found else ""


def _choice_value(choices: tuple[Choice, ...], target_label: str) -> tuple[str, ...]:
    """Which answers of a controlling item show the items it changes: 有, その他 (for an
    その他 item), 定めあり / 該当する; an empty tuple = any answer."""
    texts = [c.text for c in choices]
    if target_label.endswith("その他"):
        other = tuple(t for t in texts if "その他" in t)
        if other:
            return other
    for starts in ("有 ", "定めあり", "該当する"):
        hit = tuple(t for t in texts if t.startswith(starts))
        if hit:
            return hit
    return ()


_NOTE_CHOICE = re.compile(r"「([0-9０-９]+(?:[.．][0-9０-９]+)*)[^」]*」において、(.+?)を選択した場合")


def _named_choices(hint: str) -> tuple[str, str]:
    """The item and the answers an item's own note says show it (「２３.２ 最終学歴(2)」において、
    専門学校を選択した場合 → ("23.2", "専門学校")); empty strings when it names none."""
    found = _NOTE_CHOICE.search(hint)
    return (half_width(found.group(1)), found.group(2)) if found else ("", "")


def _note_choices(controller: PageItem, hint: str) -> tuple[str, ...]:
    """The choices of ``controller`` the note names: one (専門学校), several (、 / 又は) or a
    range in the page's order (大学院(博士)～短期大学); empty when the note names another item
    or a choice the controller does not offer."""
    item, named = _named_choices(hint)
    if not named or item != controller.item:
        return ()
    texts = [c.text for c in controller.choices if c.text != PLACEHOLDER]
    plain = ["".join(unicodedata.normalize("NFKC", t.split(" ")[0]).split()) for t in texts]
    picked: list[str] = []
    for part in re.split(r"、|又は", named):
        ends = ["".join(unicodedata.normalize("NFKC", e).split()) for e in part.split("～")]
        if not all(e in plain for e in ends):
            return ()
        first, last = plain.index(ends[0]), plain.index(ends[-1])
        picked += texts[first:last + 1]
    return tuple(dict.fromkeys(picked))


HSP_SECTION = "高度専門職ポイント表"
_ACTIVITY_WORDS = re.compile(r"（([^（）]+活動)）")
_ORGANISATION = re.compile(r"^(\S+?機関)が")


def _activity_rows(items: list[PageItem], hsp_purposes: tuple[str, ...]) -> dict[str, str]:
    """The points table's rows asked for one activity type only → that 高度専門職 purpose.

    The table asks some items once per activity type, as consecutive rows of the same label
    with their own choices or notes: 学歴, 職歴 and 年収 three times, 研究実績 twice. They
    follow the order in which the page's note on 特別高度人材制度 lists the activity types —
    （１）高度学術研究活動, （２）高度専門・技術活動, （３）高度経営・管理活動 — and the order of
    the 高度専門職 purposes in 入国目的 (イ, ロ, ハ); the 職歴 rows' notes say it in words (研究、
    研究の指導又は教育 / 従事しようとする業務 / 事業の経営又は管理に係る実務経験). A run shorter
    than the list of purposes covers its first ones (研究実績: イ and ロ; the page has none
    for ハ). A repeated row that is not next to its first (特別加算２ of the 活動機関 block) is
    not an activity's alternative: the page does not say which activity it is for."""
    rows = [i for i in items if i.section == HSP_SECTION and i.kind != "file"
            and not (i.kind in ("text", "date") and i.max_length == 0)]
    found: dict[str, str] = {}
    start = 0
    while start < len(rows):
        end = start + 1
        while end < len(rows) and (rows[end].item, rows[end].label) \
                == (rows[start].item, rows[start].label):
            end += 1
        if 1 < end - start <= len(hsp_purposes):
            found.update((row.row_id, purpose)
                         for row, purpose in zip(rows[start:end], hsp_purposes, strict=False))
        start = end
    return found


def _activity_words(purpose: str) -> str:
    """高度専門職第１号ロ・第２号（高度専門・技術活動） … → 高度専門・技術活動."""
    found = _ACTIVITY_WORDS.search(purpose)
    return found.group(1) if found else ""


def _organisation(hint: str) -> str:
    """The organisation a points-table note is about (活動機関が中小企業… → 活動機関)."""
    found = _ORGANISATION.search(hint)
    return found.group(1) if found else ""


def english(label_ja: str, glossary: dict[str, str]) -> str:
    """The English of a page label, word by word (a word not in ``glossary`` stays as is)."""
    words = label_ja.split(" ")
    out = [glossary.get(w, w) for w in words]
    return " ".join(out)


def field_set(page: FormPage, source: str, hsp_purposes: tuple[str, ...] = (),
              glossary: dict[str, str] | None = None) -> dict[str, object]:
    """The 区分 field set of ``page`` as a catalogue extension (``resources/fields/
    <procedure>.kubun-<L>.json``): sections, repeat groups, fields (with the page's item
    number, control id / name) and the code lists of its choices. ``hsp_purposes``: the
    status answers that ask for the 高度専門職ポイント表."""
    if page.kubun is None:
        raise FormPageError("この申込画面には区分がありません。", "This page has no 区分.")
    letter = page.kubun
    prefix = letter.lower()
    lists: dict[str, dict[str, object]] = {}
    list_of: dict[tuple[str, ...], str] = {}
    fields: list[dict[str, object]] = []
    groups: dict[str, dict[str, object]] = {}
    sections: dict[str, dict[str, object]] = {}
    used: set[str] = set()
    seen_rows: dict[tuple[object, ...], set[tuple[str | None, str]]] = {}
    others = other_lists = 0   # rows kept as another control of an item already read
    qualifier: dict[str, str] = {}   # such a row → the answer it is for
    id_of_row: dict[str, str] = {}
    items = [i for i in page.items if i.section in KUBUN_SECTIONS]
    activity_of = _activity_rows(items, hsp_purposes)
    first_id: dict[tuple[object, ...], str] = {}
    previous: PageItem | None = None
    controllers: list[tuple[PageItem, tuple[list[str], list[tuple[str, str]], bool]]] = []
    for item in items:
        if item.kind == "file" or (item.kind in ("text", "date") and item.max_length == 0):
            continue   # 顔写真 is an attachment; 部分合計 / 合計 are the page's own sums
        key = (item.group, item.instance, item.item, item.label)
        controller = next((c for c, targets in reversed(controllers)
                           if c.section == item.section and _in_targets(item, targets)), None)
        # a row repeating an item is another control for it when another answer shows it
        # (24.1 専攻: the university list after 大学…, its own list after 専門学校) or another
        # row controls it (the 24.2 その他 of each list); else it is a variant of the same
        # control (入社年月 / 退社年月: the year-only one when the month is unknown): skipped
        # (the points table asks some items once per activity type: each row its own field)
        variant = (controller.row_id if controller else None,
                   item.row_id if item.section == HSP_SECTION else _named_choices(item.hint)[1])
        if variant in seen_rows.setdefault(key, set()):
            continue
        seen_rows[key].add(variant)
        # (an unnumbered item's id counts the fields before it, other controls not included:
        # ids stay what they were before such controls were read)
        others += len(seen_rows[key]) > 1
        if item.group is not None and item.instance != 1:
            gid = f"{prefix}_group_{item.group}"
            if gid in groups:
                groups[gid]["max"] = max(int(str(groups[gid]["max"])), item.instance or 1)
            continue
        part = item.section
        sec_key, step, title_en = KUBUN_SECTIONS[part]
        section_id = f"{prefix}_{sec_key}"
        sections.setdefault(section_id, {"id": section_id, "step": step, "title_ja": part,
                                         "title_en": title_en, "kubun": letter})
        base = first_id[key] if key in first_id else f"{prefix}_" + (
            item.item.replace(".", "_") if item.item
            else f"{sec_key}_{len(fields) + 1 - others}")
        field_id, n = base, 1
        while field_id in used:
            n += 1
            field_id = f"{base}_{n}"
        used.add(field_id)
        first_id.setdefault(key, field_id)
        id_of_row[item.row_id] = field_id
        code_list_id = None
        kind = {"select": "code", "radio": "code", "checkbox": "code", "textarea": "text",
                "date": "date", "text": "text"}[item.kind]
        if item.kind == "date" and item.max_length == 6:
            kind = "year_month"
        if item.kind == "checkbox" and len(item.choices) > 1:
            kind = "text"   # several boxes: kept as text, the choices in the guidance
        if kind == "code":
            texts = tuple(c.text for c in item.choices)
            code_list_id = list_of.get(texts)
            if code_list_id is None:
                # another control's list is named after its field (the others keep their
                # numbers)
                code_list_id = f"page_{page.procedure}_{field_id}" if len(seen_rows[key]) > 1 \
                    else f"page_{page.procedure}_{prefix}_{len(list_of) + 1 - other_lists:02d}"
                other_lists += len(seen_rows[key]) > 1
                list_of[texts] = code_list_id
                lists[code_list_id] = {
                    "id": code_list_id, "name_ja": item.label, "name_en": "",
                    "source": f"{source}: choices of {item.control_name}",
                    "has_codes": False,
                    "entries": [{"label": t, "code": None, "verified": True} for t in texts]}
        label = f"{item.item} {item.label}" if item.item else item.label
        label_en = english(label, glossary or {})
        if len(seen_rows[key]) > 1:
            # another control of an item: its label says for which answer (24.1 専攻・専門分野
            # (専門学校)), the answer its note names or the one its controlling row was for
            # (学歴 (高度専門・技術活動): the activity type it is asked for; 特別加算２ (活動機関):
            # the organisation its note names)
            answer = qualifier.get(controller.row_id, "") if controller else ""
            answer = answer or _named_choices(item.hint)[1] \
                or _activity_words(activity_of.get(item.row_id, "")) or _organisation(item.hint)
            qualifier[item.row_id] = answer
            label += f" ({answer})"
            label_en += f" ({(glossary or {}).get(answer, answer)})"
        guidance = item.hint
        if item.kind == "checkbox" and kind == "text":
            guidance = " / ".join(c.text for c in item.choices) + (f" {guidance}" if guidance else "")
        group = None
        if item.group is not None:
            group = f"{prefix}_group_{item.group}"
            groups.setdefault(group, {"id": group, "label_ja": item.label, "label_en": "",
                                      "min": 0, "max": 1, "members": [], "page_group": item.group,
                                      "section": section_id})
            members = groups[group]["members"]
            assert isinstance(members, list)
            members.append(field_id)
        record: dict[str, object] = {
            "id": field_id, "step": step, "section": section_id, "section_ja": part,
            "section_en": title_en, "label_ja": label,
            "label_en": label_en, "kind": kind,
            "char_class": _char_class(item.hint) if kind == "text" else "any",
            "max_length": item.max_length if kind == "text" else None,
            # 「半角数字、13文字」 without 以内: exactly 13 (法人番号), as the template's guidance
            "min_length": guidance_lengths(item.hint)[1] if kind == "text" else None,
            "date_unknown_markers": False, "pattern": None,
            "required": item.required and not item.conditional and item.group is None,
            "required_when": None, "applies_when": None,
            "required_in_group": item.required and item.group is not None,
            "group": group, "code_list": code_list_id, "parent": None,
            "past_only": False, "future_only": False, "guidance_ja": guidance,
            "example": _example(item.hint) if kind != "code" else "", "sheet": "page", "header": item.raw_label,
            "source": f"{source} {item.row_id}",
            "item": item.item, "page_kind": item.kind, "control_id": item.control_id,
            "control_name": item.control_name, "page_required": item.required,
            "page_conditional": item.conditional,
        }
        # conditions: the row whose hint says it changes this one
        if controller is not None:
            # 有 / その他 …; else the choices the item's own note names (「２３.２ …」に
            # おいて、大学院(博士)～短期大学を選択した場合); else any answer
            equals = _choice_value(controller.choices, item.label) \
                or _note_choices(controller, item.hint)
            cond: dict[str, object] = {"field": id_of_row[controller.row_id]}
            cond.update({"equals": list(equals)} if equals else {"filled": True})
            if group is not None and groups[group]["members"] == [field_id]:
                groups[group]["required_when"] = cond
            elif group is None:
                record["applies_when"] = cond
                if item.required:
                    record["required_when"] = cond
        else:
            # a conditional row right after a 有/無 (or その他-offering) pull-down: shown on
            # 有 (法人番号 after 法人番号の有無) or on その他 (主たる業種 その他)
            if item.conditional and group is None and previous is not None \
                    and previous.group is None and previous.row_id in id_of_row:
                equals = _choice_value(previous.choices, item.label)
                if equals:
                    cond = {"field": id_of_row[previous.row_id], "equals": list(equals)}
                    record["applies_when"] = cond
                    if item.required:
                        record["required_when"] = cond
        if sec_key == "hsp_points" and hsp_purposes:
            purposes = [activity_of[item.row_id]] if item.row_id in activity_of \
                else list(hsp_purposes)
            record["applies_when"] = {"field": "desired_status", "equals": purposes}
            record["required_when"] = None
            record["required"] = False
        fields.append(record)
        previous = item
        if _CONTROLS.search(item.hint):
            controllers.append((item, _targets(item.hint)))
    steps: dict[str, list[dict[str, object]]] = {}
    for sec in sections.values():
        steps.setdefault(str(sec["step"]), []).append(
            {k: v for k, v in sec.items() if k != "step"})
    by_id = {str(f["id"]): f for f in fields}
    for g in groups.values():
        members = [by_id[str(m)] for m in g["members"]]   # type: ignore[attr-defined]
        tokens = [str(m["label_ja"]).split(" ")[1:] for m in members if m["item"]]
        if tokens:
            common: list[str] = []
            for column in zip(*tokens, strict=False):
                if len(set(column)) > 1:
                    break
                common.append(column[0])
            g["label_ja"] = " ".join(common or tokens[0])
        g["label_en"] = english(str(g["label_ja"]), glossary or {})
    return {
        "procedure": page.procedure, "kubun": letter, "title": page.title, "source": source,
        "generated_by": "tools/build_form_fields.py — do not edit by hand",
        "steps": [{"id": step, "sections": secs} for step, secs in steps.items()],
        "groups": [{k: v for k, v in g.items() if k not in ("page_group", "section")}
                   for g in groups.values()],
        "fields": fields,
        "code_lists": lists,
    }


# --------------------------------------------------------------------------- differences
def _norm(text: str) -> str:
    text = unicodedata.normalize("NFKC", text)
    text = re.sub(r"\(\d+\)|\{n\}|\{N\}|\d+(?=_)|[\s_・()（）]", "", text)
    return text


# Page items whose label does not name a template column (docs/domain.md#online-page): the
# template splits an address into three columns, words an item differently or has no column
# for the page's second entry of the e-mail address. By the page's label (item numbers differ
# between procedures): the catalogue fields it is, and why.
PAGE_ITEM_FIELDS: dict[str, tuple[tuple[str, ...], str]] = {
    "日本における連絡先 居住地": (
        ("address_prefecture", "address_municipality", "address_street"),
        "one text of 85 on the page; the template splits it into 都道府県 / 市区町村 / "
        "町名丁目番地号等 (the street keeps the page's 85)"),
    "メールアドレス再入力": (
        ("email",), "the page asks for the e-mail address twice; the second is 9.5's value"),
    "入国予定年月日": (
        ("planned_entry_date",), "the template's 入国予定年月: free text of 40 on both"),
    "申請人、法定代理人、法第７条の２第２項に規定する代理人 (1)氏名": (
        ("legal_rep_name",), "the template's 法定代理人 (1)氏名"),
    "申請人、法定代理人、法第７条の２第２項に規定する代理人 (2)本人との関係": (
        ("legal_rep_relationship",), "the template's 法定代理人 (2)本人との関係"),
    "申請人、法定代理人、法第７条の２第２項に規定する代理人 (3)郵便番号": (
        ("legal_rep_postal_code",), "the template's 法定代理人 (3)郵便番号"),
    "申請人、法定代理人、法第７条の２第２項に規定する代理人 (3)住所": (
        ("legal_rep_prefecture", "legal_rep_municipality", "legal_rep_street"),
        "one text of 85 on the page; the template splits it into 都道府県 / 市区町村 / "
        "町名丁目番地号等 (the street keeps the page's 85)"),
    "申請人、法定代理人、法第７条の２第２項に規定する代理人 (3)電話番号": (
        ("legal_rep_phone",), "the template's 法定代理人 (3)電話番号"),
    "申請人、法定代理人、法第７条の２第２項に規定する代理人 (3)携帯電話番号": (
        ("legal_rep_mobile",), "the template's 法定代理人 (3)携帯電話番号"),
}
# The status answer's list is not completed from a page: each 区分's page offers only its own
# purposes, worded its own way (docs/domain.md#categories).
STATUS_LISTS = frozenset({"entry_purpose", "status", "status_change", "status_current"})
PAGE_WINS = "the page wins: validation of a case of this 区分 uses the page's {what}"


def _ours_required(f: dict[str, object]) -> bool:
    return bool(f.get("required") or f.get("required_when") or f.get("required_in_group"))


def differences(page: FormPage, fields: list[dict[str, object]],
                code_lists: dict[str, list[str]]) -> list[dict[str, object]]:
    """Where the page's common items (身分事項, 代理人, 取次者, 受領方法等 …) differ from the
    catalogue's fields of the same item: maximum length, required mark, choices; each with its
    ``reason``. ``fields``: the catalogue's field records (id, header, label_ja, max_length,
    required, code_list); ``code_lists``: list id → labels. The page wins
    (docs/domain.md#online-page): a ``page_rule`` difference is what validation of a case of
    the page's 区分 applies (:func:`page_rules`); a choice the page adds goes into our list
    (``tools/build_catalogue.py``)."""
    found: list[dict[str, object]] = []
    by_header = [(f, _norm(str(f["header"]).split("_", 1)[-1])) for f in fields]
    by_id = {str(f["id"]): f for f in fields}
    seen: set[tuple[str, str]] = set()
    for item in page.items:
        if item.section in KUBUN_SECTIONS or not item.item or (item.instance or 1) != 1:
            continue
        label = _REPEAT_SUFFIX.sub("", item.label)
        mapped = PAGE_ITEM_FIELDS.get(label)
        if mapped is not None and all(fid in by_id for fid in mapped[0]):
            found.append({"item": item.item, "label": label, "field": mapped[0][-1],
                          "what": "mapped", "fields": list(mapped[0]), "reason": mapped[1]})
            if label == "メールアドレス再入力":
                continue   # the same answer as 9.5: nothing of its own to compare
            match: dict[str, object] | None = by_id[mapped[0][-1]]
        else:
            target = _norm(label)
            match = next((f for f, header in by_header if header == target), None)
            if match is None:
                match = next((f for f, header in by_header
                              if target and header.endswith(target)), None)
        if match is None:
            found.append({"item": item.item, "label": label, "field": None,
                          "what": "not_in_catalogue",
                          "reason": "no template column: the page's item is not asked"})
            continue
        key = (str(match["id"]), item.item)
        if key in seen:
            continue
        seen.add(key)
        targets = list(mapped[0]) if mapped is not None else [str(match["id"])]
        page_max = item.max_length if item.kind in ("text", "textarea") else None
        ours = match.get("max_length")
        if page_max and ours != page_max:
            found.append({"item": item.item, "label": label, "field": match["id"],
                          "what": "max_length", "page": page_max, "catalogue": ours,
                          "page_rule": {"field": match["id"], "max_length": page_max},
                          "reason": PAGE_WINS.format(what="maximum length")})
        group_member = item.group is not None or bool(match.get("group"))
        if item.required != _ours_required(match):
            difference: dict[str, object] = {
                "item": item.item, "label": label, "field": match["id"], "what": "required",
                "page": item.required, "catalogue": _ours_required(match)}
            if match.get("required_when") and not match.get("required"):
                difference["reason"] = ("kept: the catalogue asks it only on its condition "
                                        "(required_when), which the page does not mark")
            elif group_member or item.conditional:
                difference["reason"] = ("kept: the page marks a repeat group's or a shown-on-"
                                        "condition item; the catalogue asks it as its group "
                                        "or condition says")
            else:
                difference["page_rules"] = [{"field": fid, "required": item.required}
                                            for fid in targets]
                difference["reason"] = PAGE_WINS.format(what="required mark")
            found.append(difference)
        if item.choices and match.get("code_list"):
            list_id = str(match["code_list"])
            ours_labels = code_lists.get(list_id, [])
            ours_ja = {lb.split(" ", 1)[0] for lb in ours_labels}
            missing = [c.text for c in item.choices if c.text.split(" ", 1)[0] not in ours_ja]
            if missing:
                found.append({
                    "item": item.item, "label": label, "field": match["id"],
                    "what": "choices_missing", "page": missing, "catalogue": len(ours_labels),
                    "reason": ("kept: the page of one 区分 lists only its purposes, worded "
                               "its own way; the status answer keeps the template's list")
                    if list_id in STATUS_LISTS else
                    f"added to the list {list_id} from the page, code unknown "
                    "(tools/build_catalogue.py)"})
    return found


def page_rules(found: list[dict[str, object]]) -> list[dict[str, object]]:
    """What validation of a case of the page's 区分 takes from the page (the page wins), one
    record per field: ``max_length`` and / or ``required``."""
    rules: dict[str, dict[str, object]] = {}
    for difference in found:
        records = list(difference.get("page_rules") or ())   # type: ignore[call-overload]
        if "page_rule" in difference:
            records.append(difference["page_rule"])
        for record in records:
            assert isinstance(record, dict)
            rules.setdefault(str(record["field"]), {"field": record["field"],
                                                    "item": difference["item"]}).update(record)
    return list(rules.values())
