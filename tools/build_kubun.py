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
import re
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
# only; the letter written out is read from the sheet). Where the sheet splits one status
# across rows of different letters, each (row, purpose) names the row's purpose paragraph by
# its first words: the wizard lists these purposes in the form's words and the one chosen
# picks the 区分; the first is the default until one is chosen.
_HSP_NOTE = "（※）: the J, K, O or U form may be used instead"
_HSP_I = ("I", "大学等において高度")
_HSP_N_RESEARCH = ("N", "高度の専門的な能力を有する人材として研究")
_HSP_N_SERVICES = ("N", "高度の専門的な能力を有する人材として自然科学")
_HSP_L = ("L", "日本にある事業所に期間を定めて転勤して高度")
_HSP_M = ("M", "高度の専門的な能力を有する人材として事業")
STATUS_ROWS: dict[str, list[tuple[str, str]]] = {
    "外交": [("U", "")], "公用": [("U", "")], "教授": [("I", "")], "芸術": [("J", "")],
    "宗教": [("K", "")], "報道": [("L", "")],
    "高度専門職１号イ": [_HSP_I, _HSP_N_RESEARCH],
    "高度専門職１号ロ": [_HSP_N_SERVICES, _HSP_L],
    "高度専門職１号ハ": [("M", "")],
    "高度専門職２号": [_HSP_N_RESEARCH, _HSP_N_SERVICES, _HSP_I, _HSP_L, _HSP_M],
    "経営・管理": [("M", "")], "法律・会計業務": [("U", "")], "医療": [("U", "")],
    "研究": [("N", "契約に基づき収入を伴う研究"), ("L", "日本にある事業所に期間を定めて転勤して研究")],
    "教育": [("I", "")],
    "技術・人文知識・国際業務": [("N", "")], "企業内転勤": [("L", "")], "介護": [("N", "")],
    "興行": [("O", "")], "技能": [("N", "")], "特定技能１号": [("V", "")],
    "特定技能２号": [("V", "")],
    **{f"技能実習{n}号{k}": [("Y", "")] for n in "１２３" for k in "イロ"},
    "文化活動": [("J", "")], "短期滞在": [("H", "")], "留学": [("P", "")],
    "研修": [("Q", "")], "家族滞在": [("R", "")],
    "特定活動": [("U", "上記以外の目的(1)"), ("U", "上記以外の目的(2)"),
             ("N", "特定の研究活動"), ("N", "本邦の大学・大学院"),
             ("R", "特定の研究活動等を行う者の扶養"), ("R", "EPA看護師"),
             ("R", "本邦大学卒業者としての活動を行う者の扶養")],
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
    "高度専門職第１号イ・第２号（高度学術研究活動）": [_HSP_I, _HSP_N_RESEARCH],
    "高度専門職第１号ロ・第２号（高度専門・技術活動）": [_HSP_N_SERVICES, _HSP_L],
    "高度専門職第１号ハ・第２号（高度経営・管理活動）": [("M", "")],
    "技能実習": [("Y", "")],
}
_ENGLISH = re.compile(r"(?<![A-Za-z])[A-Z][a-z]")
_JAPANESE = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uff66-\uff9f]")


def nfkc(text: str) -> str:
    return unicodedata.normalize("NFKC", text)


def read_rows(path: Path, sheet: str) -> list[dict[str, Any]]:
    """The purpose rows of the sheet: number, first line of the purpose text, letter, and the
    row's purposes (``purposes``: each paragraph of the purpose column in Japanese and English,
    with the example column's words beside it)."""
    import openpyxl

    wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
    rows = [tuple("" if v is None else str(v) for v in row)
            for row in wb[sheet].iter_rows(values_only=True)]
    found: list[dict[str, Any]] = []
    starts: list[int] = []
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
        starts.append(i)
    end = next((i for i, row in enumerate(rows) if row and "（※）については" in row[0]),
               len(rows))
    for n, block in enumerate(found):
        last = starts[n + 1] if n + 1 < len(starts) else end
        block["purposes"] = purposes(rows[starts[n]:last])
    return found


def _split(line: str) -> tuple[str, str]:
    """A line of the sheet as (Japanese, English), in the sheet's own characters: the English
    starts at the first capitalised word; the part before it is Japanese when it holds any
    Japanese character (``EPA看護師…`` is Japanese, ``(Nurse and …`` English)."""
    line = line.strip().replace("\u3000", " ")
    found = _ENGLISH.search(line)
    at = found.start() if found else len(line)
    head, tail = line[:at].strip(), line[at:].strip()
    if head and not _JAPANESE.search(head):
        return "", line
    return head, tail


def purposes(rows: list[tuple[str, ...]]) -> list[dict[str, str]]:
    """The paragraphs of one purpose row block (column B), each in Japanese and English, with
    the example column (C) of the rows it spans; a Japanese line right after another Japanese
    line continues it (the sheet wraps long purposes over rows)."""
    found: list[dict[str, Any]] = []
    open_ja = False
    for row in rows:
        lines = [ln for ln in (row[1] if len(row) > 1 else "").split("\n") if ln.strip()]
        for line in lines:
            ja, en = _split(line)
            if ja:
                if open_ja and found:
                    found[-1]["ja"] += ja
                else:
                    found.append({"ja": ja, "en": [], "example_ja": [], "example_en": []})
                open_ja = not en
            if en and found:
                found[-1]["en"].append(en)
                open_ja = False
        example = row[2] if len(row) > 2 else ""
        for line in example.split("\n"):
            ja, en = _split(line)
            if found and ja:
                found[-1]["example_ja"].append(ja)
            if found and en:
                found[-1]["example_en"].append(en)
    return [{"ja": p["ja"], "en": re.sub(r"\s+", " ", " ".join(p["en"])).strip(),
             "example_ja": "".join(p["example_ja"]),
             "example_en": re.sub(r"\s+", " ", " ".join(p["example_en"])).strip()}
            for p in found]


def blocks_of(rows: list[dict[str, Any]], row_key: str) -> list[dict[str, Any]]:
    """The purpose row blocks the status key names (by their first words; 上記以外の目的 has
    two)."""
    key = nfkc(ROW_KEYS[row_key])
    hits = [r for r in rows if r["purpose_ja"].startswith(key)]
    if not hits:
        raise SystemExit(f"no purpose row starting {key!r} in the sheet")
    return hits


def purpose_of(blocks: list[dict[str, Any]], words: str) -> tuple[dict[str, Any],
                                                                  dict[str, str]]:
    """The block and purpose paragraph starting with ``words``."""
    hits = [(b, p) for b in blocks for p in b["purposes"]
            if nfkc(p["ja"]).startswith(nfkc(words))]
    if len(hits) != 1:
        raise SystemExit(f"row {blocks[0]['number']}: {len(hits)} purposes start {words!r}")
    return hits[0]


def table(procedure: str, rows: list[dict[str, Any]], labels: list[str],
          mapping: dict[str, list[tuple[str, str]]],
          joins: dict[str, str] | None = None) -> list[dict[str, Any]]:
    """``joins``: a choice the online page splits out of a joint one → that joint choice's
    label; it takes the joint choice's purpose row."""
    out = []
    for label in labels:
        name = (joins or {}).get(label, label).split(" ", 1)[0]
        if name in NO_FORM:
            out.append({"label": label, "kubun": None, "reason": NO_FORM[name]})
            continue
        if name not in mapping:
            raise SystemExit(f"{procedure}: no purpose row for {label!r}")
        options = []
        for row_key, words in mapping[name]:
            if row_key == "H" and procedure == "coe":
                continue
            block = blocks_of(rows, row_key)[0]
            purpose: dict[str, str] = {}
            if words:
                block, purpose = purpose_of(blocks_of(rows, row_key), words)
            option: dict[str, Any] = {"kubun": block["kubun"], "purpose_row": block["number"]}
            if purpose:
                option.update({"purpose_ja": purpose["ja"], "purpose_en": purpose["en"],
                               "example_ja": purpose["example_ja"],
                               "example_en": purpose["example_en"]})
            options.append(option)
        entry: dict[str, Any] = {"label": label, "kubun": options[0]["kubun"],
                                 "purpose_row": options[0]["purpose_row"]}
        if len({o["kubun"] for o in options}) > 1:
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
        joins = {e["label"]: e["joins"] for e in list_data["entries"] if e.get("joins")}
        mapping = PURPOSE_ROWS if procedure == "coe" else STATUS_ROWS
        procedures[procedure] = {
            "answer": ANSWER[procedure], "code_list": ANSWER_LIST[procedure],
            "source": f"forms {file_name}, sheet 「{sheet}」",
            "purpose_rows": rows,
            "statuses": table(procedure, rows, labels, mapping, joins),
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
                    "one status across letters: its purposes in the form's words (purpose_ja / "
                    "purpose_en), the one the case chose picks the 区分, the first is the default. "
                    "docs/domain.md#categories.",
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
