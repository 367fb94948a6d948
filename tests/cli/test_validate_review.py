"""``assistant validate`` lists what the wizard's Step 3 lists: field problems and the
確認事項 that are not field validation (model/review.py)."""

from __future__ import annotations


def test_validate_lists_the_points_under_the_pass_mark_as_step_3_does(tmp_path, capsys):
    """A 確認事項 that is not field validation (the 高度専門職 points) is listed by
    `assistant validate` as the wizard's Step 3 lists it; the exit code follows errors only."""
    import json

    from assistant.cli import main
    from assistant.model.codelists import code_list
    from assistant.model.fields import catalogue

    cat = catalogue("coe")

    def choice(field_id: str, starts: str) -> str:
        return next(label for label in code_list(cat.field(field_id).code_list).labels()
                    if label.startswith(starts))

    values = {"desired_status": "高度専門職第１号ロ・第２号（高度専門・技術活動） Highly-Skilled "
                                "Professional (i)(b) & (ii)",
              "n_hsp_points_70": choice("n_hsp_points_70", "３０～３４歳")}
    path = tmp_path / "case.json"
    path.write_text(json.dumps({"schema_version": 2, "procedure": "coe", "values": values},
                               ensure_ascii=False), "utf-8")
    main(["validate", str(path), "--on", "2026-12-07", "--json"])
    out = json.loads(capsys.readouterr().out)
    (points,) = [p for p in out["problems"] if p["code"] == "hsp_points_below"]
    assert points["severity"] == "warning" and "10 点" in points["message"]
