"""First start: whether to greet the office, and remembering that it was greeted.

The welcome screen is shown while the case database has no staff profile and the office has not
dismissed the welcome yet; either way of leaving it (with or without a profile) records the day
in the database's settings, so a new database (a new office, a new data folder) is greeted
again and an existing one never is.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from assistant.model.office import OfficeStore

if TYPE_CHECKING:
    from assistant.model.storage import CaseStore

WELCOME_DONE_KEY = "first_start.welcome_done_on"


def needs_welcome(store: CaseStore) -> bool:
    """True while no staff member is registered and the welcome was never dismissed."""
    if store.get_setting(WELCOME_DONE_KEY):
        return False
    return not OfficeStore(store).list()


def record_welcome_done(store: CaseStore, today: date) -> None:
    """Remember (in the case database) that the welcome has been dealt with."""
    store.set_setting(WELCOME_DONE_KEY, today.isoformat())
