#!/usr/bin/env python3
"""Build a 区分 field set from a saved 申込 page of the online system.

Reads the page (``PAGE``: the saved HTML or MHTML; docs/domain.md#online-page) with
:mod:`assistant.model.formpage` and writes, for the page's procedure and 区分 (e.g. coe 区分N):

* ``resources/fields/<procedure>.kubun-<L>.json`` — the 区分's sections (申請人に関する情報等,
  所属機関に関する情報等, 高度専門職ポイント表), fields in the page's order with its item numbers,
  labels, kinds, required marks, maximum lengths, repeat groups, conditions and the control's
  ``id`` / ``name``, plus ``differences``: where the page's common items differ from the
  catalogue (the page wins);
* ``resources/codelists/page_<procedure>_<l>_NN.json`` — the page's choices.

The output is committed and never edited by hand; ``assistant import form`` runs the same code
for an office's own pages. Usage: ``python3 tools/build_form_fields.py PAGE [--check]``
(``--check``: exit 1 when the committed files differ from what the page gives).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from assistant.model.formimport import build_outputs  # noqa: E402
from assistant.model.formpage import FormPageError  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("page", type=Path)
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args(argv)
    try:
        outputs = build_outputs(args.page.read_bytes(), source=f"page {args.page.name}")
    except FormPageError as exc:
        print(exc.message_ja, file=sys.stderr)
        return 2
    stale = []
    for relative, text in outputs.files.items():
        path = ROOT / "resources" / relative
        if args.check:
            if not path.is_file() or path.read_text("utf-8") != text:
                stale.append(relative)
            continue
        path.write_text(text, encoding="utf-8")
    if args.check:
        for relative in stale:
            print(f"out of date: resources/{relative}", file=sys.stderr)
        return 1 if stale else 0
    print(f"wrote {len(outputs.files)} files: {outputs.summary}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
