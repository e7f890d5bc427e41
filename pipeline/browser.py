"""Headless Chromium for looking at the report as a person would (tests and the screenshot
script). Uses the system's Chromium through Playwright: nothing is downloaded."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from contextlib import contextmanager

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def chromium_path() -> str | None:
    return (
        shutil.which("chromium")
        or shutil.which("chromium-browser")
        or shutil.which("google-chrome")
    )


@contextmanager
def browser_page(width: int = 1100, height: int = 900) -> Iterator:
    """A Playwright page in headless Chromium; raises RuntimeError naming what is missing."""
    path = chromium_path()
    if path is None:
        raise RuntimeError("no Chromium found; install it (Debian: apt-get install chromium)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        raise RuntimeError("playwright is not installed; pip install -e '.[dev]'") from None
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=path, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": width, "height": height})
            yield page
        finally:
            browser.close()
