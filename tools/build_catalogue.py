#!/usr/bin/env python3
"""Build the field catalogue and code lists in ``resources/`` from the ISA reference data.

Reads a folder of ISA reference data, ``--isa PATH`` (templates/<procedure>/*.csv, codelists/*.json,
extracted from ISA's bulk-application workbooks; docs/domain.md#bulk-template) and the hand-written
``resources/fields/columns.json`` (ids, English labels, sections, code lists, conditions) and
writes:

* ``resources/fields/<procedure>.json`` — one catalogue per procedure (renewal, change, coe from
  the templates; acquisition and work-cert defined from them, with the source stated);
* ``resources/codelists/<id>.json`` — one code list per file (label, code, verified flag).

The output is committed: the application never reads the ISA folder at run time. Run it again
when ISA publishes a new workbook (after refreshing ``isa/``) and review the diff.

Usage: ``python3 tools/build_catalogue.py --isa PATH``; ``--pull-downs`` prints, after the
build, every pull-down column (guidance: プルダウン) with its code list or why it has none.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
import unicodedata
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
RESOURCES = ROOT / "resources"
sys.path.insert(0, str(ROOT))

from assistant.model.fields import guidance_lengths  # noqa: E402

TEMPLATE_PROCEDURES = ("renewal", "change", "coe")
SHEETS = ("main", "category_v", "simultaneous")

# Repeat groups recognised in header logical names (after NFKC): prefix segment + index.
GROUP_PATTERNS = {
    "relatives": re.compile(r"(在日親族及び同居者)(\d+)(_)"),
    "career": re.compile(r"(申請人に関する情報等_職歴)(\d+)(_)"),
    "tech_intern": re.compile(r"(良好に修了した技能実習2号)(\d+)(_良好に修了した技能実習2号_)"),
    "ssw_fields": re.compile(r"(_特定産業分野)(\d+)(_)"),
    "other_occupations": re.compile(r"(_他職種)(\d+)(_)"),
    "other_industries": re.compile(r"(_他業種)(\d+)(_)"),
    "competitions": re.compile(r"(_経歴)(\d+)(_)"),
    "employer_family": re.compile(r"(_雇用主)(\d+)(_)"),
}
GROUP_WORDS = ("同居者", "職歴", "良好に修了した技能実習2号", "良好に修了した技能実習２号", "特定産業分野",
               "他職種", "他業種", "経歴", "雇用主")

# 区分V dates that cannot lie in the future (births, past events, registrations).
PAST_ONLY_V = frozenset({
    "career_start", "career_end", "graduation", "assistant_nurse_license_date",
    "employer_birth_date", "efam_birth_date", "sponsor_birth_date", "ys_birth_date",
    "placement_accepted_date", "rso_registration_date",
})

# Column-level corrections of extraction faults (sheet position → key with {n}, repeat index).
COLUMN_FIXES = {
    # change/category_v: the 他業種 block lost its first index ("他業種2_…その他" sits where
    # member 1's "その他" belongs, and member 2's "その他" has no index at all).
    ("change", "category_v", 144): (
        "所属機関に関する情報等_他業種{n}_特定技能所属機関_(4)業種_他業種_その他", 1),
    ("change", "category_v", 146): (
        "所属機関に関する情報等_他業種{n}_特定技能所属機関_(4)業種_他業種_その他", 2),
}


def nfkc(text: str) -> str:
    return unicodedata.normalize("NFKC", text).strip()


# --------------------------------------------------------------------------- guidance parsing

def parse_guidance(guidance: str) -> dict[str, Any]:
    """Derive kind, character class and length limits from ISA's guidance text."""
    g = nfkc(guidance)
    spec: dict[str, Any] = {"kind": "text", "char_class": "any", "max_length": None,
                            "min_length": None, "date_unknown_markers": False}
    if "プルダウン" in g:
        spec["kind"] = "code"
    if "YYYYMMDD" in g:
        spec["kind"] = "date"
        spec["char_class"] = "digits"
        spec["max_length"] = spec["min_length"] = 8
        spec["date_unknown_markers"] = "年月日不詳" in g
    elif "YYYYMM" in g:
        spec["kind"] = "year_month"
        spec["char_class"] = "digits"
        spec["max_length"] = spec["min_length"] = 6
    if spec["kind"] == "text":
        if re.search(r"半角英字\(大文字入力\)", g):
            spec["char_class"] = "halfwidth_upper"
        elif re.search(r"半角英数字\(大文字入力\)", g):
            spec["char_class"] = "halfwidth_upper"
        elif "半角英数字記号" in g or "半角英数字" in g:
            spec["char_class"] = "halfwidth"
        elif "半角数字" in g:
            spec["char_class"] = "digits"
            if "円単位" in g or "時間単位" in g:
                spec["kind"] = "number"
        elif "全角" in g:
            spec["char_class"] = "fullwidth"
    most, least = guidance_lengths(g)   # 「13文字」「13桁」 without 以内: exactly that many
    if least is None and most is not None:
        spec["max_length"] = most
    elif least is not None and spec["kind"] not in ("date", "year_month"):
        spec["max_length"] = spec["min_length"] = least
    return spec


# --------------------------------------------------------------------------- code lists

def _pairs(values: list[str]) -> list[tuple[str, str]]:
    if len(values) % 2:
        raise ValueError("label/code list with an odd number of entries")
    return list(zip(values[0::2], values[1::2], strict=True))


class CodeListBuilder:
    """Code lists, merged across the three workbooks (labels + codes where the data has them)."""

    def __init__(self, isa: Path) -> None:
        self.data = {p: json.loads((isa / "codelists" / f"{p}.json").read_text("utf-8"))
                     for p in TEMPLATE_PROCEDURES}
        self.municipalities = json.loads(
            (isa / "codelists" / "municipalities_by_prefecture.json").read_text("utf-8"))
        self.lists: dict[str, dict[str, Any]] = {}

    # renewal.json holds label/code pairs in its _C ranges; change.json's _C and coe.json's _L
    # ranges hold labels only.
    def pairs(self, name: str) -> list[tuple[str, str]]:
        return _pairs(self.data["renewal"][name])

    def labels(self, procedure: str, name: str) -> list[str]:
        values: list[str] = self.data[procedure][name]
        return values

    def add(self, list_id: str, ja: str, en: str, entries: list[dict[str, Any]], source: str,
            **extra: Any) -> None:
        has_codes = any(e.get("code") is not None for e in entries)
        if has_codes:
            # A list with codes where some entry has none: that entry's code is unverified.
            for e in entries:
                if e.get("code") is None:
                    e["verified"] = False
                    e.setdefault("note", "no code for this label in the extracted data")
        self.lists[list_id] = {"id": list_id, "name_ja": ja, "name_en": en, "source": source,
                               "has_codes": has_codes, "entries": entries, **extra}

    def from_pairs(self, list_id: str, ja: str, en: str, name: str) -> None:
        entries = [{"label": label, "code": code, "verified": True}
                   for label, code in self.pairs(name)]
        self.add(list_id, ja, en, entries, f"renewal.json {name} (label, code pairs)")

    def from_labels(self, list_id: str, ja: str, en: str, procedure: str, name: str,
                    codes_from: str | None = None) -> None:
        codes = dict(self.pairs(codes_from)) if codes_from else {}
        entries = []
        for label in self.labels(procedure, name):
            code = codes.get(label)
            entries.append({"label": label, "code": code, "verified": True})
        source = f"{procedure}.json {name} (labels)"
        if codes_from:
            source += f"; codes from renewal.json {codes_from} where the label matches"
        self.add(list_id, ja, en, entries, source)

    def build(self) -> None:
        # Nationality: renewal's pairs lost their first entry (中国) in extraction; the label
        # lists of change/coe still have it. Keep the workbook order (中国 first) and mark every
        # entry without a code from the data as unverified.
        codes = dict(self.pairs("_CA61_2_C"))
        entries = []
        for label in self.labels("coe", "_CA61_L"):
            code = codes.get(label)
            entry: dict[str, Any] = {"label": label, "code": code, "verified": code is not None}
            if code is None:
                entry["note"] = ("label from coe.json _CA61_L / change.json _CA61_C; the code was "
                                 "lost in extraction (docs/domain.md#bulk-template) — confirm it "
                                 "against the current ISA workbook before uploading codes")
            entries.append(entry)
        self.add("nationality", "国籍・地域", "Nationality / region", entries,
                 "coe.json _CA61_L labels, codes from renewal.json _CA61_2_C")
        # Countries including Japan (relatives in Japan may be Japanese nationals).
        entries = []
        for label in self.labels("coe", "_CB79_L"):
            code = codes.get(label)
            entry = {"label": label, "code": code, "verified": code is not None}
            if code is None:
                entry["note"] = "no code for this label in the extracted data"
            entries.append(entry)
        self.add("country", "国・地域", "Country / region", entries,
                 "coe.json _CB79_L labels (日本 included), codes from renewal.json _CA61_2_C")
        self.from_pairs("sex", "性別", "Sex", "_C611_C")
        self.from_pairs("yes_no", "有無", "Yes / no", "_A021_C")
        self.from_pairs("prefecture", "都道府県", "Prefecture", "_C619_C")
        self.from_pairs("status_current", "現に有する在留資格", "Status of residence", "_CB19_0_C")
        self.from_labels("status_change", "希望する在留資格", "Desired status of residence",
                         "change", "_CB19_C", codes_from="_CB19_3_C")
        self.from_pairs("status", "在留資格", "Status of residence (all)", "_CB19_3_C")
        # Periods of stay per status: _CB19_0_<T>_C, falling back to the other _CB19 variants.
        by_parent: dict[str, list[dict[str, Any]]] = {}
        renewal = self.data["renewal"]
        status_codes = [code for _, code in self.pairs("_CB19_3_C")]
        for status in status_codes:
            for name in (f"_CB19_0_{status}_C", f"_CB19_4_{status}_C", f"_CB19_{status}_C",
                         f"_CB19_2_{status}_C", f"_CB19_1_{status}_C"):
                if name in renewal:
                    by_parent[status] = [{"label": lab, "code": code, "verified": True}
                                         for lab, code in _pairs(renewal[name])]
                    break
        all_periods: dict[str, dict[str, Any]] = {}
        for entries_ in by_parent.values():
            for e in entries_:
                all_periods.setdefault(e["code"], e)
        self.add("period", "在留期間", "Period of stay",
                 sorted(all_periods.values(), key=lambda e: str(e["code"])),
                 "renewal.json _CB19_0_<status>_C (fallback _CB19_4_/_CB19_/_CB19_2_/_CB19_1_); "
                 "period code = YYMMDDD", parent_list="status", by_parent=by_parent)
        # Municipalities, cascading on the prefecture label.
        by_pref = {pref: [{"label": city, "code": None, "verified": True} for city in cities]
                   for pref, cities in self.municipalities.items()}
        self.add("municipality", "市区町村", "City / ward / town",
                 [e for cities in by_pref.values() for e in cities],
                 "municipalities_by_prefecture.json (labels only)", parent_list="prefecture",
                 by_parent=by_pref)
        relation_codes = dict(self.pairs("_CB06_1_C"))
        self.add("relationship", "続柄", "Relationship",
                 [{"label": lab, "code": relation_codes.get(lab), "verified": True}
                  for lab in self.labels("change", "_CB06_C")],
                 "change.json _CB06_C labels; codes from renewal.json _CB06_1_C where present")
        self.from_labels("receipt_method", "受領方法", "Receipt method", "change", "_CB22_C")
        self.from_labels("receipt_method_coe", "受領方法（認定）", "Receipt method (COE)",
                         "coe", "_CB22_L")
        self.from_labels("immigration_office", "受領官署", "Immigration office", "change",
                         "_CB52_C")
        self.from_labels("intent_confirmation", "申請意思の確認", "Confirmation of intent",
                         "change", "_A019_C")
        self.from_labels("entry_purpose", "入国目的", "Purpose of entry", "coe", "_CB18_L")
        self.from_labels("port_of_entry", "上陸予定港", "Port of entry", "coe", "_A024_L")
        self.from_labels("years_0_40", "年数", "Years", "coe", "_A025_L")
        self.from_labels("years_0_5", "年数", "Years", "coe", "_A025_1_L")
        self.from_labels("months_0_11", "月数", "Months", "coe", "_A026_L")
        self.from_labels("count_1_99", "回数", "Number of times", "coe", "_A027_L")
        self.from_labels("count_0_99", "回数", "Number of times", "coe", "_A026_1_L")
        self.from_labels("undecided_yes", "未定／有", "Undecided / yes", "change", "_A036_C")
        self.from_labels("reentry_purpose", "渡航目的", "Purpose of travel", "change", "_CB25_C")
        self.from_labels("reentry_permit_type", "希望する再入国許可", "Re-entry permit",
                         "coe", "_CB04_L")
        self.from_labels("extra_job", "職務の内容", "Type of work", "change", "_CA76_C")
        self.from_labels("extra_industry", "業種", "Type of business", "change", "_CB01_C")
        self.from_labels("simultaneous_reentry", "再入国許可申請", "Re-entry permit", "coe",
                         "_CB24_1_L")
        self.from_labels("simultaneous_extra_activity", "資格外活動許可申請",
                         "Permission for activity outside status", "coe", "_CB24_2_L")
        self.from_labels("simultaneous_work_cert", "就労資格証明書交付申請",
                         "Certificate of authorised employment", "coe", "_CB24_3_L")
        # 区分V (特定技能) pull-downs: label lists of change.json, codes where renewal has pairs.
        self.from_labels("skill_evaluation", "評価区分", "How the level is proven", "change",
                         "_CC06_C")
        self.from_labels("skill_test", "合格した試験名（技能）", "Skill test", "change", "_CC09_C")
        self.from_labels("japanese_test", "合格した試験名（日本語）", "Japanese test", "change",
                         "_CC10_C")
        self.from_labels("ti_completion_proof", "良好に修了したことの証明", "Proof of completion",
                         "change", "_CC07_C")
        self.from_labels("pay_method", "報酬の支払方法", "Method of payment", "change", "_CC08_C")
        self.from_pairs("specified_field", "特定産業分野", "Specified industry field", "_CC04_C")
        categories: dict[str, list[dict[str, Any]]] = {}
        for _, field_code in self.pairs("_CC04_C"):
            name = f"_CC04_{field_code}_C"
            if name in self.data["renewal"]:
                categories[field_code] = [{"label": lab, "code": code, "verified": True}
                                          for lab, code in self.pairs(name)]
        self.add("work_category", "業務区分", "Work category",
                 [e for entries_ in categories.values() for e in entries_],
                 "renewal.json _CC04_<field code>_C (label, code pairs), by specified field",
                 parent_list="specified_field", by_parent=categories)
        self.from_labels("month_unknown", "年月不詳", "Month unknown", "coe", "_A028_L")
        self.build_category_v_lists()
        self.add("acquisition_reason", "在留資格の取得を必要とする事由",
                 "Reason acquisition is needed",
                 [{"label": lab, "code": None, "verified": False,
                   "note": "from the paper form; no ISA pull-down in the extracted data"}
                  for lab in ("出生 Birth", "日本の国籍離脱 Renunciation of Japanese nationality",
                              "その他 Others")],
                 "paper form 在留資格取得許可申請書 (施行規則別記第36号様式)")

    def build_category_v_lists(self) -> None:
        """More 区分V pull-downs; which column uses which list: columns.json code_list_evidence."""
        renewal = self.data["renewal"]
        # 技能実習2号の職種 (技能実習法施行規則別表第2) and its 作業, one _CA94_<code>_C per 職種.
        self.from_pairs("ti_occupation", "技能実習の職種", "Technical intern training: occupation",
                        "_CA94_C")
        works: dict[str, list[dict[str, Any]]] = {}
        for _, occupation_code in self.pairs("_CA94_C"):
            name = f"_CA94_{occupation_code}_C"
            if name in renewal:
                works[occupation_code] = [{"label": lab, "code": code, "verified": True}
                                          for lab, code in self.pairs(name)]
        self.add("ti_work", "技能実習の作業", "Technical intern training: operation",
                 [e for entries_ in works.values() for e in entries_],
                 "renewal.json _CA94_<occupation code>_C (label, code pairs), by occupation "
                 "(_CASCADING_MAPS _CA94)", parent_list="ti_occupation", by_parent=works)
        # 特定技能 (区分V) sheet: _CC02_1 / _CC13_1 pick a sub-list by activity; 特定技能 → 04V1.
        self.from_pairs("occupation", "職種", "Occupation", "_CC02_1_04V1_C")
        self.from_pairs("industry", "業種", "Industry", "_CC13_1_04V1_C")
        # coe: the extracted 区分 sheet asks what the U sheet asks (医療 / 公用 / 法律・会計業務 /
        # 特定活動: 活動内容「准看護師」, 旅券の種類・用務・現地職員, 家事使用人の雇用主, 日系四世
        # の受入れサポーター), whose sub-lists renewal's _CC02_5_C names 04U1–04U4.
        coe = self.data["coe"]
        groups = self.pairs("_CC02_5_C")   # (医療 Medical Services, 04U1), …
        activities = {group: [{"label": lab, "code": None, "verified": True}
                              for lab in coe[f"_A062_1_01{code[2:]}_L"]]
                      for group, code in groups}
        self.add("activity", "活動内容", "Activity", [{"label": lab, "code": None, "verified": True}
                                                  for lab in self.labels("coe", "_A062_L")],
                 "coe.json _A062_L (labels); by purpose of entry: _A062_1_01U1–U4_L",
                 parent_list="entry_purpose", by_parent=activities)
        occupation_codes: dict[str, str] = {}
        for name, values in renewal.items():
            if name.startswith(("_CC02_1_04", "_CC02_5_04")) and name.endswith("_C"):
                for lab, code in _pairs(values):
                    occupation_codes.setdefault(lab, code)

        def occupations(name: str) -> list[dict[str, Any]]:
            return [{"label": lab, "code": occupation_codes.get(lab), "verified": True}
                    for lab in self.labels("coe", name)]

        self.add("occupation_coe", "職種（医療・公用・法律・会計業務・特定活動）",
                 "Occupation (medical, official, legal/accounting, designated activities)",
                 occupations("_CC02_7_U4_L"),
                 "coe.json _CC02_7_U4_L labels (= _CC02_1_01U1–U4_L together); codes from "
                 "renewal.json _CC02_1_04U*_C / _CC02_5_04U*_C where the label matches",
                 parent_list="entry_purpose",
                 by_parent={group: occupations(f"_CC02_1_01{code[2:]}_L")
                            for group, code in groups})
        self.from_labels("education_place", "最終学歴（本邦・外国）", "Education: in Japan or abroad",
                         "coe", "_CC33_L")
        self.from_labels("education", "最終学歴", "Final education", "coe", "_CA79_1_L")
        self.from_labels("major", "専攻・専門分野", "Major or field of study", "coe", "_CA80_1_L")
        self.from_labels("major_vocational", "専攻・専門分野（専門学校）",
                         "Major or field of study (college of technology)", "coe", "_CA93_1_L")
        self.from_labels("competition", "大会の種類", "Type of competition", "coe", "_CB29_L")
        self.from_labels("contract_form", "契約の形態", "Form of contract", "coe", "_CA81_L")
        self.from_labels("passport_type", "旅券の種類", "Type of passport", "coe", "_CA92_L")
        self.from_pairs("relationship_sponsor", "扶養者との関係", "Relationship to the supporter",
                        "_CB06_1_C")
        self.from_labels("relationship_supporter", "受入れサポーターとの関係",
                         "Relationship to the fourth-generation supporter", "coe", "_A052_L")


# --------------------------------------------------------------------------- templates

def read_sheet(isa: Path, procedure: str, sheet: str) -> list[dict[str, str]] | None:
    path = isa / "templates" / procedure / f"{sheet}.csv"
    if not path.exists():
        return None
    with path.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    headers = rows[0]
    guidance = rows[1] if len(rows) > 1 else []
    examples = rows[2] if len(rows) > 2 else []
    columns = []
    for i, header in enumerate(headers):
        columns.append({"index": i, "header": header,
                        "guidance": guidance[i] if i < len(guidance) else "",
                        "example": spreadsheet_example(examples[i]) if i < len(examples) else ""})
    return columns


SPREADSHEET_NUMBER = re.compile(r"^(\d)(?:\.(\d+))?E\+(\d+)$")
ASCENDING_DIGITS = "1234567890" * 3


def spreadsheet_example(example: str) -> str:
    """An example the template's spreadsheet showed in exponent form, as the digits it stood for.

    The spreadsheet displayed long numbers as ``1E+12`` or ``1.23457E+12`` (six significant
    digits). An exact mantissa is expanded (``1E+12`` → ``1000000000000``); a rounded one is
    the ascending example ``1234567890123`` when that rounds to it. Anything else stops the
    build: no artefact reaches the screen.
    """
    match = SPREADSHEET_NUMBER.match(example.strip())
    if match is None:
        return example
    lead, fraction, exponent = match.group(1), match.group(2) or "", int(match.group(3))
    if len(fraction) < 5 and len(fraction) <= exponent:     # nothing was rounded away
        return lead + fraction + "0" * (exponent - len(fraction))
    candidate = ASCENDING_DIGITS[:exponent + 1]
    if f"{float(candidate):.{len(fraction)}E}".replace("E+0", "E+") == example.strip():
        return candidate
    raise SystemExit(f"spreadsheet artefact in a template example: {example!r}")


def group_key(header: str) -> tuple[str, str | None, int | None]:
    """NFKC header → (key with {n}, group id, index)."""
    key = normalise_key(nfkc(header))
    for group, pattern in GROUP_PATTERNS.items():
        m = pattern.search(key)
        if m:
            return pattern.sub(lambda mm: f"{mm.group(1)}{{n}}{mm.group(3)}", key, count=1), \
                group, int(m.group(2))
    return key, None, None


def raw_pattern(header: str, index: int | None) -> str:
    """The exact template header with the repeat index replaced by ``{n}``.

    ``{N}`` marks an index the template writes in full-width digits (``職歴１``).
    """
    if index is None:
        return header

    def repl(m: re.Match[str]) -> str:
        marker = "{N}" if not m.group(2).isascii() else "{n}"
        return f"{m.group(1)}{marker}{m.group(3)}"

    words = "|".join(re.escape(w) for w in GROUP_WORDS)
    for m in re.finditer(rf"({words})([0-9０-９]+)(_)", header):
        if int(unicodedata.normalize("NFKC", m.group(2))) == index:
            return header[:m.start()] + repl(m) + header[m.end():]
    return header


def normalise_key(key: str) -> str:
    """Undo extraction faults in logical names so that equal columns get equal keys."""
    # change/category_v: 13 columns carry a stray "良好に修了した技能実習2号2_" segment.
    key = re.sub(r"^申請人に関する情報等_良好に修了した技能実習2号2_(?!良好)", "申請人に関する情報等_", key)
    # coe/category_v: the legal representative block's prefix counts 第2項…第9項 per column.
    key = re.sub(r"^法定代理人、法第7条の2第\d+項に規定する代理人_",
                 "代理人(法定代理人による申請の場合に記入)_", key)
    return key


class CatalogueBuilder:
    def __init__(self, isa: Path, mapping: dict[str, Any], lists: CodeListBuilder) -> None:
        self.isa = isa
        self.mapping = mapping
        self.lists = lists
        self.sections = mapping["sections"]
        self.by_key: dict[tuple[str, str], dict[str, Any]] = {}
        for entry in mapping["columns"]:
            heads = entry["h"] if isinstance(entry["h"], list) else [entry["h"]]
            sheet = entry.get("sheet", "main")
            for head in heads:
                self.by_key[(sheet, nfkc(head))] = entry
        self.blocks = mapping["blocks"]
        self.v_columns: dict[str, list[str | None]] = {
            k: v for k, v in mapping["category_v_columns"].items() if not k.startswith("_")}
        # Pull-downs whose list is not in the extracted data: free text, marked with the reason.
        self.missing_lists: dict[str, str] = {
            k: v for k, v in mapping.get("code_list_missing", {}).items() if not k.startswith("_")}

    def block_entry(self, key: str) -> dict[str, Any] | None:
        for prefix, id_prefix in self.blocks["block_prefixes"].items():
            if key.startswith(prefix):
                rest = key[len(prefix):]
                block = self.blocks["agent" if "agent" in id_prefix else "legal_rep"]
                if rest in block:
                    sid, en = block[rest]
                    sec = "agent" if "agent" in id_prefix else "legal_rep"
                    owner = id_prefix.split("_")[0] if id_prefix.startswith(("reentry", "extra", "work")) else None
                    if id_prefix.startswith("reentry"):
                        sec, owner = "reentry", "reentry"
                    elif id_prefix.startswith("extra"):
                        sec, owner = "extra_activity", "extra_activity"
                    elif id_prefix.startswith("work_cert"):
                        sec, owner = "work_cert", "work_cert"
                    ja = re.sub(r"^_?(\(オンラインシステム利用者\)_)?\(\d+\)", "", rest)
                    who_ja, who_en = (("取次者", "Agent") if "agent" in id_prefix
                                      else ("法定代理人", "Legal representative"))
                    if id_prefix.startswith(("reentry", "extra", "work_cert")):
                        ja, en = f"{who_ja} {ja}", f"{who_en}: {en}"
                    out: dict[str, Any] = {"id": id_prefix + sid, "en": en, "sec": sec, "ja": ja}
                    if owner:
                        out["when_simultaneous"] = owner
                        out["optional"] = True
                    if sid in ("prefecture",):
                        out["list"] = "prefecture"
                    if sid == "municipality":
                        out["list"] = "municipality"
                        out["parent"] = id_prefix + "prefecture"
                    if sid in ("phone", "mobile"):
                        out["pattern"] = "phone"
                    if sid == "postal_code":
                        out["pattern"] = "postal_code"
                    return out
        return None

    def build(self, procedure: str) -> dict[str, Any]:
        fields: dict[str, dict[str, Any]] = {}
        order: list[str] = []
        sheets: dict[str, list[dict[str, Any]]] = {}
        unmapped: list[str] = []
        for sheet in SHEETS:
            columns = read_sheet(self.isa, procedure, sheet)
            if columns is None:
                continue
            seen: dict[str, int] = {}
            out_columns = []
            for col in columns:
                header = col["header"]
                if sheet == "simultaneous" and header == "":
                    out_columns.append({"index": col["index"], "header": header, "field": None,
                                        "note": "label column of the workbook (項目説明文)"})
                    continue
                key, group, gindex = group_key(header)
                fix = COLUMN_FIXES.get((procedure, sheet, col["index"]))
                if fix is not None:
                    key, gindex = fix
                    group = next(g for g, p in GROUP_PATTERNS.items() if p.search(
                        key.replace("{n}", "1")))
                occurrence_key = f"{key}@{gindex}"
                seen[occurrence_key] = seen.get(occurrence_key, 0) + 1
                count = seen[occurrence_key]
                lookup = key if count == 1 else f"{key}#{count}"
                entry = self.by_key.get((sheet, lookup))
                if entry is None and sheet != "main":
                    entry = self.block_entry(key)
                if entry is None and sheet == "category_v":
                    entry = self.category_v_entry(procedure, col, key, lookup, group)
                if entry is None:
                    unmapped.append(f"{procedure}/{sheet}[{col['index']}] {header}")
                    entry = {"id": f"{sheet}_{col['index']:03d}", "en": "", "sec": "applicant_info"}
                fid = entry["id"]
                out_columns.append({"index": col["index"], "header": header, "field": fid,
                                    **({"repeat": gindex} if gindex else {})})
                if entry.get("shared"):
                    continue  # defined by the main sheet column of the same id
                if fid in fields:
                    continue  # later repeat members of a group
                fields[fid] = self.field_def(procedure, sheet, col, key, group, gindex, entry)
                order.append(fid)
            sheets[sheet] = out_columns
        for f in fields.values():
            controller = f.pop("_controller", None)
            if controller in fields and not f["required_when"] and not f["required"]:
                wanted = (["有 Yes"] if f["id"].endswith("_details")
                          else self.choices_named(f["guidance_ja"], fields[controller]["code_list"])
                          or ["その他 Others"])
                f["required_when"] = {"field": controller, "equals": wanted}
        if unmapped:
            print("unmapped columns:\n  " + "\n  ".join(unmapped), file=sys.stderr)
        return self.assemble(procedure, [fields[f] for f in order], sheets,
                             f"isa/templates/{procedure}/*.csv (ISA 一括申請用テンプレート)")

    def choices_named(self, guidance: str, list_id: str | None) -> list[str]:
        """Labels of ``list_id`` the guidance names as written in the list (Japanese and the
        first English word: 「その他の卸売業 Wholesale (Others)…を選択した場合」)."""
        if not list_id:
            return []
        text = nfkc(guidance)
        named = []
        for entry in self.lists.lists[list_id]["entries"]:
            label = entry["label"]
            ja, _, en = label.partition(" ")
            if en and nfkc(f"{ja} {en.split()[0]}") in text:
                named.append(label)
        return named

    def category_v_entry(self, procedure: str, col: dict[str, str], key: str, lookup: str,
                         group: str | None) -> dict[str, Any] | None:
        """Columns of the 区分V sheet, from ``category_v_columns`` in columns.json."""
        mapped = self.v_columns.get(lookup)
        if mapped is None:
            return None
        fid, en = str(mapped[0]), str(mapped[1])
        top = key.split("_", 1)[0]
        part = "organization" if top.startswith("所属機関") else "applicant_info"
        section = part
        for prefix, candidate in self.mapping["category_v_sections"][part]:
            if fid.startswith(prefix):
                section = candidate
                break
        entry: dict[str, Any] = {"id": fid, "en": en, "sec": section}
        if group:
            entry["group"] = group
        list_id = mapped[2] if len(mapped) > 2 else None
        if list_id:
            entry["list"] = list_id
            # The field whose value picks the sub-list (the code list's parent_list):
            # 作業 by the 職種 of the same 技能実習 entry; 活動内容 and 職種 on the coe 区分
            # sheet by the purpose of entry (_A062_1_01U1–U4_L, _CC02_1_01U1–U4_L).
            parent = {"municipality": fid.replace("municipality", "prefecture"),
                      "work_category": "job_field",
                      "ti_work": "ti_occupation",
                      "activity": "desired_status",
                      "occupation_coe": "desired_status",
                      "period": fid.replace("period", "status")}.get(list_id)
            if parent:
                entry["parent"] = parent
        if fid in PAST_ONLY_V:
            entry["past"] = True
        if fid in ("career_start", "career_employer", "ti_occupation", "job_field",
                   "competition_type", "efam_relationship", "efam_name"):
            entry["required_in_group"] = True
        if fid.endswith("_details") or fid.endswith("_other"):
            entry["controller"] = fid.rsplit("_", 1)[0]
        return entry

    def field_def(self, procedure: str, sheet: str, col: dict[str, str], key: str,
                  group: str | None, gindex: int | None, entry: dict[str, Any]) -> dict[str, Any]:
        spec = parse_guidance(col["guidance"])
        sec = self.sections[entry["sec"]]
        label_ja = entry.get("ja") or self.label_from_key(key, group)
        if entry["id"].endswith("_decided"):
            label_ja += "（決定の有無）"
        elif key.endswith("(1)職務の内容") and entry["id"].endswith("_other"):
            label_ja += "（その他）"
        kind = spec["kind"]
        code_list = entry.get("list")
        if code_list:
            kind = "yesno" if code_list == "yes_no" else "code"
        if code_list and code_list not in self.lists.lists:
            raise SystemExit(f"unknown code list {code_list!r} for {entry['id']}")
        missing_reason = None
        if kind == "code" and not code_list:
            # A pull-down without a list would offer no choice at all: keep it free text and
            # say why (columns.json "code_list_missing"); a new one must be looked at first.
            missing_reason = self.missing_lists.get(entry["id"])
            if missing_reason is None:
                raise SystemExit(f"{procedure}/{sheet} {col['header']}: pull-down without a "
                                 f"code list and without a 'code_list_missing' reason")
            kind = "text"
        max_length = entry.get("max_length", spec["max_length"])
        char_class = entry.get("char_class", spec["char_class"])   # columns.json may narrow it
        if kind in ("code", "yesno"):
            char_class, max_length = "any", None
        required, required_when = self.requirement(procedure, entry)
        applies_when = None
        if entry.get("when_simultaneous"):
            applies_when = {"field": f"simultaneous_{entry['when_simultaneous']}",
                            "flag": True}
        field = {
            "id": entry["id"],
            "step": sec["step"],
            "section": entry["sec"],
            "section_ja": sec["ja"],
            "section_en": sec["en"],
            "label_ja": label_ja,
            "label_en": entry.get("en", ""),
            "kind": kind,
            "char_class": char_class,
            "max_length": max_length,
            "min_length": None if kind in ("code", "yesno") else spec["min_length"],
            "date_unknown_markers": spec["date_unknown_markers"],
            "pattern": entry.get("pattern"),
            "required": required,
            "required_when": required_when,
            "applies_when": applies_when,
            "required_in_group": bool(entry.get("required_in_group")),
            "group": group if entry.get("group") else None,
            "code_list": code_list,
            "parent": entry.get("parent"),
            "past_only": bool(entry.get("past")),
            "future_only": bool(entry.get("future")),
            "guidance_ja": col["guidance"],
            "example": col["example"],
            "sheet": sheet,
            "header": raw_pattern(col["header"], gindex),
            "source": f"isa/templates/{procedure}/{sheet}.csv column {col['index'] + 1}",
        }
        if missing_reason is not None:
            field["code_list_missing"] = True
            field["code_list_missing_reason"] = missing_reason
        if entry.get("provisional_id"):
            field["provisional_id"] = True
        if entry.get("controller"):
            field["_controller"] = entry["controller"]
        return field

    @staticmethod
    def requirement(procedure: str, entry: dict[str, Any]) -> tuple[bool, dict[str, Any] | None]:
        when = entry.get("required_when")
        required = bool(entry.get("required"))
        if when and "procedure_not" in when:
            return procedure not in when["procedure_not"], None
        if entry.get("when_simultaneous") and required:
            return False, {"field": f"simultaneous_{entry['when_simultaneous']}", "flag": True}
        if when:
            return False, when
        return required, None

    @staticmethod
    def label_from_key(key: str, group: str | None) -> str:
        parts = key.split("_")
        if group:
            parts = parts[2:] if parts and parts[0] == "身分事項" else parts[1:]
            if parts and ("{n}" in parts[0] or "{N}" in parts[0]):
                # "職歴{n}_職歴_入社_年月": the group's numbered name and its name again; the
                # message names the entry itself (「職歴2 入社 年月」, validation._label)
                name = parts[0].replace("{n}", "").replace("{N}", "")
                parts = parts[1:]
                if len(parts) > 1 and parts[0] == name:
                    parts = parts[1:]
            if parts and parts[0] in ("在日親族及び同居者", "職歴"):
                parts = parts[1:]
        elif len(parts) > 1:
            parts = parts[1:]
        skip = {"共通項目", "同時申請種別選択", "再入国許可申請", "資格外活動許可申請",
                "就労資格証明書交付申請", "他に従事しようとする活動の内容"}
        parts = [p for p in parts if p not in skip] or parts
        text = " ".join(p for p in parts if p and p not in ("有", "内容入力欄")) or key
        if key.endswith("_有_内容入力欄"):
            text += "（内容）"
        return text

    def assemble(self, procedure: str, fields: list[dict[str, Any]],
                 sheets: dict[str, list[dict[str, Any]]], source: str) -> dict[str, Any]:
        used_groups = {f["group"] for f in fields if f["group"]}
        groups = []
        for gid, g in self.mapping["groups"].items():
            if gid in used_groups:
                members = {f["id"] for f in fields if f["group"] == gid}
                seen_max = max((c.get("repeat") or 0 for cols in sheets.values() for c in cols
                                if c.get("field") in members), default=0)
                # The template decides how many entries a group has (career: 10 on the
                # 特定技能 sheets, 8 on the coe sheet); columns.json's max is the fallback.
                groups.append({"id": gid, "label_ja": g["ja"], "label_en": g["en"],
                               "min": g["min"], "max": seen_max or g["max"],
                               "required_when": g.get("required_when"),
                               "members": [f["id"] for f in fields if f["group"] == gid]})
        used_sections = []
        for f in fields:
            if f["section"] not in used_sections:
                used_sections.append(f["section"])
        # A section of the 区分 sheet belongs to that sheet's 区分 (docs/domain.md#categories);
        # the others (身分事項, 代理人, 取次者, 同時申請, Step 3) are common to every 区分.
        kubun_map = self.mapping["category_sheet_kubun"]
        letter = kubun_map.get(procedure)
        common = set(kubun_map["common_sections"])
        on_sheet: dict[str, set[str]] = {}
        for f in fields:
            on_sheet.setdefault(f["section"], set()).add(f["sheet"])

        def section_kubun(sec: str) -> str | None:
            if letter is None or sec in common or on_sheet.get(sec) != {"category_v"}:
                return None
            return str(letter)

        steps = [{"id": sid, "title_ja": s["ja"], "title_en": s["en"],
                  "sections": [{"id": sec, "title_ja": self.sections[sec]["ja"],
                                "title_en": self.sections[sec]["en"],
                                "kubun": section_kubun(sec)}
                               for sec in self.sections if sec in used_sections
                               and self.sections[sec]["step"] == sid]}
                 for sid, s in self.mapping["steps"].items()]
        distinguish_labels(fields)
        return {"procedure": procedure, "source": source,
                "generated_by": "tools/build_catalogue.py — do not edit by hand",
                "steps": steps, "groups": groups, "sheets": sheets, "fields": fields}

    # ---------------------------------------------------------------- derived procedures

    def build_acquisition(self, change: dict[str, Any]) -> dict[str, Any]:
        spec = self.mapping["extra_procedures"]["acquisition"]
        drop = set(spec["drop"])
        fields = [dict(f) for f in change["fields"] if f["sheet"] == "main" and f["id"] not in drop]
        # Step 2-2: the legal representative and the filing agent, as on the change 区分 sheet.
        fields += [dict(f) for f in change["fields"]
                   if f["id"].startswith(("legal_rep_", "agent_"))]
        # Re-entry and extra-activity permits may be filed together with an acquisition
        # (docs/domain.md#procedures): the change template's 同時申請 sheet, without the work certificate.
        fields += [dict(f) for f in change["fields"] if f["sheet"] == "simultaneous"
                   and not f["id"].startswith(("work_cert", "simultaneous_work_cert"))]
        for add in spec["add"]:
            sec = self.sections[add["sec"]]
            field = {
                "id": add["id"], "step": sec["step"], "section": add["sec"],
                "section_ja": sec["ja"], "section_en": sec["en"], "label_ja": add["ja"],
                "label_en": add["en"], "kind": add["kind"],
                "char_class": add.get("char_class", "any"), "max_length": add.get("max_length"),
                "min_length": add.get("min_length"), "date_unknown_markers": False,
                "pattern": None, "required": add["required"], "required_when": None,
                "applies_when": None, "required_in_group": False, "group": None,
                "code_list": add.get("list"), "parent": None, "past_only": bool(add.get("past")),
                "future_only": False, "guidance_ja": "", "example": "", "sheet": "main",
                "header": add["ja"], "source": add["source"],
            }
            pos = next(i for i, f in enumerate(fields) if f["id"] == add["after"]) + 1
            fields.insert(pos, field)
        for f in fields:
            if f["id"] == "desired_period":
                f["parent"] = "desired_status"
            f["source"] = f["source"].replace("isa/templates/change", "isa/templates/change "
                                              "(borrowed)")
        kept = {f["id"] for f in fields}
        added = {a["after"]: a for a in spec["add"]}
        columns: list[dict[str, Any]] = []

        def place(entry: dict[str, Any]) -> None:
            columns.append({**entry, "index": len(columns)})
            anchor = added.get(entry["field"])
            if anchor is not None and entry.get("repeat") is None:
                place({"header": anchor["ja"], "field": anchor["id"]})

        for col in change["sheets"]["main"]:
            if col["field"] in kept and col["field"] not in drop:
                place({k: v for k, v in col.items() if k != "index"})
        simultaneous = [c for c in change["sheets"]["simultaneous"]]
        result = self.assemble("acquisition", fields,
                               {"main": columns, "simultaneous": simultaneous}, spec["source"])
        return result

    def build_work_cert(self, renewal: dict[str, Any]) -> dict[str, Any]:
        spec = self.mapping["extra_procedures"]["work-cert"]
        by_id = {f["id"]: f for f in renewal["fields"]}
        fields: list[dict[str, Any]] = []
        columns = []
        for col in renewal["sheets"]["simultaneous"]:
            fid = col["field"]
            if not fid or not nfkc(col["header"]).startswith(tuple(spec["base_simultaneous"])):
                continue
            if fid.startswith("simultaneous_"):
                continue
            f = dict(by_id[fid])
            f.pop("applies_when", None)
            f["applies_when"] = None
            if f.get("required_when") and f["required_when"].get("field", "").startswith(
                    "simultaneous_"):
                f["required_when"] = None
                f["required"] = True
            if f["section"] == "work_cert" and f["id"].startswith("work_cert_legal_rep_"):
                f["section"], f["step"] = "legal_rep", "2-2"
                f["section_ja"], f["section_en"] = (self.sections["legal_rep"]["ja"],
                                                    self.sections["legal_rep"]["en"])
            if f["id"].startswith("work_cert_agent_"):
                f["section"], f["step"] = "agent", "2-2"
                f["section_ja"], f["section_en"] = (self.sections["agent"]["ja"],
                                                    self.sections["agent"]["en"])
            f["header"] = col["header"]
            fields.append(f)
            columns.append({"index": len(columns), "header": col["header"], "field": fid})
        for fid in spec["also_from_main"]:
            f = dict(by_id[fid])
            fields.append(f)
            columns.append({"index": len(columns), "header": f["header"], "field": fid})
        # Step 1 must hold the procedure-level choice: the current status decides the window.
        for f in fields:
            if f["id"] == "current_status":
                f["step"], f["section"] = "1", "procedure"
        return self.assemble("work-cert", fields, {"main": columns}, spec["source"])


def distinguish_labels(fields: list[dict[str, Any]]) -> None:
    """Number labels that would repeat within one step and section (template columns with
    the same header, e.g. the three 技能水準_合格した試験名): （１）, （２）, … in template order,
    so the office can tell the inputs apart. Members of a repeat group are numbered by the
    group itself."""
    seen: dict[tuple[str, str, str], list[dict[str, Any]]] = {}
    for f in fields:
        if not f["group"]:
            seen.setdefault((f["step"], f["section"], f["label_ja"]), []).append(f)
    for same in seen.values():
        if len(same) > 1:
            for n, f in enumerate(same, start=1):
                f["label_ja"] += f"（{chr(0xFF10 + n) if n < 10 else n}）"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--isa", type=Path, required=True,
                        help="the ISA reference-data folder (templates/, codelists/)")
    parser.add_argument("--pull-downs", action="store_true",
                        help="list every pull-down column with its code list (or why none)")
    args = parser.parse_args(argv)
    mapping = json.loads((RESOURCES / "fields" / "columns.json").read_text("utf-8"))
    lists = CodeListBuilder(args.isa)
    lists.build()
    builder = CatalogueBuilder(args.isa, mapping, lists)
    catalogues = {p: builder.build(p) for p in TEMPLATE_PROCEDURES}
    catalogues["acquisition"] = builder.build_acquisition(catalogues["change"])
    catalogues["work-cert"] = builder.build_work_cert(catalogues["renewal"])
    # Which procedures each field id belongs to (the same question in several applications).
    owners: dict[str, list[str]] = {}
    for procedure, data in catalogues.items():
        for f in data["fields"]:
            owners.setdefault(f["id"], []).append(procedure)
    for data in catalogues.values():
        for f in data["fields"]:
            f["procedures"] = owners[f["id"]]
    out_fields = RESOURCES / "fields"
    for procedure, data in catalogues.items():
        write_json(out_fields / f"{procedure}.json", data)
    out_lists = RESOURCES / "codelists"
    out_lists.mkdir(parents=True, exist_ok=True)
    for stale in out_lists.glob("*.json"):
        # page_*: the choices of a 区分 set read from the online page (build_form_fields.py)
        if stale.stem not in lists.lists and not stale.stem.startswith("page_"):
            stale.unlink()
    add_page_choices(catalogues, lists.lists)
    for list_id, data in lists.lists.items():
        write_json(out_lists / f"{list_id}.json", data)
    print(f"wrote {len(catalogues)} catalogues and {len(lists.lists)} code lists")
    if args.pull_downs:
        print_pull_downs({p: catalogues[p] for p in TEMPLATE_PROCEDURES})
    return 0


# The status answer's list is not completed from a page: each 区分's page offers only its own
# purposes, worded its own way (docs/domain.md#categories).
PAGE_CHOICES_SKIPPED = {"entry_purpose", "status", "status_change", "status_current"}


def add_page_choices(catalogues: dict[str, dict[str, Any]],
                     code_lists: dict[str, dict[str, Any]]) -> None:
    """A choice the online page offers that the template's list lacks (the page is what the
    office types into, docs/domain.md#online-page) is added, its code unknown (verified false),
    from the differences report of each 区分 set (resources/fields/<procedure>.kubun-<L>.json)."""
    for path in sorted((RESOURCES / "fields").glob("*.kubun-*.json")):
        page_set = json.loads(path.read_text("utf-8"))
        fields = {f["id"]: f for f in catalogues[page_set["procedure"]]["fields"]}
        for diff in page_set.get("differences", []):
            field = fields.get(diff.get("field") or "")
            if diff["what"] != "choices_missing" or (field is None and "code_list" not in diff):
                continue
            # a 区分 item's pull-down names the template list it shares (formimport.py)
            list_id = diff.get("code_list") or (field or {}).get("code_list")
            if list_id in PAGE_CHOICES_SKIPPED and list_id in code_lists:
                split_joint_choice(code_lists[list_id]["entries"], diff["page"],
                                   page_set["title"])
                continue
            if not list_id or list_id not in code_lists:
                continue
            entries = code_lists[list_id]["entries"]
            known = {e["label"].split(" ", 1)[0] for e in entries}
            for label in diff["page"]:
                if label.split(" ", 1)[0] in known:
                    continue
                at = next((n for n, e in enumerate(entries)
                           if e["label"].split(" ", 1)[0] == "その他"), len(entries))
                entries.insert(at, {"label": label, "code": None, "verified": False,
                                    "note": f"offered by the online page ({page_set['title']}), "
                                            "not in the template data; code unknown"})
                known.add(label.split(" ", 1)[0])


def top_level_parts(name: str) -> list[str]:
    """``研究，特定活動（特定研究等活動，特定情報処理活動）`` → its two statuses (commas inside
    brackets do not split)."""
    parts, depth, current = [], 0, ""
    for ch in name:
        depth += ch in "（("
        depth -= ch in "）)"
        if ch == "，" and depth == 0:
            parts.append(current)
            current = ""
        else:
            current += ch
    return [*parts, current]


def split_joint_choice(entries: list[dict[str, Any]], page: list[str], title: str) -> None:
    """The page of one purpose lists that purpose's statuses one by one, where the template's
    list joins them in one choice (入国目的 「技術・人文知識・国際業務，特定活動（本邦大卒者）」 →
    the page's 「技術・人文知識・国際業務」 and 「特定活動（本邦大学卒業者）」). The page's choices
    are added after the joint one, each naming it (``joins``: the template writes the joint
    choice). Only when one joint choice has exactly the page's choices as its parts, one of
    them word for word; otherwise the list is left as it is."""
    names = [label.split(" ", 1)[0] for label in page]
    for at, entry in enumerate(entries):
        parts = top_level_parts(entry["label"].split(" ", 1)[0])
        if len(parts) < 2 or len(parts) != len(names) or not set(parts) & set(names):
            continue
        known = {e["label"] for e in entries}
        added = [{"label": label, "code": entry.get("code"), "verified": True,
                  "joins": entry["label"],
                  "note": f"offered by the online page ({title}) for the joint template "
                          "choice it names; the bulk template writes that choice"}
                 for label in page if label not in known]
        entries[at + 1:at + 1] = added
        return


def print_pull_downs(catalogues: dict[str, dict[str, Any]]) -> None:
    """Each pull-down column of the templates: its code list, or MISSING and the reason."""
    for procedure, data in catalogues.items():
        for f in data["fields"]:
            if "プルダウン" not in f["guidance_ja"]:
                continue
            what = f["code_list"] or f"MISSING ({f.get('code_list_missing_reason', '')})"
            print(f"{procedure}\t{f['sheet']}\t{f['id']}\t{what}")


def write_json(path: Path, data: Any) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(data, ensure_ascii=False, indent=1) + "\n"
    path.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    raise SystemExit(main())
