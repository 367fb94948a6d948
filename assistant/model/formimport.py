"""Turn a saved 申込 page into the files of a 区分 field set (shipped or installed).

One code path for ``tools/build_form_fields.py`` (the shipped coe 区分N set) and
``assistant import form`` (an office's own pages, installed into the data folder): the same
page gives byte-identical files. See :mod:`assistant.model.formpage` for the reading and
docs/domain.md#categories for what a 区分 field set is.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from assistant.model.formpage import FormPage, field_set, page_text, parse_page
from assistant.resources import load_json


@dataclass(frozen=True)
class Outputs:
    """The files (relative to ``resources/`` or the data folder's ``reference/``) and what the
    page held."""

    page: FormPage
    field_set: dict[str, Any]
    differences: list[dict[str, object]]
    files: dict[str, str] = field(default_factory=dict)

    @property
    def summary(self) -> str:
        groups = len(self.field_set["groups"])
        return (f"{self.page.procedure} 区分{self.page.kubun}: "
                f"{len(self.field_set['fields'])} fields, {groups} repeat groups, "
                f"{len(self.field_set['code_lists'])} choice lists, "
                f"{len(self.differences)} differences")


def set_file_name(procedure: str, kubun: str) -> str:
    return f"{procedure}.kubun-{kubun}.json"


def field_set_path(procedure: str, kubun: str) -> Path | None:
    """The file of the 区分 field set the catalogue reads: the office's installed one (the data
    folder's ``reference/fields``), else the shipped one; None when there is neither."""
    from assistant.model.reference import reference_dir
    from assistant.resources import resource_path

    name = set_file_name(procedure, kubun)
    root = reference_dir()
    if root is not None and (root / "fields" / name).is_file():
        return root / "fields" / name
    shipped = resource_path("fields", name)
    return shipped if shipped.is_file() else None


def _dump(data: object) -> str:
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


def build_outputs(data: bytes, *, source: str = "") -> Outputs:
    """Read the saved page ``data``; raises :class:`FormPageError`."""
    page = parse_page(page_text(data))
    source = f"page 「{page.title}」 (the online system's 申込 page, saved)"
    hsp: tuple[str, ...] = ()
    if page.procedure == "coe":
        purposes = load_json("codelists", "entry_purpose.json")["entries"]
        hsp = tuple(e["label"] for e in purposes if str(e["label"]).startswith("高度専門職"))
    glossary = load_json("fields", "page_glossary_en.json")["words"]
    result = field_set(page, source, hsp, glossary)
    from assistant.model.formpage import differences, page_rules

    base = load_json("fields", f"{page.procedure}.json")
    lists: dict[str, list[str]] = {}
    for record in base["fields"]:
        list_id = record.get("code_list")
        if list_id and list_id not in lists:
            try:
                # the template's own choices: not those added from a page before
                lists[list_id] = [e["label"] for e in load_json(
                    "codelists", f"{list_id}.json")["entries"]
                    if not str(e.get("note", "")).startswith("offered by the online page")]
            except FileNotFoundError:
                lists[list_id] = []
    diffs = differences(page, base["fields"], lists)
    code_lists: dict[str, object] = dict(result.pop("code_lists"))  # type: ignore[call-overload]
    diffs += shared_list_differences(result, code_lists)
    result["differences"] = diffs
    result["page_rules"] = page_rules(diffs)
    assert page.kubun is not None
    files = {f"fields/{set_file_name(page.procedure, page.kubun)}": _dump(result)}
    for list_id, body in code_lists.items():
        files[f"codelists/{list_id}.json"] = _dump(body)
    result["code_lists"] = code_lists
    return Outputs(page=page, field_set=result, differences=diffs, files=files)


def _template_lists() -> dict[str, list[str]]:
    """The bulk template's code lists (not the page's own ``page_*``): id → the Japanese part
    of each choice, without the choices added from a page before."""
    from assistant.resources import resource_path

    found: dict[str, list[str]] = {}
    for path in sorted(resource_path("codelists").glob("*.json")):
        if path.stem.startswith("page_"):
            continue
        entries = load_json("codelists", path.name)["entries"]
        found[path.stem] = [str(e["label"]).split(" ", 1)[0] for e in entries
                            if not str(e.get("note", "")).startswith("offered by the online page")]
    return found


def shared_list_differences(field_set: dict[str, Any],
                            code_lists: dict[str, Any]) -> list[dict[str, object]]:
    """The 区分 items' pull-downs that are one of the template's code lists (industry,
    occupation, country, major …: most of the page's choices are in it, the most specific such
    list): the page's choices that list lacks, to be added to it with the code unknown
    (``tools/build_catalogue.py``; docs/domain.md#online-page)."""
    template = _template_lists()
    found: list[dict[str, object]] = []
    done: set[str] = set()
    for record in field_set["fields"]:
        list_id = record.get("code_list")
        if not list_id or list_id in done:
            continue
        done.add(list_id)
        page = [str(e["label"]).split(" ", 1)[0] for e in code_lists[list_id]["entries"]]
        if len(page) < 4:
            continue
        overlap = {tid: len(set(page) & set(labels)) for tid, labels in template.items()}
        best = max(overlap, key=lambda tid: (overlap[tid], -len(template[tid]), tid))
        if overlap[best] < max(3, len(page) // 2):
            continue
        missing = [str(e["label"]) for e, ja in zip(code_lists[list_id]["entries"], page,
                                                     strict=True)
                   if ja not in set(template[best])]
        if missing:
            found.append({"item": record["item"], "label": record["label_ja"],
                          "field": record["id"], "what": "choices_missing", "code_list": best,
                          "page": missing, "catalogue": len(template[best]),
                          "reason": f"added to the list {best} from the page, code unknown "
                                    "(tools/build_catalogue.py)"})
    return found


def write_outputs(outputs: Outputs, root: Path) -> list[Path]:
    """Write the files under ``root`` (``resources/`` or ``<data>/reference``)."""
    from assistant.model.atomic import atomic_write_files

    paths = {root / relative: text.encode("utf-8") for relative, text in outputs.files.items()}
    for path in paths:
        path.parent.mkdir(parents=True, exist_ok=True)
    atomic_write_files(paths)
    return list(paths)


def shipped_differences(outputs: Outputs) -> list[dict[str, object]]:
    """How the page's set differs from the shipped set of the same procedure and 区分 (fields
    added or removed, label, kind, required, length or choices changed); empty when none is
    shipped or they are the same."""
    from assistant.resources import resource_path

    assert outputs.page.kubun is not None
    name = set_file_name(outputs.page.procedure, outputs.page.kubun)
    path = resource_path("fields", name)
    if not path.is_file():
        return [{"what": "new_kubun", "id": name}]
    shipped = {f["control_name"]: f for f in json.loads(path.read_text("utf-8"))["fields"]}
    new = {str(f["control_name"]): f for f in outputs.field_set["fields"]}
    lists = outputs.field_set["code_lists"]
    found: list[dict[str, object]] = []
    for key, f in new.items():
        old = shipped.get(key)
        if old is None:
            found.append({"what": "added", "id": f["id"], "item": f["item"],
                          "label": f["label_ja"]})
            continue
        for attr in ("label_ja", "kind", "required", "max_length"):
            if old.get(attr) != f.get(attr):
                found.append({"what": f"{attr}_changed", "id": f["id"], "item": f["item"],
                              "label": f["label_ja"], "shipped": old.get(attr),
                              "page": f.get(attr)})
        if f.get("code_list"):
            try:
                before = [e["label"] for e in load_json(
                    "codelists", f"{old['code_list']}.json")["entries"]]
            except (FileNotFoundError, KeyError, TypeError):
                before = []
            after = [e["label"] for e in lists[f["code_list"]]["entries"]]
            if before != after:
                found.append({"what": "choices_changed", "id": f["id"], "item": f["item"],
                              "label": f["label_ja"],
                              "removed": [c for c in before if c not in after],
                              "added": [c for c in after if c not in before]})
    for key, f in shipped.items():
        if key not in new:
            found.append({"what": "removed", "id": f["id"], "item": f["item"],
                          "label": f["label_ja"]})
    return found


@dataclass(frozen=True)
class FieldSetInfo:
    """One 区分 field set the catalogue reads: shipped (``resources/fields``) or installed by
    the office (``<data>/reference/fields``, :func:`write_outputs`). ``installed_at`` is the
    file's modification time (None for a shipped set); an installed set replaces the shipped
    one of the same name."""

    procedure: str
    kubun: str
    title: str
    fields: int
    path: Path
    shipped: bool
    installed_at: datetime | None


def _info(path: Path, shipped: bool) -> FieldSetInfo | None:
    stem = path.name.removesuffix(".json")
    procedure, _, kubun = stem.partition(".kubun-")
    try:
        data = json.loads(path.read_text("utf-8"))
        stamp = None if shipped else datetime.fromtimestamp(path.stat().st_mtime)
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict) or not kubun:
        return None
    return FieldSetInfo(procedure=str(data.get("procedure") or procedure),
                        kubun=str(data.get("kubun") or kubun), title=str(data.get("title", "")),
                        fields=len(data.get("fields") or []), path=path, shipped=shipped,
                        installed_at=stamp)


def field_sets(root: Path | None) -> list[FieldSetInfo]:
    """The shipped and the installed (under ``root``, the data folder's ``reference/``; None:
    none) 区分 field sets, by procedure and 区分; an unreadable installed file is left out."""
    from assistant.resources import resource_path

    found = {p.name: p for p in resource_path("fields").glob("*.kubun-*.json")}
    infos = {name: _info(path, True) for name, path in found.items()}
    if root is not None and (root / "fields").is_dir():
        for path in (root / "fields").glob("*.kubun-*.json"):
            infos[path.name] = _info(path, False)
    return sorted((i for i in infos.values() if i is not None),
                  key=lambda i: (i.procedure, i.kubun))


def remove_installed(info: FieldSetInfo) -> None:
    """Remove an installed field set (used from the next start; a shipped one of the same name
    comes back). The choice lists it brought stay: another set may use them. Raises
    ``ValueError`` for a shipped set, ``OSError`` when the file cannot be removed."""
    if info.shipped:
        raise ValueError("a shipped field set cannot be removed")
    info.path.unlink(missing_ok=True)
