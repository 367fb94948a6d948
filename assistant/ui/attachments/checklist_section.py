"""ChecklistSection: the case's 提出書類 checklist on the 添付書類 step.

It renders what :mod:`assistant.model.documents` answers for the case (the list of its status
and procedure, the questions that select items, each item's 提出 / 不要 / 未, provider and the
files covering it) and forwards what the office changes as a new
:class:`~assistant.model.case.DocumentsState` (``changed``); the wizard stores it.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from assistant.model import documents as d
from assistant.model.case import NAME, Case, DocumentsState, ItemRecord
from assistant.ui import ask

_ID_ROLE = Qt.ItemDataRole.UserRole + 1
_COLUMNS = 5   # 書類, 状態, 提供者, ファイル, 不要の理由・メモ
_REASON_COLUMN = 4


class ChecklistSection(QGroupBox):
    """The checklist of one case. ``changed(DocumentsState)`` when the office answers a
    question, marks an item, changes a provider or assigns a file."""

    changed = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("提出書類チェックリスト"))
        self.language = "ja"
        self._case: Case | None = None
        self._state = DocumentsState()
        self._filling = False
        self.checklist: d.Checklist | None = None

        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.note = QLabel(self.tr(
            "リストは公開情報から集めた出発点です。△要確認 の書類は出入国在留管理庁の頁で"
            "確かめてください。ファイルを割り当てると「提出」になります。"))
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: #555;")
        self.questions_form = QFormLayout()
        self.questions_box = QWidget()
        self.questions_box.setLayout(self.questions_form)
        self.question_combos: dict[str, QComboBox] = {}
        self.question_origins: dict[str, QLabel] = {}

        self.tree = QTreeWidget()
        self.tree.setColumnCount(_COLUMNS)
        self.tree.setHeaderLabels([self.tr("書類"), self.tr("状態"), self.tr("提供者"),
                                   self.tr("ファイル"), self.tr("不要の理由・メモ")])
        self.tree.setRootIsDecorated(False)
        self.tree.setWordWrap(True)
        self.tree.setAccessibleName(self.tr("提出書類"))
        header = self.tree.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        self.tree.setMinimumHeight(self.fontMetrics().lineSpacing() * 14)
        self.tree.itemChanged.connect(self._on_tree_item_changed)
        self.tree.itemSelectionChanged.connect(self._refresh_buttons)

        self.assign_button = QPushButton(self.tr("ファイルを割り当てる…"))
        self.assign_button.clicked.connect(self._on_assign_button_clicked)
        self.proposals = QLabel()
        self.proposals.setWordWrap(True)
        self.apply_proposals_button = QPushButton(self.tr("提案どおり割り当てる"))
        self.apply_proposals_button.clicked.connect(self._on_apply_proposals_button_clicked)
        self.request_button = QPushButton(self.tr("依頼書を作成…"))
        request_menu = QMenu(self.request_button)
        for provider, text in ((d.Provider.APPLICANT, self.tr("申請人への依頼書（日英）")),
                               (d.Provider.ORGANIZATION, self.tr("所属機関への依頼書"))):
            action = request_menu.addAction(text)
            action.setData(provider.value)
        request_menu.triggered.connect(self._on_request_menu_triggered)
        self.request_button.setMenu(request_menu)
        buttons = QHBoxLayout()
        buttons.addWidget(self.assign_button)
        buttons.addStretch(1)
        buttons.addWidget(self.request_button)

        proposals = QHBoxLayout()
        proposals.addWidget(self.proposals, 1)
        proposals.addWidget(self.apply_proposals_button)

        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.note)
        layout.addWidget(self.questions_box)
        layout.addWidget(self.tree, 1)
        layout.addLayout(buttons)
        layout.addLayout(proposals)
        self._refresh_buttons()

    # --- API ---------------------------------------------------------------------------------
    def set_language(self, language: str) -> None:
        self.language = language

    def set_case(self, case: Case) -> None:
        """Show the checklist of ``case`` (its status answer, attachments and records)."""
        self._case = case
        self._state = case.documents
        self._show()

    def state(self) -> DocumentsState:
        return self._state

    def proposed(self) -> list[tuple[str, d.ChecklistItem]]:
        """(file, item) for each attached document no item covers yet, whose name points to
        an item (``住民税課税証明書.pdf`` → 住民税の課税…証明書)."""
        if self._case is None or self.checklist is None:
            return []
        covered = {path for item in self.checklist.items for path in item.files}
        found = []
        for ref in self._case.attachments:
            if ref.kind != "document" or ref.path in covered:
                continue
            item = d.propose_item(self.checklist, ref.path)
            if item is not None:
                found.append((ref.path, item))
        return found

    def assign(self, item_id: str, path: str) -> None:
        """Let ``path`` cover ``item_id`` too (the item becomes 提出)."""
        self._commit(d.assign_file(self._state, item_id, path))

    def unassign(self, item_id: str, path: str) -> None:
        state = self._copy()
        record = state.items.get(item_id)
        if record is not None and path in record.files:
            record.files.remove(path)
            self._commit(state)

    def set_item_status(self, item_id: str, status: d.ItemStatus) -> None:
        state = self._copy()
        record = state.items.setdefault(item_id, ItemRecord())
        record.status = "" if status is d.ItemStatus.OPEN else status.value
        if status is d.ItemStatus.OPEN:
            record.files = []
        self._commit(state)

    def answer(self, question_id: str, value: str) -> None:
        """Answer a question (an option id, ``yes`` / ``no``; "" = not answered)."""
        state = self._copy()
        if value:
            state.answers[question_id] = value
        else:
            state.answers.pop(question_id, None)
        self._commit(state)

    def row_of(self, item_id: str) -> QTreeWidgetItem | None:
        for row in range(self.tree.topLevelItemCount()):
            item = self.tree.topLevelItem(row)
            if item is not None and item.data(0, _ID_ROLE) == item_id:
                return item
        return None

    # --- rendering ---------------------------------------------------------------------------
    def _copy(self) -> DocumentsState:
        return DocumentsState(
            dict(self._state.answers),
            {k: ItemRecord(v.status, v.reason, list(v.files), v.provider)
             for k, v in self._state.items.items()})

    def _commit(self, state: DocumentsState) -> None:
        self._state = state
        if self._case is not None:
            self._case = replace(self._case, documents=state)
        self._show()
        self.changed.emit(state)

    def _text(self, ja: str, en: str) -> str:
        return en if self.language == "en" and en else ja

    def _show(self) -> None:
        case = self._case
        if case is None:
            return
        self._filling = True
        try:
            checklist = d.case_checklist(replace(case, documents=self._state))
            self.checklist = checklist
            self._show_summary(checklist)
            self._show_questions(checklist)
            self._show_items(checklist)
            self._show_proposals()
        finally:
            self._filling = False
        self._refresh_buttons()

    def _show_summary(self, checklist: d.Checklist) -> None:
        done, total = checklist.done_count()
        if not checklist.status:
            head = self.tr("ステップ1で在留資格を選ぶと、その提出書類が表示されます"
                           "（今は共通の書類だけ）。")
        elif checklist.doc_list is None:
            head = self.tr("この在留資格の提出書類リストはまだありません（共通の書類だけ。"
                           "設定 → 提出書類リストの「新しいリスト…」で作れます）。")
        else:
            coverage = {"found": self.tr("ほぼ全体"), "partial": self.tr("一部のみ"),
                        "not_found": self.tr("未収集")}.get(checklist.doc_list.coverage,
                                                         checklist.doc_list.coverage)
            head = self.tr("{0}（リスト: {1}）").format(checklist.doc_list.status_ja, coverage)
        self.summary.setText(head + "　" + self.tr("書類 {0}/{1}").format(done, total))

    def _value_text(self, question: d.Question, value: str) -> str:
        if question.is_choice:
            option = next((o for o in question.options if o.id == value), None)
            return self._text(option.ja, option.en) if option else value
        return self.tr("はい") if value == d.YES else self.tr("いいえ")

    def _first_entry(self, checklist: d.Checklist, question: d.Question) -> str:
        """The combo's first entry: what the case's answers decide, or 未回答."""
        derived = checklist.derived.get(question.id)
        if derived is None:
            return self.tr("（未回答）")
        return self.tr("回答から: {0}").format(self._value_text(question, derived.value))

    def _origin_text(self, checklist: d.Checklist, question: d.Question) -> str:
        derived = checklist.derived.get(question.id)
        if derived is None:
            return ""
        origin = derived.origin(self.language)
        if checklist.overridden(question.id):
            return self.tr("事務所の回答で変更済み（回答からは「{0}」: {1}）").format(
                self._value_text(question, derived.value), origin)
        return self.tr("根拠: {0}").format(origin)

    def _show_questions(self, checklist: d.Checklist) -> None:
        ids = [q.id for q in checklist.questions]
        if ids == list(self.question_combos):
            # Same questions: only the answers (never delete the combo box being used).
            for question in checklist.questions:
                combo = self.question_combos[question.id]
                combo.setItemText(0, self._first_entry(checklist, question))
                combo.setCurrentIndex(max(combo.findData(
                    checklist.answers.get(question.id, "")), 0))
                self._show_origin(checklist, question)
            return
        while self.questions_form.rowCount():
            self.questions_form.removeRow(0)
        self.question_combos = {}
        self.question_origins = {}
        for question in checklist.questions:
            combo = QComboBox()
            combo.addItem(self._first_entry(checklist, question), "")
            if question.is_choice:
                for option in question.options:
                    combo.addItem(self._text(option.ja, option.en), option.id)
            else:
                combo.addItem(self.tr("はい"), d.YES)
                combo.addItem(self.tr("いいえ"), d.NO)
            index = combo.findData(checklist.answers.get(question.id, ""))
            combo.setCurrentIndex(max(index, 0))
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(24)
            combo.setProperty("question", question.id)
            combo.currentIndexChanged.connect(self._on_question_combo_changed)
            origin = QLabel()
            origin.setWordWrap(True)
            origin.setStyleSheet("color: #555;")
            field = QWidget()
            column = QVBoxLayout(field)
            column.setContentsMargins(0, 0, 0, 0)
            column.setSpacing(1)
            column.addWidget(combo)
            column.addWidget(origin)
            label = QLabel(self._text(question.ja, question.en))
            label.setWordWrap(True)
            label.setToolTip(question.ja)
            self.questions_form.addRow(label, field)
            label.show()
            field.show()
            self.question_combos[question.id] = combo
            self.question_origins[question.id] = origin
            self._show_origin(checklist, question)
        self.questions_box.setVisible(bool(checklist.questions))

    def _show_origin(self, checklist: d.Checklist, question: d.Question) -> None:
        origin = self.question_origins[question.id]
        text = self._origin_text(checklist, question)
        origin.setText(text)
        origin.setVisible(bool(text))

    def _show_items(self, checklist: d.Checklist) -> None:
        self.tree.clear()
        for entry in checklist.items:
            if entry.applies is False:
                continue
            name = self._text(entry.item.ja, entry.item.en)
            if not entry.item.confirmed:
                name = "△" + self.tr("要確認") + "　" + name
            if entry.applies is None and entry.condition is not None:
                name += "\n" + self.tr("（条件: {0} — 未回答）").format(
                    self._text(entry.condition.ja, entry.condition.en)[:40])
            files = "\n".join(Path(p).name for p in entry.files)
            row = QTreeWidgetItem([name, "", "", files, entry.reason])
            row.setData(0, _ID_ROLE, entry.item.id)
            tip = entry.item.detail_ja + "\n" + self.tr("出典: {0}（{1}{2}）").format(
                entry.item.source, entry.item.source_kind,
                f", {entry.item.seen_date}" if entry.item.seen_date else "")
            row.setToolTip(0, tip.strip())
            row.setFlags(row.flags() | Qt.ItemFlag.ItemIsEditable)
            self.tree.addTopLevelItem(row)
            status = QComboBox()
            for value in d.ItemStatus:
                status.addItem(self._text(value.label_ja, value.label_en), value.value)
            status.setCurrentIndex(status.findData(entry.status.value))
            status.setProperty("item", entry.item.id)
            status.setEnabled(entry.applies is True)
            status.currentIndexChanged.connect(self._on_status_combo_changed)
            self.tree.setItemWidget(row, 1, status)
            provider = QComboBox()
            for who in d.Provider:
                provider.addItem(self._text(who.label_ja, who.label_en), who.value)
            provider.setCurrentIndex(provider.findData(entry.provider.value))
            provider.setProperty("item", entry.item.id)
            provider.currentIndexChanged.connect(self._on_provider_combo_changed)
            self.tree.setItemWidget(row, 2, provider)
        self.tree.setColumnWidth(3, self.fontMetrics().horizontalAdvance("M" * 14))
        self.tree.setColumnWidth(4, self.fontMetrics().horizontalAdvance("M" * 10))

    def _show_proposals(self) -> None:
        found = self.proposed()
        lines = [self.tr("{0} → {1}").format(Path(path).name,
                                             self._text(item.item.ja, item.item.en))
                 for path, item in found]
        self.proposals.setText(self.tr("ファイル名からの提案: ") + "；".join(lines)
                               if lines else "")
        self.proposals.setVisible(bool(lines))
        self.apply_proposals_button.setVisible(bool(lines))

    def _refresh_buttons(self) -> None:
        has_files = self._case is not None and any(
            a.kind == "document" for a in self._case.attachments)
        self.assign_button.setEnabled(bool(self.tree.selectedItems()) and has_files)

    # --- input -------------------------------------------------------------------------------
    @Slot(int)
    def _on_question_combo_changed(self, _index: int) -> None:
        combo = self.sender()
        if self._filling or not isinstance(combo, QComboBox):
            return
        self.answer(str(combo.property("question")), str(combo.currentData() or ""))

    @Slot(int)
    def _on_status_combo_changed(self, _index: int) -> None:
        combo = self.sender()
        if self._filling or not isinstance(combo, QComboBox):
            return
        self.set_item_status(str(combo.property("item")), d.ItemStatus(combo.currentData()))

    @Slot(int)
    def _on_provider_combo_changed(self, _index: int) -> None:
        combo = self.sender()
        if self._filling or not isinstance(combo, QComboBox):
            return
        state = self._copy()
        state.items.setdefault(str(combo.property("item")), ItemRecord()).provider = \
            str(combo.currentData())
        self._commit(state)

    @Slot(QTreeWidgetItem, int)
    def _on_tree_item_changed(self, row: QTreeWidgetItem, column: int) -> None:
        if self._filling or column != _REASON_COLUMN:
            return
        state = self._copy()
        state.items.setdefault(str(row.data(0, _ID_ROLE)), ItemRecord()).reason = \
            row.text(_REASON_COLUMN).strip()
        self._commit(state)

    @Slot()
    def _on_assign_button_clicked(self) -> None:
        selected = self.tree.selectedItems()
        if not selected or self._case is None:
            return
        item_id = str(selected[0].data(0, _ID_ROLE))
        entry = self.checklist.item(item_id) if self.checklist else None
        menu = QMenu(self)
        for ref in self._case.attachments:
            if ref.kind != "document":
                continue
            action = menu.addAction(Path(ref.path).name)
            action.setCheckable(True)
            action.setChecked(entry is not None and ref.path in entry.files)
            action.setData(ref.path)
        chosen = menu.exec(self.assign_button.mapToGlobal(self.assign_button.rect().bottomLeft()))
        if chosen is None:
            return
        path = str(chosen.data())
        if chosen.isChecked():
            self.assign(item_id, path)
        else:
            self.unassign(item_id, path)

    @Slot()
    def _on_apply_proposals_button_clicked(self) -> None:
        state = self._state
        for path, item in self.proposed():
            state = d.assign_file(state, item.item.id, path)
        self._commit(state)

    @Slot(QAction)
    def _on_request_menu_triggered(self, action: QAction) -> None:
        provider = d.Provider(str(action.data()))
        suggested = Path.home() / (self.tr("依頼書_{0}.pdf").format(
            provider.label_ja if self.language == "ja" else provider.label_en))
        path = ask.save_file(self, self.tr("依頼書の保存先"), suggested, "PDF (*.pdf)")
        if path is None or not ask.output_allowed(self, path):
            return
        self.write_request(provider, path)

    def write_request(self, provider: d.Provider, path: Path) -> Path | None:
        """Write the 依頼書 for ``provider`` (the open items it provides) as a PDF."""
        from datetime import date

        from assistant.render.pdf import write_pdf

        if self.checklist is None or self._case is None:
            return None
        document = d.request_document(self.checklist, provider,
                                      applicant=self._case.values.get(NAME, ""),
                                      on=date.today().isoformat(), language=self.language)
        try:
            return write_pdf(document, path)
        except OSError as exc:
            ask.error(self, exc)
            return None
