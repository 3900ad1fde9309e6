"""Project config: a ``.asyncwriter.toml`` a team commits next to its docs.

Found by walking up from the checked file's folder to the filesystem root, as ruff finds
its config: the closest folder that has a ``.asyncwriter.toml``, or a ``pyproject.toml``
with a ``[tool.asyncwriter]`` table, wins (``.asyncwriter.toml`` first when a folder has
both), and only that one file applies: project files do not stack. A ``pyproject.toml``
without the table is passed over. The search does not stop at the home folder (a
``~/.asyncwriter.toml`` applies to everything below it), again like ruff.

The project file has the settings file's shape and is read by the same parser
(:mod:`asyncwriter.settings`), so its values are checked and its mistakes reported the same
way, naming the project file and line. It is merged over the user's settings at the TOML
level before the values are read:

- ``[rules]`` keys and the ``[time]`` values: the project's win, key by key;
- ``[team] people`` and ``[time] team_zones``: the project's list replaces the user's;
- ``[templates] folders`` (relative to the project file's folder) and ``[languagetool]
  words``: added to the user's.

Where the draft is sent is the user's choice alone: a project file cannot set the
LanguageTool mode, server or language (a cloned repository could otherwise send every
draft to a server of its choosing), nor the window's ``[nlp]`` offer; such keys are
reported and ignored.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from asyncwriter import paths, settings

if TYPE_CHECKING:
    from asyncwriter.settings import Settings, SettingsProblem

PROJECT_FILE = ".asyncwriter.toml"
PYPROJECT = "pyproject.toml"
#: Tables a project file may hold; ``[languagetool]`` only for its ``words``.
_TABLES = ("rules", "time", "team", "templates", "languagetool")
#: Lists the project adds to the user's rather than replacing them.
_ADDED = {("templates", "folders"), ("languagetool", "words")}


@dataclass(frozen=True, slots=True)
class ProjectFile:
    """A project config file: ``.asyncwriter.toml``, or a ``pyproject.toml`` with the table."""

    path: Path
    #: True for ``pyproject.toml`` (the settings live under ``[tool.asyncwriter]``).
    pyproject: bool = False


@dataclass(slots=True)
class Merged:
    """The settings in effect for a document, with where each value came from."""

    settings: Settings
    user_path: Path
    project: ProjectFile | None
    #: ``(table, key)`` → the files that set it (the user's, the project's, or both).
    origins: dict[tuple[str, str], list[Path]] = field(default_factory=dict)

    def origin(self, table: str, key: str) -> str:
        """Return where a value came from: ``default`` or the file(s) that set it."""
        files = self.origins.get((table, key))
        return " + ".join(str(f) for f in files) if files else "default"


def find(start: Path) -> ProjectFile | None:
    """Return the project file for a document at (or a folder) ``start``, if there is one."""
    here = start if start.is_dir() else start.parent
    here = Path(os.path.abspath(here))
    for folder in (here, *here.parents):
        candidate = folder / PROJECT_FILE
        if candidate.is_file():
            return ProjectFile(candidate)
        pyproject = folder / PYPROJECT
        if pyproject.is_file() and _has_tool_table(pyproject):
            return ProjectFile(pyproject, pyproject=True)
    return None


def settings_for(path: Path, user_path: Path | None = None) -> Settings:
    """Return the settings for checking the document at ``path`` (user and project merged).

    This is the one call a front end needs (the CLI per file, the language server per
    document). Problems in either file are in ``problems``; nothing here raises.
    """
    return merged_for(path, user_path).settings


def merged_for(path: Path, user_path: Path | None = None) -> Merged:
    """Return the merged settings for ``path`` and where each value came from."""
    user_path = user_path or paths.settings_file()
    user_raw, user_source, user_problems = settings.read_table(user_path)
    user = settings.from_table(user_raw, user_source, user_path)
    user.problems[:0] = user_problems
    project = find(path)
    origins: dict[tuple[str, str], list[Path]] = {}
    _note(origins, user_raw, user_path)
    if project is None:
        return Merged(user, user_path, None, origins)
    project_raw, problems = _read_project(project)
    _note(origins, project_raw, project.path)
    merged = settings.from_table(_merge(user_raw, project_raw), user_source, user_path)
    # The merged read's problems name the user's file for every key; each file's own read
    # reports its problems with the right file and line instead.
    merged.problems = [*user.problems, *problems]
    merged.project = project.path
    return Merged(merged, user_path, project, origins)


def _has_tool_table(path: Path) -> bool:
    raw, source, problems = settings.read_table(path)
    if problems:
        # Not TOML: ours if it seems to have our table (then its problem is reported), so a
        # typo does not silently drop the team's settings; else someone else's to report.
        return "[tool.asyncwriter" in source
    tool = raw.get("tool")
    return isinstance(tool, dict) and "asyncwriter" in tool


def _read_project(project: ProjectFile) -> tuple[dict[str, Any], list[SettingsProblem]]:
    """Return the project file's usable table (folders made absolute) and its problems."""
    from asyncwriter.settings import SettingsProblem

    raw, source, problems = settings.read_table(project.path)
    where = ""
    if project.pyproject:
        tool = raw.get("tool")
        table = tool.get("asyncwriter", {}) if isinstance(tool, dict) else {}
        where = "[tool.asyncwriter] "
        if not isinstance(table, dict):
            reason = "[tool.asyncwriter] must be a table; ignored"
            return {}, [*problems, SettingsProblem(project.path, reason)]
        raw = table
    lines = source.splitlines()
    kept: dict[str, Any] = {}
    for name, value in raw.items():
        if name not in _TABLES:
            allowed = ", ".join(_TABLES)
            reason = f"{where}[{name}] is not a project setting (only {allowed}); ignored"
            problems.append(SettingsProblem(project.path, reason, _line(lines, name, None)))
            continue
        kept[name] = value
    lt = kept.get("languagetool")
    if isinstance(lt, dict):
        for key in [k for k in lt if k != "words"]:
            reason = (
                f"{where}[languagetool] {key}: only your own settings file decides where "
                "drafts are checked; ignored"
            )
            line = _line(lines, "languagetool", key)
            problems.append(SettingsProblem(project.path, reason, line))
        kept["languagetool"] = {"words": lt["words"]} if "words" in lt else {}
    # Read alone, for its own problems (named by this file and its lines) ...
    alone = settings.from_table(kept, source, project.path)
    problems.extend(alone.problems)
    # ... and with its template folders resolved against its own folder before merging.
    if "templates" in kept and alone.template_folders:
        folders = [str(f) for f in alone.template_folders]
        kept["templates"] = {**kept["templates"], "folders": folders}
    return kept, problems


def _line(lines: list[str], table: str, key: str | None) -> int | None:
    return settings.line_of(lines, table, key) or settings.line_of(
        lines, f"tool.asyncwriter.{table}", key
    )


def _merge(user: dict[str, Any], project: dict[str, Any]) -> dict[str, Any]:
    """Return ``user`` with ``project`` laid over it, table by table and key by key."""
    merged = dict(user)
    for name, table in project.items():
        if not isinstance(table, dict) or not isinstance(merged.get(name), dict):
            merged[name] = table
            continue
        combined = dict(merged[name])
        for key, value in table.items():
            mine = combined.get(key)
            if (name, key) in _ADDED and isinstance(mine, list) and isinstance(value, list):
                combined[key] = [*mine, *(v for v in value if v not in mine)]
            else:
                combined[key] = value
        merged[name] = combined
    return merged


def _note(origins: dict[tuple[str, str], list[Path]], raw: dict[str, Any], path: Path) -> None:
    for name, table in raw.items():
        if not isinstance(table, dict):
            continue
        for key in table:
            files = origins.setdefault((name, str(key)), [])
            if (name, str(key)) not in _ADDED:
                files.clear()  # the later file replaces the value
            files.append(path)
