"""The wizard's flow: which steps a procedure has, in which order, and how complete each is.

Pure Python (no Qt), after Electrum's ``wizard.py``: the pages in :mod:`assistant.ui.wizard`
only present what this module decides, so the flow is tested without a GUI.

The steps follow the online system's screens (docs/domain.md#wizard-steps): Step 1 申請種別及び在留資格選択,
Step 2-1 申請人等情報, Step 2-2 申請人に関する情報等, Step 2-3 活動に関する事項, Step 3 入力情報確認.
The attachments page (添付書類) sits between 2-3 and 3, as the online system asks for the files
after the input screens and before the final confirmation.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Protocol

from assistant.model.case import KUBUN_ACTIVITY, split_key
from assistant.model.problems import Problem


class Step(enum.StrEnum):
    """A page of the wizard; the values are the step numbers the online system shows."""

    SELECT = "1"
    APPLICANT = "2-1"
    RELATED = "2-2"
    ACTIVITY = "2-3"
    ATTACHMENTS = "attachments"
    CONFIRM = "3"

    @classmethod
    def parse(cls, text: str) -> Step:
        """Read a step as the field catalogue writes it (``"2-1"``, ``"step2_1"``, ``"2.1"``)."""
        cleaned = text.strip().lower().removeprefix("step").strip(" _-")
        cleaned = cleaned.replace("_", "-").replace(".", "-")
        for step in cls:
            if step.value == cleaned:
                return step
        raise ValueError(f"unknown wizard step {text!r}")

    @property
    def label_ja(self) -> str:
        return _STEP_LABELS[self][0]

    @property
    def label_en(self) -> str:
        return _STEP_LABELS[self][1]


STEP_ORDER: tuple[Step, ...] = (
    Step.SELECT, Step.APPLICANT, Step.RELATED, Step.ACTIVITY, Step.ATTACHMENTS, Step.CONFIRM,
)

_STEP_LABELS: dict[Step, tuple[str, str]] = {
    Step.SELECT: ("申請種別及び在留資格選択", "Procedure and status of residence"),
    Step.APPLICANT: ("申請人等情報", "Applicant"),
    Step.RELATED: ("申請人に関する情報等", "Further information"),
    Step.ACTIVITY: ("活動に関する事項", "Activities"),
    Step.ATTACHMENTS: ("添付書類", "Attachments"),
    Step.CONFIRM: ("入力情報確認", "Review and confirm"),
}

# Steps every procedure has, whether or not the catalogue puts fields on them: Step 1 chooses
# the procedure and Step 3 reviews the whole case.
_ALWAYS: frozenset[Step] = frozenset({Step.SELECT, Step.CONFIRM})

# Values that live on the case itself rather than in ``Case.values``; problems about them
# belong to these steps.
CASE_LEVEL_FIELDS: dict[str, Step] = {
    "procedure": Step.SELECT,
    "simultaneous": Step.SELECT,
    "application_window": Step.SELECT,
    KUBUN_ACTIVITY: Step.SELECT,
    "attachments": Step.ATTACHMENTS,
    "photo": Step.ATTACHMENTS,
    "documents": Step.ATTACHMENTS,
    "receipt_method": Step.CONFIRM,
    "intent_confirmed": Step.CONFIRM,
    "remarks": Step.CONFIRM,
}


class FieldLike(Protocol):
    """What the flow needs to know of a field definition (``assistant.model.fields.FieldDef``)."""

    @property
    def id(self) -> str: ...

    @property
    def step(self) -> str: ...


class StepStatus(enum.StrEnum):
    """The mark of a step in the step list.

    ``NOT_STARTED`` 未入力: nothing of the step entered yet. ``IN_PROGRESS`` 入力中: something
    entered, not complete. ``PROBLEMS`` 入力中 with the number of errors, once the user has
    been on the step. ``WARNINGS``: no error, points to review (確認事項) once the user has
    been there. ``COMPLETE`` 完了: every required item of the step filled and valid.
    """

    NOT_STARTED = "not_started"
    IN_PROGRESS = "in_progress"
    PROBLEMS = "problems"
    WARNINGS = "warnings"
    COMPLETE = "complete"


@dataclass(frozen=True)
class StepState:
    """A step's mark. ``errors`` / ``warnings`` count the problems on the step; they are
    shown (``counted``) only once the user has been there. ``complete`` and ``started`` give
    the words of the mark (完了 / 入力中 / 未入力), also beside counts."""

    step: Step
    status: StepStatus
    errors: int
    warnings: int
    complete: bool = False
    started: bool = False
    counted: bool = False


class WizardFlow:
    """The steps of one procedure and the way through them.

    ``fields`` are the catalogue's fields for the procedure. A step applies when the procedure
    has at least one field on it (Step 1 and Step 3 always apply); the attachments page only
    when ``with_attachments`` is true (the UI has an attachments panel to show).
    """

    def __init__(self, fields: Iterable[FieldLike], *, with_attachments: bool = True) -> None:
        self._step_of: dict[str, Step] = {}
        used: set[Step] = set(_ALWAYS)
        for field_def in fields:
            step = Step.parse(field_def.step)
            self._step_of[field_def.id] = step
            used.add(step)
        if with_attachments:
            used.add(Step.ATTACHMENTS)
        else:
            used.discard(Step.ATTACHMENTS)
        self.steps: tuple[Step, ...] = tuple(s for s in STEP_ORDER if s in used)

    def first(self) -> Step:
        return self.steps[0]

    def last(self) -> Step:
        return self.steps[-1]

    def next_step(self, step: Step) -> Step | None:
        """The step after ``step``, or None on the last one."""
        index = self.steps.index(step)
        return self.steps[index + 1] if index + 1 < len(self.steps) else None

    def previous_step(self, step: Step) -> Step | None:
        index = self.steps.index(step)
        return self.steps[index - 1] if index > 0 else None

    def step_of(self, field_key: str) -> Step:
        """The step that shows ``field_key`` (a field id, a repeat key or a case-level name).

        Anything unknown is reviewed on Step 3, where every remaining problem is listed.
        """
        field_id, _index = split_key(field_key)
        if field_id in self._step_of:
            return self._step_of[field_id]
        return CASE_LEVEL_FIELDS.get(field_id, Step.CONFIRM)

    def fields_on(self, step: Step) -> list[str]:
        """Field ids on ``step``, in catalogue order."""
        return [fid for fid, s in self._step_of.items() if s is step]

    def problems_by_step(self, problems: Iterable[Problem]) -> dict[Step, list[Problem]]:
        grouped: dict[Step, list[Problem]] = {step: [] for step in self.steps}
        for problem in problems:
            step = self.step_of(problem.field)
            grouped.setdefault(step, []).append(problem)
        return grouped

    def step_states(self, problems: Iterable[Problem], *, counted: Iterable[Step] = (),
                    entered: Iterable[Step] = (), required: Mapping[Step, bool] | None = None,
                    ready: bool = False) -> dict[Step, StepState]:
        """How complete each step is: the step list's marks, honest from the first look.

        ``counted``: the steps whose problems the user is shown (been there, or asked to
        finish); a new case shows no counts before anything is typed. ``entered``: the steps
        with something entered. ``required``: step → every required item that applies is
        filled (a step without required items is absent). ``ready``: the case is 入力完了.

        A step is complete (完了) without errors when its required items are filled and
        something is entered; a step without required items is complete once the user has
        been there and entered something (or the case is 入力完了), never by a visit alone.
        """
        shown = set(counted)
        started_steps = set(entered)
        needs = dict(required or {})
        states: dict[Step, StepState] = {}
        for step, found in self.problems_by_step(problems).items():
            if step not in self.steps:
                continue
            errors = sum(1 for p in found if p.is_error)
            warnings = len(found) - errors
            been = step in shown
            has_input = step in started_steps
            filled = needs.get(step)
            complete = not errors and (ready or (has_input and (
                filled is True or (filled is None and been))))
            started = has_input or (been and errors > 0)
            if been and errors:
                status = StepStatus.PROBLEMS
            elif been and warnings:
                status = StepStatus.WARNINGS
            elif complete:
                status = StepStatus.COMPLETE
            elif started:
                status = StepStatus.IN_PROGRESS
            else:
                status = StepStatus.NOT_STARTED
            states[step] = StepState(step, status, errors if been else 0,
                                     warnings if been else 0, complete, started, been)
        return states

    def remaining_problems(self, problems: Iterable[Problem]) -> list[Problem]:
        """Every problem in the order of the online screens (errors first within a step)."""
        grouped = self.problems_by_step(problems)
        ordered: list[Problem] = []
        for step in self.steps:
            ordered.extend(sorted(grouped.get(step, []), key=lambda p: not p.is_error))
        return ordered

    @staticmethod
    def can_finish(problems: Iterable[Problem]) -> bool:
        """入力完了 needs a case without errors (warnings are the office's call)."""
        return not any(p.is_error for p in problems)


def first_step_with_errors(flow: WizardFlow, problems: Iterable[Problem]) -> Step | None:
    """Where to send the user who asks to finish with errors left."""
    for step, found in flow.problems_by_step(problems).items():
        if any(p.is_error for p in found):
            return step
    return None

