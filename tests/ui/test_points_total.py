"""Under the 高度専門職ポイント表: the points of the chosen answers, as the online page adds
them, and whether they reach the pass mark; it follows each choice."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtWidgets import QApplication, QScrollArea

from assistant.ui.field_widgets import PROBLEM_COLOR
from tests.ui.screens import COE_HSP_VALUES
from tests.ui.test_wizard_kubun import choose

ROOT = Path(__file__).resolve().parents[2]
MBA = ("経営管理に関する専門職学位（ＭＢＡ，ＭＯＴ）を保有（２５点） Holder of a professional "
       "degree：business management(MBA, MOT)(25pt)")
AGE = "３０～３４歳（１０点） Between 30 and 34 years of age (10 points)"


def test_the_total_follows_the_choices(qtbot, store, main_window):
    case = store.create("coe", {**COE_HSP_VALUES, "n_hsp_points_67_2": MBA,
                                "n_hsp_points_70": AGE})
    main_window.reload_cases()
    main_window.open_case(case.id)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    editor = main_window.editor
    editor.go_to_step(editor.flow.step_of("n_hsp_points_70"))
    label = editor.points_label
    assert label is not None and label.isVisibleTo(editor)
    qtbot.waitUntil(lambda: "35 点" in label.text(), timeout=3000)      # 25 + 10
    assert "70 点以上が必要です" in label.text()
    short = label.palette().color(label.foregroundRole())
    assert short == PROBLEM_COLOR                                       # under the mark: red
    salary = next(t for t in (editor.editors["n_hsp_points_71_2"][0].input.itemText(i)
                              for i in range(editor.editors["n_hsp_points_71_2"][0]
                                             .input.count()))
                  if t.startswith("１，０００万円以上"))                   # 40 点
    choose(editor, "n_hsp_points_71_2", salary)
    qtbot.waitUntil(lambda: "75 点" in label.text(), timeout=3000)
    assert label.palette().color(label.foregroundRole()) != PROBLEM_COLOR
    assert store.get(case.id).values["n_hsp_points_71_2"] == salary
    page = editor.pages.currentWidget()
    assert isinstance(page, QScrollArea)
    top = label.mapTo(page.widget(), label.rect().topLeft()).y()
    page.verticalScrollBar().setValue(top - 400)
    QApplication.processEvents()
    folder = Path(os.environ.get("ASSISTANT_SCREENSHOTS", ROOT / "build" / "screenshots"))
    folder.mkdir(parents=True, exist_ok=True)
    main_window.grab().save(str(folder / "ja_coe_hsp_points_total.png"))


def test_a_case_without_the_table_has_no_total(qtbot, store, main_window):
    case = store.create("renewal", {"expiry_date": "20270115"})
    main_window.reload_cases()
    main_window.open_case(case.id)
    assert main_window.editor.points_label is None
