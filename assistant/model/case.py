"""A case: one applicant's application for one procedure.

Field values are kept flat in ``Case.values``, keyed by the field id from the field catalogue
(``resources/fields``). A field inside a repeat group (relatives 1–6, career 1–10) is keyed by
``repeat_key(field_id, n)`` with ``n`` starting at 1, e.g. ``relative_name[2]``. Values are the
strings the office typed (after normalisation); an absent key means "not entered".
"""

from __future__ import annotations

import enum
import json
import re
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

# Field ids that other parts of the program (case list, storage summaries, exports) rely on.
# The field catalogue must use exactly these ids for these template columns.
NAME = "name"                          # 身分事項_氏名
NATIONALITY = "nationality"            # 身分事項_国籍・地域
BIRTH_DATE = "birth_date"              # 身分事項_生年月日
SEX = "sex"                            # 身分事項_性別
CURRENT_STATUS = "current_status"      # 身分事項_現に有する在留資格
PERIOD_OF_STAY = "period_of_stay"      # 身分事項_在留期間
EXPIRY_DATE = "expiry_date"            # 身分事項_在留期間の満了日
HAS_CARD = "has_zairyu_card"           # 身分事項_在留カードの有無
ZAIRYU_CARD_NUMBER = "zairyu_card_number"  # 身分事項_在留カード番号
PASSPORT_NUMBER = "passport_number"    # 身分事項_旅券_（1）番号
PASSPORT_EXPIRY = "passport_expiry"    # 身分事項_旅券_（2）有効期限
DESIRED_STATUS = "desired_status"      # 変更: 希望する在留資格 / 認定: 入国目的
RECEIPT_METHOD = "receipt_method"      # 受領方法等_…の受領方法 (the one record of the method)
# Not a template column: the activity chosen in Step 1 where the forms split the status across
# 区分 (the purpose in the form's words; model/kubun.py decides the 区分 from it).
KUBUN_ACTIVITY = "kubun_activity"

_REPEAT_KEY = re.compile(r"^(?P<field>[a-z0-9_]+)\[(?P<index>[0-9]+)\]$")


def repeat_key(field_id: str, index: int) -> str:
    """Key of the ``index``-th (1-based) instance of a repeated field."""
    return f"{field_id}[{index}]"


def split_key(key: str) -> tuple[str, int | None]:
    """``"relative_name[2]"`` → ``("relative_name", 2)``; ``"name"`` → ``("name", None)``."""
    match = _REPEAT_KEY.match(key)
    if match:
        return match["field"], int(match["index"])
    return key, None


class CaseStatus(enum.StrEnum):
    """The life of a case, from the first draft to the result (values are stable ids)."""

    DRAFT = "draft"                      # 下書き
    READY = "ready"                      # 入力完了
    FILED = "filed"                      # 申請済 (申請受付仮番号)
    ACCEPTED = "accepted"                # 受付済 (申請受付番号)
    UNDER_REVIEW = "under_review"        # 審査中
    AWAITING_DOCUMENTS = "awaiting_documents"  # 追完待ち
    REVIEW_COMPLETE = "review_complete"  # 審査完了
    COMPLETED = "completed"              # 完了
    REFUSED = "refused"                  # 不許可
    WITHDRAWN = "withdrawn"              # 取下げ

    @property
    def label_ja(self) -> str:
        return _STATUS_LABELS[self][0]

    @property
    def label_en(self) -> str:
        return _STATUS_LABELS[self][1]


# Cases whose result is still to be received: a result checklist (what to enclose or bring)
# is for these.
AWAITING_RESULT: frozenset[CaseStatus] = frozenset({
    CaseStatus.READY, CaseStatus.FILED, CaseStatus.ACCEPTED, CaseStatus.UNDER_REVIEW,
    CaseStatus.AWAITING_DOCUMENTS, CaseStatus.REVIEW_COMPLETE})


_STATUS_LABELS: dict[CaseStatus, tuple[str, str]] = {
    CaseStatus.DRAFT: ("下書き", "Draft"),
    CaseStatus.READY: ("入力完了", "Ready to file"),
    CaseStatus.FILED: ("申請済", "Filed"),
    CaseStatus.ACCEPTED: ("受付済", "Accepted"),
    CaseStatus.UNDER_REVIEW: ("審査中", "Under review"),
    CaseStatus.AWAITING_DOCUMENTS: ("追完待ち", "Awaiting documents"),
    CaseStatus.REVIEW_COMPLETE: ("審査完了", "Review complete"),
    CaseStatus.COMPLETED: ("完了", "Completed"),
    CaseStatus.REFUSED: ("不許可", "Refused"),
    CaseStatus.WITHDRAWN: ("取下げ", "Withdrawn"),
}


class ReceiptMethod(enum.StrEnum):
    """How the result is received; stored as the template's pull-down label in the case's
    ``receipt_method`` value (resources/codelists/receipt_method*.json)."""

    MAIL = "mail"        # 郵送による受領
    COUNTER = "counter"  # 窓口での受領
    EMAIL = "email"      # メールでの受領 — [2026] certificate of eligibility (docs/domain.md#receipt-methods)

    @property
    def label(self) -> str:
        """The pull-down label the templates use for this method (``"郵送 Mailing"``)."""
        return _RECEIPT_LABELS[self]

    @classmethod
    def from_label(cls, label: str) -> ReceiptMethod | None:
        """The method a stored value names (label, its Japanese word, or the id); else None."""
        text = label.strip()
        if not text:
            return None
        first = text.split(" ", 1)[0]
        for method, known in _RECEIPT_LABELS.items():
            if text in (known, method.value) or first == known.split(" ", 1)[0]:
                return method
        return None


# The labels of the templates' pull-downs (receipt_method.json, receipt_method_coe.json).
_RECEIPT_LABELS: dict[ReceiptMethod, str] = {
    ReceiptMethod.MAIL: "郵送 Mailing",
    ReceiptMethod.COUNTER: "窓口 Regional office counter",
    ReceiptMethod.EMAIL: "メール Email",
}


@dataclass
class AttachmentRef:
    """A document or photo the case sends (the file stays where the office keeps it)."""

    path: str
    kind: str = "document"   # "document" or "photo"
    title: str = ""
    position: int = 0
    # The photo's taken date the office typed (ISO ``YYYY-MM-DD``; "" = not entered). Used
    # when the file has no EXIF date (studio files, scans, exports that strip metadata).
    taken_on: str = ""


# --- the office's record of one case --------------------------------------------------------

@dataclass
class ItemRecord:
    """What the office recorded for one item: 提出 / 不要 (reason), the files, the provider."""

    status: str = ""          # "" (not marked), "submitted" or "not_needed"
    reason: str = ""          # why 不要
    files: list[str] = field(default_factory=list)   # attachment paths covering the item
    provider: str = ""        # "" = the list's guess

    def is_empty(self) -> bool:
        return not (self.status or self.reason or self.files or self.provider)


@dataclass
class DocumentsState:
    """The 提出書類 checklist's answers and item records, stored with the case (the lists and
    what they mean: ``model/documents.py``)."""

    answers: dict[str, str] = field(default_factory=dict)
    items: dict[str, ItemRecord] = field(default_factory=dict)

    def is_empty(self) -> bool:
        return not self.answers and all(r.is_empty() for r in self.items.values())

    def to_dict(self) -> dict[str, Any]:
        items: dict[str, Any] = {}
        for item_id, record in sorted(self.items.items()):
            if record.is_empty():
                continue
            entry: dict[str, Any] = {}
            if record.status:
                entry["status"] = record.status
            if record.reason:
                entry["reason"] = record.reason
            if record.files:
                entry["files"] = list(record.files)
            if record.provider:
                entry["provider"] = record.provider
            items[item_id] = entry
        data: dict[str, Any] = {}
        if self.answers:
            data["answers"] = dict(sorted(self.answers.items()))
        if items:
            data["items"] = items
        return data

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, sort_keys=True) \
            if not self.is_empty() else ""

    @classmethod
    def from_dict(cls, data: Any) -> DocumentsState:
        """Read a stored / exported state; raises ValueError when its shape is wrong."""
        if data in (None, "", {}):
            return cls()
        if not isinstance(data, dict) or set(data) - {"answers", "items"}:
            raise ValueError("documents: expected an object with answers / items")
        answers = data.get("answers", {})
        items = data.get("items", {})
        if not isinstance(answers, dict) or not all(
                isinstance(k, str) and isinstance(v, str) for k, v in answers.items()):
            raise ValueError("documents.answers: expected text values")
        if not isinstance(items, dict):
            raise ValueError("documents.items: expected an object")
        records: dict[str, ItemRecord] = {}
        for item_id, entry in items.items():
            if not isinstance(entry, dict) or set(entry) - {"status", "reason", "files",
                                                            "provider"}:
                raise ValueError(f"documents.items.{item_id}: unexpected shape")
            status = entry.get("status", "")
            provider = entry.get("provider", "")
            files = entry.get("files", [])
            if status not in ("", "submitted", "not_needed"):
                raise ValueError(f"documents.items.{item_id}.status: {status!r}")
            if provider not in ("", "applicant", "organization", "office"):
                raise ValueError(f"documents.items.{item_id}.provider: {provider!r}")
            if not isinstance(files, list) or not all(isinstance(f, str) for f in files):
                raise ValueError(f"documents.items.{item_id}.files: expected paths")
            reason = entry.get("reason", "")
            if not isinstance(reason, str):
                raise ValueError(f"documents.items.{item_id}.reason: expected text")
            records[str(item_id)] = ItemRecord(status=status, reason=reason,
                                               files=list(files), provider=provider)
        return cls(answers=dict(answers), items=records)

    @classmethod
    def from_json(cls, text: str) -> DocumentsState:
        return cls.from_dict(json.loads(text)) if text.strip() else cls()


@dataclass
class Case:
    """Everything the office types, attaches and decides for one applicant."""

    id: str
    procedure: str
    values: dict[str, str] = field(default_factory=dict)
    status: CaseStatus = CaseStatus.DRAFT
    provisional_number: str = ""     # 申請受付仮番号
    application_number: str = ""     # 申請受付番号
    attachments: list[AttachmentRef] = field(default_factory=list)
    remarks: str = ""
    created_at: datetime | None = None
    updated_at: datetime | None = None
    is_sample: bool = False
    deleted_at: datetime | None = None   # set while the case is in the recycle bin (ゴミ箱)
    # The 提出書類 checklist's answers and item records (model/documents.py).
    documents: DocumentsState = field(default_factory=DocumentsState)

    @property
    def receipt_method(self) -> ReceiptMethod | None:
        """How the result is received, read from the ``receipt_method`` value (Step 3)."""
        return ReceiptMethod.from_label(self.values.get(RECEIPT_METHOD, ""))

    @receipt_method.setter
    def receipt_method(self, method: ReceiptMethod | str | None) -> None:
        if method is None:
            self.values.pop(RECEIPT_METHOD, None)
        else:
            self.values[RECEIPT_METHOD] = ReceiptMethod(method).label

    def value(self, field_id: str, index: int | None = None) -> str:
        key = field_id if index is None else repeat_key(field_id, index)
        return self.values.get(key, "")
