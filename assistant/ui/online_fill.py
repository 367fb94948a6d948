"""「オンラインシステムに入力」: the case is checked, its fill payload goes to the clipboard and
is cleared again after a minute (docs/autofill.md). The office pastes it into the fill
script's box on the online system's 申込 page."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from assistant.model.case import Case
from assistant.ui import ask
from assistant.ui.office.clipboard import SecretClipboard


def clear_after_ms() -> int:
    from assistant.resources import load_json

    return int(load_json("autofill", "rules.json")["clipboard_clear_seconds"]) * 1000


def copy_fill_payload(parent: QWidget, case: Case, today: date) -> SecretClipboard | None:
    """Check ``case`` and copy its fill payload; the problems instead when it has errors.
    Returns the clipboard keeper (it clears the payload after ``clear_after_ms``)."""
    from assistant.model.autofill import PayloadRefused, build_payload
    from assistant.ui import texts

    language = texts.language()
    try:
        payload = build_payload(case, today)
    except PayloadRefused as exc:
        lines = [p.message(language) for p in exc.problems[:15]]
        if len(exc.problems) > 15:
            lines.append(QCoreApplication.translate("OnlineFill", "ほか {n} 件").format(n=len(exc.problems) - 15))
        ask.warning(parent, QCoreApplication.translate("OnlineFill", "オンラインシステムに入力"),
                    QCoreApplication.translate(
                        "OnlineFill", "この案件はまだオンラインシステムに入力できません：") + "\n\n"
                    + "\n".join("・" + line for line in lines))
        return None
    keeper = SecretClipboard(parent, clear_after_ms())
    keeper.copy(payload.to_json())
    seconds = clear_after_ms() // 1000
    text = QCoreApplication.translate(
        "OnlineFill", "入力データ（{n} 項目）をコピーしました。{s} 秒後にクリップボードから消えます。\n\n"
        "オンラインシステムの「{title}」の申込画面で、ブックマークレット"
        "（または拡張機能のボタン）を押して貼り付けてください。"
        "顔写真と添付書類は手で添付してください。").format(
        n=len(payload.items), s=seconds, title=payload.procedure_title)
    if payload.not_on_page:
        text += "\n\n" + QCoreApplication.translate(
            "OnlineFill", "申込画面に対応する項目がない値（画面で直接入力してください）：") + \
            "、".join(payload.not_on_page)
    ask.information(parent, QCoreApplication.translate("OnlineFill", "オンラインシステムに入力"),
                    text)
    return keeper
