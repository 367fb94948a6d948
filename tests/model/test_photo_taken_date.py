"""The photo's taken date the office typed is part of the case: stored, migrated, checked."""

from __future__ import annotations

import sqlite3
from datetime import UTC, date, datetime

import pytest

from assistant.model.attachments.casecheck import check_attachments
from assistant.model.attachments.limits import limits_for
from assistant.model.case import NAME, AttachmentRef
from assistant.model.storage import MIGRATIONS, SCHEMA_VERSION, CaseStore
from tests import attachments_files as files

APPLY = date(2026, 11, 26)


def codes(problems):
    return sorted(p.code for p in problems)


def test_taken_date_survives_closing_and_reopening_the_database(tmp_path):
    path = tmp_path / "cases.sqlite"
    refs = [AttachmentRef("/docs/在職証明書.pdf", title="在職証明書"),
            AttachmentRef("/docs/face.jpg", kind="photo", title="face.jpg",
                          taken_on="2026-10-01")]
    with CaseStore.open(path) as store:
        case = store.create("renewal")
        store.set_attachments(case.id, refs)
    with CaseStore.open(path) as store:
        assert store.get(case.id).attachments == refs
        copy = store.import_case(store.get(case.id))
        assert copy.attachments == refs


def test_a_changed_taken_date_is_stored_and_audited_alone(tmp_path):
    with CaseStore.open(tmp_path / "cases.sqlite") as store:
        case = store.create("renewal")
        photo = AttachmentRef("/docs/face.jpg", kind="photo")
        store.set_attachments(case.id, [photo])
        before = store.get(case.id).updated_at
        store.set_attachments(case.id, [photo])          # nothing changed: nothing written
        assert store.get(case.id).updated_at == before
        assert [e.key for e in store.audit(case.id)].count("#attachments") == 1
        dated = AttachmentRef("/docs/face.jpg", kind="photo", taken_on="2026-09-30")
        store.set_attachments(case.id, [dated], user="佐藤")
        assert store.get(case.id).attachments == [dated]
        last = store.audit(case.id)[-1]
        assert (last.key, last.old, last.new, last.user) == (
            "#photo_taken_on", None, "2026-09-30", "佐藤")
        assert [e.key for e in store.audit(case.id)].count("#attachments") == 1


def test_v3_database_is_migrated_and_keeps_its_attachments(tmp_path, monkeypatch):
    """A database written before the taken date was stored (schema v3) opens with v4."""
    path = tmp_path / "cases.sqlite"
    with monkeypatch.context() as patch:
        patch.setattr("assistant.model.storage.schema.MIGRATIONS", MIGRATIONS[:3])
        patch.setattr("assistant.model.storage.schema.SCHEMA_VERSION", 3)
        with CaseStore.open(path) as store:
            case = store.create("renewal", {NAME: "OLD PHOTO"})
            # the attachments as the v3 code wrote them (no taken_on column yet)
            store.connection.executemany(
                "INSERT INTO attachments (case_id, seq, path, kind, title, position) "
                "VALUES (?,?,?,?,?,?)",
                [(case.id, 0, "/docs/a.pdf", "document", "在職証明書", 0),
                 (case.id, 1, "/docs/face.jpg", "photo", "face.jpg", 0)])
            assert store.schema_version() == 3
    with CaseStore.open(path) as store:
        assert store.schema_version() == SCHEMA_VERSION
        assert store.get(case.id).attachments == [
            AttachmentRef("/docs/a.pdf", "document", "在職証明書", 0),
            AttachmentRef("/docs/face.jpg", "photo", "face.jpg", 0)]
        store.set_attachments(case.id, [
            AttachmentRef("/docs/face.jpg", "photo", "face.jpg", taken_on="2026-10-01")])
        assert store.get(case.id).attachments[0].taken_on == "2026-10-01"
    (backup,) = tmp_path.glob("cases.backup-v3-*.sqlite")
    old = sqlite3.connect(backup)
    try:
        assert old.execute("PRAGMA user_version").fetchone()[0] == 3
        assert old.execute("SELECT COUNT(*) FROM attachments").fetchone()[0] == 2
    finally:
        old.close()


@pytest.fixture
def no_exif_photo(tmp_path):
    """A photo file without any camera data (as a studio or a scan delivers it)."""
    path = files.photo(tmp_path / "studio.jpg")
    from PIL import Image

    with Image.open(path) as img:
        assert not img.getexif()
    return path


@pytest.mark.parametrize(("profile", "taken", "expected"), [
    ("guide-2024", "2026-09-01", []),                 # within 3 months of 11-26
    ("guide-2024", "2026-08-01", ["photo_too_old"]),  # older than 3 months
    ("system-2026", "2026-06-01", []),                # within 6 months
    ("system-2026", "2026-05-01", ["photo_too_old"]),
    ("guide-2024", "", ["photo_date_unknown"]),       # nothing entered
])
def test_the_check_uses_the_stored_taken_date(tmp_path, no_exif_photo, profile, taken,
                                              expected):
    with CaseStore.open(tmp_path / "cases.sqlite") as store:
        case = store.create("renewal")
        store.set_attachments(case.id, [AttachmentRef(str(no_exif_photo), "photo",
                                                      taken_on=taken)])
    with CaseStore.open(tmp_path / "cases.sqlite") as store:
        refs = store.get(case.id).attachments
    result = check_attachments(refs, limits_for(profile), APPLY)
    assert codes(p for p in result.problems if p.field == "photo") == expected
    assert result.photo is not None
    if taken:
        assert (result.photo.taken_on, result.photo.taken_on_source) == (
            date.fromisoformat(taken), "entered")


def test_the_cameras_date_wins_over_an_entered_one(tmp_path):
    photo = files.photo(tmp_path / "camera.jpg", taken=datetime(2026, 2, 20, tzinfo=UTC))
    result = check_attachments([AttachmentRef(str(photo), "photo", taken_on="2026-11-01")],
                               limits_for("guide-2024"), APPLY)
    assert codes(result.problems) == ["photo_too_old"]
    assert result.photo is not None and result.photo.taken_on_source == "exif"


def test_a_photo_too_old_names_the_dates_as_the_office_reads_them(tmp_path, no_exif_photo):
    result = check_attachments([AttachmentRef(str(no_exif_photo), "photo",
                                              taken_on="2026-08-01")],
                               limits_for("guide-2024"), APPLY)
    [problem] = [p for p in result.problems if p.code == "photo_too_old"]
    assert problem.message_ja == (
        "写真の撮影日 2026年8月1日（令和8年）は、申請予定日 2026年11月26日（令和8年）の 3 か月前"
        "（2026年8月26日（令和8年））より前です。撮り直した写真を使ってください。")
    assert "2026-08-01" in problem.message_en and problem.params["taken_on"] == "2026-08-01"
