"""AttachmentsPanel and PhotoCropDialog as the office uses them (offscreen, real files)."""

from __future__ import annotations

import os
from datetime import date, datetime
from pathlib import Path

import pytest
from PIL import Image
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent

from assistant.model.case import AttachmentRef
from assistant.ui.attachments import AttachmentsPanel, PhotoCropDialog
from tests import attachments_files as files

SHOTS = os.environ.get("ASSISTANT_SCREENSHOTS")


def shot(widget, name):
    if SHOTS:
        Path(SHOTS).mkdir(parents=True, exist_ok=True)
        widget.grab().save(str(Path(SHOTS) / f"{name}.png"))


def wait_idle(qtbot, panel):
    qtbot.waitUntil(lambda: not panel.is_busy(), timeout=30_000)


def item_texts(panel):
    return [panel.list.item(row).text() for row in range(panel.list.count())]


@pytest.fixture
def panel(qtbot, japanese):
    widget = AttachmentsPanel("guide-2024")
    widget.set_filing_date(date(2026, 11, 26))
    widget.resize(900, 900)
    qtbot.addWidget(widget)
    widget.show()
    yield widget
    widget.cancel_work()


def test_documents_are_checked_and_results_shown_beside_them(qtbot, panel, tmp_path):
    locked = files.encrypted_copy(files.fixture("pdflatex-4-pages.pdf"), tmp_path / "課税.pdf",
                                  allow_print=False)
    refs = [AttachmentRef(str(files.fixture("pdflatex-outline.pdf")), title="在職証明書",
                          position=0),
            AttachmentRef(str(locked), position=1),
            AttachmentRef(str(files.fixture("libreoffice-writer-password.pdf")), position=2)]
    with qtbot.waitSignal(panel.list.model().dataChanged, timeout=30_000, raising=False):
        panel.set_attachments(refs)
    wait_idle(qtbot, panel)
    texts = item_texts(panel)
    assert texts[0].startswith("在職証明書（pdflatex-outline.pdf）")
    assert "4 ページ" in texts[0] and "問題ありません" in texts[0]
    assert "印刷禁止" in texts[1]
    assert "パスワードが必要" in texts[2]
    assert panel.list.item(2).foreground().color().name() == "#b3261e"     # error colour
    assert "上限 10.0 MB" in panel.gauge_text.text()
    assert "1 ファイルしか送信できません" in panel.set_label.text()       # 3 files, guide-2024
    assert [r.position for r in panel.attachments()] == [0, 1, 2]
    shot(panel, "attachments_panel")


def test_reorder_remove_and_the_changed_signal(qtbot, panel):
    a, b, c = (str(files.fixture(n)) for n in ("minimal-document.pdf", "pdflatex-4-pages.pdf",
                                               "google-doc-document.pdf"))
    panel.set_attachments([AttachmentRef(a, position=0), AttachmentRef(b, position=1),
                           AttachmentRef(c, position=2)])
    wait_idle(qtbot, panel)
    panel.list.setCurrentRow(2)
    with qtbot.waitSignal(panel.changed):
        qtbot.mouseClick(panel.up_button, Qt.MouseButton.LeftButton)
    assert [r.path for r in panel.attachments()] == [a, c, b]
    panel.list.setCurrentRow(0)
    with qtbot.waitSignal(panel.changed):
        qtbot.mouseClick(panel.remove_button, Qt.MouseButton.LeftButton)
    refs = panel.attachments()
    assert [r.path for r in refs] == [c, b] and [r.position for r in refs] == [0, 1]


def test_files_dropped_from_outside_are_added_and_checked(qtbot, panel, tmp_path):
    scan = tmp_path / "passport.jpg"
    files.scan_image(125, 88, dpi=300, noise=False).save(scan, "JPEG", dpi=(300, 300))
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(scan)),
                  QUrl.fromLocalFile(str(files.fixture("minimal-document.pdf")))])
    event = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime,
                       Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    with qtbot.waitSignal(panel.changed):
        panel.list.dropEvent(event)
    wait_idle(qtbot, panel)
    assert [os.path.basename(r.path) for r in panel.attachments()] == [
        "passport.jpg", "minimal-document.pdf"]
    assert "問題ありません" in item_texts(panel)[0]
    assert not panel.list.item(0).icon().isNull()      # a thumbnail of the scan


def test_prepare_shows_progress_and_reports_the_result(qtbot, panel, tmp_path):
    locked = files.encrypted_copy(files.fixture("minimal-document.pdf"), tmp_path / "l.pdf",
                                  allow_copy=False)
    panel.set_attachments([AttachmentRef(str(files.fixture("pdflatex-4-pages.pdf")), position=0),
                           AttachmentRef(str(locked), position=1)])
    wait_idle(qtbot, panel)
    out = tmp_path / "送信用資料.pdf"
    with qtbot.waitSignal(panel.prepared, timeout=30_000) as signal:
        panel.prepare_to(str(out))
        assert panel.cancel_button.isEnabled()          # while it runs
        assert not panel.prepare_button.isEnabled()
    report = signal.args[0]
    assert report.ok and out.exists()
    assert "作成: 送信用資料.pdf" in panel.result_label.text()
    assert "制限（権限パスワード）を外しました" in panel.result_label.text()
    assert panel.result_label.isVisible()
    assert panel.prepare_button.isEnabled() and not panel.cancel_button.isEnabled()
    shot(panel, "attachments_panel_prepared")


def test_profile_switch_changes_the_gauge(qtbot, panel):
    panel.set_attachments([AttachmentRef(str(files.fixture("minimal-document.pdf")))])
    wait_idle(qtbot, panel)
    panel.set_profile("system-2026")
    wait_idle(qtbot, panel)
    assert "資料と写真の合計" in panel.gauge_text.text()
    assert "上限 25.0 MB" in panel.gauge_text.text()
    # the online page's 「合計20ファイル、顔写真含め25MBまで」: the photo counts as a file
    assert "資料と顔写真を合わせて 20 ファイル" in panel.rules_label.text()
    assert "ファイル 1 / 上限 20" in panel.gauge_text.text()
    panel.set_photo(str(files.fixture("minimal-document.pdf")))   # any file: it is counted
    assert "ファイル 2 / 上限 20" in panel.gauge_text.text()


def test_photo_problems_and_entered_date(qtbot, panel, tmp_path):
    photo = files.photo(tmp_path / "face.png", size=(800, 600), fmt="PNG")
    with qtbot.waitSignal(panel.changed):
        panel.set_photo(str(photo))
    wait_idle(qtbot, panel)
    text = panel.photo_problems.text()
    assert "JPEG" in text and "縦4：横3" in text and "撮影日を入力" in text
    panel.taken_check.setChecked(True)
    panel.taken_edit.setDate(date(2026, 1, 5))
    qtbot.waitUntil(lambda: "3 か月前" in panel.photo_problems.text(), timeout=10_000)
    panel.set_filing_date(date(2026, 3, 1))                # within 3 months of 2026-01-05
    qtbot.waitUntil(lambda: "3 か月前" not in panel.photo_problems.text(), timeout=10_000)
    assert [r.kind for r in panel.attachments()] == ["photo"]


def test_crop_dialog_saves_a_clean_3_by_4_jpeg(qtbot, tmp_path, japanese):
    source = files.photo(tmp_path / "src.jpg", size=(1600, 1200), taken=datetime(2026, 11, 2),
                         gps=True)
    out = tmp_path / "face.jpg"
    dialog = PhotoCropDialog(str(source), out_path=str(out))
    qtbot.addWidget(dialog)
    dialog.resize(560, 680)
    dialog.show()
    view = dialog.view
    left, top, width, height = view.source_box()
    assert height == pytest.approx(1200, abs=2) and width == pytest.approx(900, abs=2)
    dialog.zoom_slider.setValue(200)                    # the frame halves
    assert view.source_box()[3] == pytest.approx(600, abs=2)
    before = view.source_box()
    center = view.rect().center()
    qtbot.mousePress(view, Qt.MouseButton.LeftButton, pos=center)
    qtbot.mouseMove(view, center + QPoint(40, 20))
    qtbot.mouseRelease(view, Qt.MouseButton.LeftButton, pos=center + QPoint(40, 20))
    after = view.source_box()
    assert after[0] > before[0] and after[1] > before[1]   # dragged right and down
    shot(dialog, "photo_crop_dialog")
    assert dialog.save_to(str(out))
    assert dialog.taken_on == date(2026, 11, 2)
    with Image.open(out) as saved:
        assert saved.format == "JPEG"
        assert saved.width * 4 == saved.height * 3
        assert len(saved.getexif()) == 0 and "icc_profile" not in saved.info


def test_crop_dialog_refuses_to_overwrite_the_original(qtbot, tmp_path, japanese, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    source = files.photo(tmp_path / "src.jpg")
    shown: list[str] = []
    # a modal message box would wait for a click offscreen: record what it would say instead
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: shown.append(a[2]))
    dialog = PhotoCropDialog(str(source))
    qtbot.addWidget(dialog)
    before = source.read_bytes()
    assert not dialog.save_to(str(source))
    assert source.read_bytes() == before and shown


def test_a_failed_build_says_so_plainly_and_writes_nothing(qtbot, panel, tmp_path, monkeypatch):
    """A folder that cannot be made: the bridge's default failure path shows a plain
    message (no exception text, no traceback) and the page says nothing was made."""
    from assistant.ui import ask

    shown: list[str] = []
    monkeypatch.setattr(ask, "warning", lambda _parent, _title, text: shown.append(text))
    monkeypatch.setattr(ask, "information", lambda _parent, _title, text: shown.append(text))
    panel.set_attachments([AttachmentRef(str(files.fixture("minimal-document.pdf")))])
    wait_idle(qtbot, panel)
    not_a_folder = tmp_path / "notes.txt"          # a file where a folder should be
    not_a_folder.write_text("x")
    panel.prepare_to(str(not_a_folder / "out.pdf"))
    qtbot.waitUntil(lambda: not panel.is_busy(), timeout=30_000)
    assert shown and "Traceback" not in shown[-1] and "Errno" not in shown[-1], shown
    assert "作成できませんでした" in panel.status_label.text()
    assert not panel.result_label.isVisible()


def test_a_defect_in_the_check_goes_to_the_crash_report_not_swallowed(qtbot, japanese,
                                                                      tmp_path, monkeypatch):
    """The model reports bad files as problems; an exception from the check is a defect of
    the program: it reaches the crash report (written, and said plainly), and the page stops
    showing 「確認中」 for ever."""
    from assistant.model.attachments import casecheck
    from assistant.ui import ask

    def broken(*_args, **_kwargs):
        raise RuntimeError("a defect in the check")

    monkeypatch.setattr(casecheck, "check_attachments", broken)
    shown: list[str] = []
    monkeypatch.setattr(ask, "warning", lambda _parent, _title, text: shown.append(text))
    widget = AttachmentsPanel("guide-2024")
    qtbot.addWidget(widget)
    widget.set_attachments([AttachmentRef(str(files.fixture("minimal-document.pdf")))])
    qtbot.waitUntil(lambda: not widget.is_busy(), timeout=30_000)
    assert shown and "エラーの記録を保存しました" in shown[-1], shown
    assert "a defect in the check" not in shown[-1]
    reports = list((Path(os.environ["ASSISTANT_DATA_DIR"]) / "logs").glob("crash-*"))
    assert reports and "a defect in the check" in reports[0].read_text(encoding="utf-8")


def test_a_dropped_folder_or_pipe_is_not_added_and_the_office_is_told(qtbot, panel, tmp_path,
                                                                     monkeypatch):
    from assistant.ui import ask

    folder = tmp_path / "スキャン"
    folder.mkdir()
    pipe = tmp_path / "pipe.pdf"
    os.mkfifo(pipe)                          # opening it would wait for a writer for ever
    shown: list[str] = []
    monkeypatch.setattr(ask, "warning", lambda _parent, _title, text: shown.append(text))
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(folder)), QUrl.fromLocalFile(str(pipe)),
                  QUrl.fromLocalFile(str(files.fixture("minimal-document.pdf")))])
    event = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime,
                       Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    with qtbot.waitSignal(panel.changed):
        panel.list.dropEvent(event)
    wait_idle(qtbot, panel)
    assert [os.path.basename(r.path) for r in panel.attachments()] == ["minimal-document.pdf"]
    assert len(shown) == 1
    assert "「スキャン」は通常のファイルではありません（フォルダ）" in shown[0]
    assert "「pipe.pdf」は通常のファイルではありません（パイプ（FIFO））" in shown[0]


def test_the_file_to_send_is_never_written_into_the_data_folder(qtbot, panel, monkeypatch):
    from assistant.ui import ask

    shown: list[str] = []
    monkeypatch.setattr(ask, "error", lambda _parent, exc, _title="": shown.append(
        exc.message("ja")))
    panel.set_attachments([AttachmentRef(str(files.fixture("minimal-document.pdf")))])
    wait_idle(qtbot, panel)
    data = Path(os.environ["ASSISTANT_DATA_DIR"])
    panel.prepare_to(str(data / "cases.sqlite"))
    assert shown and not panel.is_busy()
    assert not (data / "cases.sqlite").exists()
