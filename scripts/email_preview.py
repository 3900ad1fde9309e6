"""Look at an email export as a mail client would show it: HTML page, then a PNG.

Usage: ``python scripts/email_preview.py DRAFT.md OUT.png [--width 900]``

Writes ``OUT.html`` (the subject as a header over the email HTML part, exactly as it is
put on the clipboard) and, when Chromium is installed, renders it headless to ``OUT.png``.
Chromium runs with networking features off and a throwaway profile; the page itself
loads nothing remote (that is the point of the export's inline styles).
"""

from __future__ import annotations

import argparse
import html
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from asyncwriter.export import render

PAGE = """<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>{subject}</title></head>
<body style="margin:0;background:#ffffff">
<div style="font-family:Arial,sans-serif;font-size:13px;color:#5f6368;padding:16px 24px;
border-bottom:1px solid #e0e0e0">Subject: <b style="color:#202124;font-size:18px">{subject}</b>
</div>
<div style="padding:16px 24px;max-width:760px">
{body}
</div></body></html>
"""


def main() -> int:
    """Write the page and, with Chromium, the PNG."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("draft", type=Path)
    parser.add_argument("png", type=Path)
    parser.add_argument("--width", type=int, default=900)
    parser.add_argument("--height", type=int, default=1200)
    args = parser.parse_args()
    rendered = render(args.draft.read_text(encoding="utf-8"), "email")
    page = args.png.with_suffix(".html")
    page.write_text(PAGE.format(subject=html.escape(rendered.subject or "(no subject)"),
                                body=rendered.html or ""), encoding="utf-8")  # fmt: skip
    print(f"wrote {page}")
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        print("Chromium is not installed; open the HTML file in a browser instead.")
        return 0
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run(
            [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
             "--disable-background-networking", "--disable-component-update", "--disable-sync",
             f"--user-data-dir={profile}", "--hide-scrollbars",
             f"--window-size={args.width},{args.height}",
             f"--screenshot={args.png.resolve()}", page.resolve().as_uri()],
            check=True, capture_output=True, timeout=120,
        )  # fmt: skip
    print(f"wrote {args.png}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
