"""In-process CLI tests share the test process with the widget tests.

A command that renders a PDF creates a ``QGuiApplication`` when none exists (as the real
command-line process must). Left alive in this shared process, that instance would make every
later widget test abort ("Cannot create a QWidget without QApplication"), so these tests start
pytest-qt's ``QApplication`` first and the command finds it.
"""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def _widget_capable_application(qapp):
    yield qapp
