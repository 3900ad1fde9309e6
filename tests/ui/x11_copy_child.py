"""A real AsyncWriter window on an X display that copies a draft and keeps serving it.

Run by ``test_x11_clipboard.py`` as ``python -m tests.ui.x11_copy_child FORMAT`` with the
draft on stdin. It types nothing by hand: it loads the draft, waits for the checks, uses
the window's own Copy action (answering the pre-flight sheet with Copy Anyway if one
opens), prints ``copied`` and then keeps its event loop running, because on X11 the
clipboard is served by the app that owns it.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from asyncwriter.ui.main_window import MainWindow


def main() -> int:
    """Copy stdin's draft in the format named by argv[1] and serve the clipboard."""
    fmt = sys.argv[1]
    text = sys.stdin.read()
    app = QApplication([sys.argv[0]])
    window = MainWindow()
    window.show()

    def copy_when_checked() -> None:
        if not window.current():
            QTimer.singleShot(50, copy_when_checked)
            return
        window.exporter.sheetShown.connect(lambda sheet: sheet.accept())
        window.exporter.copied.connect(lambda _record: print("copied", flush=True))
        window.exporter.format_actions[fmt].trigger()

    window.editor.setPlainText(text)
    QTimer.singleShot(0, copy_when_checked)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
