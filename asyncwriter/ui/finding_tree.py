"""Findings as a tree grouped by severity: the pre-flight sheet's list before a copy.

The findings panel shows cards (:mod:`asyncwriter.ui.findings_panel`); the pre-flight sheet
keeps this compact one-line-per-finding tree, since there the writer scans rather than fixes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTreeWidget, QTreeWidgetItem

from asyncwriter.checks import Severity
from asyncwriter.ui import theme
from asyncwriter.ui.finding_tones import finding_groups

if TYPE_CHECKING:
    from collections.abc import Sequence

    from asyncwriter.checks.model import Finding, LineIndex

_ROLE = Qt.ItemDataRole.UserRole
#: How findings are grouped, worst first, and what each group is called.
SEVERITY_GROUPS = (
    (Severity.ERROR, "Errors"),
    (Severity.WARNING, "Warnings"),
    (Severity.INFO, "Notes"),
)


def fill_tree(tree: QTreeWidget, findings: Sequence[Finding], lines: LineIndex | None,
              line_label: str = "") -> list[QTreeWidgetItem]:  # fmt: skip
    """Add ``findings`` to ``tree`` under one bold heading per group; return the rows.

    The groups are the severities, then unfilled placeholders (:func:`finding_groups`).

    Each row is "<line_label><line>: <message>" and holds its finding (``UserRole``).
    """
    rows: list[QTreeWidgetItem] = []
    for heading in finding_groups(findings):  # placeholders last, as "To fill (n)"
        group = heading.findings
        parent = QTreeWidgetItem(tree, [heading.heading])
        parent.setForeground(0, theme.color(heading.tone, tree.palette()))
        parent.setFlags(Qt.ItemFlag.ItemIsEnabled)
        font = parent.font(0)
        font.setBold(True)
        parent.setFont(0, font)
        children = []
        for finding in group:
            line = lines.line_col(finding.start)[0] if lines else 0
            child = QTreeWidgetItem([f"{line_label}{line}: {finding.message}"])
            child.setData(0, _ROLE, finding)
            child.setToolTip(0, f"{finding.message}\n({finding.rule})")
            children.append(child)
        parent.addChildren(children)
        parent.setExpanded(True)
        rows.extend(children)
    return rows


def finding_rows(tree: QTreeWidget) -> list[QTreeWidgetItem]:
    """Return the finding rows of a tree filled by :func:`fill_tree`, in order."""
    rows: list[QTreeWidgetItem] = []
    for i in range(tree.topLevelItemCount()):
        group = tree.topLevelItem(i)
        if group is not None:  # None only past the last row
            rows.extend(child for j in range(group.childCount())
                        if (child := group.child(j)) is not None)  # fmt: skip
    return rows
