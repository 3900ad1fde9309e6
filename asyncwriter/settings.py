"""The settings file (``settings.toml`` in the config dir): read without losing anything.

An invalid file is reported (file, line, reason) and the defaults are used for whatever is
broken. Only :func:`save` writes the file, and only the settings dialog and the explicit
"turn this rule off" / "add to dictionary" actions call it: a typo can be fixed by hand
without the app overwriting it first. Saving keeps the file's comments and any keys this
version does not know (tomlkit edits the document in place). Keys::

    [rules]                      # per-rule severity or "off", by id or id prefix
    "ask.vague" = "error"
    deadline = "off"
    "grammar.EN_QUOTES" = "off"  # one LanguageTool rule

    [time]
    zone = "Europe/Berlin"       # the writer's zone (default: the system's)
    team_zones = ["America/New_York", "Asia/Kolkata"]
    work_hours = "09:00-17:30"   # for people who give no hours
    short_notice_hours = 8       # deadline.short-notice: fewer working hours than this

    [[team.people]]              # the readers the team-time checks think of
    name = "Aiko"
    handle = "aiko"              # @aiko in a draft means her
    zone = "Asia/Tokyo"          # IANA, or "Tokyo", or an unambiguous abbreviation
    hours = "10:00-19:00"        # optional
    days = "Mon-Fri"             # optional
    holidays = "JP"              # optional: country (and subdivision, "US-CA") holidays

    [languagetool]
    mode = "builtin"             # "builtin" | "local" | "server" | "public" | "off"
    url = "https://lt.example.com"   # for mode = "server"
    language = "en-US"
    level = "default"            # or "picky"
    words = ["Kubernetes"]       # never reported as misspelled

    [templates]
    folders = ["~/team/templates"]   # extra team template folders (relative: to this file)

    [nlp]
    offer_download = false       # the writer said No Thanks to the trained spaCy pipeline
"""

from __future__ import annotations

import contextlib
import ipaddress
import os
import re
import urllib.parse
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from asyncwriter import os_errors, paths, regular_files, team, toml_text
from asyncwriter.people_tables import PersonEntry, write_people
from asyncwriter.rule_settings import RuleSetting, parse_rule_settings

if TYPE_CHECKING:
    from collections.abc import Mapping

#: Where grammar checks run: the built-in checker only (the default: no Java, no download),
#: and with it LanguageTool on this machine, a server the user names, the public service
#: (text leaves the machine; asked first); or nowhere.
LANGUAGETOOL_MODES = ("builtin", "local", "server", "public", "off")
#: LanguageTool's checking levels; "picky" adds style rules.
LANGUAGETOOL_LEVELS = ("default", "picky")
DEFAULT_LANGUAGE = "en-US"
#: A larger settings file is not one (and a device that never ends is not read to the end).
MAX_SETTINGS_BYTES = 1 << 20


@dataclass(frozen=True, slots=True)
class SettingsProblem:
    """A part of the settings file that could not be used."""

    path: Path
    reason: str
    line: int | None = None
    #: The whole file could not be used (not TOML, not UTF-8, unreadable): saving starts a
    #: new file and keeps this one as ``settings.toml.broken``.
    whole_file: bool = False

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else str(self.path)
        return f"{where}: {self.reason}"


@dataclass(slots=True)
class LanguageToolSettings:
    """Where and how grammar is checked (``[languagetool]``)."""

    #: "builtin" runs only the embedded checker; the LanguageTool modes run it too.
    mode: str = "builtin"
    url: str = ""
    language: str = DEFAULT_LANGUAGE
    level: str = "default"
    #: Words never reported as misspelled ("add to dictionary"), applied on our side.
    words: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Settings:
    """The settings in effect, with the problems met while reading them."""

    rules: dict[str, RuleSetting] = field(default_factory=dict)
    template_folders: list[Path] = field(default_factory=list)
    #: The folders as written in the file (``~`` and relative paths kept), for saving.
    template_folder_entries: list[str] = field(default_factory=list)
    #: The writer's IANA zone, or None for the system's.
    zone: str | None = None
    team_zones: list[str] = field(default_factory=list)
    #: Working hours for people who give none (``[time] work_hours``).
    work_hours: str = team.DEFAULT_HOURS
    #: deadline.short-notice fires below this many working hours (``[time]``).
    short_notice_hours: float = 8.0
    #: The team's people (``[[team.people]]``); broken entries are reported and skipped.
    people: list[team.Person] = field(default_factory=list)
    #: Every ``[[team.people]]`` table as written, broken ones too, for the people editor
    #: and :func:`save`; None when the file's people were not read (nothing is written).
    people_entries: list[PersonEntry] | None = None
    languagetool: LanguageToolSettings = field(default_factory=LanguageToolSettings)
    #: Whether the window offers to download a trained spaCy pipeline (``[nlp]
    #: offer_download``); False once the writer said No Thanks, so it is asked only once.
    offer_pipeline: bool = True
    path: Path | None = None
    #: The project file (``.asyncwriter.toml``) merged over the user's settings, if any:
    #: such settings are for checking with, never for :func:`save`.
    project: Path | None = None
    problems: list[SettingsProblem] = field(default_factory=list)


def check_server_url(url: str) -> str | None:
    """Return why ``url`` cannot be a LanguageTool server, or None when it can.

    The draft travels to that server, so it must be https unless it is this machine.
    """
    parsed = urllib.parse.urlsplit(url.strip())
    if parsed.scheme not in ("http", "https") or not parsed.hostname:
        return "give a full URL such as https://languagetool.example.com"
    if parsed.scheme == "http" and not is_loopback(parsed.hostname):
        return "use https (plain http is only for a server on this machine)"
    return None


_LANGUAGE_CODE = re.compile(r"[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*|auto")


def check_language(code: object) -> str | None:
    """Return why ``code`` is not a LanguageTool language code, or None when it is one."""
    if isinstance(code, str) and _LANGUAGE_CODE.fullmatch(code.strip()):
        return None
    return f"{code!r} is not a language code such as en-US"


def is_loopback(host: str) -> bool:
    """Return True for localhost and loopback addresses (traffic that stays on this machine)."""
    if host.lower() in ("localhost", "localhost."):
        return True
    with contextlib.suppress(ValueError):
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    return False


def load(path: Path | None = None) -> Settings:
    """Read the settings file; a missing file means the defaults, a broken one is reported."""
    path = path or paths.settings_file()
    raw, source, problems = read_table(path)
    settings = from_table(raw, source, path)
    settings.problems[:0] = problems
    return settings


def read_table(path: Path) -> tuple[dict[str, Any], str, list[SettingsProblem]]:
    """Return a settings-shaped TOML file's table and text, or ``{}`` and why it is unusable.

    A missing file is an empty table with no problem. Project files
    (:mod:`asyncwriter.project_config`) are read the same way, so their messages match.
    """
    try:
        data = regular_files.read_bytes(path, MAX_SETTINGS_BYTES)
    except FileNotFoundError:
        return {}, "", []
    except OSError as exc:
        reason = f"cannot read it: {exc.strerror or exc}; using the defaults"
        return {}, "", [SettingsProblem(path, reason, whole_file=True)]
    try:
        source = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return (
            {},
            "",
            [SettingsProblem(path, "not valid UTF-8; using the defaults", whole_file=True)],
        )
    try:
        return toml_text.parse(source), source, []
    except toml_text.TomlError as exc:
        reason = f"not valid TOML: {exc.reason}; using the defaults"
        return {}, source, [SettingsProblem(path, reason, exc.line, whole_file=True)]


def from_table(raw: Mapping[str, Any], source: str, path: Path) -> Settings:
    """Return the settings a parsed table gives; what is wrong is in ``problems``.

    ``source`` is the file's text, for the line numbers of the problems; relative template
    folders are resolved against ``path``'s folder.
    """
    settings = Settings(path=path)
    reader = _Reader(settings, source)
    reader.rules(raw)
    reader.templates(raw)
    reader.time(raw)
    reader.people(raw)
    reader.languagetool(raw)
    reader.nlp(raw)
    return settings


class _Reader:
    """Reads each table, reporting what is wrong with the line it is on."""

    def __init__(self, settings: Settings, source: str) -> None:
        assert settings.path is not None
        self.settings = settings
        self.path: Path = settings.path
        self.lines = source.splitlines()

    def problem(self, table: str, key: str | None, reason: str) -> None:
        self.settings.problems.append(
            SettingsProblem(self.path, reason, line_of(self.lines, table, key))
        )

    def table(self, raw: Mapping[str, Any], key: str) -> Mapping[str, Any]:
        value = raw.get(key, {})
        if isinstance(value, dict):
            return value
        self.problem(key, None, f"[{key}] must be a table; ignored")
        return {}

    def strings(self, table: Mapping[str, Any], name: str, key: str, example: str) -> list[str]:
        value = table.get(key, [])
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            self.problem(
                name,
                key,
                f"[{name}] {key} must be a list of strings, e.g. {key} = {example}; ignored",
            )
            return []
        return value

    def rules(self, raw: Mapping[str, Any]) -> None:
        for key, value in self.table(raw, "rules").items():
            try:
                self.settings.rules.update(parse_rule_settings({key: str(value)}))
            except ValueError as exc:
                self.problem("rules", key, f"[rules] {key}: {exc}")

    def templates(self, raw: Mapping[str, Any]) -> None:
        folders = self.strings(
            self.table(raw, "templates"), "templates", "folders", '["~/team/templates"]'
        )
        base = self.path.parent
        for folder in folders:
            self.settings.template_folder_entries.append(folder)
            self.settings.template_folders.append(base / Path(folder).expanduser())

    def time(self, raw: Mapping[str, Any]) -> None:
        from asyncwriter.times import zones

        table = self.table(raw, "time")
        zone = table.get("zone")
        if zone is not None:
            if not isinstance(zone, str) or not _known_zone(zones, zone):
                self.problem(
                    "time",
                    "zone",
                    f"[time] zone: {zone!r} is not a time zone name "
                    "such as Europe/Berlin; using the system zone",
                )
            else:
                self.settings.zone = zone.strip()
        for name in self.strings(table, "time", "team_zones", '["America/New_York"]'):
            if _known_zone(zones, name):
                if name.strip() not in self.settings.team_zones:
                    self.settings.team_zones.append(name.strip())
            else:
                self.problem(
                    "time",
                    "team_zones",
                    f"[time] team_zones: {name!r} is not a time zone name; skipped",
                )

        hours = table.get("work_hours", team.DEFAULT_HOURS)
        try:
            team.parse_hours(hours)
            self.settings.work_hours = hours.strip()
        except ValueError as exc:
            self.problem(
                "time", "work_hours", f"[time] work_hours: {exc}; using {team.DEFAULT_HOURS}"
            )
        notice = table.get("short_notice_hours", 8)
        if isinstance(notice, int | float) and not isinstance(notice, bool) and 0 <= notice <= 1000:
            self.settings.short_notice_hours = float(notice)
        else:
            self.problem(
                "time",
                "short_notice_hours",
                "[time] short_notice_hours must be a number of hours such as 8; using 8",
            )

    def people(self, raw: Mapping[str, Any]) -> None:
        entries = self.table(raw, "team").get("people", [])
        if not isinstance(entries, list):
            self.problem("team", "people", "[team] people must be [[team.people]] tables; ignored")
            return
        default_hours = team.parse_hours(self.settings.work_hours)
        self.settings.people_entries = []
        for number, entry in enumerate(entries, 1):
            kept = PersonEntry(
                dict(entry) if isinstance(entry, dict) else {},
                number - 1,
                raw=None if isinstance(entry, dict) else entry,
            )
            self.settings.people_entries.append(kept)
            try:
                person = person_from_table(entry, default_hours)
            except ValueError as exc:
                kept.problem = str(exc)
                label = entry.get("name") if isinstance(entry, dict) else None
                who = f"{label!r}" if isinstance(label, str) else f"#{number}"
                self.settings.problems.append(
                    SettingsProblem(
                        self.path,
                        f"[[team.people]] {who}: {exc}; skipped",
                        _entry_line(self.lines, number),
                    )
                )
                continue
            self.settings.people.append(person)

    def languagetool(self, raw: Mapping[str, Any]) -> None:
        table = self.table(raw, "languagetool")
        lt = self.settings.languagetool
        mode = table.get("mode", lt.mode)
        if mode not in LANGUAGETOOL_MODES:
            self.problem(
                "languagetool",
                "mode",
                f"[languagetool] mode: {mode!r} is not one of "
                f"{', '.join(LANGUAGETOOL_MODES)}; using "
                f"{lt.mode!r}",
            )
        else:
            lt.mode = mode
        url = table.get("url", "")
        if not isinstance(url, str):
            self.problem("languagetool", "url", "[languagetool] url must be a string; ignored")
            url = ""
        lt.url = url.strip()
        if lt.mode == "server":
            why = check_server_url(lt.url) if lt.url else "no url is set"
            if why:
                self.problem(
                    "languagetool",
                    "url" if lt.url else "mode",
                    f"[languagetool] url: {why}; no grammar checks until it is fixed",
                )
        language = table.get("language", lt.language)
        why = check_language(language)
        if why is None:
            lt.language = language.strip()
        else:
            self.problem(
                "languagetool", "language", f"[languagetool] language: {why}; using {lt.language}"
            )
        level = table.get("level", lt.level)
        if level in LANGUAGETOOL_LEVELS:
            lt.level = level
        else:
            self.problem(
                "languagetool",
                "level",
                f"[languagetool] level: {level!r} is not default or picky; using default",
            )
        words = self.strings(table, "languagetool", "words", '["Kubernetes"]')
        lt.words = list(dict.fromkeys(w.strip() for w in words if w.strip()))

    def nlp(self, raw: Mapping[str, Any]) -> None:
        offer = self.table(raw, "nlp").get("offer_download", True)
        if isinstance(offer, bool):
            self.settings.offer_pipeline = offer
        else:
            self.problem(
                "nlp", "offer_download", "[nlp] offer_download must be true or false; using true"
            )


def person_from_table(entry: object, default_hours: team.WorkHours) -> team.Person:
    """Build a person from one ``[[team.people]]`` table (the loader and the people editor).

    Raises:
        ValueError: what is wrong with it, in words for the settings problem.
    """
    if not isinstance(entry, dict):
        raise ValueError("must be a table with name and zone")
    name = entry.get("name")
    if not isinstance(name, str) or not name.strip():
        raise ValueError("no name")
    handle = entry.get("handle", name.split()[0])
    if not isinstance(handle, str) or not handle.strip().lstrip("@"):
        raise ValueError("handle must be a string such as aiko")
    zone_text = entry.get("zone")
    if not isinstance(zone_text, str):
        raise ValueError('zone must be given, e.g. zone = "Asia/Tokyo"')
    tz = team.parse_zone(zone_text)
    hours = entry.get("hours")
    days = entry.get("days", team.DEFAULT_DAYS)
    code = entry.get("holidays")
    return team.Person(
        name=name.strip(),
        handle=handle.strip().lstrip("@"),
        zone=tz,
        hours=default_hours if hours is None else team.parse_hours(hours),
        days=team.parse_days(days),
        holidays=None if code is None else team.check_holidays(code),
        zone_name=zone_text.strip(),
    )


def _entry_line(lines: list[str], number: int) -> int | None:
    """Return the line of the ``number``-th ``[[team.people]]`` header, if found."""
    seen = 0
    for index, line in enumerate(lines, 1):
        if re.match(r"\s*\[\[\s*team\.people\s*\]\]", line):
            seen += 1
            if seen == number:
                return index
    return None


def _known_zone(zones: Any, name: object) -> bool:
    if not isinstance(name, str) or not name.strip():
        return False
    try:
        zones.get_zone(name.strip())
    except ValueError:
        return False
    return True


#: A ``[table]`` header line; the name is stripped after the match. (Stripping inside the
#: pattern, ``\[\s*(...+?)\s*\]``, let a "[" and thousands of blanks be split three ways: a
#: 3 KB line took minutes.)
_HEADER = re.compile(r"\s*\[([^\[\]]+)\]\s*(?:#.*)?$")


def line_of(lines: list[str], table: str, key: str | None) -> int | None:
    """Return the 1-based line of ``key`` in ``[table]`` (or of the header), if found.

    tomllib reports positions only for syntax errors; for a value that parses but makes no
    sense, this finds the line so the message can point at it.
    """
    current = ""
    header_line = None
    key_pattern = (
        re.compile(rf"\s*(?:{re.escape(key)}|\"{re.escape(key)}\"|'{re.escape(key)}')\s*=")
        if key
        else None
    )
    for number, line in enumerate(lines, 1):
        m = _HEADER.match(line)
        if m:
            current = m.group(1).strip().strip("\"'")
            if current == table and header_line is None:
                header_line = number
            continue
        if current == table and key_pattern is not None and key_pattern.match(line):
            return number
    return header_line


# -- writing ------------------------------------------------------------------------------


class SettingsWriteError(Exception):
    """The settings file could not be written (the reason is the message)."""


def save(settings: Settings, path: Path | None = None) -> Path | None:
    """Write ``settings`` to the file, keeping its comments and the keys we do not manage.

    A file that is not valid TOML cannot be edited in place; it is kept next to the new one
    as ``settings.toml.broken`` so nothing the user typed is lost. Returns the path of that
    copy, if one was made.

    Raises:
        SettingsWriteError: the file or its folder cannot be written.
    """
    import tomlkit
    from tomlkit.exceptions import TOMLKitError

    path = path or settings.path or paths.settings_file()
    # Write through a symlink (a dotfiles repository links settings.toml): the file the
    # link points at is edited and replaced, and the link stays a link.
    path = Path(os.path.realpath(path))
    kept: Path | None = None
    try:
        data = regular_files.read_bytes(path, MAX_SETTINGS_BYTES)
        source: str | None = data.decode("utf-8-sig")
    except (FileNotFoundError, NotADirectoryError):
        source = ""
    except UnicodeDecodeError:
        source = None
    except OSError as exc:
        raise SettingsWriteError(f"cannot read {path}: {exc.strerror or exc}") from exc
    try:
        doc = tomlkit.parse(source) if source is not None else None
    except (TOMLKitError, RecursionError, MemoryError):
        doc = None
    if doc is None:
        kept = path.with_name(path.name + ".broken")
        try:
            os.replace(path, kept)
        except OSError as exc:
            raise SettingsWriteError(
                f"cannot keep the old file as {kept}: {os_errors.describe(exc)}"
            ) from exc
        doc = tomlkit.document()
    _update(doc, settings)
    tmp = path.with_name(path.name + ".tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp.write_text(tomlkit.dumps(doc), encoding="utf-8")
        os.replace(tmp, path)
    except OSError as exc:
        with contextlib.suppress(OSError):
            tmp.unlink()  # a half-written copy (a full disk) is not left behind
        raise SettingsWriteError(f"cannot write {path}: {os_errors.describe(exc)}") from exc
    return kept


def _update(doc: Any, settings: Settings) -> None:
    """Set the managed keys in a tomlkit document, leaving everything else as it was."""
    import tomlkit

    created: list[str] = []
    rules = _ensure_table(doc, "rules", created)
    wanted = {key: "off" if value is None else str(value) for key, value in settings.rules.items()}
    for key in [k for k in rules if k not in wanted]:
        del rules[key]
    for key, value in wanted.items():
        if rules.get(key) != value:
            rules[key] = value

    time = _ensure_table(doc, "time", created)
    _set_or_remove(time, "zone", settings.zone)
    _set_or_remove(time, "team_zones", _array(tomlkit, settings.team_zones))
    _set_unless_default(time, "work_hours", settings.work_hours, team.DEFAULT_HOURS)
    _set_unless_default(time, "short_notice_hours", _number(settings.short_notice_hours), 8)
    if settings.people_entries is not None:
        write_people(doc, settings.people_entries)

    lt = _ensure_table(doc, "languagetool", created)
    defaults = LanguageToolSettings()
    lt["mode"] = settings.languagetool.mode
    _set_or_remove(lt, "url", settings.languagetool.url or None)
    _set_or_remove(
        lt,
        "language",
        settings.languagetool.language
        if settings.languagetool.language != defaults.language or "language" in lt
        else None,
    )
    _set_or_remove(
        lt,
        "level",
        settings.languagetool.level
        if settings.languagetool.level != defaults.level or "level" in lt
        else None,
    )
    _set_or_remove(lt, "words", _array(tomlkit, settings.languagetool.words))

    templates = _ensure_table(doc, "templates", created)
    _set_or_remove(templates, "folders", _array(tomlkit, settings.template_folder_entries))

    nlp = _ensure_table(doc, "nlp", created)
    # Written only once it differs from the default (or was written before): a file that
    # never mentioned the offer keeps not mentioning it.
    _set_or_remove(
        nlp,
        "offer_download",
        settings.offer_pipeline if not settings.offer_pipeline or "offer_download" in nlp else None,
    )
    for name in created:  # a table we added and left empty is noise
        if not doc[name]:
            del doc[name]


def _set_unless_default(table: Any, key: str, value: object, default: object) -> None:
    """Like ``offer_download``: written once it differs from the default, or was written."""
    _set_or_remove(table, key, value if value != default or key in table else None)


def _number(value: float) -> float | int:
    """Return 8 for 8.0: the file says "8", as people write it."""
    return int(value) if float(value).is_integer() else value


def _ensure_table(doc: Any, name: str, created: list[str]) -> Any:
    import tomlkit

    if name not in doc or not isinstance(doc[name], dict):
        if name in doc:
            del doc[name]  # a non-table here was reported on load; the dialog's values win
        doc[name] = tomlkit.table()
        created.append(name)
    return doc[name]


def _array(tomlkit: Any, items: list[str]) -> Any:
    if not items:
        return None
    array = tomlkit.array()
    array.extend(items)
    if sum(len(i) + 4 for i in items) > 80:
        array.multiline(True)
    return array


def _set_or_remove(table: Any, key: str, value: object) -> None:
    if value is None:
        if key in table:
            del table[key]
    elif table.get(key) != value:
        table[key] = value
