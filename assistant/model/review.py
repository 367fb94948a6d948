"""Everything the office is told about a case before filing, in one list: the field and rule
problems (:func:`validation.validate_case`) plus the 確認事項 that are not validation — open
提出書類 (``documents.checklist_problems``) and 高度専門職 points under the pass mark
(``points.points_problems``). The wizard's Step 3 and ``assistant validate`` both show this
list, so a case reads the same in either (docs/architecture.md).
"""

from __future__ import annotations

from datetime import date

from assistant.model.case import Case
from assistant.model.documents import case_checklist, checklist_problems
from assistant.model.fields import catalogue
from assistant.model.points import points_problems
from assistant.model.problems import Problem
from assistant.model.validation import validate_case


def review_case(case: Case, on: date, profile: str | None = None, *,
                documents: bool = True) -> list[Problem]:
    """The problems and 確認事項 of ``case`` for filing on ``on``; ``documents=False`` leaves
    out the document checklist (a procedure whose wizard has no 添付書類 step)."""
    problems = validate_case(case, on, profile)
    if documents:
        # Open 提出書類 and unanswered conditions: 確認事項, the office decides.
        problems.extend(checklist_problems(case_checklist(case)))
    # the 高度専門職 points under the pass mark: a 確認事項 (docs/domain.md#online-page)
    problems.extend(points_problems(catalogue(case.procedure), case.values))
    return problems
