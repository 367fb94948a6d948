"""Is the data folder somewhere SQLite is unsafe: a sync folder or a network share?

SQLite in WAL mode needs one machine's file locks and shared memory over the database file.
A sync client (OneDrive, Dropbox, Google Drive, iCloud Drive, Box; their folder names and
marker files are listed in ``resources/storage/locations.json``) copies the file and its
``-wal`` separately and may fork or roll back the database; a network filesystem (NFS, SMB/CIFS,
SSHFS …) does not give reliable locks. The safe arrangement: the database on a local disk, the
backups (:mod:`.backups`, second folder) on the share.

:func:`assess` decides from plain facts (pure, tested with made-up paths of every system);
:func:`gather_facts` collects the facts of this machine (environment, ``/proc/mounts`` or
``mount``, the drive type on Windows, marker files of sync clients above the folder);
:func:`location_risk` does both.
"""

from __future__ import annotations

import contextlib
import functools
import os
import re
import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path, PurePath, PurePosixPath, PureWindowsPath
from typing import Any

from assistant.resources import load_json


@functools.cache
def _known() -> dict[str, Any]:
    """Sync-folder names, prefixes, environment variables, marker files and network
    filesystem types (``resources/storage/locations.json``)."""
    data: dict[str, Any] = load_json("storage", "locations.json")
    return data


def network_filesystems() -> frozenset[str]:
    return frozenset(_known()["network_filesystems"])


@dataclass(frozen=True)
class LocationFacts:
    """What :func:`assess` needs to know about the machine."""

    home: str = ""
    env: Mapping[str, str] = field(default_factory=dict)
    #: (mount point, filesystem type) of every mounted filesystem
    mounts: Sequence[tuple[str, str]] = ()
    #: Windows: the folder's drive is a network drive (GetDriveTypeW == DRIVE_REMOTE)
    remote_drive: bool = False
    #: folders above (or equal to) the data folder holding a sync client's marker, → service
    markers: Mapping[str, str] = field(default_factory=dict)
    windows: bool = False


@dataclass(frozen=True)
class LocationRisk:
    """Why the folder is unsafe for the database: ``kind`` is ``"sync"`` or ``"network"``;
    ``service`` the sync service or filesystem type; ``root`` where that area begins."""

    kind: str
    service: str
    root: str

    @property
    def message_code(self) -> str:
        return f"storage_location_{self.kind}"


def _pure(path: str, windows: bool) -> PurePath:
    return PureWindowsPath(path) if windows else PurePosixPath(path)


def _within(path: PurePath, root: PurePath, windows: bool) -> bool:
    if windows:
        return str(path).lower().startswith(str(root).lower().rstrip("\\") + "\\") \
            or str(path).lower() == str(root).lower()
    return path == root or root in path.parents


def _sync_by_name(path: PurePath, home: PurePath | None) -> LocationRisk | None:
    parts = path.parts
    for index, part in enumerate(parts):
        name = part.lower()
        root = str(type(path)(*parts[: index + 1]))
        known = _known()
        service = known["sync_folder_names"].get(name)
        if service is None:
            service = next((s for prefix, s in known["sync_folder_prefixes"].items()
                            if name.startswith(prefix)), None)
        if service is None and home is not None and type(path)(*parts[:index]) == home:
            service = known["sync_folder_names_in_home"].get(name)
        if service is not None:
            return LocationRisk("sync", str(service), root)
    return None


def assess(folder: str, facts: LocationFacts) -> LocationRisk | None:
    """The risk of keeping the database in ``folder`` (absolute), or ``None`` when it is a
    local, unsynchronised folder as far as the facts tell."""
    windows = facts.windows
    path = _pure(folder, windows)
    # network: UNC paths, a network drive, a network filesystem mount
    if windows:
        text = folder.replace("/", "\\")
        if text.startswith("\\\\") and not text.startswith(("\\\\?\\", "\\\\.\\")):
            share = "\\".join(text.split("\\")[:4])
            return LocationRisk("network", "SMB", share)
        if text.upper().startswith("\\\\?\\UNC\\"):
            return LocationRisk("network", "SMB", text)
        if facts.remote_drive:
            return LocationRisk("network", "SMB", path.anchor)
    best: tuple[int, str, str] | None = None
    for point, fstype in facts.mounts:
        root = _pure(point, windows)
        if _within(path, root, windows) and (best is None or len(str(root)) > best[0]):
            best = (len(str(root)), point, fstype)
    if best is not None and best[2].lower() in network_filesystems():
        return LocationRisk("network", best[2], best[1])
    # sync folders: markers, the environment, well-known names
    for marked, service in sorted(facts.markers.items(), key=lambda m: -len(m[0])):
        if _within(path, _pure(marked, windows), windows):
            return LocationRisk("sync", service, marked)
    for variable, service in _known()["sync_environment"].items():
        root_text = facts.env.get(variable, "")
        if root_text and _within(path, _pure(root_text, windows), windows):
            return LocationRisk("sync", service, root_text)
    home = _pure(facts.home, windows) if facts.home else None
    # macOS File Provider: ~/Library/CloudStorage/<Provider-Account>/…
    if home is not None:
        cloud = home / "Library" / "CloudStorage"
        if cloud in path.parents:
            provider = path.relative_to(cloud).parts[0]
            found = _sync_by_name(_pure(provider, windows), None)
            return LocationRisk("sync", found.service if found else provider,
                                str(cloud / provider))
    return _sync_by_name(path, home)


_MOUNT_LINE = re.compile(r"^(?P<device>.+?) on (?P<point>.+) \((?P<fstype>[^,)]+)")


def _unescape_mount(text: str) -> str:
    return re.sub(r"\\([0-7]{3})", lambda m: chr(int(m.group(1), 8)), text)


def parse_proc_mounts(text: str) -> list[tuple[str, str]]:
    """(mount point, type) from the text of ``/proc/mounts`` (octal escapes undone)."""
    mounts = []
    for line in text.splitlines():
        fields = line.split()
        if len(fields) >= 3:
            mounts.append((_unescape_mount(fields[1]), fields[2]))
    return mounts


def parse_mount_output(text: str) -> list[tuple[str, str]]:
    """(mount point, type) from macOS/BSD ``mount`` output (``dev on /p (smbfs, …)``)."""
    mounts = []
    for line in text.splitlines():
        match = _MOUNT_LINE.match(line)
        if match:
            mounts.append((match["point"], match["fstype"].strip()))
    return mounts


def _mounts() -> list[tuple[str, str]]:
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError):
            return parse_proc_mounts(Path("/proc/mounts").read_text(encoding="utf-8",
                                                                     errors="replace"))
        return []
    if sys.platform == "darwin" or "bsd" in sys.platform:
        import subprocess

        with contextlib.suppress(OSError, subprocess.SubprocessError):
            done = subprocess.run(["mount"], capture_output=True, text=True, timeout=5,
                                  check=False)
            return parse_mount_output(done.stdout)
    return []


def _remote_drive(folder: Path) -> bool:
    if os.name != "nt":
        return False
    import ctypes

    drive_remote = 4
    root = folder.anchor or str(folder)
    with contextlib.suppress(Exception):
        windll = ctypes.windll  # type: ignore[attr-defined,unused-ignore]
        return bool(windll.kernel32.GetDriveTypeW(root) == drive_remote)
    return False


def _markers(folder: Path) -> dict[str, str]:
    found: dict[str, str] = {}
    for candidate in (folder, *folder.parents):
        for marker, service in _known()["sync_markers"].items():
            with contextlib.suppress(OSError):
                if (candidate / marker).exists():
                    found[str(candidate)] = service
    return found


def gather_facts(folder: Path) -> LocationFacts:
    """The facts of this machine about ``folder`` (absolute)."""
    return LocationFacts(home=str(Path.home()), env=dict(os.environ), mounts=_mounts(),
                         remote_drive=_remote_drive(folder), markers=_markers(folder),
                         windows=os.name == "nt")


def location_risk(folder: Path) -> LocationRisk | None:
    """:func:`assess` for ``folder`` on this machine (the folder need not exist yet)."""
    absolute = Path(os.path.abspath(folder.expanduser()))
    with contextlib.suppress(OSError):
        absolute = absolute.resolve()
    return assess(str(absolute), gather_facts(absolute))
