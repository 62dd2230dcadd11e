"""Headless Chromium for the tests and the README screenshots: a page's DOM and a screenshot of it."""
from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--hide-scrollbars"]


def chromium_path() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser")


def run_chromium(page: Path, *args: str, timeout: float = 120) -> str:
    """Open the local page in a fresh profile with `args`; Chromium's standard output back."""
    with tempfile.TemporaryDirectory(prefix="vplan-chromium-") as profile:
        done = subprocess.run([chromium_path(), *FLAGS, f"--user-data-dir={profile}", *args,
                               Path(page).resolve().as_uri()],
                              capture_output=True, text=True, timeout=timeout, check=True)
    return done.stdout


def dump_dom(page: Path) -> str:
    return run_chromium(page, "--dump-dom")


def screenshot(page: Path, png: Path, width: int = 1280, height: int = 1600) -> Path:
    run_chromium(page, f"--screenshot={Path(png).resolve()}", f"--window-size={width},{height}")
    return png
