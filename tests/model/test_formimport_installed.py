"""Installed 区分 field sets: listed next to the shipped ones, removable (the shipped ones not)."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.model.formimport import (
    build_outputs,
    field_sets,
    remove_installed,
    write_outputs,
)

PAGE = Path(__file__).resolve().parents[1] / "data" / "coe_N_offer_form.html"


def test_an_installed_set_is_listed_and_removed_and_the_shipped_one_stays(tmp_path):
    root = tmp_path / "reference"
    shipped = field_sets(root)
    assert [(i.procedure, i.kubun, i.shipped) for i in shipped] == [("coe", "N", True)]
    assert shipped[0].title == "在留資格認定証明書交付申請（区分N）"
    assert shipped[0].fields > 10 and shipped[0].installed_at is None
    with pytest.raises(ValueError):
        remove_installed(shipped[0])
    assert shipped[0].path.is_file()

    write_outputs(build_outputs(PAGE.read_bytes()), root)
    (info,) = field_sets(root)
    assert not info.shipped and info.path.parent == root / "fields"
    assert info.installed_at is not None and info.fields == shipped[0].fields
    remove_installed(info)
    assert not info.path.exists()
    assert [i.shipped for i in field_sets(root)] == [True]


def test_a_broken_installed_file_is_left_out(tmp_path):
    (tmp_path / "fields").mkdir()
    (tmp_path / "fields" / "renewal.kubun-Q.json").write_text("{not json", "utf-8")
    assert [(i.procedure, i.kubun) for i in field_sets(tmp_path)] == [("coe", "N")]
