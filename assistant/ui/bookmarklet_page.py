"""「ブックマークレットを登録...」: a local HTML page holding the fill bookmarklet as a link to
drag to the browser's bookmarks bar (docs/autofill.md). The page is written into the folder of
the case database and opened in the default browser; it loads nothing from the network (no
scripts, styles or images from elsewhere: everything is inline).

:class:`BookmarkletCopyRow` (設定): the same bookmarklet copied to the clipboard, for a browser
where dragging is not possible; it holds no case data, so it stays on the clipboard."""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QUrl, Slot
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from assistant.ui import ask

PAGE_NAME = "bookmarklet.html"


def page_html(bookmarklet: str, language: str = "ja") -> str:
    """The page: the bookmarklet as a draggable link and how to use it."""
    from assistant.ui.online_fill import clear_after_ms

    title = QCoreApplication.translate("BookmarkletPage", "在留申請 入力ブックマークレットの登録")
    link = QCoreApplication.translate("BookmarkletPage", "在留申請 入力")
    steps = (
        QCoreApplication.translate("BookmarkletPage", "下の「{link}」のリンクを、ブラウザのブックマークバーへドラッグしてください"
            "（ブックマークバーが見えないときは Ctrl+Shift+B で表示します）。").format(link=link),
        QCoreApplication.translate("BookmarkletPage", "アシスタントで案件を選び、「書き出し」→「オンラインシステムに入力...」で入力データを"
            "コピーします（{s} 秒後にクリップボードから消えます）。").format(s=clear_after_ms() // 1000),
        QCoreApplication.translate("BookmarkletPage", "オンラインシステムの申込画面を開き、ブックマークバーの「{link}」を押して、"
            "表示された欄に貼り付けます（Ctrl+V）。").format(link=link),
        QCoreApplication.translate("BookmarkletPage", "入力された内容を画面で確かめてから申請してください。顔写真と添付書類は手で添付します。"),
    )
    note = QCoreApplication.translate("BookmarkletPage", "このリンクはこのページでは押さないでください（申込画面でだけ動きます）。"
               "このページはインターネットから何も読み込みません。")
    items = "\n".join(f"<li>{html.escape(step)}</li>" for step in steps)
    return f"""<!DOCTYPE html>
<html lang="{html.escape(language)}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>{html.escape(title)}</title>
<style>
body {{ font-family: sans-serif; max-width: 44em; margin: 2em auto; line-height: 1.7; }}
a.bookmarklet {{ display: inline-block; padding: 0.5em 1.2em; border: 2px solid #1d5fa8;
  border-radius: 6px; background: #eef4fb; color: #1d5fa8; font-weight: bold;
  text-decoration: none; cursor: move; }}
p.note {{ color: #555; font-size: 0.9em; }}
</style>
</head>
<body>
<h1>{html.escape(title)}</h1>
<ol>
{items}
</ol>
<p><a class="bookmarklet" href="{html.escape(bookmarklet, quote=True)}">{html.escape(link)}</a></p>
<p class="note">{html.escape(note)}</p>
</body>
</html>
"""


def write_page(folder: Path, language: str = "ja") -> Path:
    """Write the page into ``folder`` (atomically) and return its path."""
    from assistant.model.atomic import atomic_write_text
    from assistant.model.autofill import bookmarklet

    target = folder / PAGE_NAME
    atomic_write_text(target, page_html(bookmarklet(), language))
    return target


def open_bookmarklet_page(parent: QWidget, folder: Path) -> Path | None:
    """Write the page into ``folder`` and open it in the default browser."""
    from assistant.ui import texts

    try:
        page = write_page(folder, texts.language())
    except OSError as exc:
        ask.warning(parent, QCoreApplication.translate("BookmarkletPage", "ブックマークレットを登録"),
                    QCoreApplication.translate("BookmarkletPage", "ブックマークレットのページを書き出せませんでした：{0}").format(
                        exc.strerror or str(exc)))
        return None
    if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(page))):
        ask.information(parent, QCoreApplication.translate("BookmarkletPage", "ブックマークレットを登録"),
                        QCoreApplication.translate("BookmarkletPage", "ブラウザを開けませんでした。次のファイルをブラウザで開いてください：\n{0}")
                        .format(page))
    return page


class BookmarkletCopyRow(QWidget):
    """設定's row: 「ブックマークレットをコピー」 and, once copied, what to do with it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.copy_button = QPushButton(self.tr("ブックマークレットをコピー(&K)"))
        self.copy_button.setToolTip(self.tr(
            "申込画面に入力するブックマークレット（javascript: で始まる1行）をコピーします。"
            "案件のデータは含みません。"))
        self.copy_button.clicked.connect(self._on_copy_button_clicked)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.hide()
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.copy_button)
        row.addStretch(1)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(row)
        column.addWidget(self.status)

    @Slot()
    def _on_copy_button_clicked(self) -> None:
        from assistant.model.autofill import bookmarklet

        QGuiApplication.clipboard().setText(bookmarklet())
        link = QCoreApplication.translate("BookmarkletPage", "在留申請 入力")
        self.status.setText(self.tr(
            "コピーしました。ブラウザのブックマークバーを右クリックして「ページを追加」"
            "（Edge は「お気に入りを追加」）を選び、名前を「{link}」にして、URL の欄に貼り付け"
            "（Ctrl+V）て保存してください。").format(link=link))
        self.status.show()
