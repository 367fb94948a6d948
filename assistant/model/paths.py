"""Where the application keeps its files: the data folder, the config folder, the database.

The data folder is platformdirs' ``user_data_dir("zairyu-assistant")`` (Windows
``%LOCALAPPDATA%\\zairyu-assistant``, macOS ``~/Library/Application Support/zairyu-assistant``,
Linux ``~/.local/share/zairyu-assistant``) unless ``ASSISTANT_DATA_DIR`` is set; the config
folder likewise with ``ASSISTANT_CONFIG_DIR``. The case database is ``<data>/cases.sqlite``
unless the command line passes ``--db PATH`` (see :func:`db_path`).
"""

from __future__ import annotations

import os
from pathlib import Path

APP_DIR_NAME = "zairyu-assistant"
DB_FILE_NAME = "cases.sqlite"
DATA_DIR_ENV = "ASSISTANT_DATA_DIR"
CONFIG_DIR_ENV = "ASSISTANT_CONFIG_DIR"


def data_dir(create: bool = True) -> Path:
    """Return the user data folder (created unless ``create`` is false)."""
    override = os.environ.get(DATA_DIR_ENV)
    if override:
        path = Path(override).expanduser()
    else:
        from platformdirs import user_data_dir

        path = Path(user_data_dir(APP_DIR_NAME, appauthor=False))
    if create and not path.is_dir():
        # user-only (0700 on POSIX) when this program makes it; an existing folder keeps its mode
        path.mkdir(parents=True, exist_ok=True, mode=0o700)
    return path


def config_dir(create: bool = True) -> Path:
    """Return the user config folder (created unless ``create`` is false)."""
    override = os.environ.get(CONFIG_DIR_ENV)
    if override:
        path = Path(override).expanduser()
    else:
        from platformdirs import user_config_dir

        path = Path(user_config_dir(APP_DIR_NAME, appauthor=False))
    if create:
        path.mkdir(parents=True, exist_ok=True)
    return path


def default_db_path() -> Path:
    """``<data folder>/cases.sqlite`` (the folder is created)."""
    return data_dir() / DB_FILE_NAME


def db_path(override: str | os.PathLike[str] | None = None) -> Path:
    """The database to use: ``override`` (the ``--db`` option) if given, else the default."""
    if override:
        return Path(override).expanduser()
    return default_db_path()
