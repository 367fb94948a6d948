"""Official-workbook benchmark: fill 1,000 applicants into the office's copy of ISA's workbook
against the openpyxl write-only baseline of the review workbook, measured in the same run.

Ours: ``workbook.fill_workbook`` from cases — every check it makes (each case validated, its
区分, the template's sheets, row 5 and pull-downs read) and the surgical write (the input
sheets' XML edited, every other member copied, atomic replace). The template is the synthetic
official workbook of the tests (``tests/official_workbook.py``) with 1,000 styled input rows.
Baseline: openpyxl's write-only mode writing the same rows, ready-made (``bulk.sheet_tables``
done beforehand), as ``benchmarks/exports.py`` does for the review workbook. Also measured:
validating the same cases (``validation.validate_case``, which the fill runs for every case),
so the fill's own work (total minus validation) shows apart. Alternating runs; prints each
median and the ratios of the medians (goal: 1.0 or less).

    python benchmarks/workbook.py [--applicants 1000] [--runs 5]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from exports import applicants, baseline_xlsx  # noqa: E402  (benchmarks/exports.py)

from assistant.model.case import Case  # noqa: E402
from assistant.model.exports import bulk  # noqa: E402
from assistant.model.exports.workbook import fill_workbook  # noqa: E402
from tests.official_workbook import build_template  # noqa: E402

TODAY = date(2026, 12, 7)
GOAL_RATIO = 1.0
SSW1 = "特定技能１号 Specified Skilled Worker ( i )"   # 区分V: the installed 区分
INTENT = ("申請人(代理人による申請の場合は当該代理人)に申請の意思を確認しました。 "
          "Confirmed intent of application with applicant (or agent).")


def valid_applicants(n: int) -> list[Case]:
    """The export benchmark's realistic applicants, as 特定技能 holders ready to file."""
    cases = applicants(n)
    for case in cases:
        street = case.values["address_street"]
        case.values.update({"address_street": "".join(
            chr(ord(ch) + 0xFEE0) if "!" <= ch <= "~" else ch for ch in street),
            "relative_relationship[2]": "兄弟姉妹 Sibling", "relative_nationality[2]": "ベトナム Viet Nam",
            "relative_lives_together[2]": "有 Yes",
"current_status": SSW1, "intent_confirmed": INTENT,
                            "desired_period": "１年", "period_of_stay": "１年",
                            "receipt_method": "郵送 Mailing", "reason": "引き続き就労するため。",
                            "criminal_record": "無 No", "notification_email": "a@example.jp"})
    return cases


def timed(action, runs: list[float]) -> None:  # type: ignore[no-untyped-def]
    start = time.perf_counter()
    action()
    runs.append(time.perf_counter() - start)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--applicants", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    cases = valid_applicants(args.applicants)
    tables = bulk.sheet_tables(cases)           # the rows the baseline writes, ready-made
    from assistant.model.validation import validate_case

    ours: list[float] = []
    base: list[float] = []
    checks: list[float] = []
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        template = build_template(folder / "official.xlsm", rows=args.applicants)
        size = template.stat().st_size
        fill_workbook(template, cases, folder / "warm.xlsm", on=TODAY)   # caches, imports
        baseline_xlsx(tables, folder / "warm.xlsx")
        for run in range(args.runs):
            timed(lambda run=run: baseline_xlsx(tables, folder / f"base{run}.xlsx"), base)
            timed(lambda run=run: fill_workbook(template, cases, folder / f"filled{run}.xlsm",
                                                on=TODAY), ours)
            timed(lambda: [validate_case(case, TODAY) for case in cases], checks)
    ours_median, base_median = statistics.median(ours), statistics.median(base)
    ratio = ours_median / base_median
    print(f"template: {size / 1e6:.2f} MB, {args.applicants} input rows per sheet")
    print(f"fill official workbook ({args.applicants} applicants): {ours_median * 1000:.0f} ms "
          f"(runs: {', '.join(f'{t * 1000:.0f}' for t in ours)})")
    print(f"openpyxl write-only baseline (same rows, ready-made): {base_median * 1000:.0f} ms "
          f"(runs: {', '.join(f'{t * 1000:.0f}' for t in base)})")
    check_median = statistics.median(checks)
    print(f"of which validating the cases (validate_case × {args.applicants}): "
          f"{check_median * 1000:.0f} ms (runs: {', '.join(f'{t * 1000:.0f}' for t in checks)})")
    print(f"ratio, whole fill / baseline: {ratio:.2f} (goal ≤ {GOAL_RATIO})")
    print(f"ratio, fill without validation / baseline: "
          f"{(ours_median - check_median) / base_median:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
