"""Settings: declared once, stored atomically, bad files never stop the program."""

from __future__ import annotations

import json

import pytest

from assistant.model import atomic
from assistant.model.settings import (
    ALL_SETTINGS,
    CODE_LIST_CELLS,
    LANGUAGE,
    RULE_PROFILE,
    Setting,
    Settings,
    config_dir,
)


def test_defaults_without_a_file(tmp_path):
    s = Settings(tmp_path / "none.json")
    assert s.get(LANGUAGE) == "ja"
    assert s.get(CODE_LIST_CELLS) == "labels"
    assert set(s.as_dict()) == {x.key for x in ALL_SETTINGS}
    assert not (tmp_path / "none.json").exists()


def test_a_change_is_on_disk_when_set_returns(tmp_path):
    path = tmp_path / "cfg" / "settings.json"
    Settings(path).set(LANGUAGE, "en")
    assert json.loads(path.read_text(encoding="utf-8"))["language"] == "en"
    assert Settings(path).get(LANGUAGE) == "en"
    # No temporary files left next to it.
    assert [p.name for p in path.parent.iterdir()] == ["settings.json"]


def test_config_dir_follows_the_environment(tmp_path, monkeypatch):
    monkeypatch.setenv("ASSISTANT_CONFIG_DIR", str(tmp_path / "c"))
    assert config_dir() == tmp_path / "c"
    Settings().set(RULE_PROFILE, "system-2026")
    assert Settings().get(RULE_PROFILE) == "system-2026"


def test_values_outside_the_declaration_are_refused(tmp_path):
    s = Settings(tmp_path / "s.json")
    with pytest.raises(ValueError):
        s.set(LANGUAGE, "fr")
    with pytest.raises(ValueError):
        s.set(LANGUAGE, 1)
    with pytest.raises(KeyError):
        s.set(Setting("nope", str, ""), "x")
    assert s.get(LANGUAGE) == "ja"


def test_a_broken_or_hand_edited_file_falls_back_to_defaults(tmp_path):
    path = tmp_path / "s.json"
    path.write_text("{not json", encoding="utf-8")
    s = Settings(path)
    assert s.get(LANGUAGE) == "ja" and s.problems
    path.write_text(json.dumps({"language": "xx", "code_list_cells": "codes",
                                "from_a_newer_version": 5}), encoding="utf-8")
    s = Settings(path)
    assert s.get(LANGUAGE) == "ja"
    assert s.get(CODE_LIST_CELLS) == "codes"
    assert any("language" in p for p in s.problems)
    s.set(LANGUAGE, "en")
    # Keys this version does not know survive a save.
    assert json.loads(path.read_text(encoding="utf-8"))["from_a_newer_version"] == 5


def test_a_failed_write_leaves_the_old_file(tmp_path, monkeypatch):
    path = tmp_path / "cfg" / "s.json"
    Settings(path).set(LANGUAGE, "en")

    def boom(*_args):
        raise OSError("disk full")

    monkeypatch.setattr(atomic.os, "replace", boom)
    with pytest.raises(OSError):
        Settings(path).set(CODE_LIST_CELLS, "codes")
    assert json.loads(path.read_text(encoding="utf-8")) == {"language": "en"}
    assert [p.name for p in path.parent.iterdir()] == ["s.json"]
