"""Settings → 申請様式: the 区分 field sets the questions come from (docs/domain.md#categories).

Lists the shipped sets and those the office installed from a saved 申込 page, imports another
page (the same code path as ``assistant import form --install``: read, show what was read,
install on confirmation) and removes an installed set. Changes are used from the next start.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, Slot
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from assistant.model.dates import format_moment
from assistant.model.formimport import FieldSetInfo, Outputs, field_sets
from assistant.model.reference import reference_dir
from assistant.ui import ask, texts

_SHOWN_DIFFERENCES = 12   # differences listed in the confirmation; the rest are counted


class FormsDialog(QDialog):
    """The installed 区分 field sets, with 取り込み… and 削除."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("申請様式"))
        self.sets: list[FieldSetInfo] = []
        self.table = QTreeWidget()
        self.table.setRootIsDecorated(False)
        self.table.setHeaderLabels([self.tr("申請の種類"), self.tr("区分"), self.tr("画面の名前"),
                                    self.tr("取り込んだ日時"), self.tr("質問の数")])
        self.table.itemSelectionChanged.connect(self._on_table_selection_changed)
        self.import_button = QPushButton(self.tr("取り込み(&I)…"))
        self.import_button.clicked.connect(self._on_import_button_clicked)
        self.remove_button = QPushButton(self.tr("削除(&D)"))
        self.remove_button.clicked.connect(self._on_remove_button_clicked)
        note = QLabel(self.tr("オンラインシステムの申込画面をブラウザで保存したファイルから、その区分の"
                              "質問を取り込みます。取り込みと削除は次の起動から使われます。"
                              "同梱の様式は削除できません。"))
        note.setWordWrap(True)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("閉じる"))
        close.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(self.import_button)
        row.addWidget(self.remove_button)
        row.addStretch(1)
        row.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        self.resize(self.fontMetrics().horizontalAdvance("M") * 64, 320)
        self.refresh()

    def refresh(self) -> None:
        self.sets = field_sets(reference_dir())
        self.table.clear()
        for info in self.sets:
            when = (format_moment(info.installed_at, texts.language()) if info.installed_at
                    else self.tr("（同梱）"))
            item = QTreeWidgetItem([texts.procedure_label(info.procedure), info.kubun,
                                    info.title, when, str(info.fields)])
            item.setTextAlignment(4, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.table.addTopLevelItem(item)
        for column in range(self.table.columnCount()):
            self.table.resizeColumnToContents(column)
        self._on_table_selection_changed()

    def _selected(self) -> FieldSetInfo | None:
        item = self.table.currentItem()
        if item is None or not item.isSelected():
            return None
        return self.sets[self.table.indexOfTopLevelItem(item)]

    @Slot()
    def _on_table_selection_changed(self) -> None:
        info = self._selected()
        self.remove_button.setEnabled(info is not None and not info.shipped)
        self.import_button.setEnabled(reference_dir() is not None)

    @Slot()
    def _on_import_button_clicked(self) -> None:
        if import_form_page(self):
            self.refresh()

    @Slot()
    def _on_remove_button_clicked(self) -> None:
        from assistant.model.formimport import remove_installed

        info = self._selected()
        if info is None or info.shipped:
            return
        title = self.tr("申請様式の削除")
        if not ask.question(self, title, self.tr(
                "「{0}」（区分{1}）の取り込んだ様式を削除しますか？次の起動から使われなくなります。"
                ).format(info.title, info.kubun)):
            return
        try:
            remove_installed(info)
        except OSError as exc:
            ask.error(self, exc, title)
            return
        self.refresh()


def import_form_page(parent: QWidget) -> bool:
    """Pick a saved 申込 page, read it, say what it holds (procedure, 区分, questions, the
    differences from the current form) and install it on confirmation; True when installed.
    The one import flow of the GUI: Settings → 申請様式 and Step 1's button both call it (the
    same model code as ``assistant import form --install``)."""
    from assistant.model.formimport import build_outputs, write_outputs
    from assistant.model.formpage import FormPageError

    title = _tr("申込画面の取り込み")
    folder = reference_dir()
    path = ask.open_file(parent, title, Path.home(),
                         _tr("保存した申込画面 (*.html *.htm *.mhtml *.mht)"))
    if path is None or folder is None:
        return False
    try:
        outputs = build_outputs(path.read_bytes())
    except FormPageError as exc:
        ask.warning(parent, title, texts.pick((exc.message_ja, exc.message_en)))
        return False
    except OSError as exc:
        ask.error(parent, exc, title)
        return False
    if not ask.question(parent, title, confirmation_text(outputs)):
        return False
    try:
        write_outputs(outputs, folder)
    except OSError as exc:
        ask.error(parent, exc, title)
        return False
    ask.information(parent, title, _tr(
        "取り込みました。次にこのプログラムを起動したときから使われます。"))
    return True


def confirmation_text(outputs: Outputs) -> str:
    """What a read page holds, in the UI's language (never the model's English summary)."""
    from assistant.model.formimport import shipped_differences

    page = outputs.page
    differences = shipped_differences(outputs)
    lines = [_tr("「{0}」を読み取りました。").format(page.title),
             _tr("申請の種類: {0}　区分: {1}　質問: {2}").format(
                 texts.procedure_label(page.procedure), page.kubun,
                 len(outputs.field_set["fields"]))]
    if differences and differences[0]["what"] == "new_kubun":
        lines.append(_tr("この区分の様式はまだありません（新しく追加されます）。"))
    elif differences:
        lines.append(_tr("今の様式との違い: {0} 件").format(len(differences)))
        words = _difference_words()
        lines += [f"・{words.get(str(d['what']), str(d['what']))}: {d.get('label') or ''}"
                  for d in differences[:_SHOWN_DIFFERENCES]]
        if len(differences) > _SHOWN_DIFFERENCES:
            lines.append(_tr("ほか {0} 件").format(len(differences) - _SHOWN_DIFFERENCES))
    else:
        lines.append(_tr("今の様式と同じです。"))
    lines.append(_tr("この事務所のデータとして取り込みますか？"))
    return "\n".join(lines)


def _difference_words() -> dict[str, str]:
    """What :func:`shipped_differences` reports, in words."""
    return {"added": _tr("追加"), "removed": _tr("なくなった"),
            "label_ja_changed": _tr("項目名の変更"),
            "kind_changed": _tr("入力の種類の変更"),
            "required_changed": _tr("必須かどうかの変更"),
            "max_length_changed": _tr("文字数の変更"),
            "choices_changed": _tr("選択肢の変更")}


def _tr(text: str) -> str:
    """A text of the FormsDialog context (its English is in resources/i18n)."""
    return QCoreApplication.translate("FormsDialog", text)
