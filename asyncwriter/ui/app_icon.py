"""The application's icon, from the shipped SVG and its PNG sizes.

Set on the QApplication, it is every window's icon (title bar, task bar, Alt+Tab) and the
About box's picture. The PNGs come first so small sizes use their own pixel-fitted
rendering; the SVG covers any other size where Qt's SVG icon engine is present.
"""

from __future__ import annotations

from PySide6.QtGui import QIcon

from asyncwriter.desktop_integration import ICON_SIZES, png_icon, svg_icon


def app_icon() -> QIcon:
    """Return AsyncWriter's icon (a null icon only if the shipped files are missing)."""
    icon = QIcon()
    for size in ICON_SIZES:
        path = png_icon(size)
        if path.is_file():
            icon.addFile(str(path))
    if svg_icon().is_file():
        icon.addFile(str(svg_icon()))
    return icon
