"""The one way to find files under ``resources/``, from source and from a frozen build.

From a source checkout (or an editable install) the folder is the repository's ``resources/``;
in a PyInstaller build it is ``<bundle>/resources``. ``ASSISTANT_RESOURCES`` overrides both
(tests use it to try a changed field catalogue).
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


def resource_path(*parts: str) -> Path:
    """Return the path of a file under ``resources/``."""
    return resources_dir().joinpath(*parts)


@cache
def _load_json_cached(path: str, mtime_ns: int) -> Any:
    with open(path, encoding="utf-8") as handle:
        return json.load(handle)


def load_json(*parts: str) -> Any:
    """Load a JSON resource (cached until the file changes). Treat the result as read-only."""
    path = resource_path(*parts)
    return _load_json_cached(str(path), path.stat().st_mtime_ns)
