"""Bulk export benchmark: 1,000 applicants to CSV and to xlsx against the bare libraries.

Ours: ``bulk.export_csv`` / ``xlsx.write_workbook`` from cases (validating every case first —
the CSV export refuses a case with errors —, the stored values written as they are, code-list
cells mapped, the Shift_JIS check where asked, header rows, drop-downs, atomic writes); the
CSV writer alone is timed too, so the cost of validation shows apart.
Baseline, in the same run: the same final rows, ready-made (header + one row per applicant,
every sheet written, in the same encoding) with the ``csv`` module / openpyxl's write-only mode
directly; for CSV also a direct script that builds the rows from the cases' values (no
formatting) and writes them. Alternating runs; prints each median and the ratio of the
medians (target: 1.5 or less).

    python benchmarks/exports.py [--applicants 1000] [--runs 5]
"""

from __future__ import annotations

import argparse
import csv
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from assistant.model.case import Case  # noqa: E402
from assistant.model.exports import bulk, xlsx  # noqa: E402
from assistant.model.fields import catalogue  # noqa: E402
from assistant.model.normalize import to_fullwidth  # noqa: E402

TARGET_RATIO = 1.5
ON = date(2026, 11, 1)   # the filing date the cases are validated for (window open)
INTENT = ("申請人(代理人による申請の場合は当該代理人)に申請の意思を確認しました。 "
          "Confirmed intent of application with applicant (or agent).")


def _letters(i: int) -> str:
    out = ""
    for _ in range(4):
        i, r = divmod(i, 26)
        out += chr(65 + r)
    return out


def _kana(i: int) -> str:
    kana = "アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモ"
    return kana[i % len(kana)] + kana[(i // len(kana)) % len(kana)] + kana[(i * 7) % len(kana)]


def applicants(n: int) -> list[Case]:
    """Realistic, complete renewal cases as stored (normalised at entry, valid on ``ON``):
    identity, address, card, two relatives, some 区分V fields.

    Names, dates, numbers and addresses differ from applicant to applicant (as in real data),
    so that handling a value once per export and reusing it does not flatter the figures.
    """
    cat = catalogue("renewal")
    weekly = next(c.key for c in cat.columns("category_v")
                  if c.header.endswith("(3)所定労働時間(週平均）"))
    cases = []
    for i in range(n):
        values = {
            "nationality": "ベトナム Viet Nam",
            "birth_date": f"19{70 + i % 30}{1 + i % 12:02d}{1 + i % 28:02d}",
            "name": f"NGUYEN VAN {_letters(i)}", "sex": ("男 male", "女 female")[i % 2],
            "has_spouse": "有 Yes", "occupation": "会社員", "home_address": "ハノイ市",
            "postal_code": "1000013", "address_prefecture": "東京都",
            "address_municipality": "千代田区", "address_street": to_fullwidth(f"霞が関{i % 3 + 1}-{i % 7 + 1}-{i + 1}"),
            "phone": "0312345678", "mobile": "09012345678", "email": f"a{i}@example.jp",
            "passport_number": f"C{1000000 + i}", "passport_expiry": "20300101",
            "current_status": "特定技能１号 Specified Skilled Worker ( i )",   # 区分V
            "expiry_date": "20270105", "has_zairyu_card": "有 Yes",
            "zairyu_card_number": f"AB{10000000 + i}CD", "has_relatives": "有 Yes",
            "relative_relationship[1]": "妻 Wife", "relative_name[1]": f"グエン　ティ　{_kana(i)}",
            "relative_birth_date[1]": f"19{75 + i % 20}{1 + i % 12:02d}{1 + i % 27:02d}", "relative_nationality[1]": "ベトナム Viet Nam",
            "relative_lives_together[1]": "有 Yes", "relative_name[2]": f"グエン　ヴァン　{_kana(i + 7)}",
            "relative_birth_date[2]": f"20{10 + i % 15}{1 + i % 12:02d}{1 + i % 26:02d}", weekly: "40",
            "relative_relationship[2]": "兄弟姉妹 Sibling", "relative_nationality[2]": "ベトナム Viet Nam",
            "relative_lives_together[2]": "有 Yes", "period_of_stay": "１年",
            "desired_period": "１年", "reason": "引き続き同じ会社で勤務するため",
            "criminal_record": "無 No", "receipt_method": "郵送 Mailing",
            "notification_email": f"a{i}@example.jp", "intent_confirmed": INTENT,
        }
        cases.append(Case(id=f"bench-{i}", procedure="renewal", values=values))
    return cases


def baseline_csv(tables: list[bulk.SheetTable], folder: Path, encoding: str = "utf-8-sig") -> None:
    for table in tables:
        with (folder / table.file_name).open("w", encoding=encoding, newline="") as fh:
            writer = csv.writer(fh, lineterminator="\r\n")
            writer.writerow(table.headers)
            writer.writerows(table.rows)


def naive_csv(cases: list[Case], folder: Path) -> None:
    """What a direct script would do: the same rows from the cases, values as stored."""
    cat = catalogue("renewal")
    for sheet in ("main", "category_v"):
        keys = [c.key for c in cat.columns(sheet)]
        with (folder / f"naive_{sheet}.csv").open("w", encoding="utf-8-sig", newline="") as fh:
            writer = csv.writer(fh, lineterminator="\r\n")
            writer.writerow(cat.headers(sheet))
            writer.writerows([[case.values.get(k, "") if k else "" for k in keys]
                              for case in cases])


def baseline_xlsx(tables: list[bulk.SheetTable], path: Path) -> None:
    from openpyxl import Workbook

    wb = Workbook(write_only=True)
    for table in tables:
        ws = wb.create_sheet(table.sheet)
        ws.append(table.headers)
        for row in table.rows:
            ws.append(row)
    wb.save(path)


def median_seconds(action: Callable[[], object], runs: list[float]) -> None:
    start = time.perf_counter()
    action()
    runs.append(time.perf_counter() - start)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--applicants", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    cases = applicants(args.applicants)
    refused = bulk.kubun_refusals(cases) + bulk.check_cases(cases, ON)
    assert not [i for i in refused if i.problem.is_error], refused[:3]   # all exported
    tables = bulk.sheet_tables(cases)           # the rows the baselines write
    for table in tables:
        table.rows  # noqa: B018  (made before the timings: the baselines get ready rows)
    import openpyxl  # noqa: F401  (import cost outside the timings for both sides)

    results: dict[str, tuple[list[float], list[float]]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for name, ours, base in [
            ("csv utf-8-sig (validate every case, write)",
             lambda: bulk.export_csv(cases, folder / "ours", on=ON),
             lambda: baseline_csv(tables, folder)),
            ("csv writer alone (cases validated)",
             lambda: bulk._write_csv(cases, folder / "ours_w", "utf-8-sig", "labels",
                                     bulk.BulkResult()),
             lambda: baseline_csv(tables, folder)),
            ("csv (validate, write) vs script building rows",
             lambda: bulk.export_csv(cases, folder / "ours2", on=ON),
             lambda: naive_csv(cases, folder)),
            ("csv cp932 (validate, character check, write)",
             lambda: bulk.export_csv(cases, folder / "ours932", encoding="cp932", on=ON),
             lambda: baseline_csv(tables, folder, "cp932")),
            ("xlsx", lambda: xlsx.write_workbook(cases, folder / "ours.xlsx"),
             lambda: baseline_xlsx(tables, folder / "base.xlsx")),
        ]:
            ours_runs: list[float] = []
            base_runs: list[float] = []
            ours()  # warm-up: code lists, catalogue, imports
            base()
            for _ in range(args.runs):
                median_seconds(ours, ours_runs)
                median_seconds(base, base_runs)
            results[name] = (ours_runs, base_runs)

    print(f"{args.applicants} applicants, {args.runs} runs each (median)")
    worst = 0.0
    for name, (ours_runs, base_runs) in results.items():
        ours_m, base_m = statistics.median(ours_runs), statistics.median(base_runs)
        ratio = ours_m / base_m
        worst = max(worst, ratio)
        print(f"  {name:42s} ours {ours_m * 1000:8.1f} ms   baseline {base_m * 1000:8.1f} ms"
              f"   ratio {ratio:5.2f}  (target <= {TARGET_RATIO})")
    print(f"worst ratio {worst:.2f}: {'OK' if worst <= TARGET_RATIO else 'ABOVE TARGET'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
