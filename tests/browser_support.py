"""Driving a real browser in the tests: Chromium (Debian's ``chromium``) through Playwright.

Playwright's own browser download does not work offline, so the tests launch the Chromium
installed on the machine (``.ci/run`` installs it). Where Playwright or Chromium is missing
the browser tests are skipped with a one-line reason. A failing check saves a screenshot of
the page to :data:`SCREENSHOTS` (named after the test) and says where.
"""
from __future__ import annotations

import contextlib
import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from analysis.paths import PROJECT_ROOT

#: Where a failing browser test writes its screenshots (``reports/`` is not committed).
SCREENSHOTS = Path(os.environ.get("BROWSER_SCREENSHOTS", PROJECT_ROOT / "reports" / "browser-test-screenshots"))
CHROMIUM_CANDIDATES = ("/usr/lib/chromium/chromium", "chromium", "chromium-browser")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]


def chromium_path() -> str | None:
    """The Chromium binary (``CHROMIUM`` overrides); /usr/bin/chromium is a wrapper script,
    so Debian's real binary comes first."""
    for name in (os.environ.get("CHROMIUM"), *CHROMIUM_CANDIDATES):
        if name and (found := shutil.which(name)):
            return found
    return None


def launch_browser():
    """Yield a headless Chromium, or skip saying why there is none (the ``browser`` fixture
    of conftest.py: the sync API allows one Playwright at a time)."""
    sync_api = pytest.importorskip("playwright.sync_api",
                                   reason="playwright not installed: browser tests skipped")
    binary = chromium_path()
    if binary is None:
        pytest.skip("no Chromium found (apt-get install chromium): browser tests skipped")
    with sync_api.sync_playwright() as play:
        chromium = play.chromium.launch(executable_path=binary, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@contextlib.contextmanager
def screenshot_on_failure(page, name: str):
    """Run the block; if a check fails, save the page as ``SCREENSHOTS/<name>.png`` first."""
    try:
        yield
    except BaseException as err:
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        shot = SCREENSHOTS / f"{name}.png"
        with contextlib.suppress(Exception):
            page.screenshot(path=str(shot), full_page=True)
        raise AssertionError(f"{err}\n(screenshot of the page: {shot})") from err


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Lab:
    """JupyterLab on ``root`` (127.0.0.1, a free port, a token) with the project's settings."""

    def __init__(self, root: Path, state: Path):
        self.root, self.port, self.token = Path(root), free_port(), os.urandom(12).hex()
        env = {**os.environ, "JUPYTER_RUNTIME_DIR": str(state / "runtime")}
        self.log = open(state / "lab.log", "w")
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "jupyterlab", "--no-browser",
             f"--config={PROJECT_ROOT / 'jupyter' / 'jupyter_lab_config.py'}",
             f"--port={self.port}", "--ServerApp.port_retries=0",
             f"--IdentityProvider.token={self.token}", f"--ServerApp.root_dir={self.root}",
             f"--LabApp.workspaces_dir={state / 'workspaces'}",
             f"--LabApp.user_settings_dir={state / 'settings'}"],
            env=env, stdout=self.log, stderr=subprocess.STDOUT)
        self._wait()

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}/{path}?token={self.token}"

    def _wait(self, timeout: float = 90) -> None:
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            if self.proc.poll() is not None:
                raise RuntimeError(f"JupyterLab exited: see {self.log.name}")
            with contextlib.suppress(OSError):
                with urllib.request.urlopen(self.url("api/status"), timeout=2):
                    return
            time.sleep(0.5)
        raise RuntimeError(f"JupyterLab did not start in {timeout:.0f} s: see {self.log.name}")

    def kernel_idle(self, notebook: str, timeout: float = 90) -> None:
        """Wait until the server has an idle kernel for ``notebook``."""
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            with urllib.request.urlopen(self.url("api/sessions"), timeout=5) as answer:
                sessions = json.load(answer)
            if any(s.get("path", "").endswith(notebook) and s.get("kernel", {}).get("execution_state") == "idle"
                   for s in sessions):
                return
            time.sleep(0.5)
        raise RuntimeError(f"no idle kernel for {notebook} in {timeout:.0f} s: see {self.log.name}")

    def stop(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        self.log.close()
