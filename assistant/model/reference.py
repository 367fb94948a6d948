"""The office's refreshed reference data, found before the shipped files in ``resources/``.

An office may refresh its code lists from the official workbook it downloads from ISA
(:func:`assistant.model.exports.refresh.install_reference`, see docs/domain.md#bulk-template).
Those files live in the user data folder, ``<data>/reference/codelists/``, and are found before
the shipped ones. Only the folders in :data:`OVERLAID` are looked up there, and not when
``ASSISTANT_RESOURCES`` names the resources (tests trying a changed catalogue).

This lives in the model, not in :mod:`assistant.resources`, because it needs the data folder
(:mod:`assistant.model.paths`); the resources layer below knows only the shipped files.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from assistant.model.paths import data_dir
from assistant.resources import load_json_file, resource_path, resources_overridden

REFERENCE_DIR_NAME = "reference"
OVERLAID = frozenset({"codelists"})   # what an office's refresh may replace


def reference_dir() -> Path | None:
    """The office's refreshed reference data (``<data folder>/reference``), when it applies."""
    if resources_overridden():
        return None
    return data_dir(create=False) / REFERENCE_DIR_NAME


def reference_path(*parts: str) -> Path:
    """The path of ``resources/<parts>``, or of the office's refreshed copy when there is one."""
    if len(parts) > 1 and parts[0] in OVERLAID:
        overlay = reference_dir()
        if overlay is not None:
            candidate = overlay.joinpath(*parts)
            if candidate.is_file():
                return candidate
    return resource_path(*parts)


def load_reference_json(*parts: str) -> Any:
    """Load a JSON resource, the office's refreshed copy first (cached until the file changes)."""
    return load_json_file(reference_path(*parts))
