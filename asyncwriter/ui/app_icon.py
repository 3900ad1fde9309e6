"""The application's icon, from the shipped SVG.

Set on the QApplication, it is every window's icon (title bar, task bar, Alt+Tab) and the
About box's picture; Qt's SVG icon engine draws it at whatever size is asked for.
"""

from __future__ import annotations

from PySide6.QtGui import QIcon

from asyncwriter.paths import svg_icon


def app_icon() -> QIcon:
    """Return AsyncWriter's icon (a null icon only if the shipped SVG is missing)."""
    return QIcon(str(svg_icon())) if svg_icon().is_file() else QIcon()
