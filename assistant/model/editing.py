"""The editing session of one case: what the wizard shows, keeps and decides, without Qt.

After Electrum's ``wizard.py``: the state of the editor and every decision about it live here
as plain Python, and :mod:`assistant.ui.wizard` only renders them and forwards the user's input.
A :class:`CaseSession` is tested without a GUI (tests/model/test_editing.py).

What the session owns:

- the case as stored (values are written through the :class:`CaseStore` at once);
- where the user is and has been (the steps visited and left, the fields touched), which
  decides which problems are shown: a field's problems only once the user has been there;
- the instances of the repeat groups (relatives 1人目, 2人目, …);
- which fields and groups apply (visibility) and the lists narrowed by another value;
- the 取次者 block a ticked 同時申請 brings in, from the office's current staff member;
- the step marks (未入力 / 入力中 / 完了) and whether the case can be finished.

``session.edit(values)`` answers what a change would do (the (old, new) pairs, for an undo
command); ``session.apply(values)`` stores values and answers what changed
(:class:`Applied`): the values, the dependent lists, the visibility, the groups.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import date

from assistant.model import kubun, rules
from assistant.model.case import (
    EXPIRY_DATE,
    NAME,
    RECEIPT_METHOD,
    Case,
    CaseStatus,
    repeat_key,
    split_key,
)
from assistant.model.codelists import code_list
from assistant.model.eras import parse_date
from assistant.model.fields import Catalogue, FieldDef, RepeatGroup, catalogue
from assistant.model.problems import Problem
from assistant.model.review import review_case
from assistant.model.storage import CaseStore, StorageError
from assistant.model.validation import applies as field_applies
from assistant.model.validation import condition_holds, is_required, validate_case
from assistant.model.wizard import Step, StepState, WizardFlow

# The date of the acquisition event (出生 etc.): with the expiry date, the dates that decide
# the online window; Step 1 shows them next to the window.
EVENT_DATE = "acquisition_event_date"
WINDOW_DATE_FIELDS: tuple[str, ...] = (EXPIRY_DATE, EVENT_DATE)
# The catalogue section of the 取次者 block, filled from the office's staff profile.
AGENT_SECTION = "agent"
# Repeat groups whose instances are persons (1人目, 2人目); the others count entries (1件目).
PERSON_GROUPS = frozenset({"relatives"})
# Code lists of statuses of residence: Step 1 offers only those that can be filed online.
_STATUS_LIST_PREFIX = "status"


def counts_persons(group: RepeatGroup) -> bool:
    """Whether ``group``'s instances are persons (人目) rather than entries (件目)."""
    return group.id in PERSON_GROUPS


@dataclass(frozen=True)
class Edit:
    """What a change asked for by the user does: ``(old, new)`` per key, ready for an undo
    command, including the 取次者 values a ticked 同時申請 brings in (``agent_filled``)."""

    changes: dict[str, tuple[str, str]]
    agent_filled: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Applied:
    """What storing values changed, for the views to show.

    ``values``: every key written, with its value now ("" = cleared). ``choices``: the
    pull-downs narrowed by a changed value (status → periods), key → the entries now.
    ``visibility`` / ``group_visibility``: the fields (keys) and repeat groups that appeared
    (True) or went (False). ``groups``: the repeat groups whose number of instances changed.
    ``window``, ``receipt``, ``title``: the online window, the receipt methods, the case's
    title must be shown again.
    """

    values: dict[str, str]
    choices: dict[str, tuple[str, ...]] = field(default_factory=dict)
    visibility: dict[str, bool] = field(default_factory=dict)
    group_visibility: dict[str, bool] = field(default_factory=dict)
    groups: dict[str, int] = field(default_factory=dict)
    window: bool = False
    receipt: bool = False
    title: bool = False
    # A 入力完了 case that the change left with errors went back to 下書き: the first error
    # (docs/domain.md#numbers-and-statuses; the history keeps it as the step's note).
    back_to_draft: Problem | None = None


@dataclass(frozen=True)
class KubunChange:
    """A status answer that changes the case's 区分: the 区分 before and after, and the values
    that clear the answers of the old 区分's sections (key → "", applied in the same undo
    step as the status)."""

    old: kubun.KubunAnswer
    new: kubun.KubunAnswer
    drops: dict[str, str]


@dataclass(frozen=True)
class WindowState:
    """The online window of Step 1: the date still needed, or the rules' answer (or error)."""

    needs: str | None = None               # the field id of the date to enter first
    result: rules.WindowResult | None = None
    error: rules.RulesError | None = None
    urgent: bool = False                    # shown in red (see rules.window_urgent)


@dataclass(frozen=True)
class ReceiptOptions:
    """The receipt methods of Step 3: every choice, those allowed, and why others are not."""

    labels: tuple[str, ...]
    allowed: frozenset[str] = frozenset()
    reasons: tuple[rules.Reason, ...] = ()
    error: rules.RulesError | None = None


class CaseSession:
    """The editing session of one stored case.

    ``today`` gives the filing date the case is judged for; ``profile`` the rule profile
    chosen in the settings (None: the rules' default); both are asked again at each use, so
    a change of settings applies at once. ``with_attachments``: the wizard has an attachments
    page (the step exists in the flow).
    """

    def __init__(self, store: CaseStore, case_id: str, *,
                 today: Callable[[], date] = date.today,
                 profile: Callable[[], str | None] = lambda: None,
                 with_attachments: bool = True) -> None:
        self.store = store
        self.case: Case = store.get(case_id)
        self.today = today
        self.profile = profile
        self.catalogue: Catalogue = catalogue(self.case.procedure)
        self.flow = WizardFlow(self.catalogue.fields, with_attachments=with_attachments)
        self.problems: list[Problem] = []
        self.current: Step = self.flow.first()
        self.finish_attempted = False
        self._visited: set[Step] = {self.current}
        self._left: set[Step] = set()
        self._touched: set[str] = set()
        self._counts: dict[str, int] = {}
        # Fields whose visibility can change: conditional ones and those of a 区分's sections
        # (the status answer picks the 区分, docs/domain.md#categories).
        lettered = {sec.id for step in self.catalogue.steps for sec in step.sections
                    if sec.kubun is not None}
        self._conditional = tuple(f for f in self.catalogue.fields
                                  if f.applies_when or f.required_when or f.section in lettered)
        self._sync_groups()

    @property
    def case_id(self) -> str:
        return self.case.id

    def value(self, key: str) -> str:
        return self.case.values.get(key, "")

    # --- navigation -------------------------------------------------------------------------
    def go_to(self, step: Step) -> None:
        """The user opens ``step``; the step they were on counts as left (its problems show)."""
        if step is not self.current:
            self._left.add(self.current)
        self.current = step
        self._visited.add(step)

    def next_step(self) -> Step | None:
        return self.flow.next_step(self.current)

    def previous_step(self) -> Step | None:
        return self.flow.previous_step(self.current)

    def visited(self, step: Step) -> bool:
        return step in self._visited

    def touch(self, key: str) -> None:
        """The user typed in (or chose in) the field ``key``: its problems show from now on."""
        self._touched.add(key)

    # --- values -----------------------------------------------------------------------------
    def edit(self, values: Mapping[str, str], *, finished: bool = True) -> Edit:
        """What setting ``values`` would change; nothing is stored yet.

        A finished edit that makes a 取次者 block apply (a 同時申請 ticked) brings in the
        current staff member's details for its empty fields, in the same change (one undo step).
        """
        changes = {key: (self.value(key), value) for key, value in values.items()
                   if self.value(key) != value}
        if not changes or not finished:
            return Edit(changes)
        filled = self.agent_fill_for({key: new for key, (_old, new) in changes.items()})
        for key, value in filled.items():
            changes.setdefault(key, ("", value))
        return Edit(changes, filled)

    def apply(self, values: Mapping[str, str]) -> Applied:
        """Store ``values`` (an empty value clears the key) and say what changed.

        Raises :class:`StorageError` when the store refuses; the session is then unchanged.
        """
        self.store.set_values(self.case_id, dict(values))
        shown_before = self.visibility()
        groups_before = self.group_visibility()
        counts_before = dict(self._counts)
        new_values = dict(self.case.values)
        for key, value in values.items():
            if value:
                new_values[key] = value
            else:
                new_values.pop(key, None)
        self.case = replace(self.case, values=new_values)
        self._sync_groups()
        choices: dict[str, tuple[str, ...]] = {}
        for key in values:
            for dependent in self.dependents_of(key):
                choices[dependent] = self.choices(dependent)
        shown = self.visibility()
        groups_shown = self.group_visibility()
        simultaneous = {rules.get_procedure(pid).flag_field for pid in rules.procedure_ids()}
        back_to_draft = self._back_to_draft_if_errors()
        return Applied(
            values={key: self.value(key) for key in values},
            choices=choices,
            visibility={key: now for key, now in shown.items()
                        if shown_before.get(key, True) != now},
            group_visibility={gid: now for gid, now in groups_shown.items()
                              if groups_before.get(gid) != now},
            groups={gid: count for gid, count in self._counts.items()
                    if counts_before.get(gid) != count},
            window=any(key in values for key in WINDOW_DATE_FIELDS),
            receipt=any(key in values for key in (*simultaneous, RECEIPT_METHOD)),
            title=NAME in values or back_to_draft is not None,
            back_to_draft=back_to_draft)

    def _back_to_draft_if_errors(self) -> Problem | None:
        """A finished (入力完了) case that now has errors goes back to 下書き (the store records
        the step with the first error as its note); returns that error."""
        if self.case.status is not CaseStatus.READY:
            return None
        from assistant.model.filing import back_to_draft_if_errors
        from assistant.model.office import OfficeStore

        problems = validate_case(self.case, self.today(), self.profile())
        if not any(p.is_error for p in problems):
            return None
        staff = OfficeStore(self.store).current()
        error = back_to_draft_if_errors(self.store, self.case, problems,
                                        user=staff.name if staff is not None else "")
        if error is not None:
            self.case = replace(self.case, status=CaseStatus.DRAFT)
        return error

    def agent_fill_for(self, values: Mapping[str, str]) -> dict[str, str]:
        """The 取次者 block values that setting ``values`` brings in.

        Like a new case, a block that starts to apply (a 同時申請 ticked) gets the current
        staff member's details; only empty fields are filled, what the office typed stays.
        """
        from assistant.model.agent_block import agent_targets, fill_agent_block
        from assistant.model.office import OfficeStore

        before = agent_targets(self.case)
        after_case = replace(self.case, values={**self.case.values, **values})
        new_targets = {field_id: attr for field_id, attr in agent_targets(after_case).items()
                       if field_id not in before}
        if not new_targets:
            return {}
        try:
            profile = OfficeStore(self.store).current()
        except StorageError:
            return {}
        if profile is None:
            return {}
        return fill_agent_block(after_case, profile, targets=new_targets).filled

    def office_agent_values(self) -> dict[str, str] | None:
        """The whole 取次者 block from the current staff member (overwriting what is there);
        None when no staff member is chosen. Raises :class:`StorageError`."""
        from assistant.model.agent_block import fill_agent_block
        from assistant.model.office import OfficeStore

        profile = OfficeStore(self.store).current()
        if profile is None:
            return None
        copy = replace(self.case, values=dict(self.case.values))
        return fill_agent_block(copy, profile, overwrite=True).filled

    # --- lists ------------------------------------------------------------------------------
    def choices(self, key: str) -> tuple[str, ...]:
        """The entries of the pull-down ``key``, narrowed by its parent's value."""
        field_def = self.catalogue.field(split_key(key)[0])
        if not field_def.code_list:
            return ()
        entries = code_list(field_def.code_list).entries_for(self.parent_value(key) or None)
        if field_def.step == Step.SELECT.value \
                and field_def.code_list.startswith(_STATUS_LIST_PREFIX):
            # Step 1 offers only the statuses that can be filed online.
            return tuple(e.label for e in entries if e.code is None or _status_online(e.code))
        return tuple(entry.label for entry in entries)

    def parent_value(self, key: str) -> str:
        """The value that narrows the list ``key`` (the first of its parents that is filled)."""
        field_def = self.catalogue.field(split_key(key)[0])
        if not field_def.parent:
            return ""
        _base, index = split_key(key)
        for parent_id in field_def.parent.split("|"):
            # Within a repeat entry the entry's own parent first (職種[2] for 作業[2]), else
            # a parent outside the group (入国目的 for every 他職種).
            keys = (repeat_key(parent_id, index), parent_id) if index is not None \
                else (parent_id,)
            for parent_key in keys:
                value = self.value(parent_key)
                if value:
                    return value
        return ""

    def dependents_of(self, key: str) -> list[str]:
        """The keys whose lists ``key`` narrows (status → periods, prefecture → cities)."""
        base, index = split_key(key)
        found: list[str] = []
        for field_def in self.catalogue.fields:
            if not field_def.parent or base not in field_def.parent.split("|"):
                continue
            if index is not None:
                found.append(repeat_key(field_def.id, index))
            elif field_def.group:  # every entry of a group follows a parent outside it
                found.extend(key for key, _n in self.keys_of(field_def))
            else:
                found.append(field_def.id)
        return found

    # --- repeat groups ----------------------------------------------------------------------
    def group_count(self, group_id: str) -> int:
        """How many instances of the group the wizard shows."""
        return self._counts.get(group_id, 0)

    def add_instance(self, group_id: str) -> int | None:
        """One more (empty) instance; its number, or None when the group is full."""
        count = self.group_count(group_id)
        if count >= self.catalogue.group(group_id).max:
            return None
        self._counts[group_id] = count + 1
        return count + 1

    def remove_instance(self, group_id: str, number: int) -> dict[str, str]:
        """Drop instance ``number`` (1-based): the values to store so that the following
        instances move up one place (apply them, undoably, with :meth:`apply`)."""
        group = self.catalogue.group(group_id)
        count = self.group_count(group_id)
        changes: dict[str, str] = {}
        for member in group.members:
            for index in range(number, count + 1):
                following = self.value(repeat_key(member, index + 1)) if index < count else ""
                changes[repeat_key(member, index)] = following
        self._counts[group_id] = max(count - 1, 0)
        return changes

    def keys_of(self, field_def: FieldDef) -> list[tuple[str, int | None]]:
        """The keys of a field: its id, or one repeat key per instance of its group."""
        if not field_def.group:
            return [(field_def.id, None)]
        return [(repeat_key(field_def.id, n), n)
                for n in range(1, self.group_count(field_def.group) + 1)]

    def _count_from_values(self, group: RepeatGroup) -> int:
        highest = 0
        for key, value in self.case.values.items():
            base, index = split_key(key)
            if index is not None and base in group.members and value:
                highest = max(highest, index)
        return highest

    def _sync_groups(self) -> None:
        """Every entered instance is shown; a group that applies shows at least one."""
        for group in self.catalogue.groups:
            wanted = max(self._count_from_values(group), self._counts.get(group.id, 0))
            if wanted == 0 and self.group_applies(group.id):
                wanted = 1
            self._counts[group.id] = wanted

    # --- visibility -------------------------------------------------------------------------
    def group_applies(self, group_id: str) -> bool:
        group = self.catalogue.group(group_id)
        if not kubun.field_in_scope(self.catalogue, self.catalogue.field(group.members[0]),
                                    self.case.values):
            return False
        return group.required_when is None or condition_holds(
            group.required_when, self.case.values, self.catalogue)

    def is_shown(self, key: str) -> bool:
        """Whether the field ``key`` is shown: its group and its conditions hold (a
        required-when field only when it is required)."""
        base, index = split_key(key)
        field_def = self.catalogue.field(base)
        values = self.case.values
        if field_def.group and not self.group_applies(field_def.group):
            return False
        if not field_applies(field_def, values, self.catalogue):
            return False
        return field_def.required_when is None or condition_holds(
            field_def.required_when, values, self.catalogue, index)

    def visibility(self) -> dict[str, bool]:
        """Every conditional key (field or repeat instance) → shown."""
        return {key: self.is_shown(key) for field_def in self._conditional
                for key, _index in self.keys_of(field_def)}

    def group_visibility(self) -> dict[str, bool]:
        return {group.id: self.group_applies(group.id) for group in self.catalogue.groups}

    # --- 区分 ---------------------------------------------------------------------------------
    def kubun_answer(self) -> kubun.KubunAnswer:
        """The case's 区分 as its status answer gives it (Step 1 shows it)."""
        return kubun.case_kubun(self.catalogue, self.case.values)

    def kubun_change(self, values: Mapping[str, str]) -> KubunChange | None:
        """What setting ``values`` does to the case's 区分 when it drops answers (a status of
        another 区分: the old 区分's sections go); None when no answer is dropped."""
        drops = kubun.dropped_keys(self.catalogue, self.case.values, values)
        if not drops:
            return None
        after = {**self.case.values, **values}
        return KubunChange(old=self.kubun_answer(),
                           new=kubun.case_kubun(self.catalogue, after),
                           drops={key: "" for key in drops})

    def section_shown(self, section_id: str) -> bool:
        """Whether a catalogue section belongs to the case's 区分 (or to every 区分)."""
        return kubun.section_in_scope(self.catalogue, section_id, self.case.values)

    # --- problems ---------------------------------------------------------------------------
    def validate(self, extra: Iterable[Problem] = ()) -> list[Problem]:
        """Judge the whole case again (plus ``extra``: the attachment notes of the wizard)."""
        self.problems = review_case(self.case, self.today(), self.profile(),
                                    documents=Step.ATTACHMENTS in self.flow.steps)
        self.problems.extend(extra)
        return self.problems

    def problems_of(self, key: str) -> list[Problem]:
        return [p for p in self.problems if p.field == key]

    def shows_problems(self, key: str) -> bool:
        """A field shows its problems once the user has typed there or left its step, or
        asked to finish the case."""
        return self.finish_attempted or key in self._touched \
            or self.flow.step_of(key) in self._left

    def shown_problems(self, key: str) -> list[Problem]:
        return self.problems_of(key) if self.shows_problems(key) else []

    # --- step marks -------------------------------------------------------------------------
    def step_states(self) -> dict[Step, StepState]:
        """The marks of the step list (see :meth:`WizardFlow.step_states`)."""
        ready = self.case.status is not CaseStatus.DRAFT
        return self.flow.step_states(self.problems, counted=self._counted_steps(),
                                     entered=self._entered_steps(),
                                     required=self._required_filled(), ready=ready)

    def _counted_steps(self) -> set[Step]:
        """The steps whose problems the user has been shown, so the step list counts them:
        a step of fields once left or typed in; the attachments page once opened (it shows
        its files' problems at once); every step once Step 3 (which lists them all) was
        opened, finishing was asked for, or the case is 入力完了."""
        if self.finish_attempted or self.case.status is not CaseStatus.DRAFT \
                or Step.CONFIRM in self._visited:
            return set(self.flow.steps)
        counted = set(self._left)
        counted.update(self.flow.step_of(key) for key in self._touched)
        if Step.ATTACHMENTS in self._visited:
            counted.add(Step.ATTACHMENTS)
        return counted

    def step_state(self, step: Step) -> StepState:
        return self.step_states()[step]

    def _entered_steps(self) -> set[Step]:
        # the answers of the case's own 区分 only: another 区分's stay stored but are not shown
        entered = {self.flow.step_of(key)
                   for key, value in kubun.scoped_values(self.catalogue, self.case.values).items()
                   if value}
        if self.case.attachments:
            entered.add(Step.ATTACHMENTS)
        return entered

    def _required_filled(self) -> dict[Step, bool]:
        """Step → every required item that applies is filled (steps without any: absent).

        The attachments page asks for at least one document and the photo."""
        filled: dict[Step, bool] = {}
        for field_def in self.catalogue.fields:
            for key, index in self.keys_of(field_def):
                if is_required(field_def, self.case.values, index, self.catalogue) \
                        and (field_def.group is None or self.group_applies(field_def.group)):
                    step = self.flow.step_of(key)
                    filled[step] = filled.get(step, True) and bool(self.value(key).strip())
        if Step.ATTACHMENTS in self.flow.steps:
            kinds = {attachment.kind for attachment in self.case.attachments}
            filled[Step.ATTACHMENTS] = {"document", "photo"} <= kinds
        return filled

    # --- finishing --------------------------------------------------------------------------
    def attempt_finish(self) -> None:
        """The user asked to finish: every problem shows from now on."""
        self.finish_attempted = True

    def can_finish(self) -> bool:
        """入力完了 needs a case without errors (warnings are the office's call)."""
        return WizardFlow.can_finish(self.problems)

    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.is_error]

    def mark_ready(self) -> None:
        """Store the case as 入力完了. Raises :class:`StorageError`, and
        :class:`~assistant.model.filing.FilingError` for a case already past 入力完了 (申請済,
        完了 …): the steps after filing never go back (docs/domain.md#project-decisions)."""
        from assistant.model.filing import FilingError

        status = CaseStatus(self.store.get(self.case_id).status)
        if status not in (CaseStatus.DRAFT, CaseStatus.READY):
            raise FilingError("filing_not_reopened", status=status.label_ja,
                              status_en=status.label_en)
        self.store.set_status(self.case_id, CaseStatus.READY)
        self.case = replace(self.case, status=CaseStatus.READY)

    # --- Step 1 and Step 3 ------------------------------------------------------------------
    def window(self) -> WindowState:
        """The online window for the filing date, or the date still needed to tell it."""
        procedure = rules.get_procedure(self.case.procedure)
        on = self.today()
        expiry = _stored_date(self.value(EXPIRY_DATE))
        event = _stored_date(self.value(EVENT_DATE))
        if procedure.needs_expiry and expiry is None:
            return WindowState(needs=EXPIRY_DATE)
        if procedure.needs_event_date and event is None:
            return WindowState(needs=EVENT_DATE)
        try:
            result = rules.application_window(self.case.procedure, on, expiry=expiry,
                                              event_date=event, profile=self.profile())
        except rules.RulesError as exc:
            return WindowState(error=exc)
        return WindowState(result=result, urgent=rules.window_urgent(result, on))

    def simultaneous(self) -> list[str]:
        """The simultaneous applications ticked in Step 1 (``reentry``, ``extra-activity``)."""
        return [pid for pid in rules.simultaneous_procedures(self.case.values)
                if self.catalogue.has_field(rules.get_procedure(pid).flag_field or "")]

    def receipt_options(self) -> ReceiptOptions:
        """The receipt methods the procedure and the simultaneous applications leave."""
        from assistant.model.case import ReceiptMethod

        if not self.catalogue.has_field(RECEIPT_METHOD):
            return ReceiptOptions(labels=())
        labels = self.choices(RECEIPT_METHOD)
        try:
            result = rules.receipt_methods(self.case.procedure, with_=self.simultaneous(),
                                           profile=self.profile())
        except rules.RulesError as exc:
            return ReceiptOptions(labels=labels, error=exc)
        allowed = frozenset(label for label in labels
                            if (method := ReceiptMethod.from_label(label)) is not None
                            and method.value in result.methods)
        reasons = tuple(r for r in result.reasons if r.code != "rules_receipt_not_offered")
        return ReceiptOptions(labels=labels, allowed=allowed, reasons=reasons)


def _stored_date(text: str) -> date | None:
    """A date value as the wizard stores it, or None while it is empty or unreadable."""
    if not text.strip():
        return None
    return parse_date(text).date


def _status_online(code: str) -> bool:
    try:
        return bool(rules.online_eligible_status(code))
    except rules.RulesError:
        return True  # unknown to the rules: let validation speak about it

