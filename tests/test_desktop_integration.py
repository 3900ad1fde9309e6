"""The desktop entry, icons and metainfo: valid, shipped in the wheel, installed and removed.

``asyncwriter install-desktop`` runs end to end in a subprocess with a temporary
``XDG_DATA_HOME``; the installed desktop file is checked with ``desktop-file-validate`` and
the metainfo with ``appstreamcli`` where those tools exist (.ci/run installs them).
"""

from __future__ import annotations

import configparser
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from asyncwriter import desktop_integration as desk
from asyncwriter.ui.icon_pixels import render_png

ROOT = Path(__file__).resolve().parent.parent


def run_cli(*args: str, data_home: Path) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, XDG_DATA_HOME=str(data_home))
    return subprocess.run([sys.executable, "-m", "asyncwriter", *args], env=env, cwd=ROOT,
                          capture_output=True, text=True, timeout=120, check=False)  # fmt: skip


def entry(path: Path) -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    parser.read(path, encoding="utf-8")
    return parser["Desktop Entry"]


def files_under(folder: Path) -> set[Path]:
    return {p.relative_to(folder) for p in folder.rglob("*") if p.is_file()}


# -- the shipped files ---------------------------------------------------------------------


def test_the_desktop_file_names_the_icon_the_app_and_the_window_class():
    shipped = entry(desk.desktop_file())
    assert shipped["Icon"] == desk.ICON_NAME
    assert shipped["Exec"] == "asyncwriter %F"
    assert shipped["MimeType"] == "text/markdown;text/plain;"
    assert shipped["Categories"] == "Office;TextEditor;"
    # Qt's X11 window class is the application name (ui/app.py sets both it and this id).
    assert shipped["StartupWMClass"] == "AsyncWriter"
    assert desk.desktop_file().stem == desk.DESKTOP_ID == "asyncwriter"
    app_source = (ROOT / "asyncwriter" / "ui" / "app.py").read_text(encoding="utf-8")
    assert 'setApplicationName("AsyncWriter")' in app_source
    assert f'setDesktopFileName("{desk.DESKTOP_ID}")' in app_source


def test_every_icon_size_is_drawn_from_the_svg_at_its_size(tmp_path):
    from PySide6.QtGui import QImage

    assert desk.svg_icon().is_file()
    for size in desk.ICON_SIZES:
        render_png(desk.svg_icon(), size, tmp_path / f"{size}.png")
        image = QImage(str(tmp_path / f"{size}.png"))
        assert (image.width(), image.height()) == (size, size)
        assert image.pixelColor(size // 2, size // 2).alpha() > 0  # drawn, not blank


def test_a_broken_svg_is_an_os_error_not_a_blank_icon(tmp_path):
    (tmp_path / "broken.svg").write_text("<svg", encoding="utf-8")
    with pytest.raises(OSError, match="not a valid SVG"):
        render_png(tmp_path / "broken.svg", 16, tmp_path / "16.png")


@pytest.mark.skipif(shutil.which("desktop-file-validate") is None,
                    reason="desktop-file-validate not installed (desktop-file-utils)")  # fmt: skip
def test_the_shipped_desktop_file_validates():
    done = subprocess.run(["desktop-file-validate", str(desk.desktop_file())],
                          capture_output=True, text=True, check=False)  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr
    assert "error" not in done.stdout.lower()


@pytest.mark.skipif(shutil.which("appstreamcli") is None,
                    reason="appstreamcli not installed (appstream)")  # fmt: skip
def test_the_metainfo_validates():
    done = subprocess.run(["appstreamcli", "validate", "--no-net", str(desk.metainfo_file())],
                          capture_output=True, text=True, check=False)  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr


# -- Exec -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("argument", "quoted"),
    [
        ("/home/ada/venv/bin/asyncwriter", "/home/ada/venv/bin/asyncwriter"),
        ("/home/ada/my apps/asyncwriter", '"/home/ada/my apps/asyncwriter"'),
        ("/opt/100%/asyncwriter", "/opt/100%%/asyncwriter"),
        ('/tmp/a"b$c/asyncwriter', '"/tmp/a\\\\"b\\\\$c/asyncwriter"'),
    ],
)
def test_exec_arguments_are_quoted_as_the_desktop_entry_spec_says(argument, quoted):
    assert desk.quote_exec_argument(argument) == quoted


def test_exec_and_tryexec_are_rewritten_and_field_codes_kept():
    text = desk.desktop_file().read_text(encoding="utf-8")
    rewritten = desk.rewrite_exec(text, ["/venv/bin/python", "-m", "asyncwriter"])
    assert "Exec=/venv/bin/python -m asyncwriter %F\n" in rewritten
    assert "Exec=/venv/bin/python -m asyncwriter --new-window\n" in rewritten
    assert "TryExec=/venv/bin/python\n" in rewritten


# -- install-desktop and uninstall-desktop, end to end ---------------------------------------


def test_install_puts_every_file_in_the_xdg_folders_and_uninstall_removes_them(tmp_path):
    home = tmp_path / "share"
    (home / "applications").mkdir(parents=True)
    mine = home / "applications" / "someone-else.desktop"
    mine.write_text("[Desktop Entry]\nType=Application\nName=Other\nExec=other\n")
    before = files_under(home)

    installed = run_cli("install-desktop", data_home=home)
    assert installed.returncode == 0, installed.stderr
    desktop = home / "applications" / "asyncwriter.desktop"
    wanted = {
        desktop,
        home / "metainfo" / f"{desk.APPSTREAM_ID}.metainfo.xml",
        home / "icons" / "hicolor" / "scalable" / "apps" / "asyncwriter.svg",
        *(home / "icons" / "hicolor" / f"{s}x{s}" / "apps" / "asyncwriter.png"
          for s in desk.ICON_SIZES),
    }  # fmt: skip
    for path in wanted:
        assert path.is_file(), path
        assert f"wrote {path}" in installed.stdout
    # Exec runs this AsyncWriter by absolute path; the icon it names is installed.
    installed_entry = entry(desktop)
    command = installed_entry["Exec"].removesuffix(" %F")
    assert os.path.isabs(command.split(" ")[0].strip('"'))
    assert installed_entry["Icon"] == "asyncwriter"
    assert (home / "icons" / "hicolor" / "48x48" / "apps" / "asyncwriter.png").is_file()
    assert f"the menu entry runs: {command}" in installed.stdout

    removed = run_cli("uninstall-desktop", data_home=home)
    assert removed.returncode == 0, removed.stderr
    for path in wanted:
        assert not path.exists(), path
        assert f"removed {path}" in removed.stdout
    # Only the desktop's own caches may be left; the other app's entry is untouched.
    left = files_under(home) - before
    assert {p.name for p in left} <= {"mimeinfo.cache", "icon-theme.cache"}
    assert mine.is_file()


def test_uninstall_with_nothing_installed_says_so(tmp_path):
    done = run_cli("uninstall-desktop", data_home=tmp_path)
    assert done.returncode == 0
    assert "nothing to remove" in done.stdout


def test_install_into_a_folder_it_cannot_write_is_one_error_line(tmp_path):
    blocker = tmp_path / "share"
    blocker.write_text("a file where the folder should be")
    done = run_cli("install-desktop", data_home=blocker)
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1
    assert done.stderr.startswith("asyncwriter: error: install-desktop: ")


@pytest.mark.skipif(shutil.which("desktop-file-validate") is None,
                    reason="desktop-file-validate not installed (desktop-file-utils)")  # fmt: skip
def test_the_installed_desktop_file_validates(tmp_path):
    desk.install(tmp_path, lambda _line: None, render_png,
                 ["/home/ada/my apps/venv/bin/asyncwriter"])  # fmt: skip
    installed = tmp_path / "applications" / "asyncwriter.desktop"
    done = subprocess.run(["desktop-file-validate", str(installed)],
                          capture_output=True, text=True, check=False)  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr
    assert entry(installed)["Exec"] == '"/home/ada/my apps/venv/bin/asyncwriter" %F'


def test_cache_tools_missing_is_said_not_fatal(tmp_path, monkeypatch):
    monkeypatch.setattr(desk.shutil, "which", lambda _name: None)
    said: list[str] = []
    desk.install(tmp_path, said.append, render_png, ["/venv/bin/asyncwriter"])
    assert any("update-desktop-database not found" in line for line in said)
    assert any("gtk-update-icon-cache not found" in line for line in said)


# -- the wheel ------------------------------------------------------------------------------


@pytest.mark.slow
def test_the_wheel_carries_the_desktop_files_icons_and_licence(tmp_path):
    """Build a wheel from a copy of the sources (the checkout stays clean) and look inside."""
    source = tmp_path / "src"
    source.mkdir()
    for name in ("pyproject.toml", "README.md", "LICENSE"):
        shutil.copy(ROOT / name, source / name)
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
    shutil.copytree(ROOT / "asyncwriter", source / "asyncwriter", ignore=ignore)
    shutil.copytree(ROOT / "resources", source / "resources", ignore=ignore)
    out = tmp_path / "wheel"
    done = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(out), str(source)],
        capture_output=True, text=True, timeout=600, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr
    (wheel,) = out.glob("asyncwriter-*.whl")
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        metadata = next(n for n in names if n.endswith(".dist-info/METADATA"))
        meta = archive.read(metadata).decode("utf-8")
    assert "asyncwriter/resources/desktop/asyncwriter.desktop" in names
    assert f"asyncwriter/resources/desktop/{desk.APPSTREAM_ID}.metainfo.xml" in names
    assert "asyncwriter/resources/icons/asyncwriter.svg" in names
    assert any(n.endswith(".dist-info/licenses/LICENSE") for n in names)
    assert "License-Expression: MIT" in meta
    assert "License-File: LICENSE" in meta
