"""Settings for pytest: embedded defaults unless the environment points at real services.

``.ci/run`` runs the suite twice: once like this, once with ``DATABASE_URL`` set to
PostgreSQL and ``DRAMATIQ_BROKER_URL`` to Redis.
"""

from .base import *  # noqa: F403
from .base import BASE_DIR, VAR_DIR, env

DEBUG = False
SECRET_KEY = "test-only-secret-key"  # noqa: S105
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
}
MEDIA_ROOT = env.path("MEDIA_ROOT", default=BASE_DIR / "var" / "test-media")
WAGTAILADMIN_BASE_URL = "http://testserver"
STATIC_ROOT = None
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True

if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":  # noqa: F405
    # A file, not Django's shared-cache in-memory database: shared cache locks whole tables and
    # fails at once ("database table is locked") when a worker thread writes while the test
    # reads, whereas a file database waits on the busy timeout like the embedded site does.
    VAR_DIR.mkdir(exist_ok=True)
    # TEST_SQLITE_NAME lets two suites run side by side in one checkout.
    DATABASES["default"]["TEST"] = {  # noqa: F405
        "NAME": str(VAR_DIR / env.str("TEST_SQLITE_NAME", default="test-db.sqlite3"))
    }

#: A test-only model on the workflow engine, without the initiatives
#: (tests/workflows/engine_app).
INSTALLED_APPS = [*INSTALLED_APPS, "tests.workflows.engine_app"]  # noqa: F405
