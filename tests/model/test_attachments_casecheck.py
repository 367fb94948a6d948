"""Every attachment of a case checked at once: problems, missing files, the cache."""

from __future__ import annotations

import os
import shutil
from datetime import date, datetime

import pytest

from assistant.model.attachments.casecheck import (
    CheckCache,
    attachment_problems,
    check_attachments,
)
from assistant.model.attachments.limits import limits_for
from assistant.model.case import AttachmentRef
from assistant.model.progress import Cancelled
from tests import attachments_files as files

APPLY = date(2026, 11, 26)
SEED = limits_for("guide-2024")        # 10 MB, one file, photo within 3 months
SYSTEM = limits_for("system-2026")     # 25 MB in total, photo within 6 months


def codes(problems):
    return sorted(p.code for p in problems)


@pytest.fixture
def case_files(tmp_path):
    big = files.oversize_pdf(tmp_path / "在職証明書.pdf", 11_000_000)
    good = tmp_path / "passport.pdf"
    shutil.copy(files.fixture("minimal-document.pdf"), good)
    old = files.photo(tmp_path / "face.jpg", taken=datetime(2026, 2, 20))   # 9 months old
    return [AttachmentRef(str(good), "document", position=1),
            AttachmentRef(str(big), "document", position=0),
            AttachmentRef(str(old), "photo")]


def test_a_too_large_pdf_and_an_old_photo_are_found_with_their_file_names(case_files):
    result = check_attachments(case_files, SEED, APPLY)
    assert [os.path.basename(d.file) for d in result.documents] == ["在職証明書.pdf",
                                                                   "passport.pdf"]
    # (no separate "total too large" warning: the file over the limit already says so)
    assert codes(result.problems) == ["attachments_too_many_files", "pdf_too_large_single",
                                      "photo_too_old"]
    by_code = {p.code: p for p in result.problems}
    assert by_code["pdf_too_large_single"].field == "attachments"
    assert "在職証明書.pdf" in by_code["pdf_too_large_single"].message_ja
    assert "11.0 MB" in by_code["pdf_too_large_single"].message_ja
    assert by_code["photo_too_old"].field == "photo"
    assert by_code["photo_too_old"].is_error


def test_the_profile_and_the_filing_date_change_the_verdict(case_files):
    # 25 MB and six months: the PDF fits; the photo (2026-02-20) is still too old on
    # 2026-11-26 but fine when filing on 2026-08-01.
    assert codes(check_attachments(case_files, SYSTEM, APPLY).problems) == ["photo_too_old"]
    assert codes(check_attachments(case_files, SYSTEM, date(2026, 8, 1)).problems) == []


def test_a_file_removed_since_it_was_attached_is_a_problem_naming_it(case_files, tmp_path):
    os.remove(case_files[0].path)
    os.remove(case_files[2].path)
    result = check_attachments(case_files, SYSTEM, APPLY)
    missing = [p for p in result.problems if p.code == "file_missing"]
    assert [p.field for p in missing] == ["attachments", "photo"]
    assert "「passport.pdf」が見つかりません" in missing[0].message_ja
    assert str(tmp_path) in missing[0].message_ja
    assert '"face.jpg" cannot be found' in missing[1].message_en
    assert sorted(result.missing) == sorted([case_files[0].path, case_files[2].path])


def test_unchanged_files_come_from_the_cache_and_changed_ones_are_checked_again(
        case_files, tmp_path):
    cache = CheckCache()
    first = check_attachments(case_files, SEED, APPLY, cache=cache)
    assert (cache.hits, cache.misses) == (0, 3)
    again = check_attachments(case_files, SEED, APPLY, cache=cache)
    assert (cache.hits, cache.misses) == (3, 3)
    assert again.documents[0] is first.documents[0]
    # Replaced on disk by a small PDF under the same name: checked again, problem gone.
    big = case_files[1].path
    replacement = tmp_path / "new.pdf"
    shutil.copy(files.fixture("minimal-document.pdf"), replacement)
    os.replace(replacement, big)
    third = check_attachments(case_files, SEED, APPLY, cache=cache)
    assert cache.misses == 4
    assert "pdf_too_large_single" not in codes(third.problems)
    # Another filing date re-checks the photo only (its age depends on it).
    check_attachments(case_files, SEED, date(2026, 12, 1), cache=cache)
    assert cache.misses == 5


def test_the_entered_taken_date_counts_when_the_photo_has_none(tmp_path):
    path = files.photo(tmp_path / "noexif.jpg")
    refs = [AttachmentRef(str(path), "photo")]
    assert codes(check_attachments(refs, SEED, APPLY).problems) == ["photo_date_unknown"]
    entered = check_attachments(refs, SEED, APPLY, taken_on=date(2026, 11, 1))
    assert entered.problems == () and entered.photo is not None
    assert entered.photo.taken_on == date(2026, 11, 1)


def test_progress_per_file_and_cancel(case_files):
    seen = []
    check_attachments(case_files, SYSTEM, APPLY,
                      progress=lambda done, total, name: seen.append((done, total, name)))
    assert seen[0] == (0, 3, "在職証明書.pdf") and seen[-1] == (3, 3, "")
    with pytest.raises(Cancelled):
        check_attachments(case_files, SYSTEM, APPLY, cancelled=lambda: True)


def test_the_total_is_warned_about_when_no_single_file_is_over_the_limit(tmp_path):
    parts = [files.oversize_pdf(tmp_path / f"part{n}.pdf", 6_000_000) for n in range(2)]
    refs = [AttachmentRef(str(p), "document", position=n) for n, p in enumerate(parts)]
    problems = check_attachments(refs, SEED, APPLY).problems
    assert codes(problems) == ["attachments_too_many_files", "attachments_total_too_large"]
    assert all(p.severity.value == "warning" for p in problems)


def test_no_attachments_no_problems():
    assert check_attachments([], SEED, APPLY).problems == ()
    assert attachment_problems([], None, SEED) == []


def test_two_threads_asking_for_the_same_file_check_it_once(tmp_path):
    from concurrent.futures import ThreadPoolExecutor

    from pypdf import PdfReader, PdfWriter

    source = PdfReader(str(files.fixture("pdflatex-image.pdf")))
    writer = PdfWriter()
    for _ in range(200):                 # long enough for the second thread to arrive
        writer.add_page(source.pages[0])
    thick = tmp_path / "thick.pdf"
    with open(thick, "wb") as out:
        writer.write(out)
    refs = [AttachmentRef(str(thick), "document")]
    cache = CheckCache()
    with ThreadPoolExecutor(2) as pool:
        results = list(pool.map(lambda _n: check_attachments(refs, SEED, APPLY, cache=cache),
                                range(2)))
    assert cache.misses == 1 and cache.hits == 1
    assert results[0].documents[0] is results[1].documents[0]
    assert results[0].documents[0].pages == 200


def test_a_thread_waiting_for_another_can_be_cancelled(tmp_path):
    import threading

    cache = CheckCache()
    path = files.photo(tmp_path / "face.jpg", taken=datetime(2026, 11, 1))
    refs = [AttachmentRef(str(path), "photo")]
    key_owner = threading.Event()
    release = threading.Event()
    original = cache._get_or_check

    def slow(key, check, cancelled):
        def held():
            key_owner.set()
            release.wait(5)
            return check()
        return original(key, held, cancelled)

    cache._get_or_check = slow
    owner = threading.Thread(target=check_attachments, args=(refs, SEED, APPLY),
                             kwargs={"cache": cache})
    owner.start()
    assert key_owner.wait(5)
    cache._get_or_check = original
    asked = []
    # Not cancelled on the way in; cancelled while waiting for the owner (who is held).
    with pytest.raises(Cancelled):
        check_attachments(refs, SEED, APPLY, cache=cache,
                          cancelled=lambda: asked.append(1) or len(asked) > 2)
    assert not release.is_set() and owner.is_alive()
    release.set()
    owner.join(5)
    assert check_attachments(refs, SEED, APPLY, cache=cache).problems == ()
