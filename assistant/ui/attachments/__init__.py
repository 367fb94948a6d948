"""The attachments step / tab: documents and the face photo (docs/domain.md#attachments).

:class:`AttachmentsPanel` is what the wizard and the case window embed::

    panel = AttachmentsPanel(profile_id)          # None = the default rule profile
    panel.set_attachments(case.attachments)       # list[AttachmentRef]
    panel.set_filing_date(date(2026, 12, 1))      # for the photo's age
    panel.changed.connect(...)                    # the list or the photo changed
    case.attachments = panel.attachments()

The panel never touches storage; it reads the files the office chose and writes only the
prepared PDF(s) and the cropped photo where the office says.
"""

from assistant.ui.attachments.crop_dialog import PhotoCropDialog
from assistant.ui.attachments.panel import AttachmentsPanel

__all__ = ["AttachmentsPanel", "PhotoCropDialog"]
