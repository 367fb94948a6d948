"""The office's staff profiles (利用者情報, docs/domain.md#office-account) and where they are stored.

An office has several staff members who file applications on the ISA online system; one of
them is the *current* user, whose profile fills the 取次者 block of each case (see
:mod:`assistant.model.agent_block`). A profile holds no secret: the 認証ID and the password live
only in the OS keyring (:mod:`assistant.model.credentials`).

Limits come from ``resources/office/rules.json`` (with their sources); message texts from
``resources/messages/office.json``.
"""

from __future__ import annotations

import enum
import json
import re
import sqlite3
import threading
import unicodedata
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import asdict, dataclass, fields, replace
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING, Any

from assistant.model.dates import read_date
from assistant.model.problems import Problem, Severity, make_problem, message_texts
from assistant.resources import load_json

if TYPE_CHECKING:
    from assistant.model.storage import CaseStore, StorageError


def rules() -> dict[str, Any]:
    """The office limits from ``resources/office/rules.json``."""
    data: dict[str, Any] = load_json("office", "rules.json")
    return data


class StaffCategory(enum.StrEnum):
    """Who may file as 取次者 (docs/domain.md#office-account: 弁護士・行政書士)."""

    LAWYER = "lawyer"              # 弁護士
    GYOSEISHOSHI = "gyoseishoshi"  # 行政書士

    @property
    def label_ja(self) -> str:
        return "弁護士" if self is StaffCategory.LAWYER else "行政書士"

    @property
    def label_en(self) -> str:
        return "Lawyer" if self is StaffCategory.LAWYER else "Gyoseishoshi"


class Sex(enum.StrEnum):
    MALE = "male"      # 男
    FEMALE = "female"  # 女

    @property
    def label_ja(self) -> str:
        return "男" if self is Sex.MALE else "女"


@dataclass
class StaffProfile:
    """One staff member's registration data for the online system (no secrets)."""

    id: str
    name: str = ""                      # 氏名 (全角, fills 取次者_(1)氏名)
    sex: Sex | None = None
    birth_date: date | None = None
    office_name: str = ""               # 所属機関等 (the office)
    postal_code: str = ""               # 7 digits
    prefecture: str = ""                # 都道府県, e.g. 東京都
    municipality: str = ""              # 市区町村, e.g. 千代田区
    street: str = ""                    # 町名丁目番地号等
    phone: str = ""                     # digits only after normalisation
    email: str = ""
    category: StaffCategory | None = None
    certificate_number: str = ""        # 申請等取次者証明書番号, 12 digits
    certificate_expiry: date | None = None   # 届出済証明書の有効期限 (last valid day)
    password_set_on: date | None = None      # day the password was set or changed

    @staticmethod
    def new_id() -> str:
        import uuid  # (imported when first needed: not at start-up)

        return uuid.uuid4().hex[:12]

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        for key, value in data.items():
            if isinstance(value, date):
                data[key] = value.isoformat()
            elif isinstance(value, enum.Enum):
                data[key] = value.value
        return data

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> StaffProfile:
        known = {f.name for f in fields(cls)}
        values: dict[str, Any] = {k: v for k, v in data.items() if k in known}
        for key in ("birth_date", "certificate_expiry", "password_set_on"):
            raw = values.get(key)
            values[key] = date.fromisoformat(raw) if raw else None
        values["sex"] = Sex(values["sex"]) if values.get("sex") else None
        values["category"] = StaffCategory(values["category"]) if values.get("category") else None
        return cls(**values)


# --- normalisation and validation ----------------------------------------------------------

# The profile items that fill the case's 取次者 block → the field catalogue's ids for it. Their
# rules (全角, length, digits, prefecture and municipality lists) are the catalogue's: the
# profile is normalised and checked with the same functions as the case's fields.
AGENT_FIELDS: dict[str, str] = {
    "name": "agent_name",
    "postal_code": "agent_postal_code",
    "prefecture": "agent_prefecture",
    "municipality": "agent_municipality",
    "street": "agent_street",
    "office_name": "agent_organization",
    "phone": "agent_phone",
}
# The 取次者 block is the same in every template (renewal, change, coe); renewal's is used.
AGENT_REFERENCE_PROCEDURE = "renewal"

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s.]+$")
_FULLWIDTH_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")


def normalise_digits(text: str) -> str:
    """Full-width digits → ASCII; everything else is kept so validation can reject it."""
    return text.translate(_FULLWIDTH_DIGITS).strip()


def normalise_certificate_number(text: str) -> str:
    return normalise_digits(text)


def normalise_profile(profile: StaffProfile) -> StaffProfile:
    """A copy as the template wants it: the 取次者 items normalised by the field catalogue's
    rules (全角 name and street, digits-only phone and postal code), the certificate number in
    ASCII digits, blanks trimmed."""
    from assistant.model.fields import catalogue
    from assistant.model.normalize import normalize_value

    cat = catalogue(AGENT_REFERENCE_PROCEDURE)
    agent = {attr: normalize_value(cat.field(field_id), str(getattr(profile, attr)).strip())
             for attr, field_id in AGENT_FIELDS.items()}
    result = replace(
        profile,
        email=unicodedata.normalize("NFKC", profile.email).strip(),
        certificate_number=normalise_certificate_number(profile.certificate_number),
    )
    for attr, value in agent.items():
        setattr(result, attr, value)
    return result


def validate_certificate_number(raw: str) -> list[Problem]:
    """The 申請等取次者証明書番号: exactly 12 ASCII digits after full-width normalisation."""
    digits = rules()["certificate_number_digits"]
    number = normalise_certificate_number(raw)
    field = "staff.certificate_number"
    if not number:
        return [make_problem(field, "office_certificate_number_missing", digits=digits)]
    other = "".join(dict.fromkeys(c for c in number if not ("0" <= c <= "9")))
    if other:
        return [make_problem(field, "office_certificate_number_invalid_chars", chars=other)]
    if len(number) != digits:
        return [make_problem(field, "office_certificate_number_wrong_length", digits=digits,
                             length=len(number))]
    return []


def _agent_problems(p: StaffProfile, today: date) -> list[Problem]:
    """The catalogue's checks of the 取次者 fields, reported on the profile's items."""
    from assistant.model.fields import catalogue
    from assistant.model.validation import FieldContext, validate_field

    cat = catalogue(AGENT_REFERENCE_PROCEDURE)
    values = {field_id: str(getattr(p, attr)) for attr, field_id in AGENT_FIELDS.items()}
    problems: list[Problem] = []
    for attr, field_id in AGENT_FIELDS.items():
        context = FieldContext(on=today, values=values, check_required=False)
        for problem in validate_field(cat.field(field_id), values[field_id], context):
            problems.append(replace(problem, field=f"staff.{attr}"))
    return problems


PROFILE_DATES = ("birth_date", "certificate_expiry", "password_set_on")


def read_profile_dates(texts: Mapping[str, str]) -> tuple[dict[str, date | None],
                                                          dict[str, str]]:
    """The profile's dates as typed (``PROFILE_DATES`` keys) read as the wizard reads dates
    (:func:`assistant.model.dates.read_date`: 2027-03-31, 2027/3/31, 令和9年3月31日 …): the
    dates (None when empty or unreadable) and the texts that are not a date, by key."""
    values: dict[str, date | None] = {}
    unreadable: dict[str, str] = {}
    for key in PROFILE_DATES:
        text = texts.get(key, "").strip()
        values[key] = read_date(text) if text else None
        if text and values[key] is None:
            unreadable[key] = text
    return values, unreadable


def validate_profile(profile: StaffProfile, today: date,
                     unreadable: Mapping[str, str] | None = None) -> list[Problem]:
    """Everything wrong or missing in ``profile`` (validated in its normalised form).

    ``unreadable``: date texts that are not a date (:func:`read_profile_dates`); each is an
    error naming its field, and its date is not reported as unrecorded."""
    p = normalise_profile(profile)
    problems: list[Problem] = []
    warn = Severity.WARNING
    unreadable = unreadable or {}
    for key, text in unreadable.items():
        ja, en = message_texts(f"office_date_label_{key}")
        problems.append(make_problem(f"staff.{key}", "office_date_unreadable", label=ja,
                                     label_en=en, value=text))

    if not p.name:
        problems.append(make_problem("staff.name", "office_name_missing"))
    if p.category is None:
        problems.append(make_problem("staff.category", "office_category_missing"))
    problems.extend(validate_certificate_number(p.certificate_number))
    problems.extend(_agent_problems(p, today))

    if not p.email:
        problems.append(make_problem("staff.email", "office_email_missing", warn))
    elif not _EMAIL.match(p.email):
        problems.append(make_problem("staff.email", "office_email_invalid"))

    if p.birth_date is not None and p.birth_date > today:
        problems.append(make_problem("staff.birth_date", "office_birth_date_future"))

    missing = [attr for attr in AGENT_FIELDS if attr != "name" and not getattr(p, attr)]
    if missing:
        from assistant.model.fields import catalogue

        cat = catalogue(AGENT_REFERENCE_PROCEDURE)
        fields_missing = [cat.field(AGENT_FIELDS[attr]) for attr in missing]
        problems.append(make_problem(
            "staff.address", "office_address_incomplete", warn,
            missing_ja="、".join(f.label("ja") for f in fields_missing),
            missing_en=", ".join(f.label("en") for f in fields_missing)))

    if p.certificate_expiry is None and "certificate_expiry" not in unreadable:
        problems.append(make_problem("staff.certificate_expiry",
                                     "office_certificate_expiry_missing", warn))
    if p.password_set_on is None:
        if "password_set_on" not in unreadable:
            problems.append(make_problem("staff.password_set_on",
                                         "office_password_set_on_missing", warn))
    elif p.password_set_on > today:
        problems.append(make_problem("staff.password_set_on", "office_password_set_on_future"))
    return problems


# --- storage -------------------------------------------------------------------------------

class StaffNotFound(KeyError):
    """No staff member with that id."""


_STAFF_TABLE = """
CREATE TABLE IF NOT EXISTS staff (
    id TEXT PRIMARY KEY,
    data TEXT NOT NULL,
    is_current INTEGER NOT NULL DEFAULT 0,
    updated_at TEXT
)
"""


def create_staff_table(connection: sqlite3.Connection) -> None:
    """Create the ``staff`` table as schema v1 of the case database defines it.

    Only for a connection whose schema the storage module did not set up (tests, a
    stand-alone file); the case database's migrations own the real table.
    """
    connection.execute(_STAFF_TABLE)


class OfficeStore:
    """Staff profiles in the ``staff`` table of the case database (JSON per row).

    Give it the open :class:`~assistant.model.storage.CaseStore` (schema v1 creates the table):
    the store's connection is used under the store's own lock, as the case store may be used
    from a worker thread too. A bare ``sqlite3.Connection`` works as well (its own lock).
    Database failures raise :class:`~assistant.model.storage.StorageError` (a plain message).
    """

    def __init__(self, source: sqlite3.Connection | CaseStore) -> None:
        self._store: CaseStore | None
        self._lock = threading.RLock()   # for a bare connection; a CaseStore uses its own
        if isinstance(source, sqlite3.Connection):
            self._store, self._db, self._path = None, source, ""
        else:
            # The case store serialises every use of its connection (autosave thread, GUI).
            self._store, self._db, self._path = source, source.connection, str(source.path)

    def _error(self, exc: sqlite3.Error) -> StorageError:
        from assistant.model.storage import storage_error

        return storage_error(exc, self._path)

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        """One write transaction: the CaseStore's, or on a bare connection under our lock."""
        if self._store is not None:
            with self._store.transaction() as conn:
                yield conn
            return
        db = self._db
        with self._lock:
            try:
                if db.in_transaction:
                    db.commit()
                db.execute("BEGIN IMMEDIATE")
            except sqlite3.Error as exc:
                raise self._error(exc) from exc
            try:
                yield db
                db.commit()
            except sqlite3.Error as exc:
                db.rollback()
                raise self._error(exc) from exc
            except BaseException:
                db.rollback()
                raise

    @contextmanager
    def _reading(self) -> Iterator[sqlite3.Connection]:
        if self._store is not None:
            with self._store.locked() as conn:
                yield conn
        else:
            with self._lock:
                yield self._db

    def _rows(self, sql: str, params: tuple[str, ...] = ()) -> list[Any]:
        with self._reading() as db:
            try:
                return db.execute(sql, params).fetchall()
            except sqlite3.Error as exc:
                raise self._error(exc) from exc

    def list(self) -> list[StaffProfile]:
        rows = self._rows("SELECT data FROM staff ORDER BY rowid")
        return [StaffProfile.from_json(json.loads(row[0])) for row in rows]

    def get(self, staff_id: str) -> StaffProfile:
        rows = self._rows("SELECT data FROM staff WHERE id = ?", (staff_id,))
        if not rows:
            raise StaffNotFound(staff_id)
        return StaffProfile.from_json(json.loads(rows[0][0]))

    def save(self, profile: StaffProfile) -> StaffProfile:
        """Insert or update ``profile`` (normalised); the first one saved becomes current."""
        profile = normalise_profile(profile)
        data = json.dumps(profile.to_json(), ensure_ascii=False, sort_keys=True)
        now = datetime.now(UTC).isoformat(timespec="seconds")
        with self._transaction():
            self._db.execute(
                "INSERT INTO staff (id, data, updated_at) VALUES (?, ?, ?) "
                "ON CONFLICT(id) DO UPDATE SET data = excluded.data, "
                "updated_at = excluded.updated_at",
                (profile.id, data, now))
            has_current = self._db.execute(
                "SELECT 1 FROM staff WHERE is_current = 1").fetchone()
            if has_current is None:
                self._db.execute("UPDATE staff SET is_current = 1 WHERE id = ?", (profile.id,))
        return profile

    def delete(self, staff_id: str) -> None:
        with self._transaction():
            self._db.execute("DELETE FROM staff WHERE id = ?", (staff_id,))

    def set_current(self, staff_id: str) -> None:
        with self._transaction():
            exists = self._db.execute("SELECT 1 FROM staff WHERE id = ?",
                                      (staff_id,)).fetchone()
            if exists is None:
                raise StaffNotFound(staff_id)
            self._db.execute("UPDATE staff SET is_current = (id = ?)", (staff_id,))

    def current(self) -> StaffProfile | None:
        rows = self._rows("SELECT data FROM staff WHERE is_current = 1 LIMIT 1")
        return StaffProfile.from_json(json.loads(rows[0][0])) if rows else None

    def find(self, key: str) -> StaffProfile:
        """A staff member by id, or by exact name when the name is unique."""
        try:
            return self.get(key)
        except StaffNotFound:
            pass
        matches = [p for p in self.list() if p.name == key or p.id.startswith(key)]
        if len(matches) == 1:
            return matches[0]
        raise StaffNotFound(key)
