"""The fill payload of a case for the online system's 申込 page, and the fill script.

The office fills the 申込 page in its own browser with the assistant's fill script
(``resources/autofill/fill.js``, as a bookmarklet or in a generated extension folder); the script takes the
payload built here: the case's values only (never the 認証ID or password), each keyed by the
page control's id, in the page's own format (docs/autofill.md). Which control holds which
catalogue field comes from a page map per procedure and 区分 (``resources/autofill/
<procedure>_<区分>_map.json``), read from the saved page's item numbers and labels.

A case with errors gets no payload (:class:`PayloadRefused` lists the problems): what the
office fills in the online system must be what the assistant checked.
"""

from __future__ import annotations

import json
import os
import re
import urllib.parse
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

from assistant.model import kubun
from assistant.model.case import Case, repeat_key, split_key
from assistant.model.fields import Catalogue, catalogue
from assistant.model.problems import Problem, make_problem
from assistant.model.validation import applies, condition_holds, validate_case
from assistant.resources import load_json, resource_path

FORMAT = "zairyu-fill/1"
_NUMBER = re.compile(r"\d{6}")


class PayloadRefused(Exception):
    """The case cannot be handed to the online system; ``problems`` says why."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("; ".join(p.message_en for p in problems))
        self.problems = problems


@dataclass(frozen=True)
class FillItem:
    key: str      # the page control's id (a radio's id stands for its group)
    value: str    # as the office would type or choose it
    label: str    # the catalogue's label, for the script's report
    sources: tuple[str, ...]  # the case value keys it comes from (``relative_name[2]``)

    def to_json(self) -> dict[str, str]:
        return {"key": self.key, "value": self.value, "label": self.label}


@dataclass(frozen=True)
class FillPayload:
    procedure_title: str
    items: tuple[FillItem, ...]
    not_on_page: tuple[str, ...] = field(default=())  # case value keys the page has no item for

    def to_json(self) -> str:
        return json.dumps({"format": FORMAT, "procedure_title": self.procedure_title,
                           "items": [i.to_json() for i in self.items]},
                          ensure_ascii=False, indent=1)

    @property
    def placed_keys(self) -> frozenset[str]:
        return frozenset(k for i in self.items for k in i.sources)


@dataclass(frozen=True)
class PageMap:
    procedure: str
    kubun: str
    procedure_title: str
    statuses: tuple[str, ...]
    items: tuple[dict[str, Any], ...]

    def controls(self) -> Iterator[str]:
        """Every control id the map names (repeat rows expanded)."""
        for entry in self.entries():
            if "group" in entry:
                for row in range(1, int(entry["rows"]) + 1):
                    for member in entry["items"]:
                        yield from _entry_controls(member, row, int(entry["row_step"]))
            else:
                yield from _entry_controls(entry, 1, 0)

    def entries(self) -> Iterator[dict[str, Any]]:
        """The map's entries, a field set's fields (``field_set``) spelled out in place."""
        for entry in self.items:
            if "field_set" in entry:
                yield from _field_set(entry["field_set"], entry.get("row_steps", {}))
            else:
                yield entry

    def fields(self) -> frozenset[str]:
        out: set[str] = set()
        for entry in self.entries():
            for member in entry["items"] if "group" in entry else [entry]:
                out.update(member.get("fields") or [member["field"]])
        return frozenset(out)


_DIGITS_KINDS = ("date", "year_month")


def _field_set(name: str, row_steps: Mapping[str, int]) -> list[dict[str, Any]]:
    """Map entries for the fields of a generated 区分 field set (resources/fields/NAME) that
    carry the page's ``control_id``; a repeat group's members become one group entry."""
    if not resource_path("fields", name).exists():
        return []
    data = load_json("fields", name)
    out: list[dict[str, Any]] = []
    groups: dict[str, dict[str, Any]] = {}
    for f in data["fields"]:
        control = f.get("control_id")
        if not control:
            continue
        entry: dict[str, Any] = {"field": f["id"], "control": control}
        if f.get("kind") in _DIGITS_KINDS:
            entry["format"] = "digits"
        group = f.get("group")
        if group is None:
            out.append(entry)
            continue
        if group not in row_steps:
            continue  # rows the map cannot place
        if group not in groups:
            size = next(g["max"] for g in data.get("groups", ()) if g["id"] == group)
            groups[group] = {"group": group, "row_step": row_steps[group], "rows": size,
                             "items": []}
            out.append(groups[group])
        groups[group]["items"].append(entry)
    return out


def _entry_controls(entry: Mapping[str, Any], row: int, step: int) -> Iterator[str]:
    yield row_control(entry["control"], row, step)
    for extra in entry.get("also", ()):
        yield row_control(extra, row, step)
    if "before" in entry:
        yield row_control(entry["before"]["control"], row, step)


def row_control(control: str, row: int, step: int) -> str:
    """The id of ``control`` (a row-1 id) in repeat row ``row``: the page numbers each row's
    items ``step`` apart (``switch_256139`` → ``switch_256146`` in row 2)."""
    if row == 1:
        return control
    return _NUMBER.sub(lambda m: str(int(m.group(0)) + step * (row - 1)), control, count=1)


@cache
def page_maps() -> tuple[PageMap, ...]:
    maps = []
    for path in sorted(resource_path("autofill").glob("*_map.json")):
        data = load_json("autofill", path.name)
        maps.append(PageMap(procedure=data["procedure"], kubun=data["kubun"],
                            procedure_title=data["procedure_title"],
                            statuses=tuple(data.get("statuses", ())),
                            items=tuple(data["items"])))
    return tuple(maps)


def _japanese(label: str) -> str:
    return label.strip().split(" ")[0] if label.strip() else ""


def page_map_for(cat: Catalogue, values: Mapping[str, str]) -> PageMap | None:
    """The page map of the case's procedure and 区分, if the assistant has one."""
    answer = kubun.case_kubun(cat, values)
    status = _japanese(values.get(kubun.answer_field(cat.procedure) or "", ""))
    for page in page_maps():
        if page.procedure != cat.procedure:
            continue
        if answer.kubun is not None:
            if answer.kubun == page.kubun:
                return page
        elif status and status in {_japanese(s) for s in page.statuses}:
            return page
    return None


def _formatted(value: str, fmt: str | None) -> str:
    if fmt == "digits":
        return re.sub(r"\D", "", value)
    return value


def build_payload(case: Case, on: date, *, check: bool = True) -> FillPayload:
    """The fill payload of ``case``; raises :class:`PayloadRefused` when the case has errors
    (unless ``check`` is off, for tests of the mapping) or no page map fits it."""
    try:
        cat = catalogue(case.procedure)
    except KeyError:
        raise PayloadRefused([make_problem("procedure", "unknown_procedure",
                                           procedure=case.procedure)]) from None
    if check:
        errors = [p for p in validate_case(case, on) if p.is_error]
        if errors:
            raise PayloadRefused(errors)
    values = kubun.scoped_values(cat, dict(case.values))
    page = page_map_for(cat, values)
    if page is None:
        raise PayloadRefused([make_problem("procedure", "autofill_no_page")])
    items: list[FillItem] = []
    for entry in page.entries():
        if "group" in entry:
            group = cat.group(entry["group"])
            if group.required_when is not None and not condition_holds(
                    group.required_when, values, cat):
                continue
            for row in range(1, int(entry["rows"]) + 1):
                for member in entry["items"]:
                    items.extend(_items_for(cat, member, values, row, int(entry["row_step"])))
        else:
            items.extend(_items_for(cat, entry, values, None, 0))
    placed = {k for i in items for k in i.sources}
    mapped = page.fields()
    not_on_page = tuple(
        key for key, value in sorted(values.items())
        if value.strip() and key not in placed and cat.has_field(split_key(key)[0])
        and split_key(key)[0] not in mapped and applies(cat.field(split_key(key)[0]), values, cat))
    return FillPayload(page.procedure_title, tuple(items), not_on_page)


def _items_for(cat: Catalogue, entry: Mapping[str, Any], values: Mapping[str, str],
               row: int | None, step: int) -> list[FillItem]:
    field_ids: list[str] = list(entry.get("fields") or [entry["field"]])
    keys = [repeat_key(f, row) if row is not None else f for f in field_ids]
    parts = [values.get(k, "").strip() for k in keys]
    if not any(parts):
        return []
    if not all(applies(cat.field(f), values, cat) for f in field_ids):
        return []  # a conditional item whose condition does not hold
    value = _formatted("".join(parts), entry.get("format"))
    label = cat.key_label(keys[-1]) if len(keys) == 1 else cat.key_label(keys[0])
    n = row or 1
    out: list[FillItem] = []
    if "before" in entry:
        before = entry["before"]
        out.append(FillItem(row_control(before["control"], n, step), before["value"], label,
                            tuple(keys)))
    out.append(FillItem(row_control(entry["control"], n, step), value, label, tuple(keys)))
    for extra in entry.get("also", ()):
        out.append(FillItem(row_control(extra, n, step), value, label, tuple(keys)))
    return out


def fill_script() -> str:
    """The fill script (plain JavaScript; defines ``window.zairyuFill(payloadText)``)."""
    return resource_path("autofill", "fill.js").read_text(encoding="utf-8")


PASTE_PROMPT = "アシスタントの「オンラインシステムに入力」でコピーした入力データを貼り付けてください"


def bookmarklet() -> str:
    """The ``javascript:`` URL: the whole fill script, then a paste box for the payload."""
    body = (fill_script() + "\n;(function(){var t=window.prompt(" + json.dumps(PASTE_PROMPT)
            + ",\"\");if(t){window.zairyuFill(t);}})();")
    # javascript: URLs are percent-decoded before they run: newlines (and so the script's
    # line comments) survive as %0A.
    return "javascript:" + urllib.parse.quote(body, safe="(){};,=+-*/!:.$_~")


# The Chrome/Edge extension folder, generated (never kept in the repository, so its script
# cannot drift from the bookmarklet's): the manifest template, fill.js, the paste box, icons.
EXTENSION_ICONS = {16: "assistant-16.png", 48: "assistant-48.png", 128: "assistant-128.png"}


def _extension_version(version: str) -> str:
    """Chrome wants 1 to 4 dot-separated integers (``0.2.0rc1`` → ``0.2.0``)."""
    numbers = re.findall(r"\d+", version)[:4]
    return ".".join(str(int(n) % 65536) for n in numbers) or "0"


def extension_files() -> dict[str, bytes]:
    """The extension folder's files by name: ``manifest.json`` (manifest v3, content scripts
    on the online system's host only, no permissions), the fill script (exactly
    :func:`fill_script`), the paste box and the icons (docs/autofill.md)."""
    from assistant import __version__

    manifest = dict(load_json("autofill", "extension_manifest.json"))
    manifest["version"] = _extension_version(__version__)
    manifest["version_name"] = __version__
    manifest["icons"] = {str(size): f"icon{size}.png" for size in EXTENSION_ICONS}
    files = {"manifest.json": (json.dumps(manifest, ensure_ascii=False, indent=2) + "\n")
             .encode("utf-8"),
             "fill.js": fill_script().encode("utf-8"),
             "paste_box.js": resource_path("autofill", "paste_box.js").read_bytes()}
    for size, name in EXTENSION_ICONS.items():
        files[f"icon{size}.png"] = resource_path("icons", name).read_bytes()
    return files


EXTENSION_FOLDER = "zairyu-assistant-extension"  # the folder's name where the app creates it
EXTENSION_FILE_NAMES = ("manifest.json", "fill.js", "paste_box.js",
                        *(f"icon{size}.png" for size in EXTENSION_ICONS))


def write_extension(folder: str | os.PathLike[str]) -> Path:
    """Write the extension folder ``folder`` (created if missing; the extension's files in it
    replaced all together or not at all) and return it."""
    from assistant.model.atomic import atomic_write_files

    target = Path(folder)
    target.mkdir(parents=True, exist_ok=True)
    atomic_write_files({target / name: data for name, data in extension_files().items()})
    return target
