"""The frame every bar above the editor is drawn in, coloured from the theme.

The store banner, the grammar bar and the settings dialog's problems bar say different
things but must look like one family, in light and dark windows alike: each is a
:class:`Banner` of a kind (``fault``, ``notice``, ``info``) whose colours come from
:func:`asyncwriter.ui.theme.banner_style`, and follow the palette (light, dark) and the
system's high-contrast setting when they change.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QWidget,
)

from asyncwriter.ui import theme

if TYPE_CHECKING:
    from collections.abc import Mapping

    from PySide6.QtGui import QPalette


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
        # application's palette changes (light to dark): it hears that from the application's
        # signal. (An event filter on the application would run Python for every event of
        # the window, every keystroke and paint: it made typing in a long draft 2x slower.)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.paletteChanged.connect(self._palette_changed)
            style_hints = app.styleHints()  # kept: the accessibility hints are its child
            style_hints.accessibility().contrastPreferenceChanged.connect(self._contrast_changed)

    def set_kind(self, kind: str) -> None:
        """Colour the bar for ``kind``: ``fault``, ``notice`` or ``info``."""
        self.kind = kind
        self._restyle()

    def _restyle(self) -> None:
        # The application's palette: the bar's own is tinted by its style sheet.
        style = theme.banner_style(self.objectName(), self.kind)
        if style != self.styleSheet():  # setting a style sheet changes the palette again
            self.setStyleSheet(style)

    def _palette_changed(self, _palette: QPalette) -> None:
        """Recolour when the application's palette changes (the system went dark or light)."""
        self._restyle()

    def _contrast_changed(self, _preference: Qt.ContrastPreference) -> None:
        """Recolour when the system turns high contrast on or off."""
        self._restyle()

    def changeEvent(self, event: QEvent) -> None:
        """Recolour when the bar's own palette changes (a bar shown as its own window)."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self._restyle()


class OfferHold(Protocol):
    """Decides whether an offer may show now (see :mod:`asyncwriter.ui.offer_gate`)."""

    def holds(self, bar: ChoiceBar) -> bool:
        """Return True when ``bar``'s offer has to wait."""


class ChoiceBar(Banner):
    """A bar that asks the writer to decide something: a message, a progress bar and buttons.

    The grammar bar and the trained-pipeline offer ask, show a download and say what failed
    in the same way; each state of theirs shows some of the buttons (``states``). States in
    ``offers`` are questions nobody asked for yet: when a :attr:`gate` holds them, the bar
    keeps them (``held``) and shows them when :meth:`release` is called.

    Args:
        name: the bar's object name (styling, tests); its label is ``<stem>Message``.
        buttons: each button's key and text, in the order they appear.
        states: which buttons (keys) each state shows.
    """

    def __init__(
        self,
        name: str,
        buttons: Mapping[str, str],
        states: Mapping[str, tuple[str, ...]],
        parent: QWidget | None = None,
        *,
        progress_width: int,
    ) -> None:
        super().__init__(name, "info", parent)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setObjectName(name.removesuffix("Bar") + "Message")
        self.progress = QProgressBar(self)
        self.progress.setMaximumWidth(progress_width)
        self.buttons = {key: QPushButton(text, self) for key, text in buttons.items()}
        for button in self.buttons.values():
            # A bar shows up while the writer types: a click on its button must leave the
            # keyboard in the editor (a focused button hid with the bar and took the next
            # words elsewhere). Tab still reaches the buttons.
            button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.addWidget(self.message, 1)
        layout.addWidget(self.progress)
        for button in self.buttons.values():
            layout.addWidget(button)
        self.states = states
        self.state = ""
        #: The states that are unasked-for offers, and what may hold them back.
        self.offers: frozenset[str] = frozenset()
        self.gate: OfferHold | None = None
        #: An offer is ready but waits for the gate.
        self.held = False
        self.hide()

    def present(self, state: str, text: str) -> None:
        """Show ``text`` (rich text, already escaped) with the buttons ``state`` offers."""
        self.state = state
        self.message.setText(text)
        for key, button in self.buttons.items():
            button.setVisible(key in self.states[state])
        self.held = state in self.offers and self.gate is not None and self.gate.holds(self)
        self.setVisible(not self.held)

    def withdraw(self) -> None:
        """Hide, and drop an offer that was waiting (its state needs nothing any more)."""
        self.held = False
        self.hide()

    def release(self) -> None:
        """Show the offer that was waiting for the gate."""
        if self.held:
            self.held = False
            self.show()
