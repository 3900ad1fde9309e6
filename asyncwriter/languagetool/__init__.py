"""LanguageTool as a service: where it runs, how it is reached, and how it gets here.

Where LanguageTool runs is the writer's choice (``[languagetool] mode``): on this machine
(language-tool-python downloads LanguageTool and manages its Java server, see
:mod:`.local`), on a server the team runs (``url``, https unless it is this machine), on
the public service (only after the writer agreed that the text leaves the machine), or
nowhere. The HTTP calls are :mod:`.server`'s.

This package reads the settings and the cache folder so that the check engine does not:
it builds the server the settings name (:func:`make_server`) and hands it, with the
language, level and dictionary, to the engine's
:class:`~asyncwriter.checks.grammar.checker.GrammarChecker` (:func:`make_checker`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from asyncwriter.checks.grammar.checker import GrammarChecker
from asyncwriter.checks.grammar.outcome import GrammarError
from asyncwriter.languagetool import server
from asyncwriter.languagetool.local import LocalServer
from asyncwriter.settings import check_server_url

if TYPE_CHECKING:
    from asyncwriter.checks.grammar.checker import GrammarServer
    from asyncwriter.settings import LanguageToolSettings

__all__ = ["make_checker", "make_server"]


def make_server(config: LanguageToolSettings, *, consent: bool) -> server.Server | None:
    """Return the server the settings name (None when LanguageTool is not used).

    Raises:
        GrammarError: the settings cannot be used (a bad URL, no consent for the public
            service).
    """
    if config.mode in ("off", "builtin"):
        return None
    if config.mode == "server":
        why = check_server_url(config.url) if config.url else "no server URL is set"
        if why:
            raise GrammarError(f"LanguageTool server: {why}", action="settings", retry=False)
        return server.Server(config.url)
    if config.mode == "public":
        if not consent:
            raise GrammarError(
                "the public LanguageTool service would receive the text of your drafts",
                action="consent",
                retry=False,
            )
        return server.Server(server.PUBLIC_URL, name="languagetool.org")
    return LocalServer(config.language)


def make_checker(config: LanguageToolSettings, lt_server: GrammarServer) -> GrammarChecker:
    """Return a checker asking ``lt_server`` in the settings' language, level and words."""
    return GrammarChecker(
        lt_server, language=config.language, level=config.level, words=config.words
    )
