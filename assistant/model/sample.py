"""The sample case offered on first start: a fictional renewal to try the wizard on.

The data lives in ``resources/samples/<procedure>.json``: fixed ``values`` (valid for the field
catalogue and its code lists) and ``relative_dates`` computed from the day the sample is made, so
the online window is open whenever the office first starts the assistant. Every sample is stored
with ``is_sample=True``; the case list and the wizard show it as 【サンプル】.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from assistant.model.agent_block import fill_agent_block
from assistant.model.case import Case
from assistant.model.dates import add_years
from assistant.resources import load_json

if TYPE_CHECKING:
    from assistant.model.office import StaffProfile
    from assistant.model.storage import CaseStore

SAMPLE_PROCEDURE = "renewal"


def _resolve(offset: dict[str, int], today: date) -> str:
    moved = add_years(today, int(offset.get("years", 0))) + timedelta(days=int(offset.get("days", 0)))
    return moved.strftime("%Y%m%d")  # the catalogue's date format (YYYYMMDD)


def _data(procedure: str) -> dict[str, Any]:
    data: dict[str, Any] = load_json("samples", f"{procedure}.json")
    return data


def sample_values(today: date, procedure: str = SAMPLE_PROCEDURE) -> dict[str, str]:
    """The sample's field values with its dates set relative to ``today``."""
    data = _data(procedure)
    values = {str(k): str(v) for k, v in data["values"].items()}
    for field_id, offset in data.get("relative_dates", {}).items():
        values[field_id] = _resolve(offset, today)
    return values


def sample_case(today: date, procedure: str = SAMPLE_PROCEDURE) -> Case:
    """An unsaved sample case (``id`` empty) for ``procedure``."""
    return Case(id="", procedure=_data(procedure)["procedure"],
                values=sample_values(today, procedure), is_sample=True)


def create_sample_case(store: CaseStore, today: date, profile: StaffProfile | None = None,
                       user: str = "", procedure: str = SAMPLE_PROCEDURE) -> Case:
    """Store a new sample case in ``store`` and return it as stored.

    With ``profile`` (the current staff member) the 取次者 block is filled from it, as in
    every case the office prepares.
    """
    case = sample_case(today, procedure)
    if profile is not None:
        fill_agent_block(case, profile)
    return store.create(case.procedure, case.values, user=user, is_sample=True)


def has_sample_case(store: CaseStore) -> bool:
    """Whether ``store`` already holds a sample case (in the list or the recycle bin)."""
    return any(summary.is_sample for summary in store.list_summaries(include_deleted=True))
