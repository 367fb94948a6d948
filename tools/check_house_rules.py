#!/usr/bin/env python3
"""Check the house rules that ruff, mypy and import-linter cannot express.

    python3 tools/check_house_rules.py [--root PATH] [--strict] [--list]

Each rule names the files it applies to, what it forbids and why (docs/architecture.md explains
the layers behind them). An offence prints as ``path:line: [rule] message``; the exit status is 1
when there is one, else 0. ``python3 dev.py test`` runs this script.

A file that still breaks a rule while its fix is being written is listed in :data:`ALLOWED` with
the reason; an entry whose file no longer offends is reported as stale (an error with
``--strict``) so that the list only shrinks. Only the standard library is used.
"""

from __future__ import annotations

import argparse
import ast
import os
import re
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# The checker and its test spell out what they look for.
SELF = frozenset({"tools/check_house_rules.py", "tests/test_house_rules.py"})

# Files that still break a rule while their fix is being written, by rule, with the reason:
#     "dialogs-through-ask": {"assistant/ui/panel.py": "moves to ui/ask.py with the panel split"},
# Remove an entry when its fix lands (a stale entry is reported). Empty: every rule holds.
ALLOWED: dict[str, dict[str, str]] = {}


@dataclass(frozen=True)
class Offence:
    path: str
    line: int
    rule: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: [{self.rule}] {self.message}"


@dataclass
class Source:
    """One file being checked: the repository root, its relative POSIX path and its text."""
    root: Path
    path: str
    text: str
    _tree: ast.AST | None = None
    _parsed: bool = False

    @property
    def tree(self) -> ast.AST | None:
        """The parsed module (None when it does not parse: ruff reports that)."""
        if not self._parsed:
            self._parsed = True
            try:
                self._tree = ast.parse(self.text, filename=self.path)
            except SyntaxError:
                self._tree = None
        return self._tree


Check = Callable[[Source], Iterator[tuple[int, str]]]   # -> (line, what is wrong)


@dataclass(frozen=True)
class Rule:
    name: str
    why: str
    applies: Callable[[str], bool]
    check: Check


# --------------------------------------------------------------------------- helpers

def _under(*prefixes: str, suffixes: tuple[str, ...] = (".py",),
           exclude: tuple[str, ...] = ()) -> Callable[[str], bool]:
    def applies(path: str) -> bool:
        def inside(folder: str) -> bool:
            return path == folder or path.startswith(folder.rstrip("/") + "/")
        return (path.endswith(suffixes) and path not in SELF
                and not any(inside(e) for e in exclude) and any(inside(p) for p in prefixes))
    return applies


def _lines(pattern: re.Pattern[str], what: str) -> Check:
    """A check that flags every line (code, comment or data) matching ``pattern``."""
    def check(source: Source) -> Iterator[tuple[int, str]]:
        for number, line in enumerate(source.text.splitlines(), start=1):
            found = pattern.search(line)
            if found:
                yield number, f"{what}: {found.group(0)!r}"
    return check


def _names(node: ast.AST) -> Iterator[tuple[int, str]]:
    """Every name a module uses, as (line, name): ``x``, ``a.x`` and ``from a import x``."""
    for sub in ast.walk(node):
        if isinstance(sub, ast.Name):
            yield sub.lineno, sub.id
        elif isinstance(sub, ast.Attribute):
            yield sub.lineno, sub.attr
        elif isinstance(sub, ast.ImportFrom):
            for alias in sub.names:
                yield sub.lineno, alias.name


# --------------------------------------------------------------------------- the checks

_TEMP_NAMES = frozenset({"NamedTemporaryFile", "TemporaryFile", "SpooledTemporaryFile",
                         "mkstemp", "mktemp"})
_TMP_SUFFIX = re.compile(r"\.tmp\b|\.part\b")


def check_temp_files(source: Source) -> Iterator[tuple[int, str]]:
    tree = source.tree
    if tree is None:
        return
    for line, name in _names(tree):
        if name in _TEMP_NAMES:
            yield line, f"tempfile.{name}: write through assistant/model/atomic.py"
    for sub in ast.walk(tree):
        if isinstance(sub, ast.Constant) and isinstance(sub.value, str):
            if _TMP_SUFFIX.search(sub.value):
                yield sub.lineno, (f"a temporary name {sub.value!r}: write through "
                                   "assistant/model/atomic.py")


def check_self_attribute_guards(source: Source) -> Iterator[tuple[int, str]]:
    tree = source.tree
    if tree is None:
        return
    for sub in ast.walk(tree):
        if (isinstance(sub, ast.Call) and isinstance(sub.func, ast.Name)
                and sub.func.id in {"hasattr", "getattr"} and sub.args
                and _rooted_at_self(sub.args[0])):
            yield sub.lineno, (f"{sub.func.id}({ast.unparse(sub.args[0])}, …): give the "
                               "attribute a value in __init__ (state a widget may lack "
                               "belongs in the model)")


def _rooted_at_self(node: ast.expr) -> bool:
    """``self`` or ``self.a.b``: the widget probing its own (or its parts') attributes."""
    while isinstance(node, ast.Attribute):
        node = node.value
    return isinstance(node, ast.Name) and node.id == "self"


def check_dialogs(source: Source) -> Iterator[tuple[int, str]]:
    tree = source.tree
    if tree is None:
        return
    seen: set[tuple[int, str]] = set()
    for line, name in _names(tree):
        if name in {"QMessageBox", "QFileDialog"} and (line, name) not in seen:
            seen.add((line, name))
            yield line, f"{name}: ask the user through assistant/ui/ask.py"


_THREAD_NAMES = frozenset({"QThread", "QThreadPool", "QRunnable", "QtConcurrent", "Thread",
                           "ThreadPoolExecutor", "ProcessPoolExecutor"})


def check_threads(source: Source) -> Iterator[tuple[int, str]]:
    tree = source.tree
    if tree is None:
        return
    for line, name in _names(tree):
        if name in _THREAD_NAMES:
            yield line, f"{name}: run work off the GUI thread through assistant/ui/ops (Operation)"


def check_render_widgets(source: Source) -> Iterator[tuple[int, str]]:
    tree = source.tree
    if tree is None:
        return
    for sub in ast.walk(tree):
        if isinstance(sub, ast.Import):
            modules = [alias.name for alias in sub.names]
        elif isinstance(sub, ast.ImportFrom) and sub.module:
            modules = [sub.module] + [f"{sub.module}.{alias.name}" for alias in sub.names]
        else:
            continue
        if any(m == "PySide6.QtWidgets" or m.startswith("PySide6.QtWidgets.") for m in modules):
            yield sub.lineno, "PySide6.QtWidgets: rendering uses QtGui only (the CLI shares it)"


_DOC_LINK = re.compile(r"\bdocs/([\w-]+\.md)#([\w-]+)")
_HEADING = re.compile(r"^#{1,6}\s+(.+?)\s*#*\s*$")


def heading_anchors(markdown: str) -> set[str]:
    """The anchors GitHub gives a Markdown file's headings (lower case, punctuation dropped,
    spaces to hyphens; a repeated heading gets ``-1``, ``-2``, …)."""
    anchors: set[str] = set()
    in_fence = False
    for line in markdown.splitlines():
        if line.lstrip().startswith("```"):
            in_fence = not in_fence
            continue
        found = None if in_fence else _HEADING.match(line)
        if not found:
            continue
        text = re.sub(r"`|\*|_(?=\w)|(?<=\w)_", "", found.group(1)).strip().lower()
        slug = re.sub(r"[^\w\- ]", "", text).replace(" ", "-")
        unique, n = slug, 0
        while unique in anchors:
            n += 1
            unique = f"{slug}-{n}"
        anchors.add(unique)
    return anchors


_ANCHORS: dict[Path, set[str] | None] = {}


def _anchors_of(doc: Path) -> set[str] | None:
    if doc not in _ANCHORS:
        try:
            _ANCHORS[doc] = heading_anchors(doc.read_text(encoding="utf-8"))
        except OSError:
            _ANCHORS[doc] = None
    return _ANCHORS[doc]


def check_doc_links(source: Source) -> Iterator[tuple[int, str]]:
    for number, line in enumerate(source.text.splitlines(), start=1):
        for found in _DOC_LINK.finditer(line):
            name, anchor = found.groups()
            anchors = _anchors_of(source.root / "docs" / name)
            if anchors is None:
                yield number, f"docs/{name} does not exist"
            elif anchor not in anchors:
                yield number, f"docs/{name} has no section #{anchor}"


_OUTSIDE = re.compile(r"\.\./shared\b|/work/[\w.]|\bshared/(seed|isa|fixtures)\b")
_CITATION = re.compile(r"(?<![\w/])DOMAIN(\.md|\s?§)|(?i:\bissues?\s?#?\d+\b)|\(#\d+\)")

CODE = ("assistant", "tools", "tests", "benchmarks", "dev.py", "build.spec")
DATA = ("resources",)

RULES: tuple[Rule, ...] = (
    Rule("temp-files",
         "Temporary files are written only by assistant/model/atomic.py (one place that "
         "flushes, replaces atomically and cleans up stale temporaries).",
         _under("assistant", exclude=("assistant/model/atomic.py",)), check_temp_files),
    Rule("ui-self-attribute-guards",
         "No hasattr(self, …) / getattr(self, …) in assistant/ui: a widget's attributes exist "
         "from __init__; editing state lives in the model (CaseSession).",
         _under("assistant/ui"), check_self_attribute_guards),
    Rule("dialogs-through-ask",
         "Message boxes and file dialogs go through assistant/ui/ask.py (one place tests "
         "replace, one way to word a question).",
         _under("assistant", exclude=("assistant/ui/ask.py",)), check_dialogs),
    Rule("threads-through-ops",
         "The UI starts worker threads only through assistant/ui/ops (Operation: typed result, "
         "one failure path that shows a message and writes the crash report).",
         _under("assistant/ui", exclude=("assistant/ui/ops",)), check_threads),
    Rule("render-without-widgets",
         "assistant/render draws with QtGui only, so the command line renders without "
         "QtWidgets.",
         _under("assistant/render"), check_render_widgets),
    Rule("paths-inside-repo",
         "Code and data name no path outside the repository (the repository stands alone).",
         _under(*CODE, *DATA, suffixes=(".py", ".json", ".spec", ".md", ".csv")),
         _lines(_OUTSIDE, "a path outside the repository")),
    Rule("citations-in-repo",
         "Comments and data cite docs/ (docs/domain.md#anchor), never the team's reference "
         "notes or issue trackers, which are not in the repository.",
         _under(*CODE, *DATA, suffixes=(".py", ".json", ".spec", ".md")),
         _lines(_CITATION, "a citation outside the repository")),
    Rule("doc-links-resolve",
         "Every docs/<file>.md#anchor cited in code, data or docs names an existing heading "
         "(headings are the anchors; keep their wording when editing).",
         _under(*CODE, *DATA, "docs", "README.md", suffixes=(".py", ".json", ".spec", ".md")),
         check_doc_links),
)


# --------------------------------------------------------------------------- running

def repo_files(root: Path) -> list[str]:
    """Every file under ``root`` that a rule may apply to, as a POSIX path relative to it."""
    skip = {".git", ".venv", "build", "dist", "__pycache__", ".mypy_cache", ".ruff_cache",
            ".pytest_cache", "node_modules"}
    found = []
    for folder, dirs, files in os.walk(root):
        dirs[:] = [d for d in dirs if d not in skip and not d.endswith(".egg-info")]
        base = Path(folder).relative_to(root)
        found += [(base / name).as_posix() for name in files]
    return sorted(found)


def check(root: Path, allowed: dict[str, dict[str, str]] | None = None
          ) -> tuple[list[Offence], list[str]]:
    """The offences under ``root`` (allow-listed files left out) and the stale allow-list
    entries (files listed for a rule that they no longer break)."""
    allowed = ALLOWED if allowed is None else allowed
    offences: list[Offence] = []
    offending: set[tuple[str, str]] = set()
    for relative in repo_files(root):
        rules = [rule for rule in RULES if rule.applies(relative)]
        if not rules:
            continue
        try:
            text = (root / relative).read_text(encoding="utf-8")
        except (UnicodeDecodeError, OSError):
            continue
        for rule in rules:
            for line, what in dict.fromkeys(rule.check(Source(root, relative, text))):
                offending.add((rule.name, relative))
                if relative not in allowed.get(rule.name, {}):
                    offences.append(Offence(relative, line, rule.name, what))
    offences.sort(key=lambda o: (o.path, o.line, o.rule))
    stale = [f"{name}: {path} ({reason})" for name, entries in allowed.items()
             for path, reason in entries.items() if (name, path) not in offending]
    return offences, stale


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, default=ROOT, help="the repository to check")
    parser.add_argument("--strict", action="store_true",
                        help="fail on stale allow-list entries too")
    parser.add_argument("--list", action="store_true", help="print the rules and exit")
    args = parser.parse_args(argv)
    if args.list:
        for rule in RULES:
            print(f"{rule.name}: {rule.why}")
        return 0
    offences, stale = check(args.root.resolve())
    for offence in offences:
        print(offence)
    for entry in stale:
        print(f"stale allow-list entry (remove it from tools/check_house_rules.py): {entry}")
    waived = sum(len(entries) for entries in ALLOWED.values()) - len(stale)
    status = 1 if offences or (args.strict and stale) else 0
    print(f"house rules: {len(offences)} offence(s), {waived} allow-listed file(s) "
          f"still offending, {len(stale)} stale allow-list entr(y/ies)")
    return status


if __name__ == "__main__":
    sys.exit(main())
