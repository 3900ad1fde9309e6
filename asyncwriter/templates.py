"""Message templates: the file format, the three places they load from, and new drafts.

A template is a Markdown file that opens with a TOML front matter block between ``+++``
lines (the Hugo convention), so anyone who can edit a text file can write one::

    +++
    id = "decision-proposal"
    name = "Decision proposal"
    description = "Ask for a decision: the problem, options, risks and your recommendation."
    kind = "decision"
    channel = "email"
    subject = "Decision needed by {{date}}: {{the question}}"
    sections = ["Problem", "Options", "Risks", "Recommendation"]
    require_link = true

    [rules]
    "ask.missing" = "error"
    +++
    TL;DR: {{the decision you need, from whom, by when}}
    ...

Templates load from the built-in folder, then the user's folder, then the team folders
named in settings; a later template replaces an earlier one with the same id. A file that
cannot be read or parsed is reported with its path and the reason and skipped, and is never
written to.
"""

from __future__ import annotations

import difflib
import re
import threading
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from asyncwriter import paths, regular_files, toml_text
from asyncwriter.draft_text import marker, template_id_of
from asyncwriter.formats import FORMATS
from asyncwriter.rule_settings import RuleSetting, parse_rule_settings
from asyncwriter.sections import NEEDS, Section
from asyncwriter.settings import load as load_settings

__all__ = ["Catalog", "Problem", "Template", "TemplateError", "marker", "resolve", "template_id_of"]

if TYPE_CHECKING:
    from collections.abc import Collection, Iterable, Sequence

    from asyncwriter.settings import Settings

BUILTIN, USER, TEAM = "built-in", "user", "team"
KINDS = (
    "status", "decision", "incident", "postmortem", "standup", "review", "kickoff",
    "handoff", "retrospective", "announcement", "other",
)  # fmt: skip
#: A template's channel is the export format its drafts are copied in by default.
CHANNELS = FORMATS
DEFAULT_CHANNEL = "markdown"
#: Larger files are not templates (a template is a page or two of Markdown).
MAX_TEMPLATE_BYTES = 256 * 1024

_ID = re.compile(r"[a-z0-9][a-z0-9-]{0,63}")
_FENCE = "+++"
_KNOWN_KEYS = (
    "id", "name", "description", "kind", "channel", "subject", "sections", "require_link",
    "rules",
)  # fmt: skip
_SECTION_KEYS = ("name", "aliases", "needs")


class TemplateError(ValueError):
    """A template file that cannot be used; the message says why (and where, if known)."""


@dataclass(frozen=True, slots=True)
class Problem:
    """Something wrong with a template file or folder, for the writer to fix.

    Attributes:
        path: the file or folder.
        reason: what is wrong, in words, with the line where known.
        skipped: True when the template was not loaded because of it.
    """

    path: Path
    reason: str
    skipped: bool = True

    def __str__(self) -> str:
        verdict = "skipped" if self.skipped else "loaded anyway"
        return f"{self.path}: {self.reason} ({verdict})"


@dataclass(frozen=True, slots=True)
class Template:
    """One message template, parsed and checked.

    Attributes:
        id: the stable key (lowercase, digits, hyphens); drafts remember it.
        name: what the picker shows.
        description: one line on when to use it.
        kind: what the message does (``KINDS``); export picks the email subject prefix by it.
        channel: where it is usually sent (``CHANNELS``); the default copy format.
        subject: the subject line pattern, with placeholders, or "" for none.
        sections: the sections a message from it must have.
        require_link: whether a link is required even in a short message.
        rules: rule settings that apply to drafts from it (severity, or None for off).
        body: the Markdown body, with placeholders.
        origin: ``built-in``, ``user`` or ``team``.
        path: the file it came from.
        replaces: the origin of a template with the same id that this one overrides.
    """

    id: str
    name: str
    body: str
    description: str = ""
    kind: str = "other"
    channel: str = DEFAULT_CHANNEL
    subject: str = ""
    sections: tuple[Section, ...] = ()
    require_link: bool = False
    rules: dict[str, RuleSetting] = field(default_factory=dict)
    origin: str = BUILTIN
    path: Path | None = None
    replaces: str | None = None

    def draft_text(self) -> str:
        """Return the text a new draft starts with: the subject line, then the body."""
        return f"Subject: {self.subject}\n\n{self.body}" if self.subject else self.body

    def new_draft(self) -> str:
        """Return a fresh draft as a file: the marker line, then :meth:`draft_text`.

        The marker comment is how a draft saved as a file remembers its template
        (``asyncwriter lint`` applies it); the subject line comes first so the email
        export and the summary check find it.
        """
        return f"{marker(self.id)}\n{self.draft_text()}"


@dataclass(slots=True)
class Catalog:
    """The templates that loaded, by id, and the problems met on the way."""

    templates: dict[str, Template] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)

    def get(self, template_id: str) -> Template:
        """Return the template with ``template_id``.

        Raises:
            LookupError: no such template; the message suggests close ids.
        """
        try:
            return self.templates[template_id]
        except KeyError:
            close = difflib.get_close_matches(template_id, list(self.templates), n=3)
            hint = f" (did you mean {', '.join(close)}?)" if close else ""
            raise LookupError(
                f"unknown template {template_id!r}{hint}; `asyncwriter templates` lists them"
            ) from None

    def sorted(self) -> list[Template]:
        """Return the templates ordered by name, as a picker lists them."""
        return sorted(self.templates.values(), key=lambda t: (t.name.casefold(), t.id))


# -- parsing -----------------------------------------------------------------------------


def parse(
    text: str,
    *,
    origin: str = BUILTIN,
    path: Path | None = None,
    rule_keys: Collection[str] | None = None,
) -> tuple[Template, list[str]]:
    """Parse a template file's text.

    ``rule_keys`` are the keys ``[rules]`` may use (``asyncwriter.checks.RULE_KEYS``): the
    checks sit above templates, so whoever reports template problems hands them down. With
    None, rule names are not checked.

    Returns:
        The template, and warnings about things that were ignored (unknown keys or rule
        ids, an unknown kind or channel) so a typo does not go unnoticed.

    Raises:
        TemplateError: the front matter is missing or not valid TOML, a required field is
            missing or malformed, or the body is empty.
    """
    text = text.removeprefix("\ufeff").replace("\r\n", "\n")
    meta, body = _split_front_matter(text)
    try:
        data = toml_text.parse(meta)
    except toml_text.TomlError as exc:
        raise TemplateError(_toml_reason(exc)) from None
    warnings: list[str] = []
    for key in data:
        if key not in _KNOWN_KEYS:
            warnings.append(f"unknown key {key!r} ignored{_did_you_mean(key, _KNOWN_KEYS)}")
    template_id = _required_str(data, "id")
    if not _ID.fullmatch(template_id):
        raise TemplateError(
            f"id {template_id!r} must be lowercase letters, digits and hyphens "
            '(e.g. "weekly-status")'
        )
    name = _required_str(data, "name")
    if not body.strip():
        raise TemplateError("the template has no body after the closing +++ line")
    kind = _optional_str(data, "kind", "other")
    if kind not in KINDS:
        warnings.append(f'unknown kind {kind!r}, using "other" (kinds: {", ".join(KINDS)})')
        kind = "other"
    channel = _optional_str(data, "channel", DEFAULT_CHANNEL)
    if channel not in CHANNELS:
        warnings.append(
            f"unknown channel {channel!r}, using {DEFAULT_CHANNEL!r} "
            f"(channels: {', '.join(CHANNELS)})"
        )
        channel = DEFAULT_CHANNEL
    require_link = data.get("require_link", False)
    if not isinstance(require_link, bool):
        raise TemplateError("require_link must be true or false")
    rules, rule_warnings = _rules(data.get("rules", {}), rule_keys)
    warnings.extend(rule_warnings)
    template = Template(
        id=template_id,
        name=name,
        body=body.lstrip("\n"),
        description=" ".join(_optional_str(data, "description", "").split()),
        kind=kind,
        channel=channel,
        subject=" ".join(_optional_str(data, "subject", "").split()),
        sections=_sections(data.get("sections", [])),
        require_link=require_link,
        rules=rules,
        origin=origin,
        path=path,
    )
    return template, warnings


def _split_front_matter(text: str) -> tuple[str, str]:
    """Return the front matter (from the file's second line) and the body."""
    lines = text.split("\n")
    if not lines or lines[0].strip() != _FENCE:
        raise TemplateError(
            "no front matter: a template starts with a +++ line, then TOML (id, name, ...), "
            "then another +++ line"
        )
    for i in range(1, len(lines)):
        if lines[i].strip() == _FENCE:
            return "\n".join(lines[1:i]), "\n".join(lines[i + 1 :])
    raise TemplateError("the front matter is not closed: add a +++ line after it")


def _toml_reason(exc: toml_text.TomlError) -> str:
    """Return a TOML error with its line number counted in the template file."""
    reason, line = exc.reason, exc.line
    if line is None:
        return f"front matter is not valid TOML: {reason} (at its end: check quotes and brackets)"
    # the front matter starts on the file's second line
    return f"line {line + 1}: front matter is not valid TOML: {reason}"


def _required_str(data: dict[str, Any], key: str) -> str:
    value = data.get(key)
    if value is None:
        raise TemplateError(f"missing {key!r} in the front matter")
    if not isinstance(value, str) or not value.strip():
        raise TemplateError(f"{key!r} must be a non-empty string")
    return value.strip()


def _optional_str(data: dict[str, Any], key: str, default: str) -> str:
    value = data.get(key, default)
    if not isinstance(value, str):
        raise TemplateError(f"{key!r} must be a string")
    return value.strip()


def _sections(raw: object) -> tuple[Section, ...]:
    """Parse ``sections``: names, "Name | Alias" strings, or tables with ``needs``."""
    if not isinstance(raw, list):
        raise TemplateError('sections must be a list, e.g. sections = ["Impact", "Root cause"]')
    sections: list[Section] = []
    for item in raw:
        if isinstance(item, str):
            names = [n.strip() for n in item.split("|") if n.strip()]
            needs = None
        elif isinstance(item, dict):
            unknown = [k for k in item if k not in _SECTION_KEYS]
            if unknown:
                raise TemplateError(
                    f"unknown key {unknown[0]!r} in a section (use name, aliases, needs)"
                )
            name, aliases, needs = item.get("name"), item.get("aliases", []), item.get("needs")
            if not isinstance(name, str) or not isinstance(aliases, list):
                raise TemplateError('a section table needs name = "..." (and aliases = [...])')
            names = [n.strip() for n in [name, *map(str, aliases)] if n.strip()]
            if needs is not None and needs not in NEEDS:
                raise TemplateError(
                    f"section {name!r}: needs must be one of {', '.join(NEEDS)}, not {needs!r}"
                )
        else:
            raise TemplateError("each section is a name or a table with name and needs")
        if not names:
            raise TemplateError("a section has an empty name")
        sections.append(Section(names[0], tuple(names[1:]), needs))
    return tuple(sections)


def _rules(raw: object, known: Collection[str] | None) -> tuple[dict[str, RuleSetting], list[str]]:
    if not isinstance(raw, dict):
        raise TemplateError('[rules] must be a table, e.g. "ask.missing" = "off"')
    warnings: list[str] = []
    valid: dict[str, str] = {}
    for key, value in raw.items():
        if known is not None and key not in known:
            warnings.append(f"unknown rule {key!r} in [rules] ignored{_did_you_mean(key, known)}")
            continue
        if not isinstance(value, str):
            raise TemplateError(f'rule {key!r}: use "off", "info", "warning" or "error"')
        valid[key] = value
    try:
        return parse_rule_settings(valid), warnings
    except ValueError as exc:
        raise TemplateError(f"[rules]: {exc}") from None


def _did_you_mean(word: str, choices: Iterable[str]) -> str:
    close = difflib.get_close_matches(word, list(choices), n=1)
    return f" (did you mean {close[0]!r}?)" if close else ""


# -- loading -----------------------------------------------------------------------------


def load_file(
    path: Path, origin: str, rule_keys: Collection[str] | None = None
) -> tuple[Template | None, list[Problem]]:
    """Read and parse one template file; never raises for a bad file."""
    try:
        data = regular_files.read_bytes(path, MAX_TEMPLATE_BYTES)
    except regular_files.FileTooLargeError as exc:
        return None, [Problem(path, f"{exc.strerror}, not a template")]
    except OSError as exc:
        return None, [Problem(path, f"cannot read it: {exc.strerror or exc}")]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        return None, [Problem(path, f"not valid UTF-8 (byte {exc.start}); save it as UTF-8")]
    try:
        template, warnings = parse(text, origin=origin, path=path, rule_keys=rule_keys)
    except TemplateError as exc:
        return None, [Problem(path, str(exc))]
    return template, [Problem(path, w, skipped=False) for w in warnings]


def template_files(folder: Path) -> list[Path]:
    """Return the ``.md`` files under ``folder`` (sorted; hidden files and READMEs skipped).

    Team folders are often git repositories with a README; neither ``.git`` nor the
    README is a template.
    """
    found: list[Path] = []
    for path in folder.rglob("*.md"):
        relative = path.relative_to(folder).parts
        if any(part.startswith(".") for part in relative):
            continue
        if path.name.lower() in ("readme.md", "license.md", "changelog.md") or path.is_dir():
            continue
        found.append(path)
    return sorted(found)


def load_catalog(
    team_folders: Sequence[Path] = (),
    *,
    builtin_folder: Path | None = None,
    user_folder: Path | None = None,
    rule_keys: Collection[str] | None = None,
) -> Catalog:
    """Load every template: built-in, then the user's folder, then each team folder.

    A later template replaces an earlier one with the same id (so a team can adjust a
    built-in template for everyone). Within one folder, two files with one id are a
    mistake: the first by path wins and the other is reported.
    """
    catalog = Catalog()
    sources = [
        (builtin_folder or paths.builtin_templates_dir(), BUILTIN, True),
        (user_folder or paths.user_templates_dir(), USER, False),
        *((Path(folder), TEAM, True) for folder in team_folders),
    ]
    for folder, origin, must_exist in sources:
        if not folder.is_dir():
            if must_exist:
                what = "team template folder" if origin == TEAM else "template folder"
                catalog.problems.append(Problem(folder, f"{what} not found"))
            continue
        seen: dict[str, Path] = {}
        for path in template_files(folder):
            template, problems = load_file(path, origin, rule_keys)
            catalog.problems.extend(problems)
            if template is None:
                continue
            if template.id in seen:
                catalog.problems.append(
                    Problem(path, f"id {template.id!r} is already used by {seen[template.id]}")
                )
                continue
            seen[template.id] = path
            earlier = catalog.templates.get(template.id)
            if earlier is not None:
                template = replace(template, replaces=earlier.origin)
            catalog.templates[template.id] = template
    return catalog


def default_catalog(
    settings: Settings | None = None, *, rule_keys: Collection[str] | None = None
) -> Catalog:
    """Load the templates from the built-in, user and settings-listed team folders."""
    if settings is None:
        settings = load_settings()
    return load_catalog(settings.template_folders, rule_keys=rule_keys)


# -- resolving ---------------------------------------------------------------------------

_shared: Catalog | None = None
_shared_lock = threading.Lock()


def shared_catalog() -> Catalog:
    """Return the catalog :func:`resolve` uses, loaded on first use and then kept.

    A lint names its template by id or by the draft's marker; reading every template file
    (and the settings naming the team folders) on each lint cost more than the lint itself,
    so the files are read once per process. :func:`use_catalog` replaces it, e.g. when the
    editor reloads templates after the settings change.
    """
    global _shared
    with _shared_lock:
        if _shared is None:
            _shared = default_catalog()
        return _shared


def use_catalog(catalog: Catalog | None) -> None:
    """Make ``catalog`` the one :func:`resolve` uses (None: load it again when next needed)."""
    global _shared
    with _shared_lock:
        _shared = catalog


def resolve(template: str | Template | None, text: str = "") -> Template | None:
    """Return the template a lint applies: the one given, by id, or the one ``text`` names.

    Raises:
        LookupError: ``template`` is an id no template has. (An unknown id in the draft's
            marker is not an error: the draft is checked without a template.)
    """
    if template is not None and not isinstance(template, str):
        return template
    if template is not None:
        return shared_catalog().get(template)
    remembered = template_id_of(text)
    if remembered is None:
        return None
    return shared_catalog().templates.get(remembered)
