"""Entry script of the frozen application (PyInstaller needs a script, not a module).

A windowed build (``console=False``) starts with ``sys.stdout`` and ``sys.stderr`` set to
``None`` on Windows and macOS; ``--version``, ``--help``, ``--smoke`` and the sub-commands
write to them, so they are pointed at the null device first rather than crashing.
"""

import os
import sys

if sys.stdout is None:
    sys.stdout = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115 - lives as long as the process
if sys.stderr is None:
    sys.stderr = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115

from assistant.cli import main  # noqa: E402

if __name__ == "__main__":
    sys.exit(main())
