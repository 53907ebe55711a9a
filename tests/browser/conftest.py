"""Real browser tests: Playwright driving Debian's Chromium against a server of their own.

The site runs as ``manage.py runembedded`` in a subprocess, on a SQLite file in a temporary
directory, with the in-process broker: never the test database (transactional tests flush it)
and never the ``DATABASE_URL`` of the run (CI points it at PostgreSQL). The environment of the
server is built from scratch, so nothing of the test process's settings leaks into it.

Without ``/usr/bin/chromium`` the tests skip; with ``REQUIRE_SERVICES=1`` they fail instead.
A full-page screenshot of each test's last page goes to ``var/browser-artifacts/``, with the
server's log.
"""

from __future__ import annotations

import json
import os
import re
import secrets
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from tests.harness.servers import Runembedded, ServerExited, free_port, tail

CHROMIUM = Path("/usr/bin/chromium")
ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "var" / "browser-artifacts"
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
#: Only these of the test process's variables reach the server: no settings, no service URLs.
PASSED_THROUGH = ("PATH", "HOME", "USER", "LOGNAME", "LANG", "LC_ALL", "LC_CTYPE", "TMPDIR")
START_TIMEOUT = 60  # seconds for the server to answer once the database is ready
SEED_TIMEOUT = 180
DATABASE = "browser.sqlite3"


def unavailable(reason: str):
    """Skip, or fail where the run must have everything (``REQUIRE_SERVICES=1``)."""
    if os.environ.get("REQUIRE_SERVICES") == "1":
        pytest.fail(f"{reason} (REQUIRE_SERVICES=1: the browser tests must run)", pytrace=False)
    pytest.skip(reason)


@dataclass
class Site:
    """The running server, and the accounts and data the seed made for the scenarios."""

    url: str
    password: str
    seed: dict
    log: Path
    database: Path
    used_steps: dict[str, int] = field(default_factory=dict)

    def users(self, role: str) -> str:
        return self.seed["users"][role]

    def authenticator_code(self, role: str) -> str | None:
        """The code ``role``'s authenticator app shows now (None: the admin asks ``role`` for
        none). Never one already used: the server refuses a code twice, so a second sign-in in
        the same 30-second step takes the next step's code."""
        key = self.seed.get("authenticator_keys", {}).get(role)
        if key is None:
            return None
        from django_otp.oath import TOTP

        totp = TOTP(bytes.fromhex(key))
        totp.time = time.time()
        step = max(totp.t(), self.used_steps.get(role, -1) + 1)
        self.used_steps[role] = step
        totp.drift = step - totp.t()
        return f"{totp.token():06d}"


def server_environment(tmp: Path, port: int) -> dict[str, str]:
    env = {name: os.environ[name] for name in PASSED_THROUGH if name in os.environ}
    env.update(
        DJANGO_SETTINGS_MODULE="config.settings.dev",
        DJANGO_DEBUG="True",
        DATABASE_URL=f"sqlite:///{tmp / DATABASE}",
        DRAMATIQ_BROKER_URL="inprocess://",
        CACHE_URL="locmemcache://",
        SCHEDULER_LOCK_REDIS_URL="",
        MEDIA_ROOT=str(tmp / "media"),
        WAGTAILADMIN_BASE_URL=f"http://127.0.0.1:{port}",
        # Nothing serves the demo cameras' stream ports: their probes fail fast and harmlessly.
        CCTV_SIMULATOR_HTTP_PORT=str(free_port()),
        CCTV_SIMULATOR_RTSP_PORT=str(free_port()),
        # The operator console refreshes itself quickly, so a test sees a change come in.
        CCTV_CONSOLE_REFRESH_SECONDS="2",
        PYTHONUNBUFFERED="1",
    )
    return env


def seed_database(manage: list[str], env: dict[str, str]) -> dict:
    """Run tests/browser/seed.py in ``manage.py shell``; its log goes to the artefacts."""
    log = ARTIFACTS / "seed.log"
    try:
        seeded = subprocess.run(
            [*manage, "shell", "--no-imports", "-c", "from tests.browser.seed import run; run()"],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=SEED_TIMEOUT,
            check=False,
        )
    except subprocess.TimeoutExpired as error:
        raise RuntimeError(f"Preparing the database took over {SEED_TIMEOUT} s") from error
    log.write_text(seeded.stdout + seeded.stderr)
    found = re.search(r"^SEED (.+)$", seeded.stdout, re.MULTILINE)
    if seeded.returncode or not found:
        raise RuntimeError(f"Preparing the database failed:\n{tail(log)}")
    return json.loads(found.group(1))


@pytest.fixture(scope="session")
def chromium_path() -> Path:
    if not CHROMIUM.exists():
        unavailable(f"{CHROMIUM} is missing: `apt-get install chromium` to run the browser tests")
    return CHROMIUM


@pytest.fixture(scope="session")
def site(chromium_path) -> Site:
    """Seed a fresh SQLite database and serve it with ``runembedded`` until the session ends."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix="browser-tests-"))
    port = free_port()
    env = server_environment(tmp, port)
    password = secrets.token_urlsafe(12)
    manage = [sys.executable, str(ROOT / "manage.py")]
    log = tmp / "server.log"
    try:
        seed = seed_database(manage, {**env, "BROWSER_TEST_PASSWORD": password})
    except RuntimeError as error:
        shutil.rmtree(tmp, ignore_errors=True)
        pytest.fail(str(error), pytrace=False)
    server = Runembedded(env, log, port)
    try:
        server.start()
        server.wait_serving(
            lambda: server.status() == 200, START_TIMEOUT, "The server answering", 0.3
        )
        yield Site(
            url=server.url,
            password=password,
            seed=seed,
            log=log,
            database=tmp / DATABASE,
        )
    except (ServerExited, AssertionError) as error:
        pytest.fail(str(error), pytrace=False)
    finally:
        server.stop(timeout=10)
        shutil.copy(log, ARTIFACTS / "server.log")
        shutil.rmtree(tmp, ignore_errors=True)


@pytest.fixture(scope="session")
def browser(chromium_path):
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        unavailable("the playwright package is not installed (requirements/dev.txt)")
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(chromium_path), headless=True)
        yield launched
        launched.close()


# --- The console: no CSP violation, no JavaScript error ------------------------------------
#: Browsers ask for /favicon.ico on their own (the site declares an SVG icon; the admin has none).
IGNORED_URLS = ("/favicon.ico",)


@dataclass
class Console:
    """What the browser reported while a test ran, page by page."""

    admin: bool = False
    problems: list[str] = field(default_factory=list)
    allowed: list[re.Pattern] = field(default_factory=list)

    def allow(self, pattern: str) -> None:
        """Expect a message in this test (a form sent with errors is answered with a 400)."""
        self.allowed.append(re.compile(pattern))

    def attach(self, page) -> None:
        page.on("console", lambda message: self.on_console(page, message))
        page.on("pageerror", lambda error: self.problems.append(f"{page.url}: JS error: {error}"))

    def on_console(self, page, message) -> None:
        if message.type not in ("error", "warning"):
            return
        source = message.location.get("url", "") if message.location else ""
        text = message.text
        if source.endswith(IGNORED_URLS) and "Failed to load resource" in text:
            return
        if any(pattern.search(text) for pattern in self.allowed):
            return
        if message.type == "warning" and "Content Security Policy" not in text:
            return  # Chromium's advice (autocomplete, preload…) is not an error
        self.problems.append(f"{page.url}: console {message.type}: {text}")

    def assert_clean(self) -> None:
        assert not self.problems, "The browser reported:\n" + "\n".join(self.problems)


class Browsing:
    """Pages for one test: anonymous visitors or signed-in staff, each watched for console
    problems; the last page opened is the one screenshotted when the test ends."""

    def __init__(self, browser, site: Site):
        self.browser = browser
        self.site = site
        self.contexts = []
        self.pages = []
        self.console = Console()
        self.admin_console = Console(admin=True)
        self.final = None

    def show(self, page) -> None:
        """Screenshot this page at the end rather than the last one opened."""
        self.final = page

    def visitor(self, **context_options):
        """A new anonymous visitor (its own cookies)."""
        context = self.browser.new_context(
            base_url=self.site.url, locale="uk-UA", **context_options
        )
        context.set_default_timeout(15_000)
        self.contexts.append(context)
        page = context.new_page()
        self.console.attach(page)
        self.pages.append(page)
        return page

    def staff(self, role: str):
        """A new browser signed in to the admin as the seed's user for ``role``."""
        context = self.browser.new_context(base_url=self.site.url, locale="uk-UA")
        context.set_default_timeout(15_000)
        self.contexts.append(context)
        page = context.new_page()
        self.admin_console.attach(page)
        self.pages.append(page)
        page.goto("/admin/login/")
        page.locator("input[name=username]").fill(self.site.users(role))
        page.locator("input[name=password]").fill(self.site.password)
        page.locator("form button[type=submit]").click()
        code = self.site.authenticator_code(role)
        if code is not None:  # the second factor (accounts/two_factor.py)
            page.wait_for_url(re.compile(re.escape(self.site.url) + r"/admin/two-factor/verify/"))
            page.locator("input[name=code]").fill(code)
            page.locator("form.login-form button[type=submit]").click()
        page.wait_for_url(self.site.url + "/admin/")
        return page

    def close(self, name: str) -> None:
        final = self.final or (self.pages[-1] if self.pages else None)
        if final is not None and not final.is_closed():
            target = ARTIFACTS / (re.sub(r"[^\w.-]+", "_", name).strip("_") + ".png")
            try:
                final.screenshot(path=str(target), full_page=True)
            except Exception as error:
                print(f"No screenshot for {name}: {error}")
        for context in self.contexts:
            context.close()


@pytest.fixture
def browsing(browser, site, request):
    session = Browsing(browser, site)
    yield session
    session.close(request.node.name)


@pytest.fixture(scope="session")
def axe_source() -> str:
    if not AXE.exists():
        unavailable(f"{AXE.relative_to(ROOT)} is missing: run `npm ci` at the repository root")
    return AXE.read_text()
