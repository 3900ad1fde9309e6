"""Help › About AsyncWriter: the icon, the version, and what the app is for.

Opened without blocking (``open()``, not ``exec()``), like the window's other dialogs, so
the window keeps working and a test can look at it.
"""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from asyncwriter import __version__

#: The icon's size in the box, in device-independent pixels.
ICON_PIXELS = 64


def show_about(parent: QWidget) -> QMessageBox:
    """Open the About box over ``parent`` and return it."""
    box = QMessageBox(parent)
    box.setWindowTitle("About AsyncWriter")
    box.setText(f"<b>AsyncWriter {__version__}</b>")
    box.setInformativeText(
        "Write async messages a colleague in another time zone can act on. Nothing leaves "
        "this machine unless you choose it.<br><br>MIT licence, © 2026 the AsyncWriter authors."
    )
    icon = QApplication.windowIcon()
    if not icon.isNull():
        box.setIconPixmap(icon.pixmap(ICON_PIXELS, ICON_PIXELS))
    box.setStandardButtons(QMessageBox.StandardButton.Close)
    box.setObjectName("aboutBox")
    box.finished.connect(box.deleteLater)
    box.open()
    return box
