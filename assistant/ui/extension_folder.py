"""「拡張機能フォルダを作成...」: the Chrome/Edge extension folder written where the office
chooses (docs/autofill.md), with the steps to load it. The folder is generated from the app's
own fill script, so creating it again after an update brings the extension up to date."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QStandardPaths
from PySide6.QtWidgets import QWidget

from assistant.ui import ask


def default_start() -> Path:
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(documents) if documents else Path.home()


def target_folder(chosen: Path) -> Path:
    """The extension folder for the folder the office chose: a folder of that name inside it,
    or the chosen folder itself when it is one (created before: it is brought up to date)."""
    from assistant.model.autofill import EXTENSION_FOLDER

    return chosen if chosen.name == EXTENSION_FOLDER else chosen / EXTENSION_FOLDER


def create_extension_folder(parent: QWidget, db: Path | None = None) -> Path | None:
    """Ask where, write the folder, say how to load it; the folder, or None (cancelled or
    refused, after saying why)."""
    from assistant.model.autofill import EXTENSION_FILE_NAMES, write_extension

    translate = QCoreApplication.translate
    title = translate("ExtensionFolder", "拡張機能フォルダを作成")
    chosen = ask.folder(parent, translate("ExtensionFolder",
                                          "拡張機能フォルダを作成する場所を選んでください"),
                        default_start())
    if chosen is None:
        return None
    target = target_folder(chosen)
    if not ask.may_write(parent, target, will_write=EXTENSION_FILE_NAMES, db=db, title=title):
        return None
    try:
        write_extension(target)
    except OSError as exc:
        ask.warning(parent, title, translate(
            "ExtensionFolder", "拡張機能フォルダを作成できませんでした：{0}").format(
            ask.error_text(exc)))
        return None
    ask.information(parent, title, translate(
        "ExtensionFolder",
        "拡張機能のフォルダを作成しました：\n{path}\n\n"
        "1. Chrome は chrome://extensions、Edge は edge://extensions を開きます。\n"
        "2. 「デベロッパー モード」（Edge は「開発者モード」）をオンにします。\n"
        "3. 「パッケージ化されていない拡張機能を読み込む」（Edge は「展開して読み込み」）を押し、"
        "このフォルダを選びます。\n\n"
        "ブラウザはこのフォルダから拡張機能を読み込むので、フォルダは消したり動かしたり"
        "しないでください。アプリを更新したら、ここでもう一度作成して上書きし、"
        "拡張機能のページで再読み込み（↻）を押してください。").format(path=target))
    return target
