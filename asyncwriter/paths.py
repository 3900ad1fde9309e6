"""Where AsyncWriter keeps its files, per platform (platformdirs, app name ``asyncwriter``).

One module owns every location so that tests can redirect them all with the XDG variables
(or by patching these functions) and nothing else hard-codes a path.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import platformdirs

APP_NAME = "asyncwriter"


def config_dir() -> Path:
    """Return the folder that holds ``settings.toml`` and window state."""
    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))


def data_dir() -> Path:
    """Return the folder that holds the user's templates and the drafts store."""
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def cache_dir() -> Path:
    """Return the folder for anything that can be rebuilt (downloads, caches)."""
    return Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False))


def mail_drafts_dir() -> Path:
    """Return the folder for the ``.eml`` drafts handed to the mail app (a cache)."""
    return cache_dir() / "mail"


def settings_file() -> Path:
    """Return the path of the settings file (it may not exist)."""
    return config_dir() / "settings.toml"


def user_templates_dir() -> Path:
    """Return the folder for the user's own templates (it may not exist)."""
    return data_dir() / "templates"


def resource_dir(name: str) -> Path:
    """Return a folder of shipped resources (``templates``, ``icons``, ``desktop``).

    In a wheel they live in the package (``asyncwriter/resources``); in a source checkout
    (and an editable install) they are the repository's ``resources/`` folder.
    """
    packaged = Path(str(resources.files("asyncwriter"))) / "resources" / name
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parent.parent / "resources" / name


def builtin_templates_dir() -> Path:
    """Return the folder of the templates that ship with AsyncWriter."""
    return resource_dir("templates")


def svg_icon() -> Path:
    """Return the app's icon, the one picture the package ships (``icons/asyncwriter.svg``)."""
    return resource_dir("icons") / "asyncwriter.svg"
