"""The 高度専門職 points of a coe 区分N case, added up from the page's own choices."""

from __future__ import annotations

from datetime import date

from assistant.model.codelists import code_list
from assistant.model.editing import CaseSession
from assistant.model.fields import catalogue
from assistant.model.points import choice_points, hsp_points, points_problems

HSP_A = "高度専門職第１号イ・第２号（高度学術研究活動） Highly-Skilled Professional (i)(a) & (ii)"
HSP_B = "高度専門職第１号ロ・第２号（高度専門・技術活動） Highly-Skilled Professional (i)(b) & (ii)"
TECH = "技術・人文知識・国際業務 Engineer / Specialist in Humanities / International Services"


def _choice(field_id: str, starts: str) -> str:
    cat = catalogue("coe")
    labels = code_list(cat.field(field_id).code_list).labels()
    return next(label for label in labels if label.startswith(starts))


def _b_case(**more: str) -> dict[str, str]:
    return {"desired_status": HSP_B,
            "n_hsp_points_67_2": _choice("n_hsp_points_67_2", "修士又は専門職学位"),    # 20
            "n_hsp_points_69_2": _choice("n_hsp_points_69_2", "７年以上１０年未満"),    # 15
            "n_hsp_points_70": _choice("n_hsp_points_70", "３０～３４歳"),              # 10
            "n_hsp_points_71_2": _choice("n_hsp_points_71_2", "６００万円以上"),        # 20
            **more}


def test_a_choice_names_its_points_in_full_width_digits() -> None:
    assert choice_points("博士学位（専門職学位を除く）（３０点） Holder of a doctoral degree") == 30
    assert choice_points("該当しない Not applicable") is None


def test_a_b_case_adds_up_the_rows_of_its_own_activity() -> None:
    points = hsp_points(catalogue("coe"), _b_case())
    assert points is not None
    assert points.total == 65 and not points.reached and points.pass_mark == 70
    assert dict(points.parts) == {"n_hsp_points_67_2": 20, "n_hsp_points_69_2": 15,
                                  "n_hsp_points_70": 10, "n_hsp_points_71_2": 20}
    # イ's 学歴 row answered too (left from an earlier choice): not part of a ロ case
    stale = _b_case(n_hsp_points_67=_choice("n_hsp_points_67", "博士学位"))
    assert hsp_points(catalogue("coe"), stale).total == 65   # type: ignore[union-attr]
    more = _b_case(n_hsp_points_74=_choice("n_hsp_points_74", "１つ保有"))         # +5
    assert hsp_points(catalogue("coe"), more).reached            # type: ignore[union-attr]


def test_only_a_hsp_case_has_points() -> None:
    assert hsp_points(catalogue("coe"), {"desired_status": TECH}) is None
    assert hsp_points(catalogue("coe"), {}) is None
    assert hsp_points(catalogue("renewal"), {"current_status": "高度専門職"}) is None


def test_under_the_pass_mark_is_a_confirmation_not_an_error() -> None:
    cat = catalogue("coe")
    (problem,) = points_problems(cat, _b_case())
    assert not problem.is_error and problem.code == "hsp_points_below"
    assert "65 点で、70 点に届きません" in problem.message_ja
    assert points_problems(cat, {"desired_status": HSP_B}) == []        # not started yet
    research = _b_case(n_hsp_points_73_2="発明者として特許を受けた発明が１件以上")
    (problem,) = points_problems(cat, research)
    assert problem.code == "hsp_points_below_uncounted" and "研究実績" in problem.message_ja
    assert points_problems(cat, _b_case(n_hsp_points_74=_choice("n_hsp_points_74", "１つ"))) == []


def test_the_wizard_session_counts_it_among_the_confirmations(store) -> None:
    case = store.create("coe", _b_case())
    session = CaseSession(store, case.id, today=lambda: date(2026, 12, 7))
    problems = session.validate()
    assert [p.code for p in problems if p.code.startswith("hsp_points")] == ["hsp_points_below"]
    # イ files on 区分I unless its research purpose (区分N) is chosen: no N points table then
    store.set_value(case.id, "desired_status", HSP_A)
    session = CaseSession(store, case.id, today=lambda: date(2026, 12, 7))
    assert [p.code for p in session.validate() if p.code.startswith("hsp_points")] == []
