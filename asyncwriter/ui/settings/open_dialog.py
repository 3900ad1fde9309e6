"""Opening the settings dialog from the window, and what happens when it saves.

Saving does more than hand the window new settings: the writer's consent to the public
LanguageTool server is remembered in the window state (it is asked once, not per settings
file), and a settings file that was not valid TOML is kept aside and the writer told where.
That handling lives here, next to the dialog, so the window only says what to do with the
new settings.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from asyncwriter.ui import state as window_state
from asyncwriter.ui.settings.dialog import SettingsDialog

if TYPE_CHECKING:
    from collections.abc import Callable

    from PySide6.QtWidgets import QWidget

    from asyncwriter.settings import Settings
    from asyncwriter.ui.pipeline_download import PipelineDownload
    from asyncwriter.ui.state import WindowState


def open_settings(
    config: Settings,
    parent: QWidget,
    state: WindowState,
    *,
    apply: Callable[[Settings], None],
    notice: Callable[[str], None],
    page: str | None = None,
    pipeline: PipelineDownload | None = None,
) -> SettingsDialog:
    """Open the settings dialog (not blocking) at ``page``; saving there applies at once.

    Args:
        config: the settings in effect (the dialog starts from them).
        parent: the window the dialog belongs to.
        state: the window state, where consent to the public grammar server is kept.
        apply: puts saved settings in effect everywhere.
        notice: shows a notice in the window's banner (the kept broken file).
        page: the page to show first (e.g. ``"grammar"``), or None for the first.
        pipeline: the window's download of a trained spaCy pipeline (Settings › Analysis).
    """
    dialog = SettingsDialog(config, parent, pipeline=pipeline)
    if page is not None:
        dialog.show_page(page)
    dialog.saved.connect(lambda new: _saved(new, dialog, state, apply, notice))
    dialog.finished.connect(dialog.deleteLater)
    dialog.open()
    return dialog


def _saved(
    new: Settings,
    dialog: SettingsDialog,
    state: WindowState,
    apply: Callable[[Settings], None],
    notice: Callable[[str], None],
) -> None:
    if new.languagetool.mode == "public" and dialog.public_consent:
        state.public_consent = True
        window_state.save(state)
    if dialog.kept_broken_file is not None:
        notice(
            f"The old settings file was not valid TOML, so it was kept as "
            f"{dialog.kept_broken_file} before saving the new one."
        )
    apply(new)
