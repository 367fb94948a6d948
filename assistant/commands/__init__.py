"""Sub-commands of the `assistant` command line, one module per area.

Each module exposes ``register(subparsers)``; it must import heavy libraries (pypdf, Pillow,
openpyxl, Qt) only inside its handlers so that start-up stays fast.
"""
