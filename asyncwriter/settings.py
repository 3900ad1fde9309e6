"""The settings file (``settings.toml`` in the config dir): reading it without losing anything.

An invalid file is reported (file, line, reason) and the defaults are used for whatever is
broken; nothing here ever writes the file, so a typo can be fixed by hand without the app
overwriting it first. Keys::

    [rules]                      # per-rule severity or "off", by id or id prefix
    "ask.vague" = "error"
    deadline = "off"

    [templates]
    folders = ["~/team/templates"]   # extra team template folders (relative: to this file)
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from asyncwriter import paths
from asyncwriter.checks.context import RuleSetting, parse_rule_settings

if TYPE_CHECKING:
    from collections.abc import Mapping

_TOML_POSITION = re.compile(r"\s*\(at line (\d+), column \d+\)|\s*\(at end of document\)")


def toml_error(exc: tomllib.TOMLDecodeError) -> tuple[str, int | None]:
    """Split a TOML error into its reason and line (None when it is at the end)."""
    message = str(exc)
    m = _TOML_POSITION.search(message)
    line = int(m.group(1)) if m and m.group(1) else None
    return _TOML_POSITION.sub("", message), line


@dataclass(frozen=True, slots=True)
class SettingsProblem:
    """A part of the settings file that could not be used."""

    path: Path
    reason: str
    line: int | None = None

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else str(self.path)
        return f"{where}: {self.reason}"


@dataclass(slots=True)
class Settings:
    """The settings in effect, with the problems met while reading them."""

    rules: dict[str, RuleSetting] = field(default_factory=dict)
    template_folders: list[Path] = field(default_factory=list)
    path: Path | None = None
    problems: list[SettingsProblem] = field(default_factory=list)


def load(path: Path | None = None) -> Settings:
    """Read the settings file; a missing file means the defaults, a broken one is reported."""
    path = path or paths.settings_file()
    settings = Settings(path=path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return settings
    except OSError as exc:
        settings.problems.append(SettingsProblem(path, f"cannot read it: {exc.strerror or exc}"))
        return settings
    try:
        raw = tomllib.loads(data.decode("utf-8-sig"))
    except UnicodeDecodeError:
        settings.problems.append(SettingsProblem(path, "not valid UTF-8; using the defaults"))
        return settings
    except tomllib.TOMLDecodeError as exc:
        reason, line = toml_error(exc)
        settings.problems.append(
            SettingsProblem(path, f"not valid TOML: {reason}; using the defaults", line)
        )
        return settings
    _read_rules(raw, settings)
    _read_templates(raw, settings)
    return settings


def _table(raw: Mapping[str, Any], key: str, settings: Settings) -> Mapping[str, Any]:
    value = raw.get(key, {})
    if isinstance(value, dict):
        return value
    assert settings.path is not None
    settings.problems.append(SettingsProblem(settings.path, f"[{key}] must be a table; ignored"))
    return {}


def _read_rules(raw: Mapping[str, Any], settings: Settings) -> None:
    assert settings.path is not None
    for key, value in _table(raw, "rules", settings).items():
        try:
            settings.rules.update(parse_rule_settings({key: str(value)}))
        except ValueError as exc:
            settings.problems.append(SettingsProblem(settings.path, f"[rules] {key}: {exc}"))


def _read_templates(raw: Mapping[str, Any], settings: Settings) -> None:
    assert settings.path is not None
    folders = _table(raw, "templates", settings).get("folders", [])
    if isinstance(folders, str):
        folders = [folders]
    if not isinstance(folders, list) or not all(isinstance(f, str) for f in folders):
        settings.problems.append(
            SettingsProblem(
                settings.path,
                "[templates] folders must be a list of paths, e.g. "
                'folders = ["~/team/templates"]; ignored',
            )  # fmt: skip
        )
        return
    base = settings.path.parent
    for folder in folders:
        settings.template_folders.append(base / Path(folder).expanduser())
