"""Tabs whose pages scroll when the window is shorter than they are.

The settings dialog opens on a 1280×720 screen with a list of problems above its tabs; the
pages were squeezed into what was left (the LanguageTool URL field became a 2-pixel strip)
or pushed Save below the screen's edge. Each page now keeps its natural height inside a
scroll area. The tab widget still speaks in pages: ``currentWidget()`` and
``setCurrentWidget()`` take and give the page, not its scroll area.
"""

from __future__ import annotations

from typing import cast

from PySide6.QtWidgets import QFrame, QScrollArea, QTabWidget, QWidget


class ScrollingTabs(QTabWidget):
    """A QTabWidget that puts each page in a scroll area of its own."""

    def add_page(self, page: QWidget, title: str) -> int:
        """Add ``page`` under ``title``, scrolling when the tab is shorter than the page."""
        area = QScrollArea(self)
        area.setWidgetResizable(True)
        area.setFrameShape(QFrame.Shape.NoFrame)
        area.setWidget(page)
        return self.addTab(area, title)

    def page(self, index: int) -> QWidget | None:
        """Return the page at ``index`` (not its scroll area)."""
        area = self.widget(index)
        return area.widget() if isinstance(area, QScrollArea) else area

    def currentWidget(self) -> QWidget:
        """Return the page shown (not its scroll area)."""
        return cast("QWidget", self.page(self.currentIndex()))

    def setCurrentWidget(self, widget: QWidget) -> None:
        """Show the tab of ``widget`` (a page)."""
        for index in range(self.count()):
            if self.page(index) is widget:
                self.setCurrentIndex(index)
                return
        super().setCurrentWidget(widget)
