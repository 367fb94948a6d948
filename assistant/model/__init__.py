"""Pure-Python domain model: rules, fields, validation, cases, storage, attachments, exports.

Nothing in this package may import Qt or :mod:`assistant.ui` (enforced by import-linter).
"""
