"""The icon's PNG sizes, drawn from its SVG when ``install-desktop`` puts them in hicolor.

The repository keeps only the SVG; each size is drawn from it at install time with Qt's
own SVG renderer, which needs neither a display nor a QGuiApplication, so no generated
picture is committed and the sizes always match the SVG.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

if TYPE_CHECKING:
    from pathlib import Path


def render_png(svg: Path, size: int, out: Path) -> None:
    """Draw ``svg`` as a ``size``-pixel square PNG at ``out``.

    Raises:
        OSError: the SVG is not valid, or the PNG could not be written.
    """
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise OSError(f"not a valid SVG image: {svg}")
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    if not image.save(str(out), quality=0):  # PNG by the ".png" name; 0: most compressed
        raise OSError(f"cannot write {out}")
