"""PySide6 widgets. The UI calls :mod:`assistant.model`; never the other way round."""
