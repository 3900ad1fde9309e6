"""What ``asyncwriter lint`` keeps per input, and the settings for each input's folder.

Files in one run may sit under different project files, so settings, the spelling checker
(it knows the settings' words and people) and the template catalog are looked up per file
and shared between files under the same project file: each is built once per run.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from asyncwriter import project_config

if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import TextIO

    from asyncwriter.checks.model import Report
    from asyncwriter.checks.spelling.checker import SpellingChecker
    from asyncwriter.command_line.fixing import Edit
    from asyncwriter.settings import Settings
    from asyncwriter.templates import Catalog


@dataclass(slots=True)
class Checked:
    """One checked input: its name, report and the fixes applied to it."""

    name: str
    report: Report
    #: A file on disk (not stdin or a pull request description): it has a location.
    is_file: bool
    fixes: list[Edit] = field(default_factory=list)
    #: The text the fixes were applied to (the file as read), for reporting their places.
    before: str = ""


class SettingsByFolder:
    """The settings for each input: the user's with the closest project file laid over them."""

    def __init__(self, err: TextIO, user: Settings) -> None:
        self._err = err
        self._user = user
        self._said = {str(p) for p in user.problems}  # the caller reported these already
        self._by_project: dict[Path | None, Settings] = {}
        self._spellers: dict[tuple[str, ...], SpellingChecker] = {}
        self._catalogs: dict[tuple[Path, ...], Catalog] = {}

    def for_input(self, path: str | None) -> Settings:
        """Return the settings for a file (None: stdin or a PR description, the cwd's)."""
        start = Path(path) if path is not None else Path.cwd()
        found = project_config.find(start)
        key = found.path if found else None
        if key not in self._by_project:
            settings = project_config.settings_for(start, self._user.path) if found else self._user
            for problem in settings.problems:
                if str(problem) not in self._said:
                    self._said.add(str(problem))
                    print(f"asyncwriter: warning: {problem}", file=self._err)
            self._by_project[key] = settings
        return self._by_project[key]

    def speller(self, settings: Settings) -> SpellingChecker:
        """Return the embedded spelling checker that knows the settings' words and people."""
        from asyncwriter.checks.spelling.checker import embedded_checker
        from asyncwriter.team import known_words

        words = (*settings.languagetool.words, *known_words(settings.people))
        if words not in self._spellers:
            self._spellers[words] = embedded_checker(list(words))
        return self._spellers[words]

    def catalog(self, settings: Settings, load: Callable[[Settings], Catalog]) -> Catalog:
        """Return the template catalog for the settings' folders, loaded once per set."""
        key = tuple(settings.template_folders)
        if key not in self._catalogs:
            self._catalogs[key] = load(settings)
        return self._catalogs[key]
