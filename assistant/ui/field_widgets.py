"""One editor per field of the catalogue: label, input, guidance and the problem under it.

:func:`make_editor` picks the input for the field's kind: a line edit (text, dates, numbers),
a multi-line edit for long texts, a drop-down for code lists (with type-to-find for long lists).
The editor reports every change at once (so it can be stored) and reports again, normalised,
when the user leaves the field: normalising while an IME is composing would break Japanese
input, so it only happens on leaving. A :class:`QValidator` refuses only characters that can
never be valid (letters in a number); everything else is explained under the field.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from PySide6.QtCore import QEvent, QObject, QRegularExpression, QStringListModel, Qt, Signal, Slot
from PySide6.QtGui import (
    QColor,
    QFocusEvent,
    QKeyEvent,
    QKeySequence,
    QMouseEvent,
    QPalette,
    QRegularExpressionValidator,
)
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from assistant.model.problems import Problem

# A list longer than this gets type-to-find (an editable drop-down with a filtering completer).
SEARCHABLE_LIST = 12
# Texts allowed to be longer than this get a multi-line editor.
MULTILINE_LENGTH = 200
# Colours by palette, not style sheets: a form has hundreds of labels and style sheets make
# building it several times slower.
PROBLEM_COLOR = QColor("#b00020")
WARNING_COLOR = QColor("#8a5300")


def set_text_color(label: QLabel, color: QColor | None) -> None:
    """Colour a label's text (None: the dimmed colour of hints)."""
    palette = label.palette()
    if color is None:
        color = palette.color(QPalette.ColorRole.PlaceholderText)
    palette.setColor(QPalette.ColorRole.WindowText, color)
    label.setPalette(palette)


def _fold(text: str) -> str:
    """Compare choices ignoring width and case: ５年 = 5年, VIET = viet."""
    return unicodedata.normalize("NFKC", text).casefold().strip()


@dataclass(frozen=True)
class EditorSpec:
    """What an editor shows, already in the UI language."""

    key: str                 # field id, or repeat key such as relative_name[2]
    kind: str                # text, date, year_month, number, code, yesno
    label: str
    required: bool
    max_length: int | None
    guidance: str
    example: str
    choices: tuple[str, ...] = ()
    check_text: str = ""     # beside a one-choice check box, if not the choice (stored) itself


class _PlainTextEdit(QPlainTextEdit):
    """A multi-line edit that tells when it is left, like QLineEdit.editingFinished."""

    editing_finished = Signal()

    def focusOutEvent(self, event: QFocusEvent) -> None:  # noqa: N802
        super().focusOutEvent(event)
        self.editing_finished.emit()

    def keyPressEvent(self, event: object) -> None:  # noqa: N802
        # Tab moves on (a form, not a text editor).
        if isinstance(event, QKeyEvent) and event.key() in (Qt.Key.Key_Tab,
                                                             Qt.Key.Key_Backtab):
            event.ignore()
            return
        super().keyPressEvent(event)  # type: ignore[arg-type]


class CheckBoxText(QLabel):
    """The word-wrapped text of a check box (a QCheckBox cannot wrap its own text).

    A click on it toggles the check box and gives it the focus, as a click on a check box's
    own text does; the keyboard stays on the check box (Space toggles it).
    """

    def __init__(self, text: str, check: QCheckBox, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.check = check
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        # With a buddy "&" marks a mnemonic: a choice's own "&" is doubled to stay visible.
        self.setText(text.replace("&", "&&"))
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.setBuddy(check)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if event.button() == Qt.MouseButton.LeftButton and self.rect().contains(
                event.position().toPoint()) and self.check.isEnabled():
            self.check.setFocus(Qt.FocusReason.MouseFocusReason)
            self.check.click()
            event.accept()
            return
        super().mouseReleaseEvent(event)


class FieldEditor(QWidget):
    """Label, input, guidance and problem text of one field.

    Signals:
        edited(str, str, bool): key, value, finished — every change; finished when the user
            left the field (the value is then normalised).
    """

    edited = Signal(str, str, bool)

    def __init__(self, spec: EditorSpec, normalize: Callable[[str], str],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.spec = spec
        self.key = spec.key
        self._normalize = normalize
        self._updating = False

        self.label = QLabel(self._title())
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.check_text: CheckBoxText | None = None
        self.input = self._make_input()
        self.label.setBuddy(self.input)
        self.input.setObjectName(f"field:{spec.key}")
        self.input.setAccessibleName(spec.label)

        # Parents given at once: showing a parentless label would open it as a window.
        self.hint = QLabel(self._hint_text(), self)
        self.hint.setWordWrap(True)
        set_text_color(self.hint, None)
        self.hint.setVisible(bool(self.hint.text()))
        self.counter = QLabel(self)
        set_text_color(self.counter, None)
        self.counter.setVisible(False)
        self.problem = QLabel(self)
        self.problem.setWordWrap(True)
        self.problem.setTextFormat(Qt.TextFormat.PlainText)
        set_text_color(self.problem, PROBLEM_COLOR)
        self.problem.setVisible(False)

        hint_row = QHBoxLayout()
        hint_row.setContentsMargins(0, 0, 0, 0)
        hint_row.addWidget(self.hint, 1)
        hint_row.addWidget(self.counter, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 4)
        layout.setSpacing(2)
        layout.addWidget(self.label)
        if self.check_text is not None:
            # The check box's long text wraps beside it instead of widening the whole page.
            check_row = QHBoxLayout()
            check_row.setContentsMargins(0, 0, 0, 0)
            check_row.setSpacing(4)
            check_row.addWidget(self.input, 0, Qt.AlignmentFlag.AlignTop)
            check_row.addWidget(self.check_text, 1)
            layout.addLayout(check_row)
        else:
            layout.addWidget(self.input)
        layout.addLayout(hint_row)
        layout.addWidget(self.problem)
        self.setFocusProxy(self.input)

    # --- construction -----------------------------------------------------------------------
    def _title(self) -> str:
        return self.spec.label + ("　" + self.tr("［必須］") if self.spec.required else "")

    def set_rules(self, required: bool, max_length: int | None) -> None:
        """The item's 必須 mark and maximum length changed (another 区分's online page asks it
        otherwise): the label and the length counter follow."""
        if (required, max_length) == (self.spec.required, self.spec.max_length):
            return
        self.spec = replace(self.spec, required=required, max_length=max_length)
        self.label.setText(self._title())
        self._update_counter()

    def _hint_text(self) -> str:
        spec = self.spec
        parts: list[str] = []
        guidance = spec.guidance.strip()
        if guidance and spec.kind not in ("code", "yesno"):
            parts.append(guidance.replace("\n", "　"))
        if spec.kind == "date":
            parts.append(self.tr("「20000101」「2000-01-01」「平成12年1月1日」「H12.1.1」の形で入力できます。"))
        elif spec.kind == "year_month":
            parts.append(self.tr("「200104」「2001/4」「2001年4月」「平成13年4月」の形で入力できます。"))
        # The online page's guidance often ends with its own 「例）…」: one example is enough.
        if spec.example and spec.kind not in ("code", "yesno", "date") \
                and spec.example not in guidance:
            parts.append(self.tr("例: {0}").format(spec.example))
        return "　".join(parts)

    def _make_input(self) -> QWidget:
        spec = self.spec
        if len(spec.choices) == 1:
            # A pull-down with one entry (同時申請, 申請意思の確認) is a yes/no question.
            # Its text (a whole sentence for the intent) is a wrapping label beside it.
            check = QCheckBox()
            text = spec.label if spec.kind == "check_label" else \
                spec.check_text or spec.choices[0]
            self.check_text = CheckBoxText(text, check, self)
            check.setAccessibleDescription(text)
            check.toggled.connect(self._on_check_toggled)
            return check
        if spec.kind in ("code", "yesno") or spec.choices:
            return self._make_choice()
        if spec.kind == "text" and (spec.max_length or 0) > MULTILINE_LENGTH:
            edit = _PlainTextEdit()
            edit.setTabChangesFocus(True)
            edit.setUndoRedoEnabled(False)  # Ctrl+Z is the case's undo (every field alike)
            lines = 3 if (spec.max_length or 0) <= 300 else 5
            edit.setFixedHeight(edit.fontMetrics().lineSpacing() * lines + 14)
            edit.textChanged.connect(self._on_plain_text_changed)
            edit.editing_finished.connect(self._on_input_editing_finished)
            return edit
        line = QLineEdit()
        if spec.kind == "number":
            # Digits only, half- or full-width (full-width ones are converted on leaving).
            line.setValidator(QRegularExpressionValidator(QRegularExpression("[0-9０-９]*"),
                                                          line))
        if spec.kind in ("date", "year_month"):
            line.setMaximumWidth(line.fontMetrics().horizontalAdvance("0") * 24 + 24)
        elif spec.max_length and spec.max_length <= 20:
            line.setMaximumWidth(line.fontMetrics().horizontalAdvance("W") * (spec.max_length + 4))
        if spec.example and spec.kind != "date":
            line.setPlaceholderText(spec.example)
        elif spec.kind == "date":
            line.setPlaceholderText("YYYYMMDD")
        elif spec.kind == "year_month":
            line.setPlaceholderText("YYYYMM")
        line.textEdited.connect(self._on_line_text_edited)
        line.editingFinished.connect(self._on_input_editing_finished)
        line.installEventFilter(self)
        return line

    def _make_choice(self) -> QComboBox:
        combo = QComboBox()
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        longest = max((len(c) for c in self.spec.choices), default=14)
        combo.setMinimumContentsLength(min(max(longest, 14), 40))
        combo.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        combo.setMaximumWidth(combo.fontMetrics().horizontalAdvance("あ") * 42)
        combo.addItem("")
        combo.addItems(list(self.spec.choices))
        if len(self.spec.choices) > SEARCHABLE_LIST:
            combo.setEditable(True)
            combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
            completer = QCompleter(QStringListModel(list(self.spec.choices), combo), combo)
            completer.setFilterMode(Qt.MatchFlag.MatchContains)
            completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
            completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
            combo.setCompleter(completer)
            line = combo.lineEdit()
            assert line is not None  # an editable combo has one
            line.setPlaceholderText(self.tr("入力して検索、または一覧から選択"))
            line.textEdited.connect(self._on_line_text_edited)
            line.editingFinished.connect(self._on_input_editing_finished)
            line.installEventFilter(self)
            completer.activated.connect(self._on_completer_activated)
            combo.activated.connect(self._on_combo_activated)

        else:
            combo.setPlaceholderText(self.tr("選択してください"))
            combo.setCurrentIndex(-1)
            combo.currentIndexChanged.connect(self._on_combo_index_changed)
        return combo

    def set_choices(self, choices: Sequence[str]) -> None:
        """Replace the entries of a drop-down (a parent value narrowed them)."""
        widget = self.input
        if not isinstance(widget, QComboBox) or tuple(choices) == self.spec.choices:
            return
        current = self.value()
        self.spec = replace(self.spec, choices=tuple(choices))
        self._updating = True
        try:
            widget.clear()
            widget.addItem("")
            widget.addItems(list(choices))
            completer = widget.completer()
            if completer is not None:
                model = completer.model()
                if isinstance(model, QStringListModel):
                    model.setStringList(list(choices))
            if not widget.isEditable():
                widget.setCurrentIndex(-1)
        finally:
            self._updating = False
        self.set_value(current)

    # --- value ------------------------------------------------------------------------------
    def value(self) -> str:
        widget = self.input
        if isinstance(widget, QCheckBox):
            return self.spec.choices[0] if widget.isChecked() else ""
        if isinstance(widget, QComboBox):
            return widget.currentText() if widget.isEditable() or widget.currentIndex() > 0 \
                else ""
        if isinstance(widget, QPlainTextEdit):
            return widget.toPlainText()
        assert isinstance(widget, QLineEdit)
        return widget.text()

    def set_value(self, value: str) -> None:
        """Show ``value`` without reporting it as an edit."""
        if value == self.value():
            return
        self._updating = True
        try:
            widget = self.input
            if isinstance(widget, QCheckBox):
                widget.setChecked(bool(value))
            elif isinstance(widget, QComboBox):
                index = widget.findText(value, Qt.MatchFlag.MatchExactly) if value else -1
                if widget.isEditable():
                    widget.setCurrentIndex(index if index > 0 else 0)
                    widget.setEditText(value)
                    line = widget.lineEdit()
                    if line is not None and not widget.hasFocus():
                        line.setCursorPosition(0)  # show a long label's start
                else:
                    widget.setCurrentIndex(index if index > 0 else -1)
            elif isinstance(widget, QPlainTextEdit):
                widget.setPlainText(value)
            else:
                assert isinstance(widget, QLineEdit)
                widget.setText(value)
                if not widget.hasFocus():
                    widget.setCursorPosition(0)
        finally:
            self._updating = False
        self._update_counter()

    def set_problems(self, problems: Sequence[Problem], language: str) -> None:
        """Show the problems of this field (errors first), or hide the line."""
        if not problems:
            self.problem.setVisible(False)
            self.problem.clear()
            return
        ordered = sorted(problems, key=lambda p: not p.is_error)
        lines = [("" if p.is_error else "△ ") + p.message(language) for p in ordered]
        self.problem.setText("\n".join(lines))
        set_text_color(self.problem, PROBLEM_COLOR if ordered[0].is_error else WARNING_COLOR)
        self.problem.setVisible(True)

    def shown_problem(self) -> str:
        return self.problem.text() if self.problem.isVisible() else ""

    def _update_counter(self) -> None:
        limit = self.spec.max_length
        if not limit or self.spec.kind not in ("text",) or limit < 20:
            return
        length = len(self.value())
        self.counter.setText(f"{length}/{limit}")
        self.counter.setVisible(length > 0)
        set_text_color(self.counter, PROBLEM_COLOR if length > limit else None)

    # --- slots ------------------------------------------------------------------------------
    def commit(self) -> None:
        """Report the value now, normalised, as when the user leaves the field (the case is
        being finished while the cursor is still here)."""
        self._report(True)

    def _report(self, finished: bool) -> None:
        if self._updating:
            return
        value = self.value()
        if finished:
            normalized = self._normalize(value)
            if normalized != value:
                self.set_value(normalized)
                value = normalized
        self._update_counter()
        self.edited.emit(self.key, value, finished)

    @Slot(bool)
    def _on_check_toggled(self, _checked: bool) -> None:
        self._report(True)

    @Slot(str)
    def _on_line_text_edited(self, _text: str) -> None:
        self._report(False)

    @Slot()
    def _on_plain_text_changed(self) -> None:
        self._report(False)

    @Slot()
    def _on_input_editing_finished(self) -> None:
        widget = self.input
        if isinstance(widget, QComboBox) and widget.isEditable():
            self._resolve_typed_choice(widget)
        self._report(True)

    @Slot(int)
    def _on_combo_index_changed(self, _index: int) -> None:
        self._report(True)

    @Slot(int)
    def _on_combo_activated(self, _index: int) -> None:
        self._report(True)

    @Slot(str)
    def _on_completer_activated(self, text: str) -> None:
        self.set_value(text)
        self._report(True)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        # A line edit keeps its own undo history, which would change the text behind the
        # case's back; leave Ctrl+Z / Ctrl+Y to the case's undo stack instead.
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent) \
                and (event.matches(QKeySequence.StandardKey.Undo)
                     or event.matches(QKeySequence.StandardKey.Redo)):
            event.ignore()
            return True
        return super().eventFilter(watched, event)

    def focus_left(self) -> None:
        """The focus went elsewhere. With a completer's list open, leaving by Tab does not
        end a drop-down's line edit editing, so the form tells the editor instead."""
        widget = self.input
        if isinstance(widget, QComboBox) and widget.isEditable():
            self._on_input_editing_finished()

    def _resolve_typed_choice(self, combo: QComboBox) -> None:
        """Typed text that names exactly one entry becomes that entry (``viet`` → ベトナム)."""
        text = combo.currentText().strip()
        if not text or combo.findText(text, Qt.MatchFlag.MatchExactly) > 0:
            return
        needle = _fold(text)
        matches = [c for c in self.spec.choices if needle in _fold(c)]
        exact = [c for c in matches if _fold(c.split(" ", 1)[0]) == needle]
        if len(matches) == 1 or len(exact) == 1:
            self.set_value(exact[0] if len(exact) == 1 else matches[0])
