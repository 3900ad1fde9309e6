"""Who has the keyboard on an X server, asked through libX11 (no xdotool or xprop needed).

The one-instance test starts real ``asyncwriter`` processes on their own Xvfb and must see
that a second ``asyncwriter`` gave the first window the keyboard. CI has libX11 (Qt's xcb
platform needs it); without it the test skips.
"""

from __future__ import annotations

import ctypes
import ctypes.util

_Window = ctypes.c_ulong


def _xlib() -> ctypes.CDLL | None:
    name = ctypes.util.find_library("X11")
    if name is None:
        return None
    lib = ctypes.CDLL(name)
    lib.XOpenDisplay.restype = ctypes.c_void_p
    lib.XOpenDisplay.argtypes = [ctypes.c_char_p]
    lib.XCloseDisplay.argtypes = [ctypes.c_void_p]
    lib.XGetInputFocus.argtypes = [ctypes.c_void_p, ctypes.POINTER(_Window),
                                   ctypes.POINTER(ctypes.c_int)]  # fmt: skip
    lib.XSetInputFocus.argtypes = [ctypes.c_void_p, _Window, ctypes.c_int, ctypes.c_ulong]
    lib.XSync.argtypes = [ctypes.c_void_p, ctypes.c_int]
    lib.XInternAtom.restype = ctypes.c_ulong
    lib.XInternAtom.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int]
    lib.XGetWindowProperty.argtypes = [
        ctypes.c_void_p, _Window, ctypes.c_ulong, ctypes.c_long, ctypes.c_long, ctypes.c_int,
        ctypes.c_ulong, ctypes.POINTER(ctypes.c_ulong), ctypes.POINTER(ctypes.c_int),
        ctypes.POINTER(ctypes.c_ulong), ctypes.POINTER(ctypes.c_ulong),
        ctypes.POINTER(ctypes.POINTER(ctypes.c_ubyte)),
    ]  # fmt: skip
    lib.XFree.argtypes = [ctypes.c_void_p]
    lib.XQueryTree.argtypes = [ctypes.c_void_p, _Window, ctypes.POINTER(_Window),
                               ctypes.POINTER(_Window), ctypes.POINTER(ctypes.POINTER(_Window)),
                               ctypes.POINTER(ctypes.c_uint)]  # fmt: skip
    return lib


XLIB = _xlib()


def focused_title(display: str) -> str | None:
    """Return the title of the top-level window that has the keyboard on ``display``."""
    assert XLIB is not None
    dpy = XLIB.XOpenDisplay(display.encode())
    assert dpy, f"cannot open display {display}"
    try:
        window, revert = _Window(), ctypes.c_int()
        XLIB.XGetInputFocus(dpy, ctypes.byref(window), ctypes.byref(revert))
        current = window.value
        while current > 1:  # 0 is None, 1 is PointerRoot: no window has the keyboard
            title = _net_wm_name(dpy, current)
            if title is not None:
                return title
            root, parent = _Window(), _Window()
            children, count = ctypes.POINTER(_Window)(), ctypes.c_uint()
            if not XLIB.XQueryTree(dpy, current, ctypes.byref(root), ctypes.byref(parent),
                                   ctypes.byref(children), ctypes.byref(count)):  # fmt: skip
                return None
            if children:
                XLIB.XFree(children)
            current = parent.value if parent.value != root.value else 0
        return None
    finally:
        XLIB.XCloseDisplay(dpy)


def _net_wm_name(dpy: int, window: int) -> str | None:
    """Return a window's ``_NET_WM_NAME`` (UTF-8: Qt's titles with "—" are not Latin-1)."""
    assert XLIB is not None
    prop = XLIB.XInternAtom(dpy, b"_NET_WM_NAME", 0)
    kind, fmt = ctypes.c_ulong(), ctypes.c_int()
    count, left = ctypes.c_ulong(), ctypes.c_ulong()
    data = ctypes.POINTER(ctypes.c_ubyte)()
    status = XLIB.XGetWindowProperty(dpy, window, prop, 0, 1024, 0, 0, ctypes.byref(kind),
                                     ctypes.byref(fmt), ctypes.byref(count), ctypes.byref(left),
                                     ctypes.byref(data))  # fmt: skip
    if status != 0 or not data:
        return None
    try:
        return None if not kind.value else bytes(data[: count.value]).decode("utf-8", "replace")
    finally:
        XLIB.XFree(data)


def take_focus_away(display: str) -> None:
    """Give the keyboard to no window, as when the user clicked into another app."""
    assert XLIB is not None
    dpy = XLIB.XOpenDisplay(display.encode())
    assert dpy, f"cannot open display {display}"
    try:
        # None, RevertToNone, and a time long past: X ignores a later focus request whose
        # timestamp is older than this one's, and with no user input the app's timestamps
        # are old (a window manager would have taken them from the user's click).
        XLIB.XSetInputFocus(dpy, 0, 0, 1)
        XLIB.XSync(dpy, 0)
    finally:
        XLIB.XCloseDisplay(dpy)
