"""Load the translations: Japanese is the source language, English comes from the .qm file."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from assistant.resources import resource_path

LANGUAGES: tuple[str, ...] = ("ja", "en")

_installed: list[QTranslator] = []


def qm_file(language: str) -> str:
    return str(resource_path("i18n", f"assistant_{language}.qm"))


def install_translators(language: str) -> bool:
    """Install the translators for ``language`` (replacing earlier ones).

    Returns False when the application's own translation file is missing (the UI then stays
    Japanese; ``python3 dev.py start`` builds the file).
    """
    app = QCoreApplication.instance()
    if app is None:
        raise RuntimeError("create the QApplication first")
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    QLocale.setDefault(QLocale(QLocale.Language.English if language == "en"
                               else QLocale.Language.Japanese))
    # Qt's own texts (standard buttons, context menus) in the same language.
    qt_translator = QTranslator(app)
    if qt_translator.load(f"qtbase_{language}",
                          QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt_translator)
        _installed.append(qt_translator)
    if language == "ja":
        return True
    translator = QTranslator(app)
    if not translator.load(qm_file(language)):
        return False
    app.installTranslator(translator)
    _installed.append(translator)
    return True


def current_language() -> str:
    return "en" if QLocale().language() == QLocale.Language.English else "ja"
