"""Fixtures for the UI tests: a real case store in tmp_path, settings, the main window."""

from __future__ import annotations

from datetime import date

import pytest

TODAY = date(2026, 11, 26)


@pytest.fixture
def store(tmp_path):
    from assistant.model.storage import CaseStore

    store = CaseStore.open(tmp_path / "appdata" / "cases.sqlite")
    yield store
    store.close()


@pytest.fixture
def settings(tmp_path):
    from assistant.model.settings import Settings

    return Settings(tmp_path / "config" / "settings.json")


@pytest.fixture
def japanese(qapp):
    from assistant.ui.i18n import install_translators

    install_translators("ja")
    yield
    install_translators("ja")


@pytest.fixture
def main_window(qtbot, store, settings, japanese):
    from assistant.ui.main_window import MainWindow

    window = MainWindow(store, settings, today=lambda: TODAY)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitActive(window)
    return window
