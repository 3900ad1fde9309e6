"""Render the app icon's PNG sizes from its SVG, with Qt's own SVG renderer (QtSvg).

Usage: ``python scripts/render_icons.py`` from the repository root, after changing
``resources/icons/asyncwriter.svg``. Writes ``resources/icons/asyncwriter-<size>.png`` for
every size the desktop install puts in the hicolor theme; commit them with the SVG (they
are the shipped assets: the wheel carries them, so no SVG renderer is needed at install).
"""

from __future__ import annotations

import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

from asyncwriter.desktop_integration import ICON_SIZES, png_icon, svg_icon


def main() -> int:
    """Write every PNG size; return the exit status."""
    _app = QGuiApplication(sys.argv[:1])
    renderer = QSvgRenderer(str(svg_icon()))
    if not renderer.isValid():
        print(f"render_icons: {svg_icon()} is not a valid SVG", file=sys.stderr)
        return 1
    for size in ICON_SIZES:
        image = QImage(size, size, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter)
        painter.end()
        if not image.save(str(png_icon(size)), "PNG", 0):  # 0: most compressed
            print(f"render_icons: cannot write {png_icon(size)}", file=sys.stderr)
            return 1
        print(f"wrote {png_icon(size)} ({png_icon(size).stat().st_size} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
