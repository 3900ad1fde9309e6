"""What the language server lints a document with: its settings, one spelling checker.

:func:`settings_for_document` is the one place the server learns the settings that apply to
a document. Today that is the user's settings file, read again for every lint (a few
milliseconds), so a change to it applies at the next keystroke. A project config found next
to the document belongs there too, merged over these: nothing else in the server reads a
settings file.
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING

from asyncwriter import project_config, settings
from asyncwriter.team import known_words
from asyncwriter.times import zones

if TYPE_CHECKING:
    from datetime import tzinfo
    from pathlib import Path

    from asyncwriter.checks.model import Report
    from asyncwriter.checks.spelling.checker import SpellingChecker
    from asyncwriter.settings import Settings


def settings_for_document(path: Path | None) -> Settings:
    """Return the settings that apply to the document at ``path`` (None: not a file).

    A document in a folder gets the closest ``.asyncwriter.toml`` (or ``pyproject.toml``
    ``[tool.asyncwriter]``) above it laid over the user's settings, as ``asyncwriter lint``
    does, so the editor and CI agree; an unsaved document gets the user's settings.
    """
    if path is None:
        return settings.load()
    return project_config.settings_for(path)


class DocumentLinter:
    """Lints a document's text with the settings for its path; safe to call from one worker.

    The spelling checker (Harper, which takes a moment to load) is built once per set of
    dictionary words, and the template catalog once per set of template folders, so the
    server pays for them on the first lint only.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._checker: tuple[tuple[str, ...], SpellingChecker] | None = None
        self._folders: tuple[Path, ...] | None = None
        #: Settings problems already reported, so each is said once per session.
        self.reported: set[str] = set()

    def lint(self, text: str, path: Path | None, *, say: bool = True) -> tuple[Report, list[str]]:
        """Return the report for ``text`` and the settings problems not said yet, one line each.

        With ``say`` False (a warm-up lint) the problems are left for the next lint to say.
        """
        with self._lock:
            config = settings_for_document(path)
            tz, zone_problem = _zone(config)
            problems = [str(p) for p in config.problems]
            problems += [zone_problem] if zone_problem else []
            problems = [p for p in problems if p not in self.reported]
            if say:
                self.reported.update(problems)
            self._use_templates(config)
            from asyncwriter.checks import lint  # loads spaCy: on the worker, not at start-up

            report = lint(
                text,
                tz=tz,
                settings=config.rules,
                spelling=self._spelling(config),
                people=config.people,
                short_notice_hours=config.short_notice_hours,
            )
            return report, problems

    def _use_templates(self, config: Settings) -> None:
        """Make the catalog the one the draft's template marker is looked up in."""
        from asyncwriter import templates
        from asyncwriter.checks import RULE_KEYS

        folders = tuple(config.template_folders)
        if folders != self._folders:
            templates.use_catalog(templates.default_catalog(config, rule_keys=RULE_KEYS))
            self._folders = folders

    def _spelling(self, config: Settings) -> SpellingChecker | None:
        """Return the built-in checker with the settings' words, or None when it is off."""
        if config.languagetool.mode == "off":
            return None
        words = tuple(sorted({*config.languagetool.words, *known_words(config.people)}))
        if self._checker is None or self._checker[0] != words:
            from asyncwriter.checks.spelling.checker import embedded_checker

            self._checker = (words, embedded_checker(words))
        return self._checker[1]


def _zone(config: Settings) -> tuple[tzinfo, str | None]:
    """Return the writer's zone from the settings, else the system's (and why, if broken)."""
    if config.zone:
        try:
            return zones.get_zone(config.zone), None
        except ValueError as exc:
            return zones.local_zone(), f"settings [time] zone: {exc}; using the system zone"
    return zones.local_zone(), None
