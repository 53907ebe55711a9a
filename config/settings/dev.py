"""Embedded defaults for a laptop: debug on, SQLite, in-process jobs, a throwaway secret key."""

from .base import *  # noqa: F403
from .base import env

DEBUG = env.bool("DJANGO_DEBUG", default=True)
# Only for local use: production.py refuses to start without a real SECRET_KEY.
SECRET_KEY = env.str(
    "SECRET_KEY", default="django-insecure-embedded-development-key-not-for-production"
)
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
}
EMAIL_BACKEND = env.str("EMAIL_BACKEND", default="django.core.mail.backends.console.EmailBackend")
# Static files straight from the source folders (no collectstatic in the embedded set-up).
STATIC_ROOT = None
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
