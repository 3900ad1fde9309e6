"""settings.toml: every key read, broken parts reported with their line, saving in place."""

from __future__ import annotations

import pytest

from asyncwriter import paths, settings
from asyncwriter.checks import Severity
from asyncwriter.settings import LanguageToolSettings, Settings

FULL = """\
# Team defaults, edited by hand.
[rules]
"ask.vague" = "error"
deadline = "off"     # we use tickets for deadlines
"grammar.EN_QUOTES" = "off"

[time]
zone = "Europe/Berlin"
team_zones = ["America/New_York", "Asia/Kolkata"]

[languagetool]
mode = "server"
url = "https://lt.example.com"
language = "en-GB"
level = "picky"
words = ["Kubernetes", "asyncwriter"]

[templates]
folders = ["~/team/templates", "shared"]

[nlp]
offer_download = false

[future]
something = "a newer version's key, kept on save"
"""


def write(text: str):
    path = paths.settings_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_every_key_is_read():
    path = write(FULL)
    loaded = settings.load()
    assert loaded.problems == []
    assert loaded.rules == {"ask.vague": Severity.ERROR, "deadline": None,
                            "grammar.EN_QUOTES": None}  # fmt: skip
    assert loaded.zone == "Europe/Berlin"
    assert loaded.team_zones == ["America/New_York", "Asia/Kolkata"]
    assert loaded.languagetool == LanguageToolSettings(
        mode="server", url="https://lt.example.com", language="en-GB", level="picky",
        words=["Kubernetes", "asyncwriter"],
    )  # fmt: skip
    assert loaded.template_folder_entries == ["~/team/templates", "shared"]
    assert loaded.template_folders[1] == path.parent / "shared"
    assert loaded.offer_pipeline is False


def test_missing_file_means_defaults():
    loaded = settings.load()
    assert loaded.problems == [] and loaded.zone is None and loaded.team_zones == []
    # The built-in checker by default: no Java, no download; LanguageTool is opt-in.
    assert loaded.languagetool.mode == "builtin" and loaded.languagetool.level == "default"
    assert loaded.offer_pipeline is True


@pytest.mark.parametrize(
    ("text", "line", "reason"),
    [
        ('[time]\nzone = "Mars/Olympus"\n', 2, "is not a time zone name"),
        ('[time]\nteam_zones = ["UTC", "Nope/Nope"]\n', 2, "'Nope/Nope' is not a time zone"),
        ("[time]\nteam_zones = 5\n", 2, "must be a list of strings"),
        (
            '[languagetool]\nmode = "cloud"\n',
            2,
            "is not one of builtin, local, server, public, off",
        ),
        ('[languagetool]\nmode = "server"\nurl = "http://lt.example.com"\n', 3, "use https"),
        ('[languagetool]\nmode = "server"\n', 2, "no url is set"),
        ('[languagetool]\nlevel = "strict"\n', 2, "is not default or picky"),
        ('[languagetool]\nlanguage = "english please"\n', 2, "not a language code"),
        ('\n\n[rules]\n"ask.vague" = "loud"\n', 4, "unknown severity"),
        ('languagetool = "off"\n', None, "[languagetool] must be a table"),
        ('[nlp]\noffer_download = "no"\n', 2, "must be true or false"),
        ("[rules\n", 1, "not valid TOML"),
    ],
)
def test_broken_parts_are_reported_with_their_line_and_defaults_used(text, line, reason):
    path = write(text)
    loaded = settings.load()
    (problem,) = loaded.problems
    assert reason in problem.reason
    assert problem.line == line
    assert str(problem).startswith(f"{path}:{line}:" if line else f"{path}:")
    assert path.read_text(encoding="utf-8") == text  # never rewritten by reading


def test_a_broken_part_does_not_lose_the_rest():
    write('[time]\nzone = "Nowhere"\nteam_zones = ["Asia/Tokyo"]\n[rules]\nask = "off"\n')
    loaded = settings.load()
    assert loaded.zone is None and loaded.team_zones == ["Asia/Tokyo"]
    assert loaded.rules == {"ask": None}


def test_a_server_url_must_be_https_unless_loopback():
    assert settings.check_server_url("https://lt.example.com") is None
    assert settings.check_server_url("http://localhost:8081") is None
    assert settings.check_server_url("http://127.0.0.1:8081/v2") is None
    assert settings.check_server_url("http://[::1]:8081") is None
    assert "https" in settings.check_server_url("http://lt.example.com")
    assert "https" in settings.check_server_url("http://10.0.0.5:8081")
    assert "full URL" in settings.check_server_url("lt.example.com")


def test_round_trip_keeps_comments_and_unknown_keys():
    path = write(FULL)
    loaded = settings.load()
    loaded.rules["style.hedge"] = None
    del loaded.rules["deadline"]
    loaded.zone = None
    loaded.team_zones.append("Australia/Sydney")
    loaded.languagetool.words.append("Grafana")
    loaded.languagetool.mode = "off"
    assert settings.save(loaded) is None
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# Team defaults, edited by hand.\n")
    assert "[future]" in text and "a newer version's key" in text
    assert "we use tickets" not in text  # the line it was on is gone with its key
    again = settings.load()
    assert again.problems == []
    assert again.rules == {"ask.vague": Severity.ERROR, "grammar.EN_QUOTES": None,
                           "style.hedge": None}  # fmt: skip
    assert again.zone is None
    assert again.team_zones == ["America/New_York", "Asia/Kolkata", "Australia/Sydney"]
    assert again.languagetool.words == ["Kubernetes", "asyncwriter", "Grafana"]
    assert again.languagetool.mode == "off"
    assert again.template_folder_entries == ["~/team/templates", "shared"]
    assert again.offer_pipeline is False


def test_saving_defaults_to_a_new_file_writes_a_small_file():
    path = paths.settings_file()
    settings.save(Settings(path=path))
    assert settings.load().problems == []
    assert path.read_text(encoding="utf-8").strip() == '[languagetool]\nmode = "builtin"'


def test_no_thanks_to_the_pipeline_offer_is_saved_and_can_be_taken_back():
    path = paths.settings_file()
    settings.save(Settings(path=path, offer_pipeline=False))
    assert "[nlp]\noffer_download = false" in path.read_text(encoding="utf-8")
    assert settings.load().offer_pipeline is False
    settings.save(Settings(path=path, offer_pipeline=True))
    assert settings.load().offer_pipeline is True


def test_saving_over_a_broken_file_keeps_the_old_one():
    path = write("[rules\nask = 'off'\n")
    loaded = settings.load()
    assert loaded.problems
    kept = settings.save(loaded)
    assert kept == path.with_name("settings.toml.broken")
    assert kept.read_text(encoding="utf-8") == "[rules\nask = 'off'\n"
    assert settings.load().problems == []


def test_a_write_error_is_reported_and_nothing_is_lost(tmp_path):
    blocked = tmp_path / "file-not-folder"
    blocked.write_text("x", encoding="utf-8")
    with pytest.raises(settings.SettingsWriteError, match="cannot write"):
        settings.save(Settings(), blocked / "settings.toml")
    assert blocked.read_text(encoding="utf-8") == "x"
