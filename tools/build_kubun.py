#!/usr/bin/env python3
"""Build ``resources/fields/kubun.json``: which 区分 (form letter) each status uses, per procedure.

Reads ISA's paper application forms (``--forms PATH``: change_application_form.xlsx,
renewal_application_form_v.xlsx, coe_application_form.xlsx; docs/domain.md#categories), sheet
「申請人用１（裏）」 (coe: 「申請人用（認定）１（裏）」): one row per purpose of stay with the letter
of the 申請人等作成用２ form. The letters are read from the sheets; what this tool holds by hand
is only which purpose row each status of residence belongs to (``STATUS_ROWS``, keyed by the
first words of the row's purpose text) and, where one status spans several rows, the
activities that choose between them.

Usage: ``python3 tools/build_kubun.py --forms PATH``; the output is committed (the application
never reads the forms), review the diff when ISA publishes new forms.
"""

from __future__ import annotations

import argparse
import json
import sys
import unicodedata
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "resources" / "fields" / "kubun.json"

FORMS = {
    "renewal": ("renewal_application_form_v.xlsx", "申請人用１（裏）"),
    "change": ("change_application_form.xlsx", "申請人用１（裏）"),
    "coe": ("coe_application_form.xlsx", "申請人用（認定）１（裏）"),
}

# The answer that decides the 区分: the status applied for (change, coe: 入国目的) or held
# (renewal keeps its status). acquisition and work-cert forms carry no letter.
ANSWER = {"renewal": "current_status", "change": "desired_status", "coe": "desired_status"}
ANSWER_LIST = {"renewal": "status_current", "change": "status_change", "coe": "entry_purpose"}

# Purpose rows of the sheet, by the first words of their purpose text (NFKC).
ROW_KEYS = {
    "H": "短期滞在", "I": "大学等において高度", "J": "収入を伴う芸術", "K": "外国の宗教団体",
    "L": "外国の報道機関", "M": "高度の専門的な能力を有する人材として事業",
    "N": "高度の専門的な能力を有する人材として研究", "V": "特定技能雇用契約", "O": "興行",
    "Y": "技能実習", "P": "勉学", "Q": "研修", "R": "商用・就職を目的とする者",
    "T": "日本人,永住者等", "U": "上記以外の目的",
}

# Status (the Japanese part of its label) → purpose rows (the row key's letter as a name
# only; the letter written out is read from the sheet). A list of (row, activity) where the
# sheet splits one status by activity; the first is the default.
_HSP_NOTE = "（※）: the J, K, O or U form may be used instead"
STATUS_ROWS: dict[str, list[tuple[str, str]]] = {
    "外交": [("U", "")], "公用": [("U", "")], "教授": [("I", "")], "芸術": [("J", "")],
    "宗教": [("K", "")], "報道": [("L", "")],
    "高度専門職１号イ": [("I", "大学等での研究・研究の指導・教育"),
                   ("N", "大学等以外での研究・研究の指導・教育")],
    "高度専門職１号ロ": [("N", "自然科学・人文科学の分野の業務"),
                   ("L", "日本にある事業所への転勤")],
    "高度専門職１号ハ": [("M", "")],
    "高度専門職２号": [("N", "研究・技術等の業務"), ("I", "大学等での研究・教育"),
                 ("L", "日本にある事業所への転勤"), ("M", "事業の経営又は管理")],
    "経営・管理": [("M", "")], "法律・会計業務": [("U", "")], "医療": [("U", "")],
    "研究": [("N", ""), ("L", "日本にある事業所への転勤（研究）")], "教育": [("I", "")],
    "技術・人文知識・国際業務": [("N", "")], "企業内転勤": [("L", "")], "介護": [("N", "")],
    "興行": [("O", "")], "技能": [("N", "")], "特定技能１号": [("V", "")],
    "特定技能２号": [("V", "")],
    **{f"技能実習{n}号{k}": [("Y", "")] for n in "１２３" for k in "イロ"},
    "文化活動": [("J", "")], "短期滞在": [("H", "")], "留学": [("P", "")],
    "研修": [("Q", "")], "家族滞在": [("R", "")],
    "特定活動": [("U", "その他の特定活動（家事使用人、ワーキング・ホリデー、日系四世、起業 …）"),
             ("N", "特定研究等活動・特定情報処理活動・本邦大学卒業者"),
             ("R", "特定研究等・本邦大学卒業者・EPA 看護師等の扶養を受ける者")],
    "日本人の配偶者等": [("T", "")], "永住者の配偶者等": [("T", "")], "定住者": [("T", "")],
}
# Statuses no lettered form is filed for, with the reason.
NO_FORM = {
    "永住者": "永住許可申請 is a procedure of its own, not a change of status",
    "特別永住者": "special permanent residents file no status application",
}
# coe: the 入国目的 list (entry_purpose) names purposes, some of them several statuses.
PURPOSE_ROWS: dict[str, list[tuple[str, str]]] = {
    "教授": [("I", "")], "教育": [("I", "")], "芸術": [("J", "")], "文化活動": [("J", "")],
    "宗教": [("K", "")], "報道，研究（転勤），企業内転勤": [("L", "")],
    "経営・管理": [("M", "")], "研究，特定活動（特定研究等活動，特定情報処理活動）": [("N", "")],
    "技術・人文知識・国際業務，特定活動（本邦大卒者）": [("N", "")], "技能": [("N", "")],
    "介護": [("N", "")], "興行": [("O", "")], "留学": [("P", "")], "研修": [("Q", "")],
    "家族滞在，特定活動（研究等家族・情報処理家族，本邦大卒者家族，ＥＰＡ家族）": [("R", "")],
    "日本人の配偶者等": [("T", "")], "永住者の配偶者等": [("T", "")], "定住者": [("T", "")],
    "医療": [("U", "")], "公用": [("U", "")], "法律・会計業務": [("U", "")],
    "特定活動": [("U", "")], "特定技能": [("V", "")],
    "高度専門職第１号イ・第２号（高度学術研究活動）": [
        ("I", "大学等での研究・研究の指導・教育"), ("N", "大学等以外での研究・研究の指導・教育")],
    "高度専門職第１号ロ・第２号（高度専門・技術活動）": [
        ("N", "自然科学・人文科学の分野の業務"), ("L", "日本にある事業所への転勤")],
    "高度専門職第１号ハ・第２号（高度経営・管理活動）": [("M", "")],
    "技能実習": [("Y", "")],
}


def nfkc(text: str) -> str:
    return unicodedata.normalize("NFKC", text)


def read_rows(path: Path, sheet: str) -> list[dict[str, Any]]:
    """The purpose rows of the sheet: number, first line of the purpose text, letter."""
    import openpyxl

    wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
    rows = [tuple("" if v is None else str(v) for v in row)
            for row in wb[sheet].iter_rows(values_only=True)]
    found: list[dict[str, Any]] = []
    number = ""
    for i, row in enumerate(rows):
        if len(row) < 5:
            continue
        letter = nfkc(row[4]).strip()
        if row[0].strip().isdigit():
            number = row[0].strip()
        if len(letter) != 1 or not letter.isalpha():
            continue
        own = row[0].strip()
        if not own.isdigit():   # merged cell: the number sits on a later row of the block,
            own = number          # or (上記以外の目的（2）) the block shares the previous number
            for later in rows[i + 1:]:
                if later[0].strip().isdigit():
                    own = later[0].strip()
                    break
                if len(later) > 4 and nfkc(later[4]).strip().isalpha():
                    break
        found.append({"number": int(own), "sheet_row": i + 1,
                      "purpose_ja": nfkc(row[1]).split("\n")[0].strip(), "kubun": letter})
    return found


def letter_of(rows: list[dict[str, Any]], row_key: str) -> tuple[str, int]:
    key = nfkc(ROW_KEYS[row_key])
    hits = [r for r in rows if r["purpose_ja"].startswith(key)]
    if not hits:
        raise SystemExit(f"no purpose row starting {key!r} in the sheet")
    return hits[0]["kubun"], hits[0]["number"]


def table(procedure: str, rows: list[dict[str, Any]], labels: list[str],
          mapping: dict[str, list[tuple[str, str]]]) -> list[dict[str, Any]]:
    out = []
    for label in labels:
        name = label.split(" ", 1)[0]
        if name in NO_FORM:
            out.append({"label": label, "kubun": None, "reason": NO_FORM[name]})
            continue
        if name not in mapping:
            raise SystemExit(f"{procedure}: no purpose row for {label!r}")
        options = []
        for row_key, activity in mapping[name]:
            if row_key == "H" and procedure == "coe":
                continue
            letter, number = letter_of(rows, row_key)
            options.append({"kubun": letter, "purpose_row": number, "activity_ja": activity})
        entry: dict[str, Any] = {"label": label, "kubun": options[0]["kubun"],
                                 "purpose_row": options[0]["purpose_row"]}
        if len(options) > 1:
            entry["by_activity"] = options
        if name.startswith("高度専門職"):
            entry["note"] = _HSP_NOTE
        out.append(entry)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--forms", required=True, type=Path,
                        help="folder with the ISA application form workbooks")
    args = parser.parse_args(argv)
    procedures: dict[str, Any] = {}
    for procedure, (file_name, sheet) in FORMS.items():
        rows = read_rows(args.forms / file_name, sheet)
        list_data = json.loads((ROOT / "resources" / "codelists"
                                / f"{ANSWER_LIST[procedure]}.json").read_text("utf-8"))
        labels = [e["label"] for e in list_data["entries"]]
        mapping = PURPOSE_ROWS if procedure == "coe" else STATUS_ROWS
        procedures[procedure] = {
            "answer": ANSWER[procedure], "code_list": ANSWER_LIST[procedure],
            "source": f"forms {file_name}, sheet 「{sheet}」",
            "purpose_rows": rows,
            "statuses": table(procedure, rows, labels, mapping),
        }
    # The full status list (_CB19_3_C), for statuses a case may hold from older data.
    for procedure in ("renewal", "change"):
        rows = procedures[procedure]["purpose_rows"]
        all_labels = [e["label"] for e in json.loads(
            (ROOT / "resources" / "codelists" / "status.json").read_text("utf-8"))["entries"]]
        known = {s["label"] for s in procedures[procedure]["statuses"]}
        procedures[procedure]["statuses"] += table(
            procedure, rows, [lb for lb in all_labels if lb not in known], STATUS_ROWS)
    data = {
        "_comment": "Which 区分 (form letter) a case uses, per procedure: the status answer "
                    "(the field named by 'answer') → 区分; 'by_activity' where the sheet splits "
                    "one status, the first being the default. docs/domain.md#categories.",
        "generated_by": "tools/build_kubun.py — do not edit by hand",
        "no_letter": {"acquisition": "the acquisition form (別記第36号様式) has no 区分 letter",
                      "work-cert": "the work certificate form (別記第29号の2様式) has no 区分 "
                                   "letter"},
        "procedures": procedures,
    }
    OUT.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {OUT.relative_to(ROOT)}: "
          + ", ".join(f"{p} {len(v['statuses'])}" for p, v in procedures.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
