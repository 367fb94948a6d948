"""The worker bridge (assistant.ui.ops.Operation) on a real merge: the GUI keeps turning,
cancel works, errors and results arrive in the GUI thread."""

from __future__ import annotations

import dataclasses
import threading

import pytest
from PySide6.QtCore import QTimer

from assistant.model.attachments.limits import limits_for
from assistant.model.attachments.prepare import PrepareReport, SourceDocument, prepare_documents
from assistant.ui.ops import Operation
from tests import attachments_files as files

TICKS_PER_STAGE = 3


def heavy_sources_size(sources):
    import os

    return sum(os.path.getsize(s.path) for s in sources)


@pytest.fixture(scope="module")
def heavy_sources(tmp_path_factory):
    """Scans that must be compressed to fit: a merge that takes a while."""
    folder = tmp_path_factory.mktemp("heavy")
    scan = files.scan_pdf(folder / "scan.pdf", pages=2, dpi=300, quality=95)
    return [SourceDocument(str(scan), "預金通帳")]


def test_event_loop_keeps_turning_during_a_long_merge(qtbot, tmp_path, heavy_sources):
    """The GUI timer ticks while the worker is in the middle of the merge, at every stage.

    Deterministic, whatever the machine's speed: at each progress report the worker (still
    inside ``prepare_documents``) waits until the GUI thread's timer has ticked
    ``TICKS_PER_STAGE`` more times. If the event loop were blocked during the merge the ticks
    would never come and the wait would time out.
    """
    budget = int(heavy_sources_size(heavy_sources) * 0.7)   # met by the first compression
    limits = dataclasses.replace(limits_for(), max_file_bytes=budget, max_total_bytes=budget)
    out = tmp_path / "out.pdf"
    ticked = threading.Condition()
    ticks = [0]

    def on_tick() -> None:
        with ticked:
            ticks[0] += 1
            ticked.notify_all()

    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(on_tick)
    stages: list[tuple[str, bool]] = []   # (message, the GUI ticked while the worker waited)

    def gated_prepare(*args, progress, cancelled):
        def gated_progress(done: int, total: int, message: str) -> None:
            progress(done, total, message)
            with ticked:
                target = ticks[0] + TICKS_PER_STAGE
                stages.append((message, ticked.wait_for(lambda: ticks[0] >= target, 30)))

        return prepare_documents(*args, progress=gated_progress, cancelled=cancelled)

    progress: list[tuple[int, int, str]] = []
    results: list[object] = []
    finished: list[bool] = []
    operation = Operation(gated_prepare, heavy_sources, str(out), limits) \
        .on_progress(lambda d, t, m: progress.append((d, t, m))) \
        .on_success(results.append).on_finish(lambda: finished.append(True))
    timer.start()
    operation.start()
    qtbot.waitUntil(lambda: bool(finished), timeout=120_000)
    timer.stop()
    # the worker reported load, write and compress, and at each stage the GUI kept ticking
    assert {"load", "write", "compress"} <= {message for message, _ in stages}
    assert all(turned for _, turned in stages), stages
    assert isinstance(results[0], PrepareReport)
    assert results[0].size_after is not None and out.stat().st_size <= budget
    assert any(message == "compress" for _, _, message in progress)
    assert not operation.is_running()


def test_cancel_stops_the_merge_and_writes_nothing(qtbot, tmp_path, heavy_sources):
    limits = dataclasses.replace(limits_for(), max_file_bytes=1_000_000,
                                 max_total_bytes=1_000_000)
    out = tmp_path / "out.pdf"
    outcome: list[str] = []
    operation = Operation(prepare_documents, heavy_sources * 3, str(out), limits)
    operation.on_success(lambda _r: outcome.append("succeeded")) \
        .on_cancel(lambda: outcome.append("cancelled")) \
        .on_progress(lambda *_: operation.cancel()) \
        .on_finish(lambda: outcome.append("finished"))    # cancel at the first report
    operation.start()
    qtbot.waitUntil(lambda: "finished" in outcome, timeout=60_000)
    assert outcome == ["cancelled", "finished"]
    assert not out.exists()


def test_an_exception_in_the_worker_arrives_as_failed(qtbot):
    def broken(*, progress, cancelled):
        progress(0, 1, "start")
        raise OSError(28, "No space left on device")

    failures: list[object] = []
    operation = Operation(broken).on_failure(failures.append).start()
    qtbot.waitUntil(lambda: bool(failures), timeout=5000)
    assert isinstance(failures[0], OSError) and failures[0].errno == 28
    assert not operation.is_running()


def test_worker_result_arrives_in_the_gui_thread(qtbot):
    from PySide6.QtCore import QThread

    seen: list[bool] = []

    def work(*, progress, cancelled):
        return QThread.currentThread()

    Operation(work).on_success(
        lambda worker_thread: seen.append(QThread.currentThread() is not worker_thread)).start()
    qtbot.waitUntil(lambda: bool(seen), timeout=5000)
    assert seen == [True]
