"""The template file format, the three folders and their override order, broken files."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

import pytest

from asyncwriter import paths, settings, templates
from asyncwriter.checks import RULE_KEYS, Severity
from asyncwriter.sections import Section
from asyncwriter.templates import TemplateError, load_catalog, parse

if TYPE_CHECKING:
    from pathlib import Path

MINIMAL = '+++\nid = "weekly"\nname = "Weekly note"\n+++\nTL;DR: {{the point}}\n'


def write(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def template_text(template_id: str, name: str = "A template", extra: str = "") -> str:
    return f'+++\nid = "{template_id}"\nname = "{name}"\n{extra}+++\nTL;DR: {{{{point}}}}\n'


# -- the format --------------------------------------------------------------------------


def test_every_field_is_read():
    text = """+++
id = "decision"
name = "Decision"
description = "Ask for a decision,
  in writing."
kind = "decision"
channel = "email"
subject = "Decision needed by {{date}}"
sections = [
    "Problem",
    "Options | Alternatives",
    { name = "Next update", aliases = ["Next check-in"], needs = "time" },
]
require_link = true

[rules]
"ask.missing" = "error"
deadline = "off"
+++

TL;DR: {{the decision}}
"""
    template, warnings = parse(text.replace("decision,\n  in", "decision, in"))
    assert warnings == []
    assert template.id == "decision" and template.name == "Decision"
    assert template.description == "Ask for a decision, in writing."
    assert (template.kind, template.channel) == ("decision", "email")
    assert template.subject == "Decision needed by {{date}}"
    assert template.sections == (
        Section("Problem"),
        Section("Options", ("Alternatives",)),
        Section("Next update", ("Next check-in",), "time"),
    )
    assert template.require_link is True
    assert template.rules == {"ask.missing": Severity.ERROR, "deadline": None}
    assert template.body == "TL;DR: {{the decision}}\n"


def test_defaults_for_optional_fields():
    template, warnings = parse(MINIMAL)
    assert warnings == []
    assert (template.kind, template.channel, template.subject) == ("other", "markdown", "")
    assert template.sections == () and template.rules == {} and not template.require_link


def test_crlf_and_byte_order_mark_are_accepted():
    template, _ = parse("\ufeff" + MINIMAL.replace("\n", "\r\n"))
    assert template.id == "weekly"
    assert "\r" not in template.body


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("TL;DR: no front matter\n", "no front matter"),
        ('+++\nid = "x"\nname = "X"\nTL;DR: body\n', "not closed"),
        (
            '+++\nid = "x"\nname = "X"\nkind = decision\n+++\nbody\n',
            "line 4: front matter is not valid TOML",
        ),
        ('+++\nname = "X"\n+++\nbody\n', "missing 'id'"),
        ('+++\nid = "Weekly Note"\nname = "X"\n+++\nbody\n', "lowercase letters"),
        ('+++\nid = "x"\n+++\nbody\n', "missing 'name'"),
        ('+++\nid = "x"\nname = ""\n+++\nbody\n', "'name' must be a non-empty string"),
        ('+++\nid = "x"\nname = "X"\n+++\n\n  \n', "no body"),
        ('+++\nid = "x"\nname = "X"\nsections = "Impact"\n+++\nbody\n', "sections must be a list"),
        (
            '+++\nid = "x"\nname = "X"\nsections = [{ name = "When", needs = "date" }]\n+++\nb\n',
            "needs must be one of",
        ),
        (
            '+++\nid = "x"\nname = "X"\nsections = [{ title = "When" }]\n+++\nb\n',
            "unknown key 'title'",
        ),
        ('+++\nid = "x"\nname = "X"\nrequire_link = "yes"\n+++\nb\n', "true or false"),
        (
            '+++\nid = "x"\nname = "X"\n[rules]\n"ask.missing" = "loud"\n+++\nb\n',
            "unknown severity",
        ),
    ],
)
def test_broken_templates_say_why(text, reason):
    with pytest.raises(TemplateError, match=reason.replace("(", r"\(")):
        parse(text)


def test_typos_are_warned_about_not_fatal():
    text = (
        '+++\nid = "x"\nname = "X"\nsectons = ["Impact"]\nkind = "incidnet"\nchannel = "sms"\n'
        '[rules]\n"ask.mising" = "off"\n+++\nbody\n'
    )
    template, warnings = parse(text, rule_keys=RULE_KEYS)
    assert template.kind == "other" and template.channel == "markdown"
    assert template.rules == {}
    joined = "\n".join(warnings)
    assert "unknown key 'sectons'" in joined and "did you mean 'sections'" in joined
    assert "unknown kind 'incidnet'" in joined
    assert "unknown channel 'sms'" in joined
    assert "unknown rule 'ask.mising'" in joined and "'ask.missing'" in joined


def test_rule_prefixes_are_accepted_in_rules():
    template, warnings = parse(template_text("x", extra='[rules]\ndeadline = "warning"\n'))
    assert warnings == [] and template.rules == {"deadline": Severity.WARNING}


def test_new_draft_has_marker_subject_and_body():
    template, _ = parse(template_text("x", extra='subject = "Status: {{project}}"\n'))
    draft = template.new_draft()
    assert draft.splitlines()[:3] == [
        "<!-- asyncwriter template: x -->",
        "Subject: Status: {{project}}",
        "",
    ]
    assert draft.endswith("TL;DR: {{point}}\n")
    assert templates.template_id_of(draft) == "x"


def test_new_draft_without_subject_has_no_subject_line():
    template, _ = parse(MINIMAL)
    assert "Subject:" not in template.new_draft()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("<!-- asyncwriter template: status-update -->\nHi", "status-update"),
        ("Hi\n\n<!--asyncwriter template:handoff-->\r\n", "handoff"),
        ("Hi <!-- asyncwriter template: handoff --> inline", None),
        ("<!-- template: handoff -->", None),
        ("no marker", None),
    ],
)
def test_marker_is_found_only_on_its_own_line(text, expected):
    assert templates.template_id_of(text) == expected


# -- loading -----------------------------------------------------------------------------


@pytest.fixture
def folders(tmp_path):
    builtin = tmp_path / "builtin"
    write(builtin, "a.md", template_text("alpha", "Alpha built-in"))
    write(builtin, "b.md", template_text("beta", "Beta built-in"))
    write(builtin, "c.md", template_text("gamma", "Gamma built-in"))
    return builtin, tmp_path / "user", tmp_path / "team1", tmp_path / "team2"


def test_later_folders_override_earlier_ones_by_id(folders):
    builtin, user, team1, team2 = folders
    write(user, "mine.md", template_text("beta", "Beta mine"))
    write(user, "own.md", template_text("delta", "Delta mine"))
    write(team1, "t.md", template_text("gamma", "Gamma team 1"))
    write(team1, "u.md", template_text("delta", "Delta team 1"))
    write(team2, "v.md", template_text("delta", "Delta team 2"))
    catalog = load_catalog([team1, team2], builtin_folder=builtin, user_folder=user)
    names = {t.id: (t.name, t.origin, t.replaces) for t in catalog.templates.values()}
    assert names == {
        "alpha": ("Alpha built-in", "built-in", None),
        "beta": ("Beta mine", "user", "built-in"),
        "gamma": ("Gamma team 1", "team", "built-in"),
        "delta": ("Delta team 2", "team", "team"),
    }
    assert catalog.problems == []
    assert [t.id for t in catalog.sorted()] == ["alpha", "beta", "delta", "gamma"]


def test_a_broken_file_is_reported_skipped_and_left_untouched(folders):
    builtin, user, team1, _ = folders
    broken = write(user, "broken.md", '+++\nid = "oops"\nname = "Oops\n+++\nbody\n')
    no_id = write(team1, "no-id.md", '+++\nname = "No id"\n+++\nbody\n')
    write(team1, "fine.md", template_text("fine"))
    before = {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in (broken, no_id)}
    catalog = load_catalog([team1], builtin_folder=builtin, user_folder=user)
    assert set(catalog.templates) == {"alpha", "beta", "gamma", "fine"}
    reasons = {p.path.name: p.reason for p in catalog.problems}
    assert reasons["broken.md"].startswith("front matter is not valid TOML: Unterminated string")
    assert reasons["no-id.md"] == "missing 'id' in the front matter"
    assert all(p.skipped for p in catalog.problems)
    assert str(catalog.problems[0]).endswith("(skipped)")
    assert before == {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in (broken, no_id)}


def test_unreadable_non_utf8_and_huge_files_are_reported(folders):
    builtin, user, *_ = folders
    user.mkdir()
    (user / "dangling.md").symlink_to(user / "gone.md")
    (user / "latin1.md").write_bytes(template_text("latin").encode() + "café".encode("latin-1"))
    (user / "huge.md").write_text(template_text("huge") + "x" * 300_000, encoding="utf-8")
    (user / "folder.md").mkdir()
    catalog = load_catalog([], builtin_folder=builtin, user_folder=user)
    reasons = {p.path.name: p.reason for p in catalog.problems}
    assert reasons["dangling.md"].startswith("cannot read it")
    assert reasons["latin1.md"].startswith("not valid UTF-8")
    assert reasons["huge.md"].startswith("larger than")
    assert "folder.md" not in reasons  # a folder is not a file, and not a template
    assert set(catalog.templates) == {"alpha", "beta", "gamma"}


def test_duplicate_ids_in_one_folder_keep_the_first(folders):
    builtin, user, *_ = folders
    write(user, "1-first.md", template_text("dup", "First"))
    write(user, "2-second.md", template_text("dup", "Second"))
    catalog = load_catalog([], builtin_folder=builtin, user_folder=user)
    assert catalog.templates["dup"].name == "First"
    (problem,) = catalog.problems
    assert problem.path.name == "2-second.md" and "already used by" in problem.reason


def test_team_folders_are_searched_recursively_without_hidden_files_or_readmes(folders):
    builtin, user, team, _ = folders
    write(team / "incidents", "sev.md", template_text("sev"))
    write(team / ".git", "x.md", "not a template")
    write(team, "README.md", "# Our templates\n")
    write(team, ".draft.md", "not a template either")
    catalog = load_catalog([team], builtin_folder=builtin, user_folder=user)
    assert "sev" in catalog.templates and catalog.problems == []


def test_missing_team_folder_is_reported_but_a_missing_user_folder_is_normal(folders):
    builtin, user, team, _ = folders
    catalog = load_catalog([team], builtin_folder=builtin, user_folder=user)
    (problem,) = catalog.problems
    assert problem.path == team and problem.reason == "team template folder not found"


def test_warnings_are_reported_but_the_template_loads(folders):
    builtin, user, *_ = folders
    write(user, "w.md", template_text("w", extra='kind = "memo"\n'))
    catalog = load_catalog([], builtin_folder=builtin, user_folder=user)
    assert "w" in catalog.templates
    (problem,) = catalog.problems
    assert not problem.skipped and str(problem).endswith("(loaded anyway)")


def test_unknown_id_suggests_close_ones(folders):
    builtin, user, *_ = folders
    catalog = load_catalog([], builtin_folder=builtin, user_folder=user)
    with pytest.raises(LookupError, match="did you mean alpha"):
        catalog.get("alpah")


def test_default_catalog_reads_user_folder_and_settings_team_folders(tmp_path):
    write(paths.user_templates_dir(), "mine.md", template_text("status-update", "My status"))
    team = tmp_path / "team"
    write(team, "t.md", template_text("team-only", "Team only"))
    paths.config_dir().mkdir(parents=True)
    paths.settings_file().write_text(f'[templates]\nfolders = ["{team}"]\n', encoding="utf-8")
    catalog = templates.default_catalog()
    assert catalog.templates["status-update"].name == "My status"
    assert catalog.templates["status-update"].replaces == "built-in"
    assert catalog.templates["team-only"].origin == "team"
    assert "decision-proposal" in catalog.templates


# -- settings the template loader needs ----------------------------------------------------


def test_relative_and_home_team_folders_in_settings(tmp_path, monkeypatch):
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    path = write(tmp_path / "cfg", "settings.toml",
                 '[templates]\nfolders = ["shared", "~/team"]\n')  # fmt: skip
    loaded = settings.load(path)
    assert loaded.template_folders == [tmp_path / "cfg" / "shared", tmp_path / "home" / "team"]
    assert loaded.problems == []


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("[templates\nfolders = 1\n", "not valid TOML"),
        ("[templates]\nfolders = 1\n", "folders must be a list"),
        ('templates = "x"\n', "[templates] must be a table"),
        ('[rules]\n"ask.vague" = "loud"\n', "unknown severity"),
    ],
)
def test_broken_settings_are_reported_and_defaults_used(tmp_path, text, reason):
    path = write(tmp_path, "settings.toml", text)
    before = path.read_bytes()
    loaded = settings.load(path)
    assert loaded.template_folders == [] and loaded.rules == {}
    assert any(reason in str(p) for p in loaded.problems), loaded.problems
    assert path.read_bytes() == before


def test_settings_toml_error_has_the_line(tmp_path):
    path = write(tmp_path, "settings.toml", '[rules]\n"ask.vague" = "error"\noops\n')
    (problem,) = settings.load(path).problems
    assert problem.line == 3 and str(problem).startswith(f"{path}:3: not valid TOML")


def test_missing_settings_file_means_defaults():
    loaded = settings.load()
    assert loaded.problems == [] and not os.path.exists(paths.settings_file())
