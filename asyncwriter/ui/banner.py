"""The frame every bar above the editor is drawn in, coloured from the theme.

The store banner, the grammar bar and the settings dialog's problems bar say different
things but must look like one family, in light and dark windows alike: each is a
:class:`Banner` of a kind (``fault``, ``notice``, ``info``) whose colours come from
:func:`asyncwriter.ui.theme.banner_style`, and follow the palette when it changes.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QFrame, QWidget

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

    def set_kind(self, kind: str) -> None:
        """Colour the bar for ``kind``: ``fault``, ``notice`` or ``info``."""
        self.kind = kind
        self._restyle()

    def _restyle(self) -> None:
        # The application's palette: the bar's own is tinted by its style sheet.
        style = theme.banner_style(self.objectName(), self.kind)
        if style != self.styleSheet():  # setting a style sheet changes the palette again
            self.setStyleSheet(style)

    def changeEvent(self, event: QEvent) -> None:
        """Recolour when the palette changes (the system switched to dark or light)."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self._restyle()
