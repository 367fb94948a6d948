"""Drive the wizard the way a keyboard user does: Tab to a field, type, Ctrl+PgDown."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QInputMethodEvent, QKeyEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QApplication, QComboBox, QWidget

from assistant.ui.field_widgets import FieldEditor


def focused() -> QWidget | None:
    return QApplication.focusWidget()


def _owner(widget: QWidget | None) -> QWidget | None:
    """The field input a focused widget belongs to (a combo's line edit → the combo)."""
    while widget is not None and not widget.objectName().startswith("field:"):
        widget = widget.parentWidget()
    return widget


def press(key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    target = focused()
    assert target is not None, "nothing has the keyboard focus"
    QTest.keyClick(target, key, modifier)
    QApplication.processEvents()


def type_text(text: str) -> None:
    """Type ``text``: ASCII as key presses, Japanese as an input method (IME) would send it."""
    target = focused()
    assert target is not None
    run = ""
    for char in text + "\0":
        if char != "\0" and char.isascii() == (run.isascii() if run else char.isascii()):
            run += char
            continue
        if run.isascii():
            QTest.keyClicks(target, run)
        else:
            _compose(target, run)
        run = char
        target = focused() or target
    QApplication.processEvents()


def _compose(target: QWidget, text: str) -> None:
    """Japanese text: composed with the IME (preedit), then committed — or, in a widget that
    takes no input method (a drop-down), a key press carrying the text."""
    if target.testAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled):
        QApplication.sendEvent(target, QInputMethodEvent(text, []))  # still composing
        QApplication.processEvents()
        commit = QInputMethodEvent()
        commit.setCommitString(text)
        QApplication.sendEvent(target, commit)
    else:
        for char in text:
            QApplication.sendEvent(target, QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_unknown,
                                                     Qt.KeyboardModifier.NoModifier, char))
            QApplication.sendEvent(target, QKeyEvent(QEvent.Type.KeyRelease,
                                                     Qt.Key.Key_unknown,
                                                     Qt.KeyboardModifier.NoModifier, char))


def go_to_step(editor, step) -> None:
    """Ctrl+PgDown / Ctrl+PgUp until ``step`` is shown."""
    for _ in range(10):
        current = editor.current_step()
        if current is step:
            return
        forward = editor.flow.steps.index(step) > editor.flow.steps.index(current)
        press(Qt.Key.Key_PageDown if forward else Qt.Key.Key_PageUp,
              Qt.KeyboardModifier.ControlModifier)
    raise AssertionError(f"could not reach step {step}")


def tab_to(name: str, limit: int = 400) -> QWidget:
    """Press Tab until the input named ``field:<key>`` (or a button ``name``) has the focus."""
    for _ in range(limit):
        widget = focused()
        owner = _owner(widget)
        if owner is not None and owner.objectName() == name:
            return owner
        if isinstance(widget, QAbstractButton) and widget.text() == name:
            return widget
        press(Qt.Key.Key_Tab)
    raise AssertionError(f"Tab never reached {name!r} (focus on {focused()!r})")


def fill(editor, key: str, keys: str) -> None:
    """Go to the step of ``key``, Tab to its input and type ``keys``, then leave with Tab.

    ``keys`` is typed as text; for a drop-down that cannot be edited the first characters
    select the entry (Qt's keyboard search); ``" "`` toggles a check box.
    """
    go_to_step(editor, editor.flow.step_of(key))
    widget = tab_to(f"field:{key}")
    if isinstance(widget, QComboBox) and not widget.isEditable():
        type_text(keys)
    elif keys == " ":
        press(Qt.Key.Key_Space)
    else:
        press(Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)  # replace what is there
        type_text(keys)
    press(Qt.Key.Key_Tab)


def shown_problem(editor, key: str) -> str:
    texts = [e.shown_problem() for e in editor.editors.get(key, []) if isinstance(e, FieldEditor)]
    return "\n".join(t for t in texts if t)
