"""``assistant import form PAGE.html [--install] [--json]``: a 区分 field set from a saved 申込 page.

An office saves the online system's 申込 page of a procedure and 区分 from the browser (HTML,
"complete" or MHTML); this reads it with the same code as ``tools/build_form_fields.py``
(:mod:`assistant.model.formimport`), reports what it found (procedure, 区分, fields, repeat
groups, differences from the shipped set) and, with ``--install``, puts the set into the data
folder, used from the next start (docs/domain.md#categories). Exit 0 done; 2 a file that is not a
申込 page, an unknown procedure, a changed layout or an unreadable file (nothing is changed).
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from assistant.cli import UsageError


def register_import(imp_actions: Any) -> None:
    sub = imp_actions.add_parser(
        "form", help="申込画面から区分の質問を取り込む / import a 区分's questions from a saved page",
        description="オンラインシステムの申込画面をブラウザで保存したファイル（HTML / MHTML）から、その"
                    "申請種別・区分の質問を読み取り、見つけたものを表示します。--install でこの事務所の"
                    "データとして入れます（次の起動から使われます）。")
    sub.add_argument("page", metavar="PAGE.html")
    sub.add_argument("--install", action="store_true",
                     help="この事務所のデータとして入れる / install for this office")
    sub.add_argument("--json", action="store_true", help="JSON で出力 / output JSON")
    sub.set_defaults(handler=_run)


def _run(args: argparse.Namespace) -> int:
    from assistant.model.formimport import build_outputs, shipped_differences
    from assistant.model.formpage import FormPageError

    english = getattr(args, "lang", None) == "en"
    try:
        data = Path(args.page).read_bytes()
    except OSError as exc:
        raise UsageError(f"ファイルを読めません: {args.page} ({exc.strerror})") from exc
    try:
        outputs = build_outputs(data)
    except FormPageError as exc:
        raise UsageError(exc.message_en if english else exc.message_ja) from exc
    compared = shipped_differences(outputs)
    installed: list[str] = []
    if args.install:
        installed = [str(p) for p in _install(outputs)]
    if args.json:
        print(json.dumps(_to_json(outputs, compared, installed), ensure_ascii=False, indent=2))
        return 0
    page = outputs.page
    lines = [f"{page.title}: {page.procedure} 区分{page.kubun}", outputs.summary]
    lines += [f"  {d['what']}: {d.get('item') or ''} {d.get('label') or d.get('id') or ''}"
              for d in compared]
    lines += [f"  page≠template {d['what']}: {d['item']} {d['label']}"
              for d in outputs.differences]
    if installed:
        lines.append(f"installed ({len(installed)} files), used from the next start")
    print("\n".join(lines))
    return 0


def _install(outputs: Any) -> list[Path]:
    from assistant.model.formimport import write_outputs
    from assistant.model.reference import reference_dir

    folder = reference_dir()
    if folder is None:
        raise UsageError("この環境では取り込めません（ASSISTANT_RESOURCES が指定されています）。")
    try:
        return write_outputs(outputs, folder)
    except OSError as exc:
        raise UsageError(f"書き込めません: {folder} ({exc.strerror})") from exc


def _to_json(outputs: Any, compared: list[dict[str, object]],
             installed: list[str]) -> dict[str, Any]:
    fs = outputs.field_set
    groups = {g["id"]: g for g in fs["groups"]}
    lists = fs["code_lists"]
    fields = []
    for f in fs["fields"]:
        group = groups.get(f["group"]) if f["group"] else None
        choices = [e["label"] for e in lists[f["code_list"]]["entries"]] if f["code_list"] \
            else []
        fields.append({
            "id": f["id"], "item": f["item"], "label_ja": f["label_ja"],
            "section": f["section"], "kind": f["page_kind"],
            "required": bool(f["page_required"]), "max_length": f["max_length"],
            "choices": choices, "group": f["group"],
            "repeat_max": group["max"] if group else None,
            "control_id": f["control_id"], "control_name": f["control_name"]})
    return {"procedure": outputs.page.procedure, "kubun": outputs.page.kubun,
            "title": outputs.page.title, "fields": fields,
            "differences": compared + [dict(d, against="template") for d in outputs.differences],
            "installed": installed}
