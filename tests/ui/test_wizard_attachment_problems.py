"""Attachment file problems count from the moment a case is opened (no visit to the page)."""

from __future__ import annotations

import os
import shutil
from datetime import datetime

import pytest
from PySide6.QtCore import Qt, QTimer

from assistant.model.case import AttachmentRef
from assistant.model.wizard import Step, StepStatus
from tests import attachments_files as files

SHOTS = os.environ.get("ASSISTANT_SCREENSHOTS")


def problem_texts(editor):
    problems = editor.problem_list
    return [problems.item(row).text() for row in range(problems.count())]


def step_text(editor, step):
    return editor.step_list.item(editor.flow.steps.index(step)).text()


def open_case(main_window, store, refs, values=None):
    case = store.create("renewal", values or {"expiry_date": "20270115"})
    store.set_attachments(case.id, refs)
    main_window.open_case(case.id)
    editor = main_window.editor
    if Step.ATTACHMENTS not in editor.flow.steps:
        pytest.skip("no attachments panel in this build")
    return editor


def wait_checked(qtbot, editor):
    qtbot.waitUntil(lambda: not editor.attachments_checking()
                    and not editor._validate_timer.isActive(), timeout=30_000)


@pytest.fixture
def big_pdf_and_old_photo(tmp_path):
    big = files.oversize_pdf(tmp_path / "在職証明書.pdf", 11_000_000)      # over 10 MB
    old = files.photo(tmp_path / "face.jpg", taken=datetime(2026, 2, 20))  # 9 months
    return big, old


def test_file_problems_are_listed_on_step_3_without_opening_the_attachments_page(
        qtbot, store, main_window, big_pdf_and_old_photo):
    big, old = big_pdf_and_old_photo
    editor = open_case(main_window, store, [AttachmentRef(str(big), "document"),
                                            AttachmentRef(str(old), "photo")])
    editor.go_to_step(Step.CONFIRM)
    # Before the worker has answered, Step 3 must not say "no problems".
    assert editor.attachments_checking()
    assert "添付ファイルを確認しています" in editor.problem_summary.text()
    assert "問題はありません" not in editor.problem_summary.text()
    assert "確認中" in step_text(editor, Step.ATTACHMENTS)
    wait_checked(qtbot, editor)
    assert editor.attachments_panel is None          # the page was never built
    texts = problem_texts(editor)
    assert any("在職証明書.pdf" in t and "11.0 MB" in t for t in texts), texts
    assert any("撮影日 2026年2月20日（令和8年）" in t for t in texts), texts
    assert editor.step_status(Step.ATTACHMENTS) is StepStatus.PROBLEMS
    assert "問題 2 件" in step_text(editor, Step.ATTACHMENTS)
    assert "確認中" not in step_text(editor, Step.ATTACHMENTS)
    assert "件。入力完了にするには" in editor.problem_summary.text()
    # The review of the input shows each file's problem beside it, as fields show theirs.
    review = editor.review.toPlainText()
    assert "11.0 MB" in review and "撮影日 2026年2月20日（令和8年）" in review


def test_enter_on_a_file_problem_opens_the_attachments_page_at_that_file(
        qtbot, store, main_window, big_pdf_and_old_photo, tmp_path):
    big, old = big_pdf_and_old_photo
    fine = tmp_path / "passport.pdf"
    shutil.copy(files.fixture("minimal-document.pdf"), fine)
    editor = open_case(main_window, store, [AttachmentRef(str(fine), "document", position=0),
                                            AttachmentRef(str(big), "document", position=1),
                                            AttachmentRef(str(old), "photo")])
    editor.go_to_step(Step.CONFIRM)
    wait_checked(qtbot, editor)
    texts = problem_texts(editor)
    row = next(i for i, t in enumerate(texts) if "在職証明書.pdf" in t and "MB" in t)
    editor.problem_list.setCurrentRow(row)
    editor.problem_list.setFocus()
    qtbot.keyClick(editor.problem_list, Qt.Key.Key_Return)
    assert editor.current_step() is Step.ATTACHMENTS
    panel = editor.attachments_panel
    assert panel is not None and panel.list.currentItem() is not None
    assert os.path.basename(big) in panel.list.currentItem().toolTip()
    assert panel.list.hasFocus()
    # The photo's problem leads to the photo's button.
    editor.go_to_step(Step.CONFIRM)
    wait_checked(qtbot, editor)
    texts = problem_texts(editor)
    editor.problem_list.setCurrentRow(next(i for i, t in enumerate(texts) if "撮影日" in t))
    qtbot.keyClick(editor.problem_list, Qt.Key.Key_Return)
    assert editor.current_step() is Step.ATTACHMENTS and panel.photo_choose.hasFocus()


def test_a_file_deleted_or_replaced_on_disk_is_checked_again(
        qtbot, store, main_window, big_pdf_and_old_photo, tmp_path):
    big, old = big_pdf_and_old_photo
    editor = open_case(main_window, store, [AttachmentRef(str(big), "document"),
                                            AttachmentRef(str(old), "photo")])
    editor.go_to_step(Step.CONFIRM)
    wait_checked(qtbot, editor)
    os.remove(big)                      # moved away in the file manager
    qtbot.waitUntil(lambda: any("見つかりません" in t for t in problem_texts(editor)),
                    timeout=10_000)
    missing = next(t for t in problem_texts(editor) if "見つかりません" in t)
    assert "在職証明書.pdf" in missing and str(tmp_path) in missing
    assert editor.step_status(Step.ATTACHMENTS) is StepStatus.PROBLEMS
    # A small PDF put back under the same name: the size problem and the missing one go.
    shutil.copy(files.fixture("minimal-document.pdf"), big)
    qtbot.waitUntil(lambda: not any("在職証明書.pdf" in t for t in problem_texts(editor)),
                    timeout=10_000)
    assert any("撮影日 2026年2月20日（令和8年）" in t for t in problem_texts(editor))


def test_the_rule_profile_and_filing_date_change_the_file_verdicts(
        qtbot, store, main_window, settings, big_pdf_and_old_photo):
    from assistant.model.settings import RULE_PROFILE

    big, old = big_pdf_and_old_photo
    editor = open_case(main_window, store, [AttachmentRef(str(big), "document"),
                                            AttachmentRef(str(old), "photo")])
    editor.go_to_step(Step.CONFIRM)
    wait_checked(qtbot, editor)
    assert any("在職証明書.pdf" in t for t in problem_texts(editor))
    settings.set(RULE_PROFILE, "system-2026")        # 25 MB; photos within 6 months
    editor.revalidate()
    wait_checked(qtbot, editor)
    texts = problem_texts(editor)
    assert not any("在職証明書.pdf" in t for t in texts)
    assert any("6 か月前" in t for t in texts)        # still too old for six months
    editor.today = lambda: datetime(2026, 8, 1).date()
    editor.revalidate()
    wait_checked(qtbot, editor)
    assert not any("撮影日" in t for t in problem_texts(editor))


def thick_pdf(path):
    """A thick scanned bundle (400 pages): checking it takes about a second."""
    from pypdf import PdfReader, PdfWriter

    source = PdfReader(str(files.fixture("pdflatex-image.pdf")))
    writer = PdfWriter()
    for _ in range(400):
        writer.add_page(source.pages[0])
    with open(path, "wb") as out:
        writer.write(out)
    return path


@pytest.fixture
def held_check(monkeypatch):
    """The file check waits (in its worker) until the test lets it go, then runs for real:
    the tests below see the "still checking" state on any machine, however fast."""
    import threading

    from assistant.model.attachments import casecheck

    release = threading.Event()
    real = casecheck.check_attachments

    def held(*args, **kwargs):
        release.wait(20)          # never hangs a run: at worst the check goes on after 20 s
        return real(*args, **kwargs)

    monkeypatch.setattr(casecheck, "check_attachments", held)
    yield release
    release.set()


def test_the_gui_keeps_turning_while_a_long_pdf_is_checked(qtbot, store, main_window,
                                                            tmp_path, monkeypatch):
    """The check runs in a worker: the GUI's timer ticks while the check is under way.

    Deterministic on any machine, however loaded: the check (in its worker) waits until the
    GUI thread's timer has ticked ``TICKS`` times, then runs for real. Had the check run on
    the GUI thread, no tick could come and the wait would end unsatisfied.
    """
    import threading

    from assistant.model.attachments import casecheck

    ticks_needed = 3
    ticked = threading.Condition()
    ticks = [0]
    turned: list[bool] = []
    real = casecheck.check_attachments

    def gated(*args, **kwargs):
        with ticked:
            target = ticks[0] + ticks_needed
            turned.append(ticked.wait_for(lambda: ticks[0] >= target, 30))
        return real(*args, **kwargs)

    monkeypatch.setattr(casecheck, "check_attachments", gated)

    def on_tick() -> None:
        if main_window.editor is not None and main_window.editor.attachments_checking():
            with ticked:
                ticks[0] += 1
                ticked.notify_all()

    thick = thick_pdf(tmp_path / "thick.pdf")
    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(on_tick)
    timer.start()
    editor = open_case(main_window, store, [AttachmentRef(str(thick), "document")])
    editor.go_to_step(Step.CONFIRM)
    assert "添付ファイルを確認しています" in editor.problem_summary.text()
    wait_checked(qtbot, editor)
    timer.stop()
    assert turned and all(turned), turned      # the GUI ticked while the worker waited
    assert "添付ファイルを確認しています" not in editor.problem_summary.text()


def test_finishing_waits_for_the_file_checks(qtbot, store, main_window, tmp_path,
                                             monkeypatch, held_check):
    from PySide6.QtWidgets import QMessageBox

    from assistant.model.case import CaseStatus
    from assistant.model.sample import sample_values
    from tests.ui.conftest import TODAY
    from tests.ui.keyboard import fill

    thick = thick_pdf(tmp_path / "thick.pdf")
    case = store.create("renewal", sample_values(TODAY))
    store.set_attachments(case.id, [AttachmentRef(str(thick), "document")])
    main_window.open_case(case.id)
    editor = main_window.editor
    shown = []
    monkeypatch.setattr(QMessageBox, "information",
                        lambda _parent, _title, text, *_a: shown.append(text))
    editor.go_to_step(Step.CONFIRM)
    fill(editor, "intent_confirmed", " ")
    assert editor.attachments_checking()
    editor.finish()
    assert shown and "添付ファイルを確認しています" in shown[-1]
    assert store.get(case.id).status is CaseStatus.DRAFT
    held_check.set()
    wait_checked(qtbot, editor)
    editor.finish()
    assert store.get(case.id).status is CaseStatus.READY, shown


@pytest.mark.parametrize("language", ["ja", "en"])
def test_screenshot_of_step_3_with_file_problems(qtbot, store, main_window,
                                                 big_pdf_and_old_photo, language, tmp_path):
    from assistant.ui.i18n import install_translators
    from tests.ui.test_translations import _tool

    big, old = big_pdf_and_old_photo
    if language == "en":
        _tool().build("en")
    assert install_translators(language) or language == "ja"
    from assistant.model.sample import sample_values
    from tests.ui.conftest import TODAY

    try:
        # A case filled in except the attachments: the file problems are what is left.
        editor = open_case(main_window, store, [AttachmentRef(str(big), "document"),
                                                AttachmentRef(str(old), "photo")],
                           values=sample_values(TODAY))
        editor.go_to_step(Step.CONFIRM)
        main_window.resize(1280, 800)
        checking = editor.problem_summary.text()
        if SHOTS:
            os.makedirs(SHOTS, exist_ok=True)
            main_window.grab().save(os.path.join(SHOTS, f"step3-checking-{language}.png"))
        wait_checked(qtbot, editor)
        if SHOTS:
            main_window.grab().save(os.path.join(SHOTS, f"step3-file-problems-{language}.png"))
        texts = problem_texts(editor)
        if language == "en":
            assert "Checking the attached files" in checking
            assert any("在職証明書.pdf" in t and "over the limit" in t for t in texts), texts
        else:
            assert any("在職証明書.pdf" in t and "上限" in t for t in texts), texts
    finally:
        install_translators("ja")


def test_the_attachments_page_shows_a_file_deleted_on_disk_too(
        qtbot, store, main_window, big_pdf_and_old_photo, tmp_path):
    big, old = big_pdf_and_old_photo
    fine = tmp_path / "passport.pdf"
    shutil.copy(files.fixture("minimal-document.pdf"), fine)
    editor = open_case(main_window, store, [AttachmentRef(str(fine), "document"),
                                            AttachmentRef(str(old), "photo")])
    editor.go_to_step(Step.ATTACHMENTS)
    panel = editor.attachments_panel
    qtbot.waitUntil(lambda: not panel.is_busy() and not editor.attachments_checking(),
                    timeout=30_000)
    item = panel.list.item(0)
    assert "見つかりません" not in item.text()
    os.remove(fine)
    qtbot.waitUntil(lambda: "見つかりません" in panel.list.item(0).text(), timeout=10_000)
    assert "KB" not in panel.list.item(0).text()       # no size for a file that is gone
    # The step mark counts it as well, without a visit to Step 3.
    qtbot.waitUntil(lambda: "問題 2 件" in step_text(editor, Step.ATTACHMENTS),
                    timeout=10_000)


def test_the_taken_date_entered_on_the_page_counts_in_step_3(qtbot, store, main_window,
                                                            tmp_path):
    from PySide6.QtCore import QDate

    photo = files.photo(tmp_path / "noexif.jpg")          # no camera date
    editor = open_case(main_window, store, [AttachmentRef(str(photo), "photo")])
    editor.go_to_step(Step.CONFIRM)
    wait_checked(qtbot, editor)
    assert any("撮影日が分かりません" in t for t in problem_texts(editor))
    editor.go_to_step(Step.ATTACHMENTS)
    panel = editor.attachments_panel
    panel.taken_check.setChecked(True)
    panel.taken_edit.setDate(QDate(2026, 1, 5))            # over 3 months before 11-26
    editor.go_to_step(Step.CONFIRM)
    qtbot.waitUntil(lambda: any("撮影日 2026年1月5日（令和8年）" in t for t in problem_texts(editor)),
                    timeout=10_000)
    assert not any("撮影日が分かりません" in t for t in problem_texts(editor))


def test_other_files_changing_in_the_folder_do_not_recheck(qtbot, store, main_window,
                                                           big_pdf_and_old_photo, tmp_path):
    big, old = big_pdf_and_old_photo
    editor = open_case(main_window, store, [AttachmentRef(str(big), "document"),
                                            AttachmentRef(str(old), "photo")])
    editor.go_to_step(Step.CONFIRM)
    wait_checked(qtbot, editor)
    checker = editor.attachment_checker
    rechecks = []
    checker.files_changed.connect(lambda: rechecks.append(1))
    runs = checker.runs
    # The folder's change event arrives and is looked at (no fixed wait: the signal says
    # when), and it is not ours: no check is started.
    with qtbot.waitSignal(checker.disk_looked_at, timeout=10_000) as looked:
        (tmp_path / "download.part").write_bytes(b"x" * 1000)  # a neighbour, not ours
    assert looked.args == [False]
    assert rechecks == [] and checker.runs == runs and not editor.attachments_checking()
    big.write_bytes(b"%PDF-1.7\n")                              # ours: now damaged
    qtbot.waitUntil(lambda: bool(rechecks) and not editor.attachments_checking(),
                    timeout=10_000)
    wait_checked(qtbot, editor)
    assert any("在職証明書.pdf" in t and ("壊れて" in t or "途中で切れて" in t)
               for t in problem_texts(editor)), problem_texts(editor)


def test_the_page_and_the_wizard_share_one_check(qtbot, store, main_window,
                                                 big_pdf_and_old_photo):
    """One checker: the page shows the wizard's result; revalidating, opening the page and
    moving a document do not start checks of their own."""
    big, old = big_pdf_and_old_photo
    small = files.fixture("minimal-document.pdf")
    editor = open_case(main_window, store, [AttachmentRef(str(big), "document", position=0),
                                            AttachmentRef(str(small), "document", position=1),
                                            AttachmentRef(str(old), "photo")])
    editor.go_to_step(Step.CONFIRM)
    wait_checked(qtbot, editor)
    checker = editor.attachment_checker
    editor.go_to_step(Step.ATTACHMENTS)
    panel = editor.attachments_panel
    assert panel.checker is checker
    wait_checked(qtbot, editor)                       # the previews were made once
    runs = checker.runs
    editor.revalidate()
    panel.recheck()                                   # nothing changed on disk
    wait_checked(qtbot, editor)
    assert checker.runs == runs + 1                   # the recheck only
    assert panel.problems() == checker.problems()
    texts = [panel.list.item(row).text() for row in range(panel.list.count())]
    assert "11.0 MB" in texts[0] and "問題ありません" in texts[1]
    panel.list.setCurrentRow(1)
    qtbot.mouseClick(panel.up_button, Qt.MouseButton.LeftButton)    # order only
    wait_checked(qtbot, editor)
    assert checker.runs == runs + 1 and not editor.attachments_checking()
    assert [r.path for r in store.get(editor.case_id).attachments if r.kind != "photo"] == [
        str(small), str(big)]
