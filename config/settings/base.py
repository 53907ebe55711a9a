"""Settings shared by every environment.

Everything that differs between a laptop and a server is read from the environment
(see ``.env.example``); the defaults here are the embedded ones: SQLite under ``var/``,
an in-process job worker, no external services.
"""

from pathlib import Path

import environ
from django.utils.translation import gettext_lazy as _

from config.broker import (
    REDIS_HEARTBEAT_TIMEOUT_MS,
    REDIS_MAINTENANCE_CHANCE,
    dramatiq_broker_settings,
)
from config.csp_policy import PUBLIC_DIRECTIVES

BASE_DIR = Path(__file__).resolve().parent.parent.parent
VAR_DIR = BASE_DIR / "var"

env = environ.Env()
environ.Env.read_env(BASE_DIR / ".env")  # optional; real environment variables win

DEBUG = env.bool("DJANGO_DEBUG", default=False)
SECRET_KEY = env.str("SECRET_KEY", default="")
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "[::1]"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    # django_dramatiq first: it sets the dramatiq broker before any app imports an actor.
    "django_dramatiq",
    "config.apps.ConfigConfig",
    "ops",
    "accounts",  # before django.contrib.auth: its post_migrate receiver runs first, as it did
    "cms",
    "workflows",
    "cctv_bridge",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail_honeypot",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.routable_page",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_tasks",
    "dramatiq_crontab",
    "health_check",
    "axes",
    "django_otp",  # two-factor authentication for the admin (accounts/two_factor.py)
    "django_otp.plugins.otp_totp",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    # Before anything reads the client's address: behind TRUSTED_PROXY_COUNT proxies it comes
    # from X-Forwarded-For (config.security).
    "config.security.ClientAddressMiddleware",
    # Then the request id and one log line per request, then the latency histogram
    # (ops.logs, ops.metrics); both also see page-cache hits, redirects and errors.
    "ops.logs.RequestLogMiddleware",
    "ops.metrics.http.RequestMetricsMiddleware",
    # First: a cached page for an anonymous visitor skips everything below (cms.page_cache).
    "cms.page_cache.middleware.PageCacheMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "config.security.SiteCSPMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # After sessions, before common: it reads the language prefix of the URL.
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # After authentication: request.user.is_verified(), then the admin's code/enrolment gate.
    "django_otp.middleware.OTPMiddleware",
    "accounts.two_factor.TwoFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last: it answers a locked-out login attempt (django-axes).
    "axes.middleware.AxesMiddleware",
]

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",  # first: refuses a locked-out login outright
    "django.contrib.auth.backends.ModelBackend",
]
#: Five wrong passwords for one account from one address lock that pair out for 30 minutes
#: (a lock-out by account alone would let anyone lock the office's staff out).
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = env.float("AXES_COOLOFF_HOURS", default=0.5)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "account_locked.html"
#: How many proxies in front of the site append the client's address to X-Forwarded-For: 0
#: (default) trusts none and uses the socket's address; 1 behind one TLS proxy (README →
#: Security). axes, the forms' limits and the logs all read the address this sets.
TRUSTED_PROXY_COUNT = env.int("TRUSTED_PROXY_COUNT", default=env.int("AXES_PROXY_COUNT", default=0))

# --- Two-factor authentication (TOTP, django-otp; accounts/two_factor.py) --------------------
#: Whoever holds one of these permissions (through any group, directly, or as a superuser)
#: cannot use the admin before they set up an authenticator app, and cannot turn it off; other
#: staff may turn it on for themselves. By default: everyone who can see camera pictures.
OTP_REQUIRED_PERMISSIONS = env.list(
    "OTP_REQUIRED_PERMISSIONS", default=["cctv_bridge.operate_camera"]
)
#: Members of these groups too (comma-separated in the environment).
OTP_REQUIRED_GROUPS = env.list("OTP_REQUIRED_GROUPS", default=["Situational centre operators"])
#: Superusers too, whatever the permissions above say.
OTP_REQUIRED_FOR_SUPERUSERS = env.bool("OTP_REQUIRED_FOR_SUPERUSERS", default=True)
#: The name the authenticator app shows next to the code.
OTP_TOTP_ISSUER = env.str("OTP_TOTP_ISSUER", default="Safe Community")
#: Wrong codes in a row make the next try wait 1, 2, 4, 8… seconds (django-otp's back-off).
OTP_TOTP_THROTTLE_FACTOR = 1

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "site" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

if "DATABASE_URL" not in env.ENVIRON:
    VAR_DIR.mkdir(exist_ok=True)  # the embedded SQLite database lives here
DATABASES = {
    "default": env.db("DATABASE_URL", default=f"sqlite:///{VAR_DIR / 'db.sqlite3'}"),
}
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=60)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # The embedded mode writes from the web thread and the in-process worker threads at once.
    # WAL lets readers go on while one thread writes; IMMEDIATE takes the write lock at BEGIN,
    # so two writers queue on the busy timeout instead of failing with "database is locked".
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
        }
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

CACHES = {"default": env.cache("CACHE_URL", default="locmemcache://")}
if CACHES["default"]["BACKEND"] == "django.core.cache.backends.redis.RedisCache":
    # The same backend, without a new Redis client object per call (ops.redis_cache).
    CACHES["default"]["BACKEND"] = "ops.redis_cache.RedisCache"

# --- Page cache for anonymous visitors (cms.page_cache) ---------------------------------------
#: Shared by every web process in production (Redis): a purge must reach them all.
PAGE_CACHE_ENABLED = env.bool("PAGE_CACHE_ENABLED", default=True)
PAGE_CACHE_ALIAS = "default"
#: Keep each page's main content for visitors with a session too (cms.page_cache.fragments).
PAGE_CACHE_FRAGMENTS = env.bool("PAGE_CACHE_FRAGMENTS", default=True)
#: The longest a page is kept; changes purge it at once, this bounds what depends on the clock
#: (upcoming events, current campaigns).
PAGE_CACHE_SECONDS = env.int("PAGE_CACHE_SECONDS", default=600)
PAGE_CACHE_EXCLUDED_PATHS = [
    "/admin/",
    "/static/",
    "/media/",
    "/documents/",
    "/healthz/",
    "/metrics",
]
#: The query parameters of public lists and filters; any other parameter bypasses the cache.
PAGE_CACHE_QUERY_PARAMETERS = [
    "page",
    "area",
    "state",
    "authority",
    "tag",
    "year",
    "overdue",
    "limit",
    "offset",
]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# --- Languages -------------------------------------------------------------------------------
# Ukrainian is primary and lives at the site root; English lives under /en/.
LANGUAGE_CODE = "uk"
LANGUAGES = [("uk", _("Ukrainian")), ("en", _("English"))]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAILADMIN_PERMITTED_LANGUAGES = [("uk", "Українська"), ("en", "English")]
# The project's own catalogues first (they win), then the Ukrainian that Wagtail's and
# wagtail-localize's catalogues lack (locale/README.md): `makemessages` writes only the first.
LOCALE_PATHS = [BASE_DIR / "locale", BASE_DIR / "locale" / "overrides"]
TIME_ZONE = "Europe/Kyiv"
FORMAT_MODULE_PATH = ["config.formats"]
USE_I18N = True
USE_TZ = True
# A translation created in the admin stays a draft until an editor publishes it: the
# default would publish the untranslated Ukrainian copy at its English URL.
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False
#: Sections of the site that are not Wagtail pages, shown in every page's main menu after the
#: editors' links (cms.navigation): URL name, label. cms knows them only by these names.
SITE_NAVIGATION_SECTIONS = [
    ("workflows:tracker", _("Initiatives")),
    ("workflows:propose", _("Propose an initiative")),
    ("cctv_bridge:status", _("Cameras")),
]

# --- Static and media ------------------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = env.path("STATIC_ROOT", default=VAR_DIR / "static")
STATICFILES_DIRS = [BASE_DIR / "site" / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = env.path("MEDIA_ROOT", default=VAR_DIR / "media")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# --- Wagtail ---------------------------------------------------------------------------------
WAGTAIL_SITE_NAME = "Safe Community"
# No avatars from gravatar.com: no staff e-mail hashes leave the site (and the admin CSP
# stays 'self' for images).
WAGTAIL_GRAVATAR_PROVIDER_URL = None
# No upgrade check either: the dashboard would ask releases.wagtail.org from every
# superuser's browser (blocked by the admin CSP, with console errors). An office's server is
# updated by its maintainers from the locked requirements, and it does not phone home.
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAILADMIN_USER_LOGIN_FORM = "accounts.login_form.LoginForm"
# Keep the admin's slug field Cyrillic while typing: the server then applies the official
# transliteration (cms.transliteration). With False, the admin's own script would produce an
# unofficial Latin slug that the server could not tell from one an editor chose.
WAGTAIL_ALLOW_UNICODE_SLUGS = True
WAGTAILADMIN_BASE_URL = env.str("WAGTAILADMIN_BASE_URL", default="http://127.0.0.1:8000")
# Residents' forms (contact, proposal, follow) are guarded by cms.form_guard: a signed form
# token, a trap field and rate limits. The contact page's "spam protection" switch is on for
# new pages (the field comes from wagtail-honeypot's model mixin).
HONEYPOT_ENABLED_DEFAULT = True
#: How long a form token is accepted. The follow forms sit in pages the page cache keeps for up
#: to PAGE_CACHE_SECONDS, and residents leave pages open for hours: a day is comfortably longer.
FORM_TOKEN_SECONDS = env.int("FORM_TOKEN_SECONDS", default=24 * 3600)
#: Per client address and hour (an office or café Wi-Fi shares one address: not too few).
FOLLOW_REQUESTS_PER_CLIENT_HOUR = env.int("FOLLOW_REQUESTS_PER_CLIENT_HOUR", default=10)
PROPOSALS_PER_CLIENT_HOUR = env.int("PROPOSALS_PER_CLIENT_HOUR", default=5)
CONTACT_MESSAGES_PER_CLIENT_HOUR = env.int("CONTACT_MESSAGES_PER_CLIENT_HOUR", default=5)
#: Per recipient: proposals confirmed to one e-mail address per hour, and how long one pending
#: follow confirmation holds back the next for the same address (confirming releases it).
PROPOSALS_PER_ADDRESS_HOUR = env.int("PROPOSALS_PER_ADDRESS_HOUR", default=3)
FOLLOW_CONFIRMATION_PENDING_SECONDS = env.int(
    "FOLLOW_CONFIRMATION_PENDING_SECONDS", default=24 * 3600
)

WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
if DATABASES["default"]["ENGINE"].startswith("django.db.backends.postgresql"):
    # Created by a cms migration, with the hunspell-uk dictionary where the server has it.
    WAGTAILSEARCH_BACKENDS["default"]["SEARCH_CONFIG"] = "safe_community"
WAGTAIL_MODERATION_ENABLED = True
WAGTAIL_WORKFLOW_ENABLED = True
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "xlsx", "odt", "ods", "csv", "txt"]

# --- Uploads: checked by content, not by name (cms/uploads.py) ------------------------------
#: Never "svg": an SVG can carry script (cms.uploads refuses it even if it is added here).
WAGTAILIMAGES_EXTENSIONS = ["avif", "gif", "jpg", "jpeg", "png", "webp"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = env.int("IMAGE_UPLOAD_MAX_MB", default=10) * 1024 * 1024
#: Width × height × frames: a small file that decodes to more is a decompression bomb.
#: 60 megapixels take a 50-megapixel phone photo.
WAGTAILIMAGES_MAX_IMAGE_PIXELS = env.int("IMAGE_MAX_MEGAPIXELS", default=60) * 1_000_000
WAGTAILIMAGES_IMAGE_FORM_BASE = "cms.uploads.CheckedImageForm"
WAGTAILDOCS_MAX_UPLOAD_SIZE = env.int("DOCUMENT_UPLOAD_MAX_MB", default=25) * 1024 * 1024
WAGTAILDOCS_DOCUMENT_FORM_BASE = "cms.uploads.CheckedDocumentForm"
#: Documents are always served by Wagtail's view (collection privacy, CSP "default-src 'none'",
#: nosniff), even from a storage with public URLs; only PDFs open in the browser, the rest
#: download as attachments.
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILDOCS_INLINE_CONTENT_TYPES = ["application/pdf"]
#: Fixed types rather than the server's /etc/mime.types (slim images have none).
WAGTAILDOCS_CONTENT_TYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "odt": "application/vnd.oasis.opendocument.text",
    "ods": "application/vnd.oasis.opendocument.spreadsheet",
    "csv": "text/csv; charset=utf-8",
    "txt": "text/plain; charset=utf-8",
}

# --- Background jobs -------------------------------------------------------------------------
# One broker for every actor (config/broker.py); "inprocess" runs worker threads inside the
# web process, a redis:// or amqp:// URL hands jobs to `manage.py rundramatiq` workers.
DRAMATIQ_BROKER_URL = env.str("DRAMATIQ_BROKER_URL", default="inprocess://")
DRAMATIQ_MAX_RETRIES = env.int("DRAMATIQ_MAX_RETRIES", default=5)
DRAMATIQ_BROKER = dramatiq_broker_settings(
    DRAMATIQ_BROKER_URL,
    DRAMATIQ_MAX_RETRIES,
    # Redis only: how soon a killed worker's jobs run again (config/broker.py explains).
    redis_heartbeat_timeout_ms=env.int(
        "DRAMATIQ_REDIS_HEARTBEAT_TIMEOUT_MS", default=REDIS_HEARTBEAT_TIMEOUT_MS
    ),
    redis_maintenance_chance=env.int(
        "DRAMATIQ_REDIS_MAINTENANCE_CHANCE", default=REDIS_MAINTENANCE_CHANCE
    ),
)
DRAMATIQ_AUTODISCOVER_MODULES = ["tasks"]
DRAMATIQ_CRONTAB = {
    # The lock keeps a second scheduler (another container, a restart overlap) idle.
    "REDIS_URL": env.str("SCHEDULER_LOCK_REDIS_URL", default="") or None,
    # How long a second scheduler waits for the lock before it gives up and exits.
    "LOCK_BLOCKING_TIMEOUT": env.int("SCHEDULER_LOCK_WAIT", default=15),
}
# Wagtail's own background work (search and reference index, image focal points, file
# deletion) goes through the same dramatiq workers, sent after the transaction commits.
TASKS = {"default": {"BACKEND": "config.tasks_backend.DramatiqTaskBackend"}}
#: Seconds an SMTP connection may stall. Django's default waits forever, and a dramatiq time
#: limit cannot interrupt a blocked socket: a silent mail server would hold a worker thread
#: (and the notification's open transaction, workflows/tasks.py) for good.
EMAIL_TIMEOUT = env.int("EMAIL_TIMEOUT", default=30)

# --- Security headers (HSTS, secure cookies and HTTPS are in production.py) ----------------
CONTENT_SECURITY_POLICY = {"DIRECTIVES": PUBLIC_DIRECTIVES}  # the admin's: config.security
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"  # Wagtail's preview views lift it for their own frame
#: No page of the site uses these browser features.
PERMISSIONS_POLICY = {
    feature: []
    for feature in (
        "accelerometer",
        "camera",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "payment",
        "usb",
    )
}

# --- Initiatives (workflows) -----------------------------------------------------------------
#: Members of the community's council who vote: the votes recorded for a decision cannot add up
#: to more. Tatarbunary city council: 26 deputies and the mayor, who also votes.
COUNCIL_SEATS = env.int("COUNCIL_SEATS", default=27)

# --- CCTV bridge -----------------------------------------------------------------------------
#: Fernet keys (newest first) that encrypt camera stream URLs at rest; unset → derived from
#: SECRET_KEY (the embedded demo). Production requires them (config/settings/production.py).
CCTV_STREAM_KEYS = env.list("CCTV_STREAM_KEYS", default=[])
#: Probe bounds: FFmpeg's own defaults are 30 s each, and a dramatiq time limit cannot
#: interrupt a blocked OpenCV call, so these are the real limits of a probe.
CCTV_OPEN_TIMEOUT = env.float("CCTV_OPEN_TIMEOUT", default=5.0)
CCTV_READ_TIMEOUT = env.float("CCTV_READ_TIMEOUT", default=5.0)
CCTV_PROBE_DEADLINE = env.float("CCTV_PROBE_DEADLINE", default=12.0)
CCTV_PROBE_FRAMES = env.int("CCTV_PROBE_FRAMES", default=4)
#: An open incident older than this alerts whoever is on duty (once per incident).
CCTV_ALERT_AFTER_MINUTES = env.int("CCTV_ALERT_AFTER_MINUTES", default=5)
#: Cached public status pages (and the home page's camera summary) expire after this.
CCTV_STATUS_CACHE_SECONDS = env.int("CCTV_STATUS_CACHE_SECONDS", default=30)
#: The operator console refreshes its board this often, without reloading the page.
CCTV_CONSOLE_REFRESH_SECONDS = env.int("CCTV_CONSOLE_REFRESH_SECONDS", default=15)
#: A camera with CCTV_FLAP_OUTAGES incidents starting within CCTV_FLAP_WINDOW_MINUTES is
#: flapping: one alert, then none until it has been stable for CCTV_FLAP_QUIET_MINUTES
#: (cctv_bridge/flapping.py).
CCTV_FLAP_OUTAGES = env.int("CCTV_FLAP_OUTAGES", default=3)
CCTV_FLAP_WINDOW_MINUTES = env.int("CCTV_FLAP_WINDOW_MINUTES", default=30)
CCTV_FLAP_QUIET_MINUTES = env.int("CCTV_FLAP_QUIET_MINUTES", default=60)
#: The simulated cameras `make run` serves (cctv_bridge/simulator).
CCTV_SIMULATOR_HTTP_PORT = env.int("CCTV_SIMULATOR_HTTP_PORT", default=8101)
CCTV_SIMULATOR_RTSP_PORT = env.int("CCTV_SIMULATOR_RTSP_PORT", default=8554)

# --- Metrics and logging (ops/metrics, ops/logs.py) -----------------------------------------
#: Bearer token a Prometheus scrape of /metrics must send; unset → /metrics answers 404
#: (except to this machine in debug mode).
METRICS_TOKEN = env.str("METRICS_TOKEN", default="")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"},
        # One JSON object per line (production.py makes it the default there).
        "json": {"()": "ops.logs.JsonLogFormatter"},
    },
    # Stream URLs and camera passwords never reach a log line, whoever logs them; nor do the
    # deployment's secrets, authorization headers, cookies, passwords or e-mail addresses.
    "filters": {
        "stream_urls": {"()": "cctv_bridge.stream_secrets.StreamURLLogFilter"},
        "secrets": {"()": "ops.logs.SecretsLogFilter"},
        "context": {"()": "ops.logs.LogContextFilter"},  # request id, job on every record
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": env.str("LOG_FORMAT", default="plain"),  # plain or json
            "filters": ["stream_urls", "secrets", "context"],
        }
    },
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
    "loggers": {
        # Only through the filtered console handler above: Django's own default handlers
        # (an unfiltered console in debug mode, mail_admins) would see records unscrubbed.
        "django": {"handlers": [], "level": "INFO"},
        "django.server": {"handlers": ["console"], "level": "INFO", "propagate": False},
        "django.db.backends": {"level": "WARNING"},
        "apscheduler": {"level": "WARNING"},
        "axes.apps": {"level": "WARNING"},  # its start-up banner on every command
    },
}
