"""Render a duokong HTML report in headless Chromium and save a full-page screenshot.

.venv/bin/python scripts/screenshot_report.py reports/stance-report.html report.png
"""

from __future__ import annotations

import sys
from pathlib import Path

from pipeline.browser import browser_page


def main() -> None:
    if len(sys.argv) != 3:
        sys.exit("usage: screenshot_report.py REPORT.html OUT.png")
    report, out = Path(sys.argv[1]).resolve(), Path(sys.argv[2])
    with browser_page() as page:
        page.goto(report.as_uri())
        page.screenshot(path=str(out), full_page=True)
    print(out)


if __name__ == "__main__":
    main()
