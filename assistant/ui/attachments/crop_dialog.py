"""PhotoCropDialog: fit the face photo into a 3:4 frame and save it as a clean JPEG."""

from __future__ import annotations

import os
from datetime import date

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal, Slot
from PySide6.QtGui import QColor, QImage, QMouseEvent, QPainter, QPainterPath, QPen, QWheelEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QSlider,
    QVBoxLayout,
    QWidget,
)

from assistant.model.attachments.limits import AttachmentLimits, limits_for
from assistant.ui import ask

PREVIEW_MAX_PX = 1600        # the photo is shown from a reduced copy of at most this size
HEAD_TOP = 0.10              # head guide: top of the head at 10 % of the frame height,
HEAD_CHIN = 0.72             # the chin at 72 %, the face about 56 % of the frame wide
HEAD_WIDTH = 0.56


class CropView(QWidget):
    """The photo with a movable, zoomable 3:4 frame and a head guide.

    The frame is kept in photo pixel coordinates (of the upright photo); drag moves it, the
    mouse wheel or :meth:`set_zoom` changes its size.
    """

    frameChanged = Signal()

    def __init__(self, image: QImage, scale_to_source: float, aspect: float,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._image = image
        self._to_source = scale_to_source   # source pixels per preview pixel
        self._aspect = aspect               # width / height
        self._frame = QRectF()
        self._drag_from: QPointF | None = None
        self.setMinimumSize(360, 420)
        self.setCursor(Qt.CursorShape.OpenHandCursor)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.set_zoom(1.0)

    # --- the frame in preview pixels ---------------------------------------------------
    def max_frame_height(self) -> float:
        return min(float(self._image.height()), self._image.width() / self._aspect)

    def zoom(self) -> float:
        """1.0 = the largest frame that fits; larger values = a smaller frame (zoomed in)."""
        return self.max_frame_height() / max(1.0, self._frame.height())

    def set_zoom(self, zoom: float) -> None:
        zoom = max(1.0, min(zoom, 8.0))
        height = self.max_frame_height() / zoom
        width = height * self._aspect
        center = (self._frame.center() if not self._frame.isNull()
                  else QPointF(self._image.width() / 2, self._image.height() / 2))
        self._frame = QRectF(0, 0, width, height)
        self._frame.moveCenter(center)
        self._clamp()
        self.frameChanged.emit()
        self.update()

    def move_frame(self, dx: float, dy: float) -> None:
        self._frame.translate(dx, dy)
        self._clamp()
        self.frameChanged.emit()
        self.update()

    def _clamp(self) -> None:
        frame = self._frame
        frame.moveLeft(max(0.0, min(frame.left(), self._image.width() - frame.width())))
        frame.moveTop(max(0.0, min(frame.top(), self._image.height() - frame.height())))

    def source_box(self) -> tuple[float, float, float, float]:
        """The frame in pixels of the full-size upright photo: (left, top, width, height)."""
        f, s = self._frame, self._to_source
        return (f.left() * s, f.top() * s, f.width() * s, f.height() * s)

    # --- painting ----------------------------------------------------------------------
    def _layout(self) -> tuple[float, QPointF]:
        scale = min(self.width() / self._image.width(), self.height() / self._image.height())
        offset = QPointF((self.width() - self._image.width() * scale) / 2,
                         (self.height() - self._image.height() * scale) / 2)
        return scale, offset

    def _to_widget(self, rect: QRectF) -> QRectF:
        scale, offset = self._layout()
        return QRectF(offset.x() + rect.left() * scale, offset.y() + rect.top() * scale,
                      rect.width() * scale, rect.height() * scale)

    def paintEvent(self, event: object) -> None:  # noqa: N802 (Qt override)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        painter.fillRect(self.rect(), self.palette().window())
        image_rect = self._to_widget(QRectF(0, 0, self._image.width(), self._image.height()))
        painter.drawImage(image_rect, self._image)
        frame = self._to_widget(self._frame)
        shade = QPainterPath()
        shade.addRect(image_rect)
        hole = QPainterPath()
        hole.addRect(frame)
        painter.fillPath(shade.subtracted(hole), QColor(0, 0, 0, 140))
        painter.setPen(QPen(QColor("#ffffff"), 2))
        painter.drawRect(frame)
        guide = QPen(QColor("#ffd54f"), 1.5, Qt.PenStyle.DashLine)
        painter.setPen(guide)
        head = QRectF(frame.left() + frame.width() * (1 - HEAD_WIDTH) / 2,
                      frame.top() + frame.height() * HEAD_TOP,
                      frame.width() * HEAD_WIDTH,
                      frame.height() * (HEAD_CHIN - HEAD_TOP))
        painter.drawEllipse(head)
        for y in (head.top(), head.bottom()):
            painter.drawLine(QPointF(frame.left(), y), QPointF(frame.right(), y))
        painter.drawLine(QPointF(frame.center().x(), frame.top()),
                         QPointF(frame.center().x(), frame.bottom()))
        painter.end()

    # --- interaction -------------------------------------------------------------------
    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if event.button() == Qt.MouseButton.LeftButton:
            self._drag_from = event.position()
            self.setCursor(Qt.CursorShape.ClosedHandCursor)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if self._drag_from is None:
            return
        scale, _ = self._layout()
        delta = event.position() - self._drag_from
        self._drag_from = event.position()
        self.move_frame(delta.x() / scale, delta.y() / scale)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        self._drag_from = None
        self.setCursor(Qt.CursorShape.OpenHandCursor)

    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802
        steps = event.angleDelta().y() / 120
        self.set_zoom(self.zoom() * (1.1 ** steps))

    def sizeHint(self) -> QSize:
        return QSize(520, 600)


def _qimage_from_pil(img: object) -> QImage:
    from PIL import Image

    assert isinstance(img, Image.Image)
    rgb = img.convert("RGB")
    data = rgb.tobytes()
    image = QImage(data, rgb.width, rgb.height, rgb.width * 3, QImage.Format.Format_RGB888)
    return image.copy()   # own the pixels (``data`` goes away)


class PhotoCropDialog(QDialog):
    """Let the office fit the face into the 3:4 frame, then save a metadata-free JPEG.

    After ``exec()`` returns Accepted, :attr:`saved_path` is the JPEG written and
    :attr:`taken_on` the source photo's EXIF date (the saved JPEG carries none).
    """

    def __init__(self, source: str, out_path: str | None = None,
                 limits: AttachmentLimits | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from assistant.model.attachments.photo import load_upright

        self.setWindowTitle(self.tr("写真を切り抜く"))
        self._source = source
        self._limits = limits or limits_for()
        self._out_path = out_path
        self.saved_path: str | None = None
        self.taken_on: date | None = None
        upright = load_upright(source, self._limits)
        full_width = upright.width
        upright.thumbnail((PREVIEW_MAX_PX, PREVIEW_MAX_PX))
        aspect = self._limits.photo_width_mm / self._limits.photo_height_mm
        self.view = CropView(_qimage_from_pil(upright), full_width / upright.width, aspect, self)

        hint = QLabel(self.tr("枠をドラッグして動かし、ホイールかスライダーで大きさを変えます。"
                              "頭の上と顎を点線に合わせてください（縦 4 cm × 横 3 cm）。"))
        hint.setWordWrap(True)
        self.zoom_slider = QSlider(Qt.Orientation.Horizontal)
        self.zoom_slider.setRange(100, 800)
        self.zoom_slider.setValue(100)
        self.zoom_slider.valueChanged.connect(self._on_zoom_slider_value_changed)
        self.view.frameChanged.connect(self._on_view_frame_changed)
        self.size_label = QLabel()
        zoom_row = QHBoxLayout()
        zoom_row.addWidget(QLabel(self.tr("拡大")))
        zoom_row.addWidget(self.zoom_slider, 1)
        zoom_row.addWidget(self.size_label)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._on_buttons_accepted)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addWidget(self.view, 1)
        layout.addLayout(zoom_row)
        layout.addWidget(buttons)
        self._on_view_frame_changed()

    @Slot(int)
    def _on_zoom_slider_value_changed(self, value: int) -> None:
        if abs(self.view.zoom() * 100 - value) >= 1:
            self.view.set_zoom(value / 100)

    @Slot()
    def _on_view_frame_changed(self) -> None:
        _, _, width, height = self.view.source_box()
        self.size_label.setText(self.tr("{0} × {1} ピクセル").format(round(width),
                                                                  round(height)))
        self.zoom_slider.blockSignals(True)
        self.zoom_slider.setValue(round(self.view.zoom() * 100))
        self.zoom_slider.blockSignals(False)

    def default_out_path(self) -> str:
        stem, _ = os.path.splitext(self._source)
        return stem + "_photo.jpg"

    @Slot()
    def _on_buttons_accepted(self) -> None:
        out = self._out_path
        if out is None:
            chosen = ask.save_file(self, self.tr("切り抜いた写真の保存先"),
                                   self.default_out_path(), self.tr("JPEG 画像 (*.jpg)"))
            if chosen is None:
                return
            out = str(chosen)
        self.save_to(out)

    def save_to(self, out: str) -> bool:
        """Crop and save to ``out``; on success accept the dialog."""
        from assistant.model.attachments.photo import crop_photo

        if os.path.abspath(out) == os.path.abspath(self._source):
            ask.warning(self, self.windowTitle(),
                        self.tr("元の写真は上書きできません。別の名前で保存してください。"))
            return False
        if not ask.output_allowed(self, out):     # never the database or the data folder
            return False
        try:
            cropped = crop_photo(self._source, out, self.view.source_box(), self._limits)
        except OSError as exc:        # a folder that cannot be written, a full disk
            ask.error(self, exc, self.tr("写真を保存できませんでした"))
            return False
        self.saved_path = cropped.file
        self.taken_on = cropped.taken_on
        self.accept()
        return True
