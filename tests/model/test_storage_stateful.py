"""Model-based test: any sequence of edits, reopenings and recycle-bin moves leaves the
database agreeing with a plain in-memory model (hypothesis stateful testing)."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import settings
from hypothesis import strategies as st
from hypothesis.stateful import Bundle, RuleBasedStateMachine, invariant, rule

from assistant.model.case import CaseStatus, repeat_key
from assistant.model.storage import CaseStore

KEYS = st.one_of(st.sampled_from(["name", "nationality", "expiry_date", "address"]),
                 st.builds(repeat_key, st.sampled_from(["relative_name", "career_org"]),
                           st.integers(1, 3)))
VALUES = st.one_of(st.just(""), st.text(max_size=8),
                   st.sampled_from(["王 芳", "ＡＢ１２", "東京都新宿区"]))


class StoreMachine(RuleBasedStateMachine):
    cases = Bundle("cases")

    def __init__(self) -> None:
        super().__init__()
        self.folder = tempfile.TemporaryDirectory()
        self.path = Path(self.folder.name) / "cases.sqlite"
        self.store = CaseStore.open(self.path)
        self.values: dict[str, dict[str, str]] = {}
        self.status: dict[str, CaseStatus] = {}
        self.deleted: set[str] = set()
        self.history_len: dict[str, int] = {}

    def teardown(self) -> None:
        self.store.close()
        self.folder.cleanup()

    @rule(target=cases, procedure=st.sampled_from(["renewal", "change", "coe"]))
    def create(self, procedure: str) -> str:
        case = self.store.create(procedure)
        self.values[case.id] = {}
        self.status[case.id] = CaseStatus.DRAFT
        self.history_len[case.id] = 1
        return case.id

    @rule(case_id=cases, key=KEYS, value=VALUES)
    def set_value(self, case_id: str, key: str, value: str) -> None:
        if case_id not in self.values:
            return
        self.store.set_value(case_id, key, value)
        if value:
            self.values[case_id][key] = value
        else:
            self.values[case_id].pop(key, None)

    @rule(case_id=cases, status=st.sampled_from(list(CaseStatus)))
    def set_status(self, case_id: str, status: CaseStatus) -> None:
        if case_id not in self.values:
            return
        self.store.set_status(case_id, status)
        self.status[case_id] = status
        self.history_len[case_id] += 1

    @rule(case_id=cases)
    def delete(self, case_id: str) -> None:
        if case_id in self.values:
            self.store.delete(case_id)
            self.deleted.add(case_id)

    @rule(case_id=cases)
    def restore(self, case_id: str) -> None:
        if case_id in self.values:
            self.store.restore(case_id)
            self.deleted.discard(case_id)

    @rule(case_id=cases)
    def purge(self, case_id: str) -> None:
        if case_id in self.deleted:
            self.store.purge(case_id)
            self.deleted.discard(case_id)
            for table in (self.values, self.status, self.history_len):
                del table[case_id]

    @rule()
    def reopen(self) -> None:
        self.store.close()
        self.store = CaseStore.open(self.path)

    @invariant()
    def agrees_with_model(self) -> None:
        listed = {s.id: s for s in self.store.list_summaries()}
        assert set(listed) == set(self.values) - self.deleted
        assert {s.id for s in self.store.list_deleted()} == self.deleted
        for case_id, values in self.values.items():
            case = self.store.get(case_id)
            assert case.values == values
            assert case.status is self.status[case_id]
            assert (case.deleted_at is not None) == (case_id in self.deleted)
            assert len(self.store.history(case_id)) == self.history_len[case_id]
            if case_id in listed:
                assert listed[case_id].name == values.get("name", "")
                assert listed[case_id].expiry_date == values.get("expiry_date", "")


StoreMachine.TestCase.settings = settings(max_examples=15, stateful_step_count=20,
                                          deadline=None)
test_store_agrees_with_model = StoreMachine.TestCase
