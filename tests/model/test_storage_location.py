"""A data folder in a sync folder or on a network share is recognised (pure, every system),
and this machine's facts are read for real (/proc/mounts, marker files)."""

from __future__ import annotations

import pytest

from assistant.model.storage.location import (
    LocationFacts,
    assess,
    location_risk,
    parse_mount_output,
    parse_proc_mounts,
)

LINUX_MOUNTS = parse_proc_mounts(
    "/dev/sda1 / ext4 rw,relatime 0 0\n"
    "proc /proc proc rw 0 0\n"
    "//nas/office /mnt/office cifs rw,vers=3.0 0 0\n"
    "nas:/export /srv/nfs nfs4 rw 0 0\n"
    "me@host:/data /home/me/remote\\040files fuse.sshfs rw 0 0\n"
    "/dev/sdb1 /mnt/office/local-cache ext4 rw 0 0\n")
LINUX = LocationFacts(home="/home/me", mounts=LINUX_MOUNTS)
MAC = LocationFacts(home="/Users/me", mounts=parse_mount_output(
    "/dev/disk3s1s1 on / (apfs, sealed, local, read-only, journaled)\n"
    "//me@nas/share on /Volumes/share (smbfs, nodev, nosuid, mounted by me)\n"))
WINDOWS = LocationFacts(home="C:\\Users\\me", windows=True,
                        env={"OneDrive": "C:\\Users\\me\\OneDrive - Yamada Office"})


@pytest.mark.parametrize(("folder", "facts", "kind", "service"), [
    # network filesystems
    ("/mnt/office/zairyu", LINUX, "network", "cifs"),
    ("/srv/nfs/data", LINUX, "network", "nfs4"),
    ("/home/me/remote files/db", LINUX, "network", "fuse.sshfs"),
    ("/Volumes/share/zairyu", MAC, "network", "smbfs"),
    ("\\\\nas\\office\\zairyu", WINDOWS, "network", "SMB"),
    ("//nas/office/zairyu", WINDOWS, "network", "SMB"),
    ("Z:\\zairyu", LocationFacts(windows=True, remote_drive=True), "network", "SMB"),
    # sync folders
    ("/home/me/Dropbox/zairyu", LINUX, "sync", "Dropbox"),
    ("/home/me/Dropbox (Yamada)/zairyu", LINUX, "sync", "Dropbox"),
    ("/home/me/Box/zairyu", LINUX, "sync", "Box"),
    ("/Users/me/Library/CloudStorage/OneDrive-Personal/data", MAC, "sync", "OneDrive"),
    ("/Users/me/Library/CloudStorage/GoogleDrive-me@example.jp/My Drive/x", MAC, "sync",
     "Google Drive"),
    ("/Users/me/Library/CloudStorage/Box-Box/x", MAC, "sync", "Box"),
    ("/Users/me/Library/Mobile Documents/com~apple~CloudDocs/x", MAC, "sync", "iCloud Drive"),
    ("C:\\Users\\me\\OneDrive - Yamada Office\\zairyu", WINDOWS, "sync", "OneDrive"),
    ("c:\\users\\me\\onedrive - yamada office\\zairyu", WINDOWS, "sync", "OneDrive"),
    ("G:\\マイドライブ\\zairyu", WINDOWS, "sync", "Google Drive"),
    ("C:\\Users\\me\\iCloudDrive\\zairyu", WINDOWS, "sync", "iCloud Drive"),
    ("/home/me/sync/zairyu", LocationFacts(home="/home/me",
                                           markers={"/home/me/sync": "Dropbox"}),
     "sync", "Dropbox"),
])
def test_unsafe_folders_are_recognised(folder, facts, kind, service):
    risk = assess(folder, facts)
    assert risk is not None and (risk.kind, risk.service) == (kind, service)


@pytest.mark.parametrize(("folder", "facts"), [
    ("/home/me/.local/share/zairyu-assistant", LINUX),
    ("/mnt/office/local-cache/zairyu", LINUX),      # a local disk mounted inside the share
    ("/home/me/projects/Box/zairyu", LINUX),        # "Box" not directly in the home folder
    ("/home/me/Dropboxes-notes", LINUX),
    ("/Users/me/Library/Application Support/zairyu-assistant", MAC),
    ("C:\\Users\\me\\AppData\\Local\\zairyu-assistant", WINDOWS),
    ("\\\\?\\C:\\Users\\me\\data", WINDOWS),
])
def test_local_folders_are_not_flagged(folder, facts):
    assert assess(folder, facts) is None


def test_this_machines_facts_find_a_real_dropbox_marker(tmp_path):
    root = tmp_path / "sync-root"
    (root / "office" / "data").mkdir(parents=True)
    (root / ".dropbox").write_text("{}")
    risk = location_risk(root / "office" / "data")
    assert risk is not None and (risk.kind, risk.service) == ("sync", "Dropbox")
    assert location_risk(tmp_path / "elsewhere") is None
