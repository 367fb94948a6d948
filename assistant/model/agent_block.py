"""Fill a case's 取次者 (filing agent) block from the current staff member's profile.

The block is the ``取次者_`` columns of the 区分V sheet of ISA's bulk-application template
(``/work/shared/isa/templates/*/category_v.csv``, the same seven columns for renewal, change and
certificate of eligibility). :data:`AGENT_COLUMNS` maps each template header to the profile
attribute that fills it; the field catalogue turns a header into the case's field id.

Values the office already typed are kept unless ``overwrite`` is asked for: a case prepared by
another staff member shows the difference instead of losing it silently.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from assistant.model.case import Case
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

FieldIdForHeader = Callable[[str], str | None]


def agent_values(profile: StaffProfile) -> dict[str, str]:
    """The 取次者 block as ``{template header: value}`` (normalised; empty values included)."""
    p = normalise_profile(profile)
    return {header: str(getattr(p, attr)) for header, attr in AGENT_COLUMNS.items()}


def catalogue_field_id(header: str) -> str | None:
    """The case field id the field catalogue gives the template column ``header``."""
    import importlib

    try:
        catalogue = importlib.import_module("assistant.model.fields")
    except ImportError:  # the catalogue is not part of this build yet
        return None
    lookup = getattr(catalogue, "field_id_for_header", None)
    if lookup is None:
        return None
    result = lookup(header)
    return None if result is None else str(result)


@dataclass
class AgentFill:
    """What :func:`fill_agent_block` did."""

    filled: dict[str, str] = field(default_factory=dict)          # field id → new value
    kept: dict[str, tuple[str, str]] = field(default_factory=dict)  # id → (kept, profile's)
    unmapped: list[str] = field(default_factory=list)             # headers without a field id

    @property
    def changed(self) -> bool:
        return bool(self.filled)


def fill_agent_block(case: Case, profile: StaffProfile, *, overwrite: bool = False,
                     field_id_for_header: FieldIdForHeader = catalogue_field_id) -> AgentFill:
    """Copy the profile into ``case.values``; keep different typed values unless ``overwrite``."""
    result = AgentFill()
    for header, value in agent_values(profile).items():
        field_id = field_id_for_header(header)
        if field_id is None:
            result.unmapped.append(header)
            continue
        current = case.values.get(field_id, "")
        if current == value or not value:
            continue
        if current and not overwrite:
            result.kept[field_id] = (current, value)
            continue
        case.values[field_id] = value
        result.filled[field_id] = value
    return result
