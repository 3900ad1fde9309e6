"""Editor latency: start-up to window shown, keystrokes while linting runs, findings delay.

Usage: ``python benchmarks/ui_latency.py [--keys N]`` (offscreen unless DISPLAY is set).

- **start-up**: from spawning ``python`` to the window shown with the event loop running,
  median of 5 fresh processes (the same steps as ``asyncwriter`` with no command).
  spaCy is not imported yet at that point; it loads in the background right after.
- **keystroke**: the time one key press takes on the UI thread (key event, document
  change, highlighting, repaint) while the background linter runs continuously (no
  debounce, so a lint is always in flight), on 1,000- and 10,000-word drafts. Keys are
  typed 40 ms apart, as a fast typist does.
- **apply**: the UI-thread cost of putting one report on screen (underlines, findings list,
  chips); a key pressed at that moment waits for it.
- **findings delay**: from the last key of a burst to the findings for that text on
  screen, with the normal 250 ms pause (target: 400 ms on 1,000 words).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen" if not os.environ.get("DISPLAY") else "xcb")

from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

sys.path.insert(0, str(Path(__file__).resolve().parent))
from lint_speed import draft

STARTUP_CHILD = """
import sys, time
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
app = QApplication(sys.argv)
from asyncwriter.ui import theme
from asyncwriter.ui.main_window import MainWindow
theme.follow_system_scheme(app)
window = MainWindow()
window.show()
def shown():
    print(time.time(), "spacy" in sys.modules, flush=True)
    app.quit()
QTimer.singleShot(0, shown)
app.exec()
"""


def startup(runs: int = 5) -> tuple[float, bool]:
    times, spacy_loaded = [], False
    with tempfile.TemporaryDirectory() as home:
        env = dict(os.environ, XDG_CONFIG_HOME=f"{home}/c", XDG_DATA_HOME=f"{home}/d",
                   XDG_CACHE_HOME=f"{home}/k")  # fmt: skip
        for _ in range(runs):
            start = time.time()
            out = subprocess.run([sys.executable, "-c", STARTUP_CHILD], env=env,
                                 capture_output=True, text=True, check=True).stdout  # fmt: skip
            shown, spacy = out.split()
            times.append(float(shown) - start)
            spacy_loaded |= spacy == "True"
    return statistics.median(times), spacy_loaded


def pump(app: QApplication, seconds: float) -> None:
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        app.processEvents()
        time.sleep(0.001)


def percentile(values: list[float], q: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, round(q * (len(values) - 1)))]


def keystrokes(app: QApplication, words: int, keys: int) -> dict[str, float]:
    from asyncwriter.ui.main_window import MainWindow

    window = MainWindow()
    window.show()
    applies: list[float] = []
    original = window._apply_report

    def timed_apply(report: object) -> None:
        start = time.perf_counter()
        original(report)  # type: ignore[arg-type]
        applies.append(time.perf_counter() - start)

    window.linter.reportReady.disconnect(original)
    window.linter.reportReady.connect(timed_apply)
    window.editor.setPlainText(draft(words))
    window.linter.lint_now()
    pump(app, 3.0)  # spaCy loaded, first report applied
    applies.clear()
    window.linter.set_delay(0)  # lint continuously while typing
    cursor = window.editor.textCursor()
    cursor.movePosition(cursor.MoveOperation.End)
    window.editor.setTextCursor(cursor)
    durations: list[float] = []
    lints_before = window.linter.revision
    for i in range(keys):
        key = " " if i % 6 == 5 else "a"
        start = time.perf_counter()
        QTest.keyClicks(window.editor, key)
        app.processEvents()
        durations.append(time.perf_counter() - start)
        pump(app, 0.04)
    typed = window.linter.revision - lints_before
    assert window.editor.toPlainText().endswith("a"), "keys were not typed"
    window.linter.set_delay(250)
    pump(app, 1.0)
    close(app, window)
    ms = [d * 1000 for d in durations]
    apply_ms = [a * 1000 for a in applies] or [0.0]
    return {
        "p50": statistics.median(ms), "p95": percentile(ms, 0.95), "max": max(ms),
        "over16": sum(1 for m in ms if m > 16),
        "apply_p50": statistics.median(apply_ms), "apply_p95": percentile(apply_ms, 0.95),
        "reports": len(applies), "keys": typed,
    }  # fmt: skip


def findings_delay(app: QApplication, words: int, bursts: int = 5) -> float:
    from asyncwriter.ui.main_window import MainWindow

    window = MainWindow()
    window.show()
    window.editor.setPlainText(draft(words))
    window.linter.lint_now()
    pump(app, 3.0)
    delays = []
    for _ in range(bursts):
        arrived: list[float] = []
        window.reportApplied.connect(lambda _r, a=arrived: a.append(time.perf_counter()))
        for i in range(8):
            QTest.keyClicks(window.editor, "b")
            last_key = time.perf_counter()
            if i < 7:
                pump(app, 0.05)
        deadline = last_key + 5
        while time.perf_counter() < deadline:
            app.processEvents()
            if window.report is not None and window.report.text == window.editor.toPlainText():
                break
            time.sleep(0.001)
        delays.append((time.perf_counter() - last_key) * 1000)
        window.reportApplied.disconnect()
        pump(app, 0.3)
    close(app, window)
    return statistics.median(delays)


def close(app: QApplication, window: QWidget) -> None:
    """Close and delete a window while the application still exists."""
    window.linter.shutdown()  # type: ignore[attr-defined]
    window.close()
    window.deleteLater()
    pump(app, 0.1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keys", type=int, default=200)
    args = parser.parse_args()
    shown, spacy = startup()
    print(f"start-up to window shown: {shown * 1000:.0f} ms (median of 5; spaCy imported "
          f"by then: {'yes' if spacy else 'no'})")  # fmt: skip
    with tempfile.TemporaryDirectory() as home:
        os.environ.update(XDG_CONFIG_HOME=f"{home}/c", XDG_DATA_HOME=f"{home}/d")
        app = QApplication.instance() or QApplication(sys.argv)
        for words in (1_000, 10_000):
            r = keystrokes(app, words, args.keys)  # type: ignore[arg-type]
            print(f"{words:>6} words: keystroke p50 {r['p50']:5.2f} ms  p95 {r['p95']:5.2f} ms  "
                  f"max {r['max']:5.1f} ms ({r['over16']} over 16 ms)")  # fmt: skip
            print(f"              report apply p50 {r['apply_p50']:5.1f} ms  p95 "
                  f"{r['apply_p95']:5.1f} ms ({r['reports']} reports)")  # fmt: skip
        delay = findings_delay(app, 1_000)  # type: ignore[arg-type]
        print(
            f"  1000 words: findings on screen {delay:.0f} ms after the last key "
            "(median of 5; 250 ms of it is the pause)"
        )
    # Several windows were made and torn down in one process; PySide6 6.12 can crash while
    # the interpreter finalises after that (the app itself exits cleanly). Skip finalisation.
    sys.stdout.flush()
    os._exit(0)


if __name__ == "__main__":
    main()
