"""The one way to find files under ``resources/``, from source and from a frozen build.

From a source checkout (or an editable install) the folder is the repository's ``resources/``;
in a PyInstaller build it is ``<bundle>/resources``. ``ASSISTANT_RESOURCES`` overrides both
(tests use it to try a changed field catalogue).

An office may refresh its code lists from the official workbook it downloads from ISA
(:func:`assistant.model.exports.refresh.install_reference`): those files live in the user data
folder, ``<data>/reference/codelists/``, and are found before the shipped ones. Only the folders
in :data:`OVERLAID` are looked up there, and not when ``ASSISTANT_RESOURCES`` is set.
"""

from __future__ import annotations

import json
import os
import sys
from functools import cache
from pathlib import Path
from typing import Any


def resources_dir() -> Path:
    """Return the folder that holds the application's data files."""
    override = os.environ.get("ASSISTANT_RESOURCES")
    if override:
        return Path(override)
    frozen_base = getattr(sys, "_MEIPASS", None)
    if frozen_base:
        return Path(frozen_base) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


REFERENCE_DIR_NAME = "reference"
OVERLAID = frozenset({"codelists"})   # what an office's refresh may replace


def reference_dir() -> Path | None:
    """The office's refreshed reference data (``<data folder>/reference``), when it applies."""
    if os.environ.get("ASSISTANT_RESOURCES"):
        return None
    from assistant.model.paths import data_dir

    return data_dir(create=False) / REFERENCE_DIR_NAME


def resource_path(*parts: str) -> Path:
    """Return the path of a file under ``resources/`` (or the office's refreshed copy)."""
    if len(parts) > 1 and parts[0] in OVERLAID:
        overlay = reference_dir()
        if overlay is not None:
            candidate = overlay.joinpath(*parts)
            if candidate.is_file():
                return candidate
    return resources_dir().joinpath(*parts)


@cache
def _load_json_cached(path: str, mtime_ns: int) -> Any:
    with open(path, encoding="utf-8") as handle:
        return json.load(handle)


def load_json(*parts: str) -> Any:
    """Load a JSON resource (cached until the file changes). Treat the result as read-only."""
    path = resource_path(*parts)
    return _load_json_cached(str(path), path.stat().st_mtime_ns)
