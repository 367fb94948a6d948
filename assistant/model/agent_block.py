"""Fill a case's 取次者 (filing agent) block from the current staff member's profile.

The block is the ``取次者_`` columns of the 区分V sheet of ISA's bulk-application template
(the 区分V sheet, docs/domain.md#bulk-template; the same seven columns for renewal, change and
certificate of eligibility). :data:`AGENT_COLUMNS` maps each template header to the profile
attribute that fills it; the field catalogue (:mod:`assistant.model.fields`) gives the case's
field id for each column.

Values the office already typed are kept unless ``overwrite`` is asked for: a case prepared by
another staff member shows the difference instead of losing it silently.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from assistant.model.case import Case
from assistant.model.fields import Condition, catalogue
from assistant.model.office import StaffProfile, normalise_profile

# Template header (row 1 of category_v.csv) → StaffProfile attribute.
AGENT_COLUMNS: dict[str, str] = {
    "取次者_取次者(オンラインシステム利用者)_(1)氏名": "name",
    "取次者_取次者_(2)郵便番号": "postal_code",
    "取次者_取次者_(2)住所(都道府県)": "prefecture",
    "取次者_取次者_(2)住所(市区町村)": "municipality",
    "取次者_取次者_(2)住所(町名丁目番地号等)": "street",
    "取次者_取次者_(3)所属機関等": "office_name",
    "取次者_取次者_(3)電話番号": "phone",
}


def agent_values(profile: StaffProfile) -> dict[str, str]:
    """The 取次者 block as ``{template header: value}`` (normalised; empty values included)."""
    p = normalise_profile(profile)
    return {header: str(getattr(p, attr)) for header, attr in AGENT_COLUMNS.items()}


def _condition_holds(condition: Condition | None, values: dict[str, str]) -> bool:
    if condition is None:
        return True
    value = values.get(condition.field, "")
    if condition.flag:
        return condition.holds_for_flag(value)
    if condition.filled:
        return bool(value)
    return value in condition.equals or any(value.split(" ")[0] == e for e in condition.equals)


def agent_targets(case: Case) -> dict[str, str]:
    """``{field id: profile attribute}`` for every 取次者 block of ``case`` that applies.

    The field catalogue names the block's columns; besides the 区分V block, a case that also
    applies for re-entry, extra activity or a work certificate has a 取次者 block in each
    of those sections (their headers end with the same names). A section that does not apply
    to the case is left alone.
    """
    try:
        cat = catalogue(case.procedure)
    except (KeyError, FileNotFoundError):
        return {}
    targets: dict[str, str] = {}
    for definition in cat.fields:
        if definition.group is not None:
            continue
        for header, attr in AGENT_COLUMNS.items():
            if definition.header.endswith(header) \
                    and _condition_holds(definition.applies_when, case.values):
                targets[definition.id] = attr
    return targets


@dataclass
class AgentFill:
    """What :func:`fill_agent_block` did."""

    filled: dict[str, str] = field(default_factory=dict)          # field id → new value
    kept: dict[str, tuple[str, str]] = field(default_factory=dict)  # id → (kept, profile's)

    @property
    def changed(self) -> bool:
        return bool(self.filled)


def fill_agent_block(case: Case, profile: StaffProfile, *, overwrite: bool = False,
                     targets: Mapping[str, str] | None = None) -> AgentFill:
    """Copy the profile into ``case.values``; keep different typed values unless ``overwrite``.

    ``targets`` (field id → profile attribute) defaults to :func:`agent_targets`. An empty
    profile item never erases what the case holds.
    """
    result = AgentFill()
    p = normalise_profile(profile)
    for field_id, attr in (agent_targets(case) if targets is None else targets).items():
        value = str(getattr(p, attr))
        current = case.values.get(field_id, "")
        if current == value or not value:
            continue
        if current and not overwrite:
            result.kept[field_id] = (current, value)
            continue
        case.values[field_id] = value
        result.filled[field_id] = value
    return result


def new_case_values(procedure: str, profile: StaffProfile | None) -> dict[str, str]:
    """The values a new case of ``procedure`` starts with: the current staff member's 取次者
    block (nothing when no staff member is chosen yet)."""
    if profile is None:
        return {}
    case = Case(id="", procedure=procedure)
    fill_agent_block(case, profile)
    return dict(case.values)


def office_return_address(profile: StaffProfile | None) -> str:
    """The checklist's return address: the staff member's office ("" when none is chosen).

    One place for the CLI and the export menu (the text itself is built by
    :func:`assistant.model.exports.checklist.return_address`).
    """
    if profile is None:
        return ""
    from assistant.model.exports.checklist import return_address

    return return_address(profile.postal_code,
                          profile.prefecture + profile.municipality + profile.street,
                          profile.office_name)
