"""Drill: a backup restores into a fresh database on which the site works.

The README's "Backup and restore" commands are run as written there, on a copy of the demo in
a database of its own on the run's PostgreSQL server (with a page holding an image, an
initiative with its history, a camera and an administrator added), restored into a second new
database and served by gunicorn with the production settings. A third restore, with other
stream keys, shows what a restore without the keys gives: a working site whose camera URLs do
not open, and says so. All three databases are dropped at the end.
"""

from __future__ import annotations

import json
import os
import re
import shlex
import subprocess
import sys
import urllib.error
import urllib.parse
import urllib.request
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from http.cookies import SimpleCookie
from pathlib import Path

import environ
import psycopg2
import pytest
from cryptography.fernet import Fernet
from django.utils import translation
from django.utils.translation import gettext
from django_otp.oath import TOTP
from psycopg2 import sql

from tests.conftest import service_url
from tests.harness.servers import Gunicorn

ROOT = Path(__file__).resolve().parents[2]
PYTHON = sys.executable
PASSWORD = "restore-drill-password"  # a throwaway account in a throwaway database
#: The administrator's authenticator key (two-factor is required of whoever sees cameras);
#: restored with the database, so the code still works on the restored site.
OTP_KEY = "3132333435363738393031323334353637383930"
STREAM_URL = "rtsp://viewer:restore-s3cret@192.0.2.10:554/restore-drill"
UNREADABLE_URL = "The stored stream address cannot be decrypted with the keys."

pytestmark = pytest.mark.services

SETUP = """
import json, os
from django.contrib.auth import get_user_model
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file
from wagtail.users.models import UserProfile
from cctv_bridge.models import Camera
from cms.models import HomePage, StandardPage
from workflows.engine import TransitionLog
from workflows.models import Initiative

token = os.environ["DRILL_TOKEN"]
User = get_user_model()
password = os.environ["DRILL_PASSWORD"]
admin = User.objects.create_superuser("restore-admin", "restore@example.org", password)
profile = UserProfile.get_for_user(admin)
profile.preferred_language = "en"
profile.save()
from django_otp.plugins.otp_totp.models import TOTPDevice
TOTPDevice.objects.create(user=admin, name="drill phone", confirmed=True,
                          key=os.environ["DRILL_OTP_KEY"])
image = Image.objects.create(
    title="drill " + token, file=get_test_image_file("drill-" + token + ".png", size=(900, 600))
)
home = HomePage.objects.get(locale__language_code="uk")
body = [{"type": "image", "value": {
    "image": {"image": image.pk, "alt_text": "Фото " + token, "decorative": False},
    "caption": "Підпис " + token}}]
page = home.add_child(instance=StandardPage(
    title="Перевірка резервної копії " + token, slug="restore-drill-" + token,
    intro="Сторінка, створена перед резервним копіюванням.", body=json.dumps(body)))
page.save_revision().publish()
office = User.objects.get(username="office-demo")
item = Initiative.objects.create(
    title_uk="Ініціатива з резервної копії " + token, title_en="Initiative " + token,
    summary_uk="Перевірка відновлення.", origin="office")
for step in ("submit", "start_review", "accept"):
    item.perform(step, office, {}, acting_body="Координаційний офіс безпеки")
item.perform("start_drafting", office, {}, acting_body="Координаційний офіс безпеки",
             comment_uk="Нотатка історії " + token, comment_en="History note " + token)
camera = Camera(code="restore-" + token, name_uk="Камера " + token, source="rtsp")
camera.stream_url = os.environ["DRILL_STREAM_URL"]
camera.save()
history = TransitionLog.objects.filter(object_id=item.pk, content_type__model="initiative")
print(json.dumps({
    "page": page.pk, "page_url": page.url, "image": image.file.name, "initiative": item.pk,
    "camera": camera.pk, "history": list(history.values_list("transition", flat=True)),
}))
"""

AFTER_RESTORE = """
import json, os
from django.contrib.auth import get_user_model
from wagtail.models import Page
from cctv_bridge.models import Camera
from cctv_bridge.stream_vault import StreamKeyError
from cms.models import HomePage, StandardPage
from workflows.engine import TransitionLog
from workflows.models import Initiative

token = os.environ["DRILL_TOKEN"]
before = {"page": Page.objects.order_by("-pk").first().pk,
          "initiative": Initiative.objects.order_by("-pk").first().pk,
          "history": TransitionLog.objects.order_by("-pk").first().pk}
try:
    url = Camera.objects.get(code="restore-" + token).stream_url
except StreamKeyError as error:
    url = "StreamKeyError: " + str(error)
result = {"before": before, "stream_url": url}
if os.environ.get("DRILL_WRITE"):
    home = HomePage.objects.get(locale__language_code="uk")
    page = home.add_child(instance=StandardPage(title="Після відновлення " + token))
    page.save_revision().publish()
    item = Initiative.objects.create(title_uk="Нова ініціатива " + token, origin="resident")
    log = item.perform("submit", get_user_model().objects.get(username="office-demo"), {})
    user = get_user_model().objects.create_user("after-restore-" + token)
    result["after"] = {"page": page.pk, "initiative": item.pk, "history": log.pk}
print(json.dumps(result))
"""


def documented(command: str) -> list[str]:
    """``manage.py <command> …`` as the README's "Backup and restore" section writes it."""
    readme = (ROOT / "README.md").read_text()
    section = readme.split("### Backup and restore", 1)[1].split("\n## ", 1)[0]
    block = section.split("```sh", 1)[1].split("```", 1)[0].replace("\\\n", " ")
    (line,) = [line for line in block.splitlines() if f"manage.py {command} " in line]
    words = shlex.split(line)
    return words[words.index("manage.py") :]


class Cluster:
    """The run's PostgreSQL server: databases made and dropped by this drill."""

    def __init__(self, url: str):
        config = environ.Env.db_url_config(url)
        self.host, self.port = config["HOST"] or "127.0.0.1", config["PORT"] or 5432
        self.user, self.password = config["USER"], config["PASSWORD"]
        self.made: list[str] = []

    def url(self, name: str) -> str:
        password = f":{urllib.parse.quote(self.password)}" if self.password else ""
        return f"postgres://{self.user}{password}@{self.host}:{self.port}/{name}"

    def connect(self, name: str = "postgres"):
        return psycopg2.connect(
            dbname=name,
            host=self.host,
            port=self.port,
            user=self.user,
            password=self.password or None,
        )

    def create(self, name: str) -> str:
        self.made.append(name)
        conn = self.connect()
        conn.autocommit = True
        with conn.cursor() as cursor:
            cursor.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
        conn.close()
        return name

    def drop_all(self) -> None:
        conn = self.connect()
        conn.autocommit = True
        with conn.cursor() as cursor:
            for name in self.made:
                cursor.execute(
                    sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
                )
        conn.close()

    def row_counts(self, name: str) -> dict[str, int]:
        conn = self.connect(name)
        with conn.cursor() as cursor:
            cursor.execute(
                "SELECT table_name FROM information_schema.tables "
                "WHERE table_schema = 'public' AND table_type = 'BASE TABLE'"
            )
            counts = {}
            for (table,) in cursor.fetchall():
                cursor.execute(sql.SQL("SELECT count(*) FROM {}").format(sql.Identifier(table)))
                counts[table] = cursor.fetchone()[0]
        conn.close()
        return counts


@pytest.fixture
def cluster():
    url = service_url("DATABASE_URL")
    if not url.startswith(("postgres://", "postgresql://")):
        if os.environ.get("REQUIRE_SERVICES") == "1":
            pytest.fail("this run must use PostgreSQL (DATABASE_URL=postgres://…)")
        pytest.skip("backups are of PostgreSQL databases")
    server = Cluster(url)
    yield server
    server.drop_all()


class Site:
    """Commands and a gunicorn server with the production settings and one environment."""

    def __init__(self, workdir: Path, database_url: str, media: Path, keys: str, token: str):
        self.env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "config.settings.production",
            "SECRET_KEY": "restore-drill-secret-key-restore-drill-secret-key-0123456789",
            "CCTV_STREAM_KEYS": keys,
            "DATABASE_URL": database_url,
            "MEDIA_ROOT": str(media),
            "STATIC_ROOT": str(workdir / "static"),
            "ALLOWED_HOSTS": "127.0.0.1,localhost",
            "SECURE_SSL_REDIRECT": "False",
            "DRAMATIQ_BROKER_URL": "inprocess://",
            "CACHE_URL": "locmemcache://",
            "LOG_LEVEL": "WARNING",
            "DRILL_TOKEN": token,
            "DRILL_PASSWORD": PASSWORD,
            "DRILL_OTP_KEY": OTP_KEY,
            "DRILL_STREAM_URL": STREAM_URL,
        }
        self.env.pop("SCHEDULER_LOCK_REDIS_URL", None)

    def run(self, *args: str, check: bool = True, **env: str) -> subprocess.CompletedProcess:
        done = subprocess.run(
            [PYTHON, *args],
            cwd=ROOT,
            env={**self.env, **env},
            capture_output=True,
            text=True,
            check=False,
        )
        if check and done.returncode:
            raise AssertionError(f"{args} failed ({done.returncode}):\n{done.stderr[-3000:]}")
        return done

    def script(self, code: str, **env: str) -> dict:
        done = self.run("manage.py", "shell", "-c", code, **env)
        return json.loads(done.stdout.strip().splitlines()[-1])

    @contextmanager
    def serving(self) -> Iterator[Browser]:
        server = Gunicorn(
            self.env,
            None,  # its output goes with the test's
            workers=1,
            app="config.wsgi",
            options=("--threads=2", "--log-level=warning"),
        )
        browser = Browser(server.port)
        try:
            server.start(timeout=60)
            server.wait_serving(
                lambda: browser.status("/healthz/") is not None, 60, "gunicorn answering", 0.2
            )
            yield browser
        finally:
            server.stop(timeout=30)


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class Browser:
    """A visitor behind the site's TLS proxy (X-Forwarded-Proto), keeping its cookies."""

    def __init__(self, port: int):
        self.base = f"http://127.0.0.1:{port}"
        self.origin = f"https://127.0.0.1:{port}"
        self.cookies: dict[str, str] = {}
        self.opener = urllib.request.build_opener(_NoRedirects)

    def get(self, path: str, data: dict | None = None) -> tuple[int, str, dict]:
        headers = {"X-Forwarded-Proto": "https"}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        body = None
        if data is not None:
            body = urllib.parse.urlencode(data).encode()
            headers |= {"Origin": self.origin, "Referer": self.origin + path}
        request = urllib.request.Request(self.base + path, data=body, headers=headers)
        try:
            response = self.opener.open(request, timeout=60)
        except urllib.error.HTTPError as error:
            response = error
        for header in response.headers.get_all("Set-Cookie") or []:
            for name, morsel in SimpleCookie(header).items():
                self.cookies[name] = morsel.value
        return response.status, response.read().decode(), dict(response.headers)

    def status(self, path: str) -> int | None:
        try:
            return self.get(path)[0]
        except OSError:
            return None

    def log_in(self, username: str, password: str) -> tuple[int, str, dict]:
        """The password, then the authenticator code; the answer to the password form."""
        _, form, _ = self.get("/admin/login/")
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form).group(1)
        answer = self.get(
            "/admin/login/",
            {"csrfmiddlewaretoken": token, "username": username, "password": password},
        )
        _, form, _ = self.get("/admin/two-factor/verify/")
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form).group(1)
        code = f"{TOTP(bytes.fromhex(OTP_KEY)).token():06d}"
        status = self.get(
            "/admin/two-factor/verify/", {"csrfmiddlewaretoken": token, "code": code}
        )[0]
        assert status == 302, "the authenticator code was not accepted"
        return answer


def test_a_backup_restores_into_a_fresh_database_on_which_the_site_works(cluster, tmp_path):
    token = uuid.uuid4().hex[:8]
    keys = Fernet.generate_key().decode()
    source = cluster.create(f"sc_backup_{token}_source")
    restored, without_keys = f"sc_backup_{token}_restored", f"sc_backup_{token}_wrong_keys"
    cluster.made += [restored, without_keys]
    backup = tmp_path / "backups" / "drill"

    # The site to back up: the demo, plus a page with an image, an initiative with history,
    # a camera and an administrator.
    site = Site(tmp_path, cluster.url(source), tmp_path / "media", keys, token)
    site.run("manage.py", "migrate", "--no-input", "-v", "0")
    site.run("manage.py", "load_demo")
    site.run("manage.py", "collectstatic", "--no-input", "-v", "0")  # for every gunicorn here
    made = site.script(SETUP)
    assert made["history"] == ["submit", "start_review", "accept", "start_drafting"]
    assert (tmp_path / "media" / made["image"]).exists()

    # The README's commands, as written there.
    backup_command = documented("backup")
    assert backup_command[:2] == ["manage.py", "backup"] and len(backup_command) == 3
    done = site.run(*backup_command[:-1], str(backup))
    assert "Not in the backup: CCTV_STREAM_KEYS" in done.stdout
    manifest = json.loads((backup / "manifest.json").read_text())
    assert manifest["contents"]["initiatives"] >= 8 and manifest["contents"]["media_files"] >= 1
    assert keys not in (backup / "manifest.json").read_text()

    restore_command = documented("restore")
    assert restore_command[:2] == ["manage.py", "restore"] and len(restore_command) == 3
    target = Site(tmp_path, cluster.url(restored), tmp_path / "media-restored", keys, token)
    done = target.run(*restore_command[:-1], str(backup))
    assert "Migrations: the database is up to date" in done.stdout
    assert "Camera stream URLs: all 13 open" in done.stdout
    assert target.run("manage.py", "migrate", "--check").returncode == 0
    assert cluster.row_counts(restored) == cluster.row_counts(source)

    with target.serving() as browser:
        assert browser.status("/") == 200
        assert browser.status("/en/") == 200
        status, html, _ = browser.get(made["page_url"])
        assert status == 200 and f"Перевірка резервної копії {token}" in html
        assert f'alt="Фото {token}"' in html  # its rendition was made from the restored file
        status, html, _ = browser.get(f"/initiatives/{made['initiative']}/")
        assert status == 200 and f"Ініціатива з резервної копії {token}" in html
        assert f"Нотатка історії {token}" in html  # the history came along
        status, _, headers = browser.log_in("restore-admin", PASSWORD)
        assert status == 302 and headers["Location"] == "/admin/"
        status, html, _ = browser.get("/admin/")
        assert status == 200 and 'name="password"' not in html
        status, html, _ = browser.get(f"/admin/cameras/edit/{made['camera']}/")
        assert status == 200 and "rtsp://&lt;camera-stream " in html
    renditions = list((tmp_path / "media-restored" / "images").glob(f"drill-{token}*"))
    assert renditions

    # New rows after the restore take new keys: the sequences came along.
    checked = target.script(AFTER_RESTORE, DRILL_WRITE="1")
    assert checked["stream_url"] == STREAM_URL
    for name, last in checked["before"].items():
        assert checked["after"][name] > last

    # Restored with other keys: the restore says which keys it needs, the site still serves
    # its public pages, and the camera's URL cannot be opened, with a clear message.
    other_keys = Fernet.generate_key().decode()
    lost = Site(tmp_path, cluster.url(without_keys), tmp_path / "media-lost", other_keys, token)
    done = lost.run(*restore_command[:-1], str(backup), check=False)
    assert done.returncode == 1
    assert "cannot be decrypted with CCTV_STREAM_KEYS" in done.stderr
    assert manifest["stream_key_fingerprints"][0] in done.stderr
    assert lost.script(AFTER_RESTORE)["stream_url"].startswith(
        "StreamKeyError: the stream URL cannot be decrypted with CCTV_STREAM_KEYS"
    )
    with lost.serving() as browser:
        for path in ("/", "/en/", made["page_url"], "/cameras/", "/en/cameras/"):
            assert browser.status(path) == 200, path
        assert browser.log_in("restore-admin", PASSWORD)[0] == 302
        status, html, _ = browser.get(f"/admin/cameras/edit/{made['camera']}/")
    with translation.override("en"):
        message = gettext(UNREADABLE_URL)
    assert status == 200 and message in html
