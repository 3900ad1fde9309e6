"""The frame every bar above the editor is drawn in, coloured from the theme.

The store banner, the grammar bar and the settings dialog's problems bar say different
things but must look like one family, in light and dark windows alike: each is a
:class:`Banner` of a kind (``fault``, ``notice``, ``info``) whose colours come from
:func:`asyncwriter.ui.theme.banner_style`, and follow the palette when it changes.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QFrame, QWidget

from asyncwriter.ui import theme


class Banner(QFrame):
    """A styled panel whose colours say what kind of message it holds."""

    def __init__(self, name: str, kind: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        self.kind = kind
        self._restyle()
        # A style sheet gives the bar a palette of its own, so Qt no longer tells it when the
        # application's palette changes (light to dark): it hears that from the application.
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    def set_kind(self, kind: str) -> None:
        """Colour the bar for ``kind``: ``fault``, ``notice`` or ``info``."""
        self.kind = kind
        self._restyle()

    def _restyle(self) -> None:
        # The application's palette: the bar's own is tinted by its style sheet.
        style = theme.banner_style(self.objectName(), self.kind)
        if style != self.styleSheet():  # setting a style sheet changes the palette again
            self.setStyleSheet(style)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Recolour when the application's palette changes (the system went dark or light)."""
        if watched is QApplication.instance() and (
            event.type() == QEvent.Type.ApplicationPaletteChange
        ):
            self._restyle()
        return super().eventFilter(watched, event)

    def changeEvent(self, event: QEvent) -> None:
        """Recolour when the bar's own palette changes (a bar shown as its own window)."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self._restyle()
