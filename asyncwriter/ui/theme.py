"""Colours that follow the system: light or dark palette, and severity colours for both.

The bars above the editor (store fault, notices, grammar, settings problems) take their
colours from here too (:func:`banner_colors`, :func:`banner_style`), so a dark window gets
dark bars and a high-contrast system gets the system's own colours with a strong border.
Every pair keeps text and background at a WCAG contrast ratio of 4.5 or more
(:func:`contrast_ratio`).

The platform style supplies the palette where it can (Windows, macOS, KDE, GNOME with a
platform theme). Where the system asks for a dark scheme but the style only has a light
palette (plain X11, Xvfb), a dark Fusion palette is applied instead.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QStyleFactory

from asyncwriter.checks import Severity

_LIGHT = {
    Severity.ERROR: "#d32f2f",
    Severity.WARNING: "#c77700",
    Severity.INFO: "#1e6fd9",
    "pass": "#2e7d32",
    "pending": "#6d6d6d",
    "heading": "#1a4f8b",
    "marker": "#8a5a00",
    "link": "#1e6fd9",
    "code": "#6a1b9a",
    "code_bg": "#f1eef5",
    "quote": "#5f6b73",
    "placeholder": "#7a4b00",
    "placeholder_bg": "#fff2c6",
}
_DARK = {
    Severity.ERROR: "#ff6b6b",
    Severity.WARNING: "#ffb74d",
    Severity.INFO: "#64b5f6",
    "pass": "#81c784",
    "pending": "#a0a0a0",
    "heading": "#8cb8ff",
    "marker": "#e0b060",
    "link": "#64b5f6",
    "code": "#d7a6ff",
    "code_bg": "#2d2a33",
    "quote": "#a3adb5",
    "placeholder": "#ffd27a",
    "placeholder_bg": "#4a3b12",
}

#: The bars above the editor, by kind: (background, text), for light and dark windows.
#: Each pair has a contrast ratio of at least 4.5 (tests/ui/test_window_chrome.py checks).
_BANNERS = {
    "fault": {"light": ("#fdecea", "#5f2120"), "dark": ("#4a1c1a", "#ffd7d2")},
    "notice": {"light": ("#fff4e5", "#663c00"), "dark": ("#45331a", "#ffe2b5")},
    "info": {"light": ("#e8f0fe", "#174ea6"), "dark": ("#1b2b47", "#c5dafc")},
}


def is_dark(palette: QPalette | None = None) -> bool:
    """Return True when the window background is dark."""
    palette = palette or QGuiApplication.palette()
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


def color(key: Severity | str, palette: QPalette | None = None) -> QColor:
    """Return the colour for a severity or a highlighting role in the current palette."""
    return QColor((_DARK if is_dark(palette) else _LIGHT)[key])


#: The severity whose colour edges a bar of each kind in high contrast.
_BANNER_ACCENTS = {"fault": Severity.ERROR, "notice": Severity.WARNING, "info": Severity.INFO}
#: WCAG AA for normal text: what every bar's text keeps against its background.
READABLE = 4.5


def contrast_ratio(first: QColor, second: QColor) -> float:
    """Return the WCAG 2 contrast ratio of two colours (1 to 21; 4.5 reads as body text)."""

    def luminance(c: QColor) -> float:
        def channel(v: float) -> float:
            return v / 12.92 if v <= 0.04045 else ((v + 0.055) / 1.055) ** 2.4

        red, green, blue = channel(c.redF()), channel(c.greenF()), channel(c.blueF())
        return 0.2126 * red + 0.7152 * green + 0.0722 * blue

    high, low = sorted((luminance(first), luminance(second)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def high_contrast() -> bool:
    """Return True when the system asks for high contrast (an accessibility setting)."""
    style_hints = QGuiApplication.styleHints()  # kept: the accessibility hints are its child
    hints = style_hints.accessibility()
    return hints.contrastPreference() == Qt.ContrastPreference.HighContrast


def banner_colors(kind: str, palette: QPalette | None = None) -> tuple[QColor, QColor]:
    """Return (background, text) for a bar of ``kind``: ``fault``, ``notice`` or ``info``.

    Tinted pairs suit light and dark windows; in high contrast the system's own window
    colours are used (a tint would lower the contrast the writer asked for), and if a
    platform palette's pair is still hard to read, black or white text replaces its text.
    """
    palette = palette or QGuiApplication.palette()
    if high_contrast():
        background = palette.color(QPalette.ColorRole.Window)
        text = palette.color(QPalette.ColorRole.WindowText)
    else:
        pair = _BANNERS[kind]["dark" if is_dark(palette) else "light"]
        background, text = QColor(pair[0]), QColor(pair[1])
    if contrast_ratio(background, text) < READABLE:
        black, white = QColor("#000000"), QColor("#ffffff")
        text = max((black, white), key=lambda c: contrast_ratio(background, c))
    return background, text


def banner_style(name: str, kind: str, palette: QPalette | None = None) -> str:
    """Return the style sheet for the bar named ``name`` of ``kind`` (see :func:`banner_colors`)."""
    background, text = (c.name() for c in banner_colors(kind, palette))
    border = ""
    if high_contrast():  # the kind shows in the edge, not in a tint
        border = f" border: 2px solid {color(_BANNER_ACCENTS[kind], palette).name()};"
    return (
        f"#{name} {{ background: {background}; color: {text};{border} }}"
        f"#{name} QLabel {{ color: {text}; }}"
    )


def follow_system_scheme(app: QApplication) -> None:
    """Use a dark palette when the system asks for one and the style does not provide it."""

    def apply() -> None:
        wants_dark = app.styleHints().colorScheme() == Qt.ColorScheme.Dark
        if wants_dark and not is_dark(app.palette()):
            app.setStyle(QStyleFactory.create("Fusion"))
            app.setPalette(dark_palette())

    apply()
    app.styleHints().colorSchemeChanged.connect(lambda _scheme: apply())


def dark_palette() -> QPalette:
    """Return a dark palette for the Fusion style."""
    p = QPalette()
    role = QPalette.ColorRole
    for r, value in (
        (role.Window, "#2b2b2b"), (role.WindowText, "#e6e6e6"), (role.Base, "#1f1f1f"),
        (role.AlternateBase, "#2b2b2b"), (role.Text, "#e6e6e6"), (role.Button, "#353535"),
        (role.ButtonText, "#e6e6e6"), (role.Highlight, "#3d6fb4"),
        (role.HighlightedText, "#ffffff"), (role.ToolTipBase, "#353535"),
        (role.ToolTipText, "#e6e6e6"), (role.PlaceholderText, "#8a8a8a"), (role.Link, "#64b5f6"),
    ):  # fmt: skip
        p.setColor(r, QColor(value))
    p.setColor(QPalette.ColorGroup.Disabled, role.Text, QColor("#7a7a7a"))
    p.setColor(QPalette.ColorGroup.Disabled, role.ButtonText, QColor("#7a7a7a"))
    return p
