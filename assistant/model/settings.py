"""The office's settings: every setting declared once, with its type and default.

After Picard's ``options.py`` / Electrum's ``simple_config.py``: a :class:`Setting` names a key,
its type, its default and (when the value is one of a few) its choices. :class:`Settings` keeps
the values in ``settings.json`` in the configuration folder (``ASSISTANT_CONFIG_DIR`` or the
platform's user configuration folder), written atomically (temporary file, fsync, replace) so a
crash never leaves half a file. A broken or hand-edited file never stops the program: values
that do not fit their declaration fall back to the default.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from assistant.model import paths
from assistant.model.atomic import atomic_write_text

SETTINGS_FILE = "settings.json"


@dataclass(frozen=True)
class Setting:
    """One setting: ``key`` in the file, ``kind`` of value, ``default`` and allowed ``choices``."""

    key: str
    kind: type
    default: Any
    choices: tuple[Any, ...] = ()
    description: str = ""

    def accepts(self, value: Any) -> bool:
        if type(value) is not self.kind:  # bool is not an int here, and vice versa
            return False
        return not self.choices or value in self.choices


# --- the declarations -------------------------------------------------------------------------
RULE_PROFILE = Setting(
    "rule_profile", str, "",
    description="Rule profile id (resources/rules); empty = the rules' default profile")
LANGUAGE = Setting("language", str, "ja", ("ja", "en"), "UI language")
DATA_FOLDER = Setting(
    "data_folder", str, "",
    description="Folder of the case database; empty = the platform's user data folder")
CODE_LIST_CELLS = Setting(
    "code_list_cells", str, "labels", ("labels", "codes"),
    description="Whether exported code-list cells carry the label (男 male) or the code (1)")
BULK_ENCODING = Setting(
    "bulk_encoding", str, "utf-8-sig", ("utf-8-sig", "cp932"),
    description="Encoding of the bulk-application CSV: UTF-8 with BOM, or Shift_JIS")
WINDOW_GEOMETRY = Setting("window_geometry", str, "", description="Main window, base64")
CASE_LIST_STATE = Setting("case_list_state", str, "", description="Case list header, base64")
LAST_FOLDER = Setting("last_folder", str, "", description="Last folder used to import/export")
BACKUP_MIRROR = Setting(
    "backup_mirror", str, "",
    description="Second folder that receives a copy of every backup (e.g. a network share); "
                "empty = backups only in the data folder's backups/")
OFFICIAL_WORKBOOKS = Setting(
    "official_workbooks", dict, {},
    description="The office's copy of ISA's official bulk workbook (.xlsm) per procedure "
                "(procedure id -> path), remembered after it was filled once")

# The deadlines (assistant/model/deadlines.py): how far ahead each kind is listed, in days.
DEADLINE_CLOSING_DAYS = Setting(
    "deadline_closing_days", int, 30,
    description="List cases whose online window closes within this many days")
DEADLINE_OPENING_DAYS = Setting(
    "deadline_opening_days", int, 30,
    description="List completed cases whose next renewal window opens within this many days")
DEADLINE_RESULT_DAYS = Setting(
    "deadline_result_days", int, 60,
    description="List filed cases still without a result after this many days")
DEADLINE_OFFICE_DAYS = Setting(
    "deadline_office_days", int, 30,
    description="List staff passwords and 届出済証明書 expiring within this many days")

ALL_SETTINGS: tuple[Setting, ...] = (
    RULE_PROFILE, LANGUAGE, DATA_FOLDER, CODE_LIST_CELLS, BULK_ENCODING, WINDOW_GEOMETRY,
    CASE_LIST_STATE, LAST_FOLDER, BACKUP_MIRROR, OFFICIAL_WORKBOOKS, DEADLINE_CLOSING_DAYS,
    DEADLINE_OPENING_DAYS, DEADLINE_RESULT_DAYS, DEADLINE_OFFICE_DAYS,
)
_BY_KEY: dict[str, Setting] = {s.key: s for s in ALL_SETTINGS}


def config_dir() -> Path:
    """The folder of the settings file (``ASSISTANT_CONFIG_DIR`` overrides the platform's)."""
    return paths.config_dir(create=False)


class Settings:
    """The values of every declared setting, backed by a JSON file.

    Attributes:
        path: the settings file.
        problems: why values in the file were ignored when it was read (for a log or a note).
    """

    def __init__(self, path: Path | None = None) -> None:
        self.path = path if path is not None else config_dir() / SETTINGS_FILE
        self.problems: list[str] = []
        self._values: dict[str, Any] = {}
        self._unknown: dict[str, Any] = {}  # kept so a newer version's settings survive
        self._read()

    def _read(self) -> None:
        try:
            raw = json.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return
        except (OSError, ValueError) as exc:
            self.problems.append(f"{self.path}: {exc}")
            return
        if not isinstance(raw, dict):
            self.problems.append(f"{self.path}: not a JSON object")
            return
        for key, value in raw.items():
            setting = _BY_KEY.get(key)
            if setting is None:
                self._unknown[key] = value
            elif setting.accepts(value):
                self._values[key] = value
            else:
                self.problems.append(f"{key}: {value!r} ignored, using {setting.default!r}")

    def get(self, setting: Setting) -> Any:
        return self._values.get(setting.key, setting.default)

    def set(self, setting: Setting, value: Any) -> None:
        """Change a setting and write the file at once."""
        if _BY_KEY.get(setting.key) is not setting:
            raise KeyError(f"undeclared setting {setting.key!r}")
        if not setting.accepts(value):
            raise ValueError(f"{setting.key}: {value!r} is not allowed")
        if value == setting.default:
            self._values.pop(setting.key, None)
        else:
            self._values[setting.key] = value
        self.save()

    def reset(self, setting: Setting) -> None:
        self._values.pop(setting.key, None)
        self.save()

    def as_dict(self) -> dict[str, Any]:
        """Every declared setting with its current value."""
        return {s.key: self.get(s) for s in ALL_SETTINGS}

    def save(self) -> None:
        data = {**self._unknown, **self._values}
        self.path.parent.mkdir(parents=True, exist_ok=True)
        atomic_write_text(self.path, json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True))
