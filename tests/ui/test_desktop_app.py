"""The app as a desktop citizen: its icon, files from the command line, one instance.

The one-instance tests run the real ``python -m asyncwriter`` twice (offscreen, with their
own XDG folders and runtime folder) and look at what the first one did through the drafts
store it writes: a file handed to it becomes a draft there. One runs both on a private Xvfb
and asks the X server which window has the keyboard after the hand-over.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest
from PySide6.QtGui import QIcon
from PySide6.QtNetwork import QLocalSocket
from PySide6.QtWidgets import QApplication, QMessageBox

from asyncwriter import paths
from asyncwriter.desktop_integration import svg_icon
from asyncwriter.ui import single_instance
from asyncwriter.ui.app import build
from asyncwriter.ui.template_picker import TemplatePicker
from asyncwriter.window_args import WindowRequest
from tests.ui import x11_focus
from tests.ui.xvfb import xvfb_server

pytestmark = pytest.mark.gui

ROOT = Path(__file__).resolve().parent.parent.parent
#: A bound on waiting for another process (not a speed check: it only stops a hang).
PROCESS_WAIT_S = 60


@pytest.fixture
def built(qtbot):
    """Build the app as ``asyncwriter`` does; shut the window after the test."""
    windows = []

    def make(request: WindowRequest | None = None):
        _app, window = build(None, request)
        qtbot.addWidget(window)
        qtbot.waitExposed(window)
        windows.append(window)
        return window

    yield make
    for window in windows:
        window.shutdown()
    QApplication.clipboard().clear()


def close_dialogs() -> None:
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, (QMessageBox, TemplatePicker)) and widget.isVisible():
            widget.close()


# -- the icon ---------------------------------------------------------------------------------


def test_the_window_and_the_about_box_show_the_apps_icon(qtbot, built):
    window = built()
    close_dialogs()
    icon = QApplication.windowIcon()
    assert not icon.isNull()
    assert not window.windowIcon().isNull()
    # The shipped SVG, not a theme's generic icon.
    assert icon.pixmap(64, 64).toImage() == QIcon(str(svg_icon())).pixmap(64, 64).toImage()

    about = next(a for a in window.help_menu.actions() if "About" in a.text())
    about.trigger()
    box = None

    def shown() -> bool:
        nonlocal box
        box = next((w for w in QApplication.topLevelWidgets()
                    if w.objectName() == "aboutBox" and w.isVisible()), None)  # fmt: skip
        return box is not None

    qtbot.waitUntil(shown)
    assert isinstance(box, QMessageBox)
    shown_icon = box.iconPixmap().toImage()
    assert not shown_icon.isNull()
    assert shown_icon == icon.pixmap(64, 64).toImage()
    assert "AsyncWriter" in box.text()
    qtbot.keyClick(box, "\x1b")  # Escape closes it
    qtbot.waitUntil(lambda: not box.isVisible())


# -- files from the command line ----------------------------------------------------------------


def test_a_file_on_the_command_line_opens_as_a_draft_instead_of_the_picker(qtbot, built, tmp_path):
    note = tmp_path / "note.md"
    note.write_text("# Rollout plan\r\n\r\nTL;DR: we ship Friday.\r\n", encoding="utf-8")
    window = built(WindowRequest(files=(str(note),)))
    # Imported as File › Import does: line endings made LF, a new draft named by its title.
    qtbot.waitUntil(lambda: window.editor.toPlainText() == "# Rollout plan\n\nTL;DR: we ship Friday.\n",
                    timeout=15_000)  # fmt: skip
    qtbot.waitUntil(lambda: "Rollout plan" in window.windowTitle())
    assert not any(isinstance(w, TemplatePicker) and w.isVisible()
                   for w in QApplication.topLevelWidgets())  # fmt: skip


def test_a_file_that_cannot_be_opened_is_said_and_the_window_still_starts(qtbot, built):
    problem = "/nowhere/notes.md: no such file"
    window = built(WindowRequest(problems=(problem,)))
    qtbot.waitUntil(lambda: problem in window.statusBar().currentMessage(), timeout=15_000)
    assert window.isVisible()
    close_dialogs()


def test_bring_forward_restores_a_minimized_window(qtbot, built):
    window = built()
    close_dialogs()
    window.showMinimized()
    qtbot.waitUntil(window.isMinimized)
    single_instance.bring_forward(window)
    qtbot.waitUntil(lambda: not window.isMinimized())
    assert window.isVisible()


def test_requests_survive_the_wire_and_junk_is_refused():
    request = WindowRequest(files=("/a b/ü.md",), problems=("x: no such file",))
    assert single_instance.decode(single_instance.encode(request)) == request
    for junk in (b"\xff\n", b"[]\n", b'{"files": [1]}\n', b"not json\n"):
        assert single_instance.decode(junk) is None


def test_the_socket_name_is_per_user_and_per_config_folder(tmp_path):
    runtime = tmp_path / "run"
    runtime.mkdir()
    one = single_instance.server_name(
        Path("/home/a/.config/asyncwriter"), {"XDG_RUNTIME_DIR": str(runtime)}
    )
    two = single_instance.server_name(
        Path("/home/b/.config/asyncwriter"), {"XDG_RUNTIME_DIR": str(runtime)}
    )
    assert one != two
    assert one.startswith(str(runtime))
    bare = single_instance.server_name(Path("/home/a/.config/asyncwriter"), {})
    assert f"-{os.getuid()}-" in bare and "/" not in bare


@pytest.fixture
def short_runtime(monkeypatch):
    """A runtime folder of its own, short-named: a Unix socket path has about 100 bytes."""
    runtime = Path(tempfile.mkdtemp(prefix="aw-run-"))
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(runtime))
    yield runtime
    shutil.rmtree(runtime, ignore_errors=True)


def send(qtbot, server, name: str, request: WindowRequest) -> WindowRequest:
    """Send ``request`` as a second instance would; return what ``server`` got."""
    client = QLocalSocket()
    client.connectToServer(name)
    with qtbot.waitSignal(server.requested, timeout=10_000) as got:
        client.write(single_instance.encode(request))
    client.abort()
    return got.args[0]


def test_a_live_instance_keeps_its_socket(qtbot, short_runtime):
    name = single_instance.server_name(paths.config_dir())
    first = single_instance.InstanceServer(name)
    assert first.listen()
    second = single_instance.InstanceServer(name)
    assert not second.listen()  # it does not take the name from the running one
    request = WindowRequest(files=("/notes/a.md",))
    assert send(qtbot, first, name, request) == request
    first.close()


def test_a_stale_socket_file_is_replaced(qtbot, short_runtime):
    name = single_instance.server_name(paths.config_dir())
    stale = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    stale.bind(name)  # as a killed instance leaves it: the file, nobody listening
    stale.close()
    assert Path(name).exists()
    server = single_instance.InstanceServer(name)
    assert server.listen()
    request = WindowRequest(files=("/notes/b.md",))
    assert send(qtbot, server, name, request) == request
    server.close()


RACER = """
import os, sys, time
from PySide6.QtCore import QCoreApplication
from asyncwriter.ui.single_instance import InstanceServer
app = QCoreApplication([])
name, go, done = sys.argv[1:4]
while not os.path.exists(go):
    pass
server = InstanceServer(name)
print("listening" if server.listen() else "not listening", flush=True)
while not os.path.exists(done):
    time.sleep(0.01)
"""


def test_instances_starting_in_the_same_moment_leave_one_listening(short_runtime, tmp_path):
    # Each probed, found no one, and removed the others' fresh socket before listening
    # itself: several windows. Under the lock, exactly one listens and the rest find it.
    name = single_instance.server_name(paths.config_dir())
    go, done = tmp_path / "go", tmp_path / "done"
    racers = [
        subprocess.Popen(
            [sys.executable, "-c", RACER, name, str(go), str(done)],
            stdout=subprocess.PIPE,
            text=True,
        )  # fmt: skip
        for _ in range(6)
    ]
    try:
        time.sleep(1.5)  # all of them imported Qt and spin on the start line
        go.touch()
        said = [racer.stdout.readline().strip() for racer in racers if racer.stdout]
    finally:
        done.touch()
        for racer in racers:
            racer.wait(timeout=30)
    assert sorted(said) == ["listening"] + ["not listening"] * 5


# -- one instance, two real processes -------------------------------------------------------------


@pytest.fixture
def app_env(short_runtime):
    """The environment an ``asyncwriter`` process gets: this test's folders, offscreen."""
    return dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))


def start(env, *args: str) -> subprocess.Popen[bytes]:
    return subprocess.Popen([sys.executable, "-m", "asyncwriter", *args], env=env, cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)  # fmt: skip


def socket_path() -> Path:
    return Path(single_instance.server_name(paths.config_dir()))


def listening() -> bool:
    """Whether an instance accepts connections on the socket (a crashed one's file refuses)."""
    probe = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        probe.connect(str(socket_path()))
    except OSError:
        return False
    finally:
        probe.close()
    return True


def wait_for(condition, what: str, proc: subprocess.Popen[bytes] | None = None) -> None:
    """Poll ``condition`` until it holds (a hang guard, not a timing check)."""
    deadline = time.monotonic() + PROCESS_WAIT_S
    while not condition():
        if proc is not None and proc.poll() is not None:
            raise AssertionError(f"exited before {what}: {proc.stderr.read().decode()}")
        if time.monotonic() > deadline:
            raise AssertionError(f"never {what}")
        time.sleep(0.1)


def draft_bodies() -> list[str]:
    """The drafts' texts in the store the app writes (read-only, beside the running app)."""
    store_file = paths.data_dir() / "drafts.sqlite3"
    if not store_file.exists():
        return []
    db = sqlite3.connect(f"file:{store_file}?mode=ro", uri=True, timeout=10)
    try:
        return [body for (body,) in db.execute("SELECT body FROM drafts")]
    except sqlite3.OperationalError:  # the app is still creating its tables
        return []
    finally:
        db.close()


def hand_file(env, path: Path) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, "-m", "asyncwriter", str(path)], env=env, cwd=ROOT,
                          capture_output=True, timeout=PROCESS_WAIT_S, check=False)  # fmt: skip


def stop(proc: subprocess.Popen[bytes]) -> None:
    if proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


@pytest.mark.slow
def test_a_second_asyncwriter_hands_its_file_to_the_first_and_exits(app_env, tmp_path):
    assert socket_path().is_relative_to(app_env["XDG_RUNTIME_DIR"])  # this test's own socket
    first = start(app_env)
    try:
        wait_for(listening, "listened", first)
        note = tmp_path / "handed.md"
        note.write_text("# Handed over\n\nFYI, no action needed.\n", encoding="utf-8")
        second = hand_file(app_env, note)
        assert second.returncode == 0, second.stderr.decode()
        assert b"Traceback" not in second.stderr
        wait_for(lambda: "# Handed over\n\nFYI, no action needed.\n" in draft_bodies(),
                 "opened the file", first)  # fmt: skip
        assert first.poll() is None  # the first one still runs; the second opened no window

        # --new-window starts a window of its own even so.
        other = start(app_env, "--new-window")
        try:
            time.sleep(3)
            assert other.poll() is None, other.stderr.read().decode()
        finally:
            stop(other)
    finally:
        stop(first)
    assert b"Traceback" not in first.stderr.read()


@pytest.mark.slow
def test_a_killed_instance_does_not_block_the_next(app_env, tmp_path):
    first = start(app_env)
    try:
        wait_for(listening, "listened", first)
    finally:
        first.send_signal(signal.SIGKILL)
        first.wait()
    # The crashed instance's socket is left behind, and refuses connections.
    assert socket_path().exists()
    assert not listening()

    second = start(app_env)
    try:
        wait_for(listening, "took over the stale socket", second)
        note = tmp_path / "after-crash.md"
        note.write_text("# After the crash\n", encoding="utf-8")
        third = hand_file(app_env, note)
        assert third.returncode == 0, third.stderr.decode()
        wait_for(lambda: "# After the crash\n" in draft_bodies(), "opened the file", second)
    finally:
        stop(second)


@pytest.mark.slow
@pytest.mark.skipif(not shutil.which("Xvfb") or x11_focus.XLIB is None,
                    reason="needs Xvfb and libX11 (CI installs them)")  # fmt: skip
def test_under_x11_the_second_asyncwriter_gives_the_first_window_the_keyboard(app_env, tmp_path):
    """On a real X server (Xvfb, the xcb platform): the running window takes the keyboard."""
    first_file = tmp_path / "first.md"
    first_file.write_text("# First draft\n", encoding="utf-8")
    handed = tmp_path / "handed.md"
    handed.write_text("# Handed over on X11\n", encoding="utf-8")
    with xvfb_server() as display:
        env = dict(app_env, QT_QPA_PLATFORM="xcb", DISPLAY=display)
        first = start(env, str(first_file))  # a file skips the first start's template picker
        try:
            wait_for(listening, "listened", first)
            wait_for(lambda: "# First draft\n" in draft_bodies(), "opened its file", first)
            x11_focus.take_focus_away(display)  # the user went to another app
            assert x11_focus.focused_title(display) is None
            second = hand_file(env, handed)
            assert second.returncode == 0, second.stderr.decode()
            wait_for(lambda: "# Handed over on X11\n" in draft_bodies(), "opened the file", first)
            wait_for(lambda: (x11_focus.focused_title(display) or "").startswith("Handed over"),
                     "gave its window the keyboard", first)  # fmt: skip
        finally:
            stop(first)


@pytest.mark.slow
def test_two_asyncwriters_started_together_make_one_window(app_env, tmp_path):
    """The second starts while the first still loads its window: it must hand over, not open."""
    note = tmp_path / "together.md"
    note.write_text("# Started together\n", encoding="utf-8")
    first = start(app_env)
    second = start(app_env, str(note))  # before the first could have built its window
    try:
        wait_for(lambda: "# Started together\n" in draft_bodies(), "opened the file")
        wait_for(lambda: first.poll() is not None or second.poll() is not None,
                 "left one process")  # fmt: skip
        running = [p for p in (first, second) if p.poll() is None]
        assert len(running) == 1
        ended = second if running == [first] else first
        assert ended.returncode == 0, ended.stderr.read().decode()
    finally:
        stop(first)
        stop(second)
