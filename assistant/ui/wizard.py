"""The case editor: the Step 1 → 2-1 → 2-2 → 2-3 → 3 wizard, generated from the catalogue.

Pages are built from :func:`assistant.model.fields.catalogue` (a change in ``resources/fields``
changes the form). The editing state and every decision about it (where the user has been,
the repeat groups, what is shown, which problems show, the step marks, finishing) live in
:class:`assistant.model.editing.CaseSession`; the widgets here render the session and forward
the user's input. Every edit is stored at once through an undoable command; the whole case is
validated again shortly after each edit and each field shows its problems under it (once the
user has been there).
"""

from __future__ import annotations

import html
import os
from collections.abc import Callable, Mapping
from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QSignalBlocker, Qt, QTimer, QUrl, Signal, Slot
from PySide6.QtGui import QKeySequence, QPalette, QShortcut, QUndoStack
from PySide6.QtWidgets import (
    QApplication,
    QButtonGroup,
    QComboBox,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QStyle,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from assistant.model import kubun, rules
from assistant.model.case import (
    KUBUN_ACTIVITY,
    NAME,
    RECEIPT_METHOD,
    AttachmentRef,
    Case,
    DocumentsState,
    repeat_key,
    split_key,
)
from assistant.model.codelists import code_list
from assistant.model.dates import format_date
from assistant.model.editing import (
    AGENT_SECTION,
    WINDOW_DATE_FIELDS,
    CaseSession,
    KubunChange,
    counts_persons,
)
from assistant.model.fields import Catalogue, FieldDef, RepeatGroup, entry_guidance
from assistant.model.filing import FilingError
from assistant.model.kubun import KubunAnswer
from assistant.model.points import hsp_points, points_sections
from assistant.model.problems import Problem, Severity, make_problem, message_texts
from assistant.model.settings import Settings
from assistant.model.storage import CaseStore, StorageError
from assistant.model.wizard import Step, StepState, StepStatus, WizardFlow
from assistant.resources import load_json
from assistant.ui import ask, texts
from assistant.ui.edit_commands import SetValuesCommand
from assistant.ui.field_widgets import PROBLEM_COLOR, EditorSpec, FieldEditor, set_text_color
from assistant.ui.ops.events import CaseChange, CaseEvents

if TYPE_CHECKING:
    from assistant.ui.attachments import AttachmentsPanel
    from assistant.ui.attachments.checker import AttachmentChecker
    from assistant.ui.attachments.checklist_section import ChecklistSection

_KEY_ROLE = Qt.ItemDataRole.UserRole
# The icon of each step mark in the step list.
_STEP_ICONS = {
    StepStatus.NOT_STARTED: QStyle.StandardPixmap.SP_FileIcon,
    StepStatus.IN_PROGRESS: QStyle.StandardPixmap.SP_FileDialogContentsView,
    StepStatus.PROBLEMS: QStyle.StandardPixmap.SP_MessageBoxWarning,
    StepStatus.WARNINGS: QStyle.StandardPixmap.SP_MessageBoxInformation,
    StepStatus.COMPLETE: QStyle.StandardPixmap.SP_DialogApplyButton,
}
# The attached file a problem is about (Step 3 selects it on the attachments page).
_FILE_ROLE = Qt.ItemDataRole.UserRole + 2
# Step 3 presents the receipt method with radio buttons of its own (the methods left).
RECEIPT_FIELD = RECEIPT_METHOD


class RepeatGroupBox(QGroupBox):
    """The instances (人目 / 件目) of a repeat group with add and remove buttons.

    Signals:
        add_requested(str): group id.
        remove_requested(str, int): group id and the 1-based instance to remove.
    """

    add_requested = Signal(str)
    remove_requested = Signal(str, int)

    def __init__(self, group: RepeatGroup, language: str, parent: QWidget | None = None) -> None:
        super().__init__(group.label_en if language == "en" else group.label_ja, parent)
        self.group = group
        self.instances: list[QGroupBox] = []
        self.layout_ = QVBoxLayout(self)
        self.add_button = QPushButton(self.tr("追加(&A)"))
        self.add_button.clicked.connect(self._on_add_button_clicked)
        self.layout_.addWidget(self.add_button, 0, Qt.AlignmentFlag.AlignLeft)

    def add_instance(self, number: int, editors: list[FieldEditor]) -> QGroupBox:
        persons = counts_persons(self.group)
        box = QGroupBox(self.tr("{0}人目").format(number) if persons
                        else self.tr("{0}件目").format(number))
        layout = QVBoxLayout(box)
        for editor in editors:
            layout.addWidget(editor)
        remove = QPushButton(self.tr("この{0}人目を削除").format(number) if persons
                             else self.tr("この{0}件目を削除").format(number))
        remove.setProperty("instance", number)
        remove.clicked.connect(self._on_remove_button_clicked)
        layout.addWidget(remove, 0, Qt.AlignmentFlag.AlignRight)
        self.layout_.insertWidget(self.layout_.count() - 1, box)
        self.instances.append(box)
        self.add_button.setEnabled(len(self.instances) < self.group.max)
        return box

    def clear_instances(self) -> None:
        for box in self.instances:
            box.hide()
            box.deleteLater()
        self.instances.clear()
        self.add_button.setEnabled(True)

    @Slot()
    def _on_add_button_clicked(self) -> None:
        self.add_requested.emit(self.group.id)

    @Slot()
    def _on_remove_button_clicked(self) -> None:
        number = self.sender().property("instance")
        self.remove_requested.emit(self.group.id, int(number))

    def remove_buttons(self) -> list[QPushButton]:
        """The この…を削除 button of each instance, in order."""
        return [next(b for b in box.findChildren(QPushButton)
                     if b.property("instance") is not None) for box in self.instances]


class CaseEditor(QWidget):
    """The wizard of one case.

    Attributes:
        session: the editing state of the case (:class:`CaseSession`); the editor renders it.
        case_id: the case being edited.
        undo_stack: the field edits, undoable.

    Signals:
        close_requested: the user wants the case list back.
    """

    close_requested = Signal()

    def __init__(self, store: CaseStore, case_id: str, settings: Settings,
                 today: Callable[[], date] = date.today, parent: QWidget | None = None,
                 events: CaseEvents | None = None) -> None:
        super().__init__(parent)
        # What the editor stores it tells everyone (the list, the menus) on the broadcast.
        self.events = events if events is not None else CaseEvents(self)
        self.store = store
        self.settings = settings
        self.today = today
        self.case_id = case_id
        self.language = texts.language()
        self._attachments_panel_class = _attachments_panel_class()
        self.session = CaseSession(store, case_id, today=today,
                                   profile=lambda: texts.profile_id(settings),
                                   with_attachments=self._attachments_panel_class is not None)
        self.catalogue: Catalogue = self.session.catalogue
        self.flow: WizardFlow = self.session.flow
        self.undo_stack = QUndoStack(self)
        self.editors: dict[str, list[FieldEditor]] = {}
        self._conditional_sections: list[QGroupBox] = []
        self.points_label: QLabel | None = None   # under the 高度専門職 points table
        self._group_boxes: dict[str, RepeatGroupBox] = {}
        self.attachments_panel: AttachmentsPanel | None = None
        self.checklist_section: ChecklistSection | None = None
        self.attachments_notes: QLabel | None = None  # on the attachments page, once built
        # The attachment files' problems count from the start, checked in a worker thread,
        # whether or not the attachments page is ever opened.
        self.attachment_checker: AttachmentChecker | None = None
        if Step.ATTACHMENTS in self.flow.steps:
            from assistant.ui.attachments.checker import AttachmentChecker

            self.attachment_checker = AttachmentChecker(self)
            self.attachment_checker.updated.connect(self._on_attachment_checker_updated)

        self._validate_timer = QTimer(self)
        self._validate_timer.setSingleShot(True)
        self._validate_timer.setInterval(150)
        self._validate_timer.timeout.connect(self.revalidate)

        self.step_list = QListWidget()
        self.step_list.setAccessibleName(self.tr("ステップ"))
        self.step_list.currentRowChanged.connect(self._on_step_list_current_row_changed)
        self.title_label = QLabel()
        font = self.title_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.title_label.setFont(font)
        self.title_label.setWordWrap(True)
        self.pages = QStackedWidget()
        self.back_button = QPushButton(self.tr("戻る(&B)"))
        self.back_button.clicked.connect(self.go_previous)
        self.next_button = QPushButton(self.tr("次へ(&N)"))
        self.next_button.clicked.connect(self.go_next)
        self.next_button.setDefault(False)
        self.finish_button = QPushButton(self.tr("入力完了にする(&D)"))
        self.finish_button.clicked.connect(self.finish)
        # Step 3: the same action as 書き出し → オンラインシステムに入力 (the open case).
        self.online_fill_button = QPushButton(self.tr("オンラインシステムに入力(&L)..."))
        self.online_fill_button.setToolTip(self.tr(
            "この案件を検査し、申込画面に入力するデータをクリップボードにコピーします（60秒後に消去）"))
        self.online_fill_button.clicked.connect(self._on_online_fill_button_clicked)
        self.list_button = QPushButton(self.tr("案件一覧に戻る"))
        self.list_button.clicked.connect(self.close_requested)
        self._make_select_widgets()
        self._make_confirm_widgets()

        # Pages are built when first shown: Step 2-3 alone has hundreds of fields.
        self._built: dict[Step, QWidget] = {}
        for step in self.flow.steps:
            self.pages.addWidget(QWidget())
            item = QListWidgetItem()
            item.setData(_KEY_ROLE, step.value)
            self.step_list.addItem(item)
        self.step_list.setWordWrap(True)
        self.step_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.step_list.setSpacing(2)
        self.step_list.setMinimumWidth(self.fontMetrics().horizontalAdvance("あ") * 15)
        self.step_list.setMaximumWidth(self.fontMetrics().horizontalAdvance("あ") * 20)

        nav = QHBoxLayout()
        nav.addWidget(self.list_button)
        nav.addStretch(1)
        nav.addWidget(self.back_button)
        nav.addWidget(self.next_button)
        nav.addWidget(self.online_fill_button)
        nav.addWidget(self.finish_button)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.title_label)
        right_layout.addWidget(self.pages, 1)
        right_layout.addLayout(nav)
        splitter = QSplitter()
        splitter.addWidget(self.step_list)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)

        QShortcut(QKeySequence("Ctrl+PgDown"), self, self.go_next)
        QShortcut(QKeySequence("Ctrl+PgUp"), self, self.go_previous)
        QShortcut(QKeySequence("Ctrl+Return"), self, self._on_finish_shortcut_activated)
        self.next_button.setToolTip(self.tr("次のステップへ (Ctrl+PgDown)"))
        self.back_button.setToolTip(self.tr("前のステップへ (Ctrl+PgUp)"))
        self.finish_button.setToolTip(self.tr("入力完了にする (Ctrl+Enter)"))
        QApplication.instance().focusChanged.connect(self._on_app_focus_changed)  # type: ignore[union-attr]

        self._update_title()
        self.ensure_page(self.flow.first())
        self.revalidate()
        self.step_list.setCurrentRow(0)

    @property
    def case(self) -> Case:
        """The case as stored (the session's)."""
        return self.session.case

    @case.setter
    def case(self, case: Case) -> None:
        self.session.case = case

    @property
    def problems(self) -> list[Problem]:
        """The problems found by the last validation."""
        return self.session.problems

    def group_box(self, group_id: str) -> RepeatGroupBox:
        """The box of a repeat group (its page must have been built)."""
        return self._group_boxes[group_id]

    def validation_pending(self) -> bool:
        """True while a validation is due (shortly after an edit)."""
        return self._validate_timer.isActive()

    def ensure_page(self, step: Step) -> QWidget:
        """The page of ``step``, built (and filled with the case's values) on first use."""
        index = self.flow.steps.index(step)
        built = self._built.get(step)
        if built is not None:
            return built
        before = {id(e) for editors in self.editors.values() for e in editors}
        groups_before = set(self._group_boxes)
        page = self._build_page(step)
        self._built[step] = page
        placeholder = self.pages.widget(index)
        assert placeholder is not None
        current = self.pages.currentIndex()
        self.pages.insertWidget(index, page)
        self.pages.removeWidget(placeholder)
        placeholder.deleteLater()
        if current == index:
            self.pages.setCurrentIndex(index)
        for key, editors in self.editors.items():
            for editor in editors:
                if id(editor) not in before:
                    editor.set_value(self.case.values.get(key, ""))
        for group_id in set(self._group_boxes) - groups_before:
            self._fill_group(group_id)
        self._update_visibility()
        self._update_window()
        self._update_kubun()
        self._update_receipt()
        self._show_problems()
        if step is Step.CONFIRM:
            self._update_problem_list()
            self._update_review()
        return page

    # --- building the pages -----------------------------------------------------------------
    def _spec(self, field_def: FieldDef, key: str) -> EditorSpec:
        # as the online page of the case's 区分 asks it (its 必須 mark and length win)
        field_def = kubun.page_fields(self.catalogue, self.case.values).get(field_def.id,
                                                                            field_def)
        choices: tuple[str, ...] = ()
        if field_def.code_list:
            choices = self.session.choices(key)
        label = _clean_label(field_def.label(self.language))
        # ISA's guidance without "enter YYYYMMDD" for dates: the hint says which forms are read
        guidance = entry_guidance(field_def) if self.language == "ja" else ""
        if field_def.code_list_missing:
            # A pull-down whose choices the ISA data lacks: typed, as the online system shows it.
            guidance = "　".join(part for part in (
                self.tr("この項目の選択肢は公式データに含まれていないため、オンラインシステムの表示どおりに入力してください。"),
                guidance.replace("プルダウンから選択してください。", "").strip()) if part)
        return EditorSpec(key=key, kind=field_def.kind, label=label,
                          required=field_def.required, max_length=field_def.max_length,
                          guidance=guidance, example=field_def.example, choices=choices,
                          check_text=self._check_text(field_def, choices))

    def _update_page_rules(self) -> None:
        """The 必須 marks and lengths of the built editors as the case's 区分 now asks them
        (a status of another 区分 brings another page's rules for the common items)."""
        page = kubun.page_fields(self.catalogue, self.case.values)
        for key, editors in self.editors.items():
            base = split_key(key)[0]
            if not self.catalogue.has_field(base):
                continue
            field_def = page.get(base) or self.catalogue.field(base)
            for editor in editors:
                editor.set_rules(field_def.required, field_def.max_length)

    def _check_text(self, field_def: FieldDef, choices: tuple[str, ...]) -> str:
        """In English, a one-choice check box (同時申請) shows the English part of its label,
        in full; the stored value stays the ISA label."""
        if self.language != "en" or len(choices) != 1 or not field_def.code_list:
            return ""
        full = load_json("fields", "check_texts_en.json")["texts"].get(choices[0])
        entry = code_list(field_def.code_list).lookup(choices[0])
        return str(full) if full else entry.label_en if entry is not None else ""

    def _make_editor(self, field_def: FieldDef, key: str) -> FieldEditor:
        editor = FieldEditor(self._spec(field_def, key), self._normalizer(field_def))
        if field_def.code_list_missing:
            editor.input.setToolTip(editor.hint.text())
        editor.edited.connect(self._on_editor_edited)
        self.editors.setdefault(key, []).append(editor)
        return editor

    def _normalizer(self, field_def: FieldDef) -> Callable[[str], str]:
        from assistant.model.normalize import normalize_value

        def normalize(raw: str) -> str:
            return normalize_value(field_def, raw)

        return normalize

    def _scroll_page(self, step: Step) -> tuple[QScrollArea, QVBoxLayout]:
        area = QScrollArea()
        area.setWidgetResizable(True)
        area.setFrameShape(QFrame.Shape.NoFrame)
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(12, 6, 18, 12)
        heading = QLabel(self.tr("ステップ{0}　{1}").format(step.value, self._step_title(step))
                         if step is not Step.ATTACHMENTS else self._step_title(step))
        font = heading.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.1)
        heading.setFont(font)
        heading.setWordWrap(True)
        layout.addWidget(heading)
        area.setWidget(body)
        return area, layout

    def _step_title(self, step: Step) -> str:
        for info in self.catalogue.steps:
            if info.id == step.value:
                return info.title_en if self.language == "en" else info.title_ja
        return texts.pick((step.label_ja, step.label_en))

    def _build_page(self, step: Step) -> QWidget:
        if step is Step.ATTACHMENTS:
            return self._build_attachments_page()
        area, layout = self._scroll_page(step)
        if step is Step.SELECT:
            self._add_select_header(layout)
        if step is Step.CONFIRM:
            self._add_confirm_page(layout)
            layout.addStretch(1)
            return area
        if self._has_kubun_sections(step):
            layout.addWidget(self._make_kubun_open_note(step))
        self._add_sections(step, layout)
        if step is Step.SELECT:
            self._add_kubun_box(layout, self._after_status(layout))
        layout.addStretch(1)
        return area

    def _has_kubun_sections(self, step: Step) -> bool:
        info = next((s for s in self.catalogue.steps if s.id == step.value), None)
        return info is not None and any(sec.kubun is not None for sec in info.sections)

    def _make_kubun_open_note(self, step: Step) -> QFrame:
        """The line shown instead of the 区分's questions while the status is not answered,
        with a button to Step 1."""
        note = QFrame()
        note.setFrameShape(QFrame.Shape.StyledPanel)
        row = QHBoxLayout(note)
        row.setContentsMargins(8, 6, 8, 6)
        text = QLabel(self.tr(
            "在留資格がまだ選ばれていないため、区分（様式）ごとの質問は表示していません。"
            "ステップ1で在留資格を選ぶと、その区分の質問がここに表示されます。"))
        text.setWordWrap(True)
        row.addWidget(text, 1)
        button = QPushButton(self.tr("ステップ1で在留資格を選ぶ"))
        button.clicked.connect(self._on_kubun_open_button_clicked)
        row.addWidget(button, 0, Qt.AlignmentFlag.AlignVCenter)
        self.kubun_open_notes[step] = note
        return note

    @Slot()
    def _on_kubun_open_button_clicked(self) -> None:
        answer = self.session.kubun_answer().answer   # the status pull-down, focused
        if answer is None or not self.focus_field(answer):
            self.go_to_step(Step.SELECT)

    def _add_sections(self, step: Step, layout: QVBoxLayout,
                      skip: frozenset[str] = frozenset()) -> None:
        info = next((s for s in self.catalogue.steps if s.id == step.value), None)
        sections = info.sections if info else ()
        for section in sections:
            fields = [self.catalogue.field(fid) for fid in section.field_ids
                      if fid not in skip and self.catalogue.has_field(fid)]
            if not fields:
                continue
            box = QGroupBox(section.title_en if self.language == "en" else section.title_ja)
            box_layout = QVBoxLayout(box)
            if section.id == AGENT_SECTION:
                fill_button = QPushButton(self.tr("事務所の担当者の情報で入力(&O)"))
                fill_button.setToolTip(self.tr(
                    "「事務所」メニューで選んだ担当者の氏名・住所・電話番号をこの欄に入れます"))
                fill_button.clicked.connect(self._on_agent_fill_button_clicked)
                box_layout.addWidget(fill_button, 0, Qt.AlignmentFlag.AlignLeft)
            groups_done: set[str] = set()
            for field_def in fields:
                if field_def.group:
                    if field_def.group in groups_done:
                        continue
                    groups_done.add(field_def.group)
                    box_layout.addWidget(self._make_group(self.catalogue.group(field_def.group)))
                    continue
                box_layout.addWidget(self._make_editor(field_def, field_def.id))
            if section.id in points_sections(self.catalogue):
                # the page adds the points up itself (合計); the office sees it before filing
                self.points_label = QLabel()
                self.points_label.setWordWrap(True)
                bold = self.points_label.font()
                bold.setBold(True)
                self.points_label.setFont(bold)
                box_layout.addWidget(self.points_label)
            layout.addWidget(box)
            self._conditional_sections.append(box)

    def _make_group(self, group: RepeatGroup) -> RepeatGroupBox:
        box = RepeatGroupBox(group, self.language)
        box.add_requested.connect(self._on_group_add_requested)
        box.remove_requested.connect(self._on_group_remove_requested)
        self._group_boxes[group.id] = box
        return box

    def _fill_group(self, group_id: str) -> None:
        """Show the instances the session has for the group (rebuilt from the values)."""
        box = self._group_boxes[group_id]
        group = self.catalogue.group(group_id)
        for instance in box.instances:
            for editor in instance.findChildren(FieldEditor):
                self.editors.get(editor.key, []).remove(editor)
        box.clear_instances()
        for number in range(1, self.session.group_count(group_id) + 1):
            editors = []
            for member in group.members:
                field_def = self.catalogue.field(member)
                editor = self._make_editor(field_def, repeat_key(member, number))
                editor.set_value(self.case.values.get(repeat_key(member, number), ""))
                editors.append(editor)
            box.add_instance(number, editors)
        self._update_visibility()

    # --- Step 1 -----------------------------------------------------------------------------
    def _make_select_widgets(self) -> None:
        """Step 1's own widgets (placed on the page when it is built)."""
        self.procedure_combo = QComboBox()
        for procedure_id in texts.case_procedures():
            self.procedure_combo.addItem(texts.procedure_label(procedure_id), procedure_id)
        self.procedure_combo.setCurrentIndex(self.procedure_combo.findData(self.case.procedure))
        self.procedure_combo.activated.connect(self._on_procedure_combo_activated)
        self.window_label = QLabel()
        self.window_label.setWordWrap(True)
        self.window_label.setTextFormat(Qt.TextFormat.RichText)
        # Which 区分 (form letter) the status picks, and whether its questions are installed.
        self.kubun_label = QLabel()
        self.kubun_label.setWordWrap(True)
        self.kubun_label.setTextFormat(Qt.TextFormat.RichText)
        self.kubun_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.kubun_import_button = QPushButton(self.tr("申込画面から質問を取り込む(&I)…"))
        self.kubun_import_button.clicked.connect(self._on_kubun_import_button_clicked)
        # Where the forms split the status across 区分: which of the form's purposes.
        self.activity_combo = QComboBox()
        self.activity_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.activity_combo.setMinimumContentsLength(30)
        self.activity_combo.activated.connect(self._on_activity_combo_activated)
        self.activity_label = QLabel(self.tr("活動(&A)"))
        self.activity_label.setBuddy(self.activity_combo)
        self.activity_problem = QLabel()
        self.activity_problem.setWordWrap(True)
        set_text_color(self.activity_problem, PROBLEM_COLOR)
        self._activity_status: str | None = None   # the status the combo lists purposes for
        self._kubun_box: QGroupBox | None = None   # on Step 1, once built
        # Steps 2-2 / 2-3 while the status is not answered: no 区分 question is part of the
        # case yet, a note says where to choose it (docs/domain.md#categories).
        self.kubun_open_notes: dict[Step, QFrame] = {}

    def _add_select_header(self, layout: QVBoxLayout) -> None:
        box = QGroupBox(self.tr("申請種別"))
        box_layout = QVBoxLayout(box)
        label = QLabel(self.tr("申請種別(&K)（オンラインで申請できるものだけを表示しています）"))
        label.setWordWrap(True)
        label.setBuddy(self.procedure_combo)
        box_layout.addWidget(label)
        box_layout.addWidget(self.procedure_combo)
        layout.addWidget(box)

        window_box = QGroupBox(self.tr("オンラインで申請できる期間"))
        window_layout = QVBoxLayout(window_box)
        for field_id in WINDOW_DATE_FIELDS:
            if self.catalogue.has_field(field_id):
                field_def = self.catalogue.field(field_id)
                window_layout.addWidget(self._make_editor(field_def, field_id))
        window_layout.addWidget(self.window_label)
        layout.addWidget(window_box)

    def _after_status(self, layout: QVBoxLayout) -> int:
        """The place in Step 1's ``layout`` right after the section holding the status answer
        (before 同時申請); the end when the procedure has none."""
        answer = self.session.kubun_answer().answer
        editors = self.editors.get(answer or "", [])
        widget = editors[0].parentWidget() if editors else None
        while widget is not None and layout.indexOf(widget) < 0:
            widget = widget.parentWidget()
        return layout.indexOf(widget) + 1 if widget is not None else layout.count()

    def _add_kubun_box(self, layout: QVBoxLayout, at: int) -> None:
        """Step 1, after the status: its 区分 (form) and, where the forms split the status, the
        activity that picks it."""
        box = QGroupBox(self.tr("区分（様式）"))
        box_layout = QVBoxLayout(box)
        box_layout.addWidget(self.kubun_label)
        activity_row = QHBoxLayout()
        activity_row.addWidget(self.activity_label)
        activity_row.addWidget(self.activity_combo, 1)
        box_layout.addLayout(activity_row)
        box_layout.addWidget(self.activity_problem)
        box_layout.addWidget(self.kubun_import_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.insertWidget(at, box)
        self._kubun_box = box

    def _update_kubun(self) -> None:
        """Step 1: the 区分 the status answer picks (docs/domain.md#categories), and the
        activity choice where the forms split the status across 区分."""
        answer = self.session.kubun_answer()
        self.kubun_import_button.setVisible(answer.missing)
        for note in self.kubun_open_notes.values():
            note.setVisible(answer.answer is not None and answer.open)
        self._update_activity(answer)
        if self._kubun_box is not None:
            self._kubun_box.setVisible(answer.answer is not None)
        if answer.answer is None:
            self.kubun_label.setVisible(False)
            return
        self.kubun_label.setVisible(True)
        if answer.open:
            self.kubun_label.setText(html.escape(self.tr(
                "在留資格を選ぶと、その区分（様式）の質問だけをステップ2-2・2-3に表示します。")))
            return
        if answer.kubun is None:
            self.kubun_label.setText(html.escape(self.tr(
                "この在留資格には区分（様式）の質問がありません。共通の項目だけを入力します。")))
            return
        filed_on = self.tr("区分{0}の様式で申請します。").format(answer.kubun)
        lines = [f"<b>{html.escape(filed_on)}</b>"]
        if answer.activities:
            ja, en = message_texts("kubun_activity_split", status=answer.status)
            lines.append(html.escape(en if self.language == "en" else ja))
        if answer.missing:
            ja, en = message_texts("kubun_not_installed", status=answer.status,
                                   kubun=answer.kubun)
            lines.append('<span style="color:#8a5300">⚠ '
                         + html.escape(en if self.language == "en" else ja) + "</span>")
        self.kubun_label.setText("<br>".join(lines))

    def _update_activity(self, answer: KubunAnswer) -> None:
        """The activity pull-down: shown only for a status the forms split, listing the
        table's purposes in the form's words (each with the 区分 it picks)."""
        shown = bool(answer.activities)
        for widget in (self.activity_label, self.activity_combo):
            widget.setVisible(shown)
        problems = self.session.shown_problems(KUBUN_ACTIVITY) if shown else []
        self.activity_problem.setVisible(bool(problems))
        self.activity_problem.setText(problems[0].message(self.language) if problems else "")
        if not shown:
            self._activity_status = None
            return
        with QSignalBlocker(self.activity_combo):
            if self._activity_status != answer.status:
                self._activity_status = answer.status
                self.activity_combo.clear()
                self.activity_combo.addItem(self.tr("（選んでください）"), "")
                for activity in answer.activities:
                    text = self.tr("区分{1}：{0}").format(
                        activity.text(self.language), activity.kubun)
                    self.activity_combo.addItem(text, activity.purpose_ja)
                    self.activity_combo.setItemData(self.activity_combo.count() - 1, text,
                                                    Qt.ItemDataRole.ToolTipRole)
            chosen = answer.activity.purpose_ja if answer.activity else ""
            self.activity_combo.setCurrentIndex(max(self.activity_combo.findData(chosen), 0))
            self.activity_combo.setToolTip(self.activity_combo.currentText())

    @Slot(int)
    def _on_activity_combo_activated(self, _index: int) -> None:
        purpose = str(self.activity_combo.currentData() or "")
        self.session.touch(KUBUN_ACTIVITY)
        self.set_values({KUBUN_ACTIVITY: purpose}, self.tr("活動の選択"))
        self._update_kubun()   # also when declined: the pull-down shows the stored choice
        self._validate_timer.start()

    @Slot()
    def _on_kubun_import_button_clicked(self) -> None:
        """Install a 区分's questions from a saved 申込 page: the flow of Settings → 申請様式
        (used from the next start)."""
        from assistant.ui.forms_dialog import import_form_page

        import_form_page(self)

    def _update_window(self) -> None:
        state = self.session.window()
        if state.needs == WINDOW_DATE_FIELDS[0]:
            self.window_label.setText(self.tr("在留期間の満了日を入力すると、オンラインで申請できる期間を表示します。"))
            return
        if state.needs is not None:
            self.window_label.setText(self.tr("事由の生じた日を入力すると、オンラインで申請できる期間を表示します。"))
            return
        if state.error is not None:
            self.window_label.setText(html.escape(state.error.message(self.language)))
            return
        result = state.result
        assert result is not None
        summary = texts.pick(rules.window_summary(result, result.on))
        # Green while there is time; red when it is closed or closes soon.
        color = "#b00020" if state.urgent else "#1b5e20"
        parts = [f'<b style="color:{color}">{html.escape(summary)}</b>']
        if result.opens or result.closes:
            parts.append(html.escape(self.tr("期間: {0} 〜 {1}").format(
                format_date(result.opens, self.language) if result.opens else self.tr("制限なし"),
                format_date(result.closes, self.language) if result.closes
                else self.tr("制限なし"))))
        parts.extend(html.escape(r.message(self.language)) for r in result.reasons)
        self.window_label.setText("<br>".join(parts))

    @Slot(int)
    def _on_procedure_combo_activated(self, _index: int) -> None:
        new_procedure = str(self.procedure_combo.currentData())
        if new_procedure == self.case.procedure:
            return
        from assistant.model.documents import carry_over

        # what the 提出書類 checklist keeps and what leaves it, said before the change
        try:
            report = carry_over(self.case, new_procedure, self.case.values).message(
                self.language)
        except (OSError, ValueError):     # an unreadable office list: the change goes on
            report = ""
        if not ask.question(self, self.tr("申請種別の変更"), self.tr(
            "申請種別を「{0}」に変更しますか？\n入力済みの内容は引き継がれます。"
            "変更前の案件はゴミ箱に残ります。").format(texts.procedure_label(new_procedure))
                + (f"\n\n{report}" if report else "")):
            self.procedure_combo.setCurrentIndex(
                self.procedure_combo.findData(self.case.procedure))
            return
        try:
            new_case = self.store.change_procedure(
                self.case_id, new_procedure, values=self.case.values).case
            assert new_case is not None
        except StorageError as exc:
            ask.error(self, exc)
            return
        self.events.publish(CaseChange.replaced(self.case_id, new_case.id, source=self))

    @Slot()
    def _on_agent_fill_button_clicked(self) -> None:
        try:
            filled = self.session.office_agent_values()
        except StorageError as exc:
            ask.error(self, exc)
            return
        if filled is None:
            ask.information(self, self.tr("取次者"), self.tr(
                "担当者が選ばれていません。「事務所」メニューで担当者を登録・選択してください。"))
            return
        if filled:
            self.set_values(filled, self.tr("取次者欄の入力"))
        window = self.window()
        if isinstance(window, QMainWindow):
            window.statusBar().showMessage(self.tr("取次者欄に {0} 項目を入力しました。").format(
                len(filled)), 6000)

    # --- attachments ------------------------------------------------------------------------
    def _build_attachments_page(self) -> QWidget:
        panel_class = self._attachments_panel_class
        assert panel_class is not None
        # Scrolls like the other steps: the panel needs ~700 px, which would otherwise force
        # the main window taller than a laptop screen (次へ / 入力完了 off-screen).
        page, layout = self._scroll_page(Step.ATTACHMENTS)
        # What the step list counts as 確認事項 (no document, no photo), said on the page too.
        self.attachments_notes = QLabel()
        self.attachments_notes.setWordWrap(True)
        self.attachments_notes.setStyleSheet("color: #7a5c00;")
        layout.addWidget(self.attachments_notes)
        # The page shows what the wizard's one checker found (the step marks and Step 3
        # count the same result); the wizard keeps its rules and filing date current.
        self._request_attachment_check()
        panel = panel_class(checker=self.attachment_checker)
        panel.set_attachments(list(self.case.attachments))
        panel.changed.connect(self._on_attachments_panel_changed)
        self.attachments_panel = panel
        layout.addWidget(panel, 1)
        # The 提出書類 checklist of the case's status (model/documents.py).
        from assistant.ui.attachments.checklist_section import ChecklistSection
        section = ChecklistSection()
        section.set_language(self.language)
        section.set_case(self.case)
        section.changed.connect(self._on_checklist_section_changed)
        self.checklist_section = section
        panel.outline = self._checklist_outline
        layout.addWidget(section)
        self._show_attachment_notes()
        return page

    @Slot()
    def _on_attachments_panel_changed(self) -> None:
        panel = self.attachments_panel
        if panel is None:
            return
        attachments = list(panel.attachments())
        try:
            self.store.set_attachments(self.case_id, attachments)
        except StorageError as exc:
            ask.error(self, exc)
            return
        self.case = replace(self.case, attachments=attachments)
        self.events.publish(CaseChange.edited((self.case_id,), source=self))
        self._validate_timer.start()
        if self.checklist_section is not None:
            self.checklist_section.set_case(self.case)

    def _checklist_outline(self, refs: list[AttachmentRef]) -> list[tuple[str, str]]:
        """The merged PDF follows the checklist: its parts ordered and named by item."""
        from assistant.model.documents import case_checklist, outline_order
        return outline_order(case_checklist(self.case), [r.path for r in refs],
                             {r.path: r.title for r in refs})

    @Slot(object)
    def _on_checklist_section_changed(self, state: DocumentsState) -> None:
        try:
            self.store.set_documents(self.case_id, state)
        except StorageError as exc:
            ask.error(self, exc)
            return
        self.case = replace(self.case, documents=state)
        self.events.publish(CaseChange.edited((self.case_id,), source=self))
        self._validate_timer.start()

    # --- Step 3 -----------------------------------------------------------------------------
    def _make_confirm_widgets(self) -> None:
        """Step 3's own widgets (placed on the page when it is built)."""
        self.problem_summary = QLabel()
        self.problem_summary.setWordWrap(True)
        self.problem_list = QListWidget()
        self.problem_list.setAccessibleName(self.tr("残っている問題"))
        self.problem_list.itemActivated.connect(self._on_problem_list_item_activated)
        self.problem_list.setMinimumHeight(self.fontMetrics().lineSpacing() * 6)
        self.problem_list.setWordWrap(True)
        self.problem_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # Re-wrap the long (file) messages when the width changes, instead of eliding them.
        self.problem_list.setResizeMode(QListView.ResizeMode.Adjust)
        self.problem_list.setSpacing(2)     # wrapped entries stay apart from each other
        self.receipt_group = QButtonGroup(self)
        self.receipt_buttons: dict[str, QRadioButton] = {}
        for label in self.session.receipt_options().labels:
            button = QRadioButton(label)
            button.setProperty("label", label)
            self.receipt_group.addButton(button)
            self.receipt_buttons[label] = button
        self.receipt_group.buttonClicked.connect(self._on_receipt_group_button_clicked)
        self.receipt_reasons = QLabel()
        self.receipt_reasons.setWordWrap(True)
        self.receipt_problem = QLabel()
        set_text_color(self.receipt_problem, PROBLEM_COLOR)
        self.receipt_problem.setWordWrap(True)
        self.review = QTextBrowser()
        self.review.setOpenLinks(False)
        # Tab must not walk through a hundred links: the list of problems above is the
        # keyboard's way to the fields; the links are a shortcut for the mouse.
        self.review.setTabChangesFocus(True)
        self.review.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                            | Qt.TextInteractionFlag.TextSelectableByKeyboard
                                            | Qt.TextInteractionFlag.LinksAccessibleByMouse)
        self.review.anchorClicked.connect(self._on_review_anchor_clicked)
        self.review.setMinimumHeight(self.fontMetrics().lineSpacing() * 18)

    def _add_confirm_page(self, layout: QVBoxLayout) -> None:
        problems_box = QGroupBox(self.tr("残っている問題"))
        problems_layout = QVBoxLayout(problems_box)
        hint = QLabel(self.tr("問題を選んで Enter キーを押すと（またはダブルクリックすると）、その入力欄へ移動します。"))
        hint.setWordWrap(True)
        problems_layout.addWidget(self.problem_summary)
        problems_layout.addWidget(self.problem_list)
        problems_layout.addWidget(hint)
        layout.addWidget(problems_box)

        receipt_box = QGroupBox(self.tr("在留カード等の受領方法"))
        receipt_layout = QVBoxLayout(receipt_box)
        if self.receipt_buttons:
            for button in self.receipt_buttons.values():
                receipt_layout.addWidget(button)
            receipt_layout.addWidget(self.receipt_reasons)
            receipt_layout.addWidget(self.receipt_problem)
        layout.addWidget(receipt_box)
        # The other Step 3 fields (receipt office, e-mail, intent, remarks) from the catalogue.
        self._add_sections(Step.CONFIRM, layout, skip=frozenset({RECEIPT_FIELD}))
        review_box = QGroupBox(self.tr("入力内容の一覧（オンラインシステムの画面の順）"))
        review_layout = QVBoxLayout(review_box)
        review_layout.addWidget(self.review)
        layout.addWidget(review_box)

    def _update_receipt(self) -> None:
        if not self.receipt_buttons or Step.CONFIRM not in self._built:
            return  # shown when Step 3 is built (a widget shown before it has a page
            # would open as a window of its own)
        options = self.session.receipt_options()
        if options.error is not None:
            self.receipt_reasons.setText(options.error.message(self.language))
            return
        for label, button in self.receipt_buttons.items():
            button.setEnabled(label in options.allowed)
        reasons = [r.message(self.language) for r in options.reasons]
        self.receipt_reasons.setText("\n".join(reasons))
        self.receipt_reasons.setVisible(bool(reasons))
        current = self.case.values.get(RECEIPT_FIELD, "")
        with QSignalBlocker(self.receipt_group):
            self.receipt_group.setExclusive(False)
            for label, button in self.receipt_buttons.items():
                button.setChecked(label == current)
            self.receipt_group.setExclusive(True)

    @Slot(QRadioButton)
    def _on_receipt_group_button_clicked(self, button: QRadioButton) -> None:
        label = str(button.property("label"))
        self.set_values({RECEIPT_FIELD: label}, self.tr("受領方法の選択"))

    def _update_review(self) -> None:
        if Step.CONFIRM not in self._built:
            return  # hundreds of rows: written when Step 3 is built, and kept up from then
        by_key: dict[str, list[Problem]] = {}
        for problem in self.problems:
            by_key.setdefault(problem.field, []).append(problem)
        rows: list[str] = [f"<h3>{html.escape(texts.procedure_label(self.case.procedure))}</h3>"]
        for step in self.flow.steps:
            if step is Step.ATTACHMENTS:
                rows.append(f"<h4>{html.escape(self._step_title(step))}</h4>")
                rows.append(self._review_attachments())
                continue
            rows.append(f"<h4>{html.escape(self.tr('ステップ{0}　{1}').format(step.value, self._step_title(step)))}</h4>")
            rows.append('<table cellspacing="0" cellpadding="3" width="100%">')
            for field_def in self.catalogue.fields_for_step(step.value):
                for key, index in self.session.keys_of(field_def):
                    if not self.session.is_shown(key):
                        continue
                    value = self.case.values.get(key, "")
                    label = _clean_label(field_def.label(self.language))
                    if index is not None:
                        label = f"{label} ({index})"
                    mark = ""
                    if key in by_key:
                        first = sorted(by_key[key], key=lambda p: not p.is_error)[0]
                        color = "#b00020" if first.is_error else "#8a5300"
                        mark = f' <span style="color:{color}">⚠ ' + html.escape(
                            first.message(self.language)) + "</span>"
                    shown = html.escape(value) if value else "—"
                    rows.append(f'<tr><td width="38%"><a href="field:{html.escape(key)}">'
                                f"{html.escape(label)}</a></td><td>{shown}{mark}</td></tr>")
            rows.append("</table>")
        scroll = self.review.verticalScrollBar().value()
        self.review.setHtml("".join(rows))
        self.review.verticalScrollBar().setValue(scroll)

    def _review_attachments(self) -> str:
        """The attached files, each with its first problem (as the fields show theirs)."""
        if not self.case.attachments:
            return "<p>" + html.escape(self.tr("（添付なし）")) + "</p>"
        by_file: dict[str, list[Problem]] = {}
        for problem in self.problems:
            path = problem.params.get("file")
            if isinstance(path, str):
                by_file.setdefault(path, []).append(problem)
        lines = []
        for attachment in self.case.attachments:
            line = html.escape(attachment.title or os.path.basename(attachment.path))
            found = sorted(by_file.get(attachment.path, []), key=lambda p: not p.is_error)
            if found:
                color = "#b00020" if found[0].is_error else "#8a5300"
                line += f' <span style="color:{color}">⚠ ' + html.escape(
                    found[0].message(self.language)) + "</span>"
            lines.append(line)
        return "<p>" + "<br>".join(lines) + "</p>"

    # --- values -----------------------------------------------------------------------------
    def set_values(self, values: Mapping[str, str], text: str,
                   typing_key: str | None = None, finished: bool = True) -> None:
        """Change values through the undo stack (stored at once).

        A finished change is one undo step with the 取次者 block it brings in (a tick)."""
        if finished:
            change = self.session.kubun_change(values)
            if change is not None:
                if not self._confirm_kubun_change(values, change):
                    for key in values:
                        for editor in self.editors.get(key, []):
                            editor.set_value(self.session.value(key))
                    return
                values = {**values, **change.drops}
        edit = self.session.edit(values, finished=finished)
        if not edit.changes:
            if typing_key is not None and finished:
                self._close_typing(typing_key)
            return
        command = SetValuesCommand(self._apply_values, edit.changes, text, typing_key)
        if typing_key is not None and finished:
            command.closed = True
        self.undo_stack.push(command)
        window = self.window()
        if edit.agent_filled and isinstance(window, QMainWindow):
            window.statusBar().showMessage(self.tr(
                "取次者欄に {0} 項目を入力しました。").format(len(edit.agent_filled)), 6000)

    def _confirm_kubun_change(self, values: Mapping[str, str], change: KubunChange) -> bool:
        """Ask before a new status drops the answers of the old 区分 (undo brings them back)."""
        ja, en = message_texts("kubun_drop_answers", status=change.new.status or "—",
                               old=change.old.kubun or "—", new=change.new.kubun or "—",
                               count=len(change.drops))
        return ask.question(self, self.tr("区分の変更"), en if self.language == "en" else ja)

    def _close_typing(self, key: str) -> None:
        index = self.undo_stack.index()
        if index > 0:
            command = self.undo_stack.command(index - 1)
            if isinstance(command, SetValuesCommand) and command.typing_key == key:
                command.closed = True

    def _apply_values(self, values: Mapping[str, str]) -> None:
        """Store ``values`` and show what changed (called by the undo commands)."""
        try:
            applied = self.session.apply(values)
        except StorageError as exc:
            # Nothing typed is lost: the widgets still show it, and the message says why.
            ask.error(self, exc, self.tr("保存できませんでした"))
            return
        for key, value in applied.values.items():
            for editor in self.editors.get(key, []):
                editor.set_value(value)
        for key, choices in applied.choices.items():
            for editor in self.editors.get(key, []):
                editor.set_choices(choices)
        for group_id in applied.groups:
            if group_id in self._group_boxes:
                self._fill_group(group_id)
        if self.session.kubun_answer().answer in applied.values \
                or KUBUN_ACTIVITY in applied.values:
            self._update_page_rules()   # the 区分's page may ask common items otherwise
        if applied.visibility or applied.group_visibility:
            self._update_visibility()
            self._update_kubun()
        elif self.session.kubun_answer().answer in applied.values \
                or KUBUN_ACTIVITY in applied.values:
            self._update_kubun()
        if applied.window:
            self._update_window()
        if applied.receipt:
            self._update_receipt()
        if applied.title:
            self._update_title()
        if applied.back_to_draft is not None:  # 入力完了 → 下書き: say why
            window = self.window()
            if isinstance(window, QMainWindow):
                window.statusBar().showMessage(self.tr(
                    "エラーがあるため下書きに戻しました: {0}").format(
                    applied.back_to_draft.message(self.language)), 15000)
        self.events.publish(CaseChange.edited((self.case_id,), source=self))
        self._validate_timer.start()

    def _update_visibility(self) -> None:
        """Show the fields, groups and sections that apply (the session decides)."""
        for key, shown in self.session.visibility().items():
            for editor in self.editors.get(key, []):
                editor.setVisible(shown)
        for group_id, shown in self.session.group_visibility().items():
            if group_id in self._group_boxes:
                self._group_boxes[group_id].setVisible(shown)
        for section in self._conditional_sections:
            editors = section.findChildren(FieldEditor)
            groups = section.findChildren(RepeatGroupBox)
            section.setVisible(any(not e.isHidden() for e in editors)
                               or any(not g.isHidden() for g in groups))

    @Slot(str, str, bool)
    def _on_editor_edited(self, key: str, value: str, finished: bool) -> None:
        editor = self.sender()
        label = editor.spec.label if isinstance(editor, FieldEditor) else key
        self.session.touch(key)
        self.set_values({key: value}, self.tr("「{0}」の入力").format(label),
                        typing_key=key, finished=finished)
        if finished:
            self._validate_timer.start()

    @Slot(str)
    def _on_group_add_requested(self, group_id: str) -> None:
        if self.session.add_instance(group_id) is None:
            return
        self._fill_group(group_id)
        box = self._group_boxes[group_id]
        new_editors = box.instances[-1].findChildren(FieldEditor)
        if new_editors:
            new_editors[0].setFocus(Qt.FocusReason.OtherFocusReason)

    @Slot(str, int)
    def _on_group_remove_requested(self, group_id: str, number: int) -> None:
        group = self.catalogue.group(group_id)
        changes = self.session.remove_instance(group_id, number)
        self._fill_group(group_id)
        self.set_values(changes, self.tr("{0} {1}件目の削除").format(
            group.label_en if self.language == "en" else group.label_ja, number))

    # --- validation ---------------------------------------------------------------------
    @Slot()
    def revalidate(self) -> None:
        """Validate the whole case; update the problem lines, step marks and Step 3."""
        self._request_attachment_check()
        self.session.validate(extra=self._attachment_notes())
        self._show_problems()
        self._update_step_marks()
        self._update_problem_list()
        self._update_review()

    def _attachment_notes(self) -> list[Problem]:
        """Warnings while no document or no photo is attached (when the page exists)."""
        if Step.ATTACHMENTS not in self.flow.steps:
            return []
        kinds = {attachment.kind for attachment in self.case.attachments}
        notes = []
        if "document" not in kinds:
            notes.append(make_problem("attachments", "wizard_no_documents", Severity.WARNING))
        if "photo" not in kinds:
            notes.append(make_problem("photo", "wizard_no_photo", Severity.WARNING))
        checker = self.attachment_checker
        if checker is not None:
            notes.extend(checker.problems())
        return notes

    def _request_attachment_check(self) -> None:
        """Have the files checked for the current profile and filing date (if they changed)."""
        checker = self.attachment_checker
        if checker is None:
            return
        profile = texts.profile_id(self.settings) or rules.default_profile_id()
        # The photo's entered taken date is in its AttachmentRef (stored with the case). The
        # attachments page shows this checker's result: nothing to keep in step.
        checker.request(list(self.case.attachments), profile, self.today())

    def attachments_checking(self) -> bool:
        """True while the attachment files are still being checked."""
        checker = self.attachment_checker
        return checker is not None and checker.is_checking()

    @Slot()
    def _on_attachment_checker_updated(self) -> None:
        self._validate_timer.start()

    def _show_problems(self) -> None:
        """Each field's problems under it, once the user has been there (the session says)."""
        for key, editors in self.editors.items():
            shown = self.session.shown_problems(key)
            for editor in editors:
                editor.set_problems(shown, self.language)
        self._show_attachment_notes()
        found = self.session.shown_problems(RECEIPT_FIELD)
        self.receipt_problem.setText(found[0].message(self.language) if found else "")
        self._update_activity(self.session.kubun_answer())
        self._update_points()

    def _update_points(self) -> None:
        """The points table's total, as the online page adds it (its 合計)."""
        if self.points_label is None:
            return
        points = hsp_points(self.catalogue, self.session.case.values)
        if points is None:
            self.points_label.setText("")
            return
        text = self.tr("選んだ点数の合計: {0} 点（{1} 点以上が必要です）").format(
            points.total, points.pass_mark)
        if points.uncounted:
            text += self.tr("　研究実績の点数はオンラインシステムの画面で加算されます。")
        self.points_label.setText(text)
        short = bool(points.parts) and not points.reached
        set_text_color(self.points_label, PROBLEM_COLOR if short
                       else self.palette().color(QPalette.ColorRole.WindowText))

    def _show_attachment_notes(self) -> None:
        notes = self.attachments_notes
        if notes is not None:
            lines = ["△ " + p.message(self.language) for p in self.problems
                     if p.code.startswith("wizard_")]
            notes.setText("\n".join(lines))
            notes.setVisible(bool(lines))

    def _update_step_marks(self) -> None:
        states = self.session.step_states()
        for row, step in enumerate(self.flow.steps):
            item = self.step_list.item(row)
            state = states[step]
            title = self._step_title(step)
            name = title if step is Step.ATTACHMENTS else \
                self.tr("ステップ{0}\n{1}").format(step.value, title)
            name += "\n" + self.step_mark_text(state)
            if step is Step.ATTACHMENTS and self.attachments_checking():
                name += "\n" + self.tr("ファイルを確認中…")
            item.setIcon(self.style().standardIcon(_STEP_ICONS[state.status]))
            item.setText(name)
            item.setData(Qt.ItemDataRole.AccessibleTextRole, name.replace("\n", " "))
            item.setData(_KEY_ROLE + 1, state.status.value)

    def step_mark_text(self, state: StepState) -> str:
        """The mark under a step's name: 未入力 / 入力中 / 完了, with the counts of problems
        and 確認事項 once the user has been there (「入力中・問題 3 件」)."""
        words = [self.tr("完了") if state.complete
                 else self.tr("入力中") if state.started else self.tr("未入力")]
        if state.errors:
            words.append(self.tr("問題 {0} 件").format(state.errors))
        if state.warnings:
            words.append(self.tr("確認事項 {0} 件").format(state.warnings))
        return self.tr("・").join(words)

    def step_status(self, step: Step) -> StepStatus:
        return self.session.step_state(step).status

    def _update_problem_list(self) -> None:
        if Step.CONFIRM not in self._built:
            return
        self.problem_list.clear()
        remaining = self.flow.remaining_problems(self.problems)
        errors = sum(1 for p in remaining if p.is_error)
        for problem in remaining:
            step = self.flow.step_of(problem.field)
            label = self._field_label(problem.field)
            prefix = self.tr("ステップ{0}").format(step.value) if step is not Step.ATTACHMENTS \
                else self._step_title(step)
            mark = "" if problem.is_error else "△ "
            _base, index = split_key(problem.field)
            if index is not None:
                prefix += self.tr("（{0}件目）").format(index)
            item = QListWidgetItem(f"{mark}{prefix}　{problem.message(self.language)}")
            item.setToolTip(label if step is not Step.ATTACHMENTS
                            else str(problem.params.get("file", label)))
            item.setData(_KEY_ROLE, problem.field)
            item.setData(_FILE_ROLE, problem.params.get("file"))
            item.setForeground(Qt.GlobalColor.darkRed if problem.is_error
                               else Qt.GlobalColor.darkYellow)
            self.problem_list.addItem(item)
        warnings = len(remaining) - errors
        checking = self.attachments_checking()
        # Errors and warnings (△) counted apart, as in the step list: the rows shown add up.
        if errors and warnings:
            summary = self.tr("問題 {0} 件・確認事項 {1} 件。入力完了にするには問題を解決して"
                              "ください（確認事項 △ は見直すだけで構いません）。").format(
                errors, warnings)
        elif errors:
            summary = self.tr("問題 {0} 件。入力完了にするには、これらを解決してください。").format(
                errors)
        if errors:
            if checking:
                summary += "\n" + self.tr("添付ファイルを確認しています…（確認が終わると、"
                                           "ファイルの問題がこの一覧に加わることがあります）")
            self.problem_summary.setText(summary)
        elif checking:
            # Never "no problems" before the files have been looked at.
            self.problem_summary.setText(self.tr(
                "添付ファイルを確認しています…。確認が終わるまで、問題がないかどうかは"
                "まだ分かりません。"))
        elif remaining:
            self.problem_summary.setText(self.tr(
                "問題はありません。確認事項 {0} 件（△）を見直してから入力完了にしてください。"
                ).format(warnings))
        else:
            self.problem_summary.setText(self.tr("問題はありません。入力完了にできます。"))
        self.problem_list.setVisible(bool(remaining))

    def _field_label(self, key: str) -> str:
        return self.catalogue.key_label(key, self.language)

    # --- navigation ---------------------------------------------------------------------
    def current_step(self) -> Step:
        return self.flow.steps[max(self.step_list.currentRow(), 0)]

    def go_to_step(self, step: Step) -> None:
        self.step_list.setCurrentRow(self.flow.steps.index(step))

    @Slot()
    def go_next(self) -> None:
        step = self.flow.next_step(self.current_step())
        if step is not None:
            self.go_to_step(step)
            self.focus_first_field()

    @Slot()
    def go_previous(self) -> None:
        step = self.flow.previous_step(self.current_step())
        if step is not None:
            self.go_to_step(step)
            self.focus_first_field()

    @Slot(int)
    def _on_step_list_current_row_changed(self, row: int) -> None:
        if row < 0:
            return
        step = self.flow.steps[row]
        self.session.go_to(step)
        self.ensure_page(step)
        if step is Step.ATTACHMENTS and self.checklist_section is not None:
            self.checklist_section.set_case(self.case)   # the status may have changed
        # Leaving a step shows its problems and counts at once (validation follows shortly).
        self._show_problems()
        self._update_step_marks()
        self.pages.setCurrentIndex(row)
        self.back_button.setEnabled(self.flow.previous_step(step) is not None)
        last = self.flow.next_step(step) is None
        self.next_button.setVisible(not last)
        self.finish_button.setVisible(last)
        self.online_fill_button.setVisible(last)
        if step is Step.CONFIRM:
            self._update_review()
            if self.attachment_checker is not None:
                # Files on a network drive may change unseen: look again (cheap when not).
                self.attachment_checker.recheck()
        self._validate_timer.start()

    def focus_first_field(self) -> None:
        """Put the cursor in the first input of the current step (in Tab order)."""
        page = self.pages.currentWidget()
        if page is None:
            return
        widget = page.nextInFocusChain()
        for _ in range(5000):
            if widget is page or widget is None:
                break
            if page.isAncestorOf(widget) and widget.isVisibleTo(page) and widget.isEnabled() \
                    and widget.focusPolicy() & Qt.FocusPolicy.TabFocus \
                    and not isinstance(widget, QScrollArea):
                widget.setFocus(Qt.FocusReason.TabFocusReason)
                return
            widget = widget.nextInFocusChain()
        self.step_list.setFocus(Qt.FocusReason.OtherFocusReason)

    def focus_field(self, key: str) -> bool:
        """Go to the step of ``key`` and put the cursor in its field."""
        step = self.flow.step_of(key)
        self.go_to_step(step)
        page = self.ensure_page(step)
        candidates: list[QWidget] = [e for e in self.editors.get(key, [])
                                     if e.isVisibleTo(page)]
        if key == KUBUN_ACTIVITY and self.activity_combo.isVisibleTo(page):
            candidates.insert(0, self.activity_combo)
        if key == RECEIPT_FIELD and self.receipt_buttons:
            candidates.insert(0, next(iter(b for b in self.receipt_buttons.values()
                                           if b.isEnabled()), self.problem_list))
        panel = self.attachments_panel
        if step is Step.ATTACHMENTS and panel is not None and not candidates:
            candidates.append(panel.photo_choose if key == "photo" else panel.list)
        if not candidates:
            return False
        widget = candidates[0]
        if isinstance(page, QScrollArea):
            page.ensureWidgetVisible(widget, 40, 80)
        widget.setFocus(Qt.FocusReason.OtherFocusReason)
        return True

    @Slot(QListWidgetItem)
    def _on_problem_list_item_activated(self, item: QListWidgetItem) -> None:
        path = item.data(_FILE_ROLE)
        self.focus_field(str(item.data(_KEY_ROLE)))
        panel = self.attachments_panel
        if path and panel is not None:
            panel.select_file(str(path))

    @Slot(QUrl)
    def _on_review_anchor_clicked(self, url: QUrl) -> None:
        text = url.toString()
        if text.startswith("field:"):
            self.focus_field(text.removeprefix("field:"))

    @Slot("QWidget*", "QWidget*")
    def _on_app_focus_changed(self, old: QWidget | None, new: QWidget | None) -> None:
        left = _field_editor_of(old)
        if left is not None and left is not _field_editor_of(new) and new is not None \
                and not new.isWindow():
            left.focus_left()
        # Keep the field being typed in visible when Tab moves down a long page.
        if new is None or not self.isVisible():
            return
        page = self.pages.currentWidget()
        if isinstance(page, QScrollArea) and page.isAncestorOf(new):
            page.ensureWidgetVisible(new, 40, 60)

    # --- finishing ----------------------------------------------------------------------
    @Slot()
    def _on_finish_shortcut_activated(self) -> None:
        if self.current_step() is Step.CONFIRM:
            self.finish()
        else:
            self.go_to_step(Step.CONFIRM)
            self.focus_first_field()

    @Slot()
    def _on_online_fill_button_clicked(self) -> None:
        from assistant.ui.online_fill import copy_fill_payload

        copy_fill_payload(self, self.case, self.today())

    @Slot()
    def finish(self) -> None:
        """Mark the case 入力完了 when no error is left; else show what is left."""
        self.session.attempt_finish()
        for editor_list in self.editors.values():
            for editor in editor_list:
                if editor.hasFocus() or editor.input.hasFocus():
                    editor.commit()  # store a normalised value typed just now
        self._validate_timer.stop()
        self.revalidate()
        if self.session.can_finish() and self.attachments_checking():
            self.go_to_step(Step.CONFIRM)
            ask.information(self, self.tr("入力完了にできません"), self.tr(
                "添付ファイルを確認しています。確認が終わってから、もう一度"
                "「入力完了にする」を押してください。"))
            return
        if not self.session.can_finish():
            self.go_to_step(Step.CONFIRM)
            ask.information(self, self.tr("入力完了にできません"), self.tr(
                "まだ {0} 件の問題があります。一覧から選んで修正してください。").format(
                len(self.session.errors())))
            self.problem_list.setFocus(Qt.FocusReason.OtherFocusReason)
            if self.problem_list.count():
                self.problem_list.setCurrentRow(0)
            return
        try:
            self.session.mark_ready()
        except (StorageError, FilingError) as exc:   # FilingError: a case past 入力完了
            ask.error(self, exc)
            return
        self.events.publish(CaseChange.edited((self.case_id,), source=self))
        self._update_title()
        ask.information(self, self.tr("入力完了"), self.tr(
            "「{0}」を入力完了にしました。").format(self.title()))
        self.close_requested.emit()

    # --- title --------------------------------------------------------------------------
    def title(self) -> str:
        name = self.case.values.get(NAME, "") or self.tr("（氏名未入力）")
        if self.case.is_sample:  # the first-start sample: never mistaken for a real client
            name = self.tr("【サンプル】{0}").format(name)
        return self.tr("{0}（{1}）").format(name, texts.procedure_label(self.case.procedure))

    def _update_title(self) -> None:
        self.title_label.setText(self.tr("{0}　— {1}").format(
            self.title(), texts.status_label(self.case.status)))


def _clean_label(label: str) -> str:
    """A group member's label without the template's instance placeholder (``{n}``)."""
    return " ".join(label.replace("{n}", "").replace("{N}", "").split())


def _field_editor_of(widget: QWidget | None) -> FieldEditor | None:
    while widget is not None and not isinstance(widget, FieldEditor):
        widget = widget.parentWidget()
    return widget


def _attachments_panel_class() -> type[AttachmentsPanel] | None:
    """The attachments helper's panel, when that part of the application is installed."""
    try:
        from assistant.ui.attachments import AttachmentsPanel
    except ImportError:
        return None
    return AttachmentsPanel
