"""Work and change notification between the model and the views.

:class:`Operation` runs a model function in a worker thread (typed result, optional progress
dialog, a default failure path); :class:`CaseEvents` broadcasts which cases changed. The
modules beside this one hold one function per verb (export, import, reference install), each
scheduling a model function and saying what the user sees when it ends.
"""

from assistant.ui.ops.bridge import Operation, report_failure, use_crash_handler
from assistant.ui.ops.events import CaseChange, CaseEvents, ChangeKind

__all__ = ["CaseChange", "CaseEvents", "ChangeKind", "Operation", "report_failure",
           "use_crash_handler"]
