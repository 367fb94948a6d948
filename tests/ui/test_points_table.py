"""The 高度専門職ポイント表 of a 区分N coe asks the rows of the case's own activity type: a
高度専門・技術 (ロ) case gets ロ's 学歴 / 職歴 / 年収 / 研究実績 (their own choices), not those of
イ or ハ. docs/domain.md#categories."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtWidgets import QApplication, QScrollArea

from tests.ui.screens import COE_HSP_VALUES

ROOT = Path(__file__).resolve().parents[2]
MBA = ("経営管理に関する専門職学位（ＭＢＡ，ＭＯＴ）を保有（２５点） Holder of a professional "
       "degree：business management(MBA, MOT)(25pt)")


def test_a_hsp_b_case_is_asked_the_points_rows_of_its_activity(qtbot, store, main_window):
    case = store.create("coe", {**COE_HSP_VALUES, "n_hsp_points_67_2": MBA,
                                "n_hsp_points_70": "３０～３４歳（１０点） Between 30 and 34 years "
                                                   "of age (10 points)"})
    main_window.reload_cases()
    main_window.open_case(case.id)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    editor = main_window.editor
    editor.go_to_step(editor.flow.step_of("n_hsp_points_67_2"))

    def shown(key: str) -> bool:
        return bool(editor.editors[key][0].isVisibleTo(editor))

    for own in ("n_hsp_points_67_2", "n_hsp_points_69_2", "n_hsp_points_71_2",
                "n_hsp_points_73_2", "n_hsp_points_70", "n_hsp_points_78_2"):
        assert shown(own), own
    for other in ("n_hsp_points_67", "n_hsp_points_67_3", "n_hsp_points_69",
                  "n_hsp_points_69_3", "n_hsp_points_71", "n_hsp_points_71_3",
                  "n_hsp_points_73"):
        assert not shown(other), other
    education = editor.editors["n_hsp_points_67_2"][0]
    assert education.input.currentText() == MBA       # the stored answer, in ロ's own list
    page = editor.pages.currentWidget()
    assert isinstance(page, QScrollArea)
    top = education.mapTo(page.widget(), education.rect().topLeft()).y()
    page.verticalScrollBar().setValue(top - 110)   # the section's title above 特別高度人材
    QApplication.processEvents()
    folder = Path(os.environ.get("ASSISTANT_SCREENSHOTS", ROOT / "build" / "screenshots"))
    folder.mkdir(parents=True, exist_ok=True)
    main_window.grab().save(str(folder / "ja_coe_hsp_b_points_table.png"))
