"""The one way to find files under ``resources/``, from source and from a frozen build.

From a source checkout (or an editable install) the folder is the repository's ``resources/``;
in a PyInstaller build it is ``<bundle>/resources``. ``ASSISTANT_RESOURCES`` overrides both
(tests use it to try a changed field catalogue).

This is the lowest layer (docs/architecture.md): it imports nothing from the package. The
office's refreshed code lists, which live in the user data folder, are looked up first by
:mod:`assistant.model.reference`.
"""

from __future__ import annotations

import json
import os
import sys
from functools import cache
from pathlib import Path
from typing import Any

RESOURCES_ENV = "ASSISTANT_RESOURCES"


def resources_overridden() -> bool:
    """Whether ``ASSISTANT_RESOURCES`` names the resources folder."""
    return bool(os.environ.get(RESOURCES_ENV))


def resources_dir() -> Path:
    """Return the folder that holds the application's data files."""
    override = os.environ.get(RESOURCES_ENV)
    if override:
        return Path(override)
    frozen_base = getattr(sys, "_MEIPASS", None)
    if frozen_base:
        return Path(frozen_base) / "resources"
    return _source_resources()


@cache
def _source_resources() -> Path:
    """The checkout's ``resources/`` (resolved once: every JSON look-up asks for it, and
    resolving walks the file system — a third of validating a case)."""
    return Path(__file__).resolve().parent.parent / "resources"


def resource_path(*parts: str) -> Path:
    """Return the path of a shipped file under ``resources/``."""
    return resources_dir().joinpath(*parts)


@cache
def _load_json_cached(path: str, mtime_ns: int) -> Any:
    with open(path, encoding="utf-8") as handle:
        return json.load(handle)


def load_json_file(path: Path) -> Any:
    """Load a JSON file (cached until the file changes). Treat the result as read-only."""
    return _load_json_cached(str(path), path.stat().st_mtime_ns)


def load_json(*parts: str) -> Any:
    """Load a shipped JSON resource (cached until the file changes). Treat it as read-only."""
    return load_json_file(resource_path(*parts))
