"""Django settings for Samskapa, read from environment variables through django-environ.

Every variable is read here once, with its default and its type; the README lists them.
"""

import os
import secrets
import sys
from collections.abc import Iterator, Mapping
from pathlib import Path

import environ
from django.utils.translation import gettext_lazy as _


class _Literal(Mapping[str, str]):
    """The environment as written: django-environ reads a value starting with ``$`` as the name of
    another variable, which would change a secret such as ``$ecret``. Escaped here (``\\$``), and
    unescaped by django-environ's ``escape_proxy``, every value arrives exactly as it was set."""

    def __getitem__(self, name: str) -> str:
        value = os.environ[name].replace("\\$", "\\\\$")
        return "\\" + value if value.startswith("$") else value

    def __iter__(self) -> Iterator[str]:
        return iter(os.environ)

    def __len__(self) -> int:
        return len(os.environ)


env = environ.Env()
env.ENVIRON = _Literal()
env.escape_proxy = True

BASE_DIR = Path(__file__).resolve().parent
# Where the embedded database, the generated secret key and uploads live by default.
VAR_DIR = Path(env.str("SAMSKAPA_VAR_DIR", default=str(Path.cwd() / "var"))).resolve()


def env_list(name: str, default: str = "") -> list[str]:
    """A comma-separated variable as a list, spaces and empty items dropped ("a, b," is ["a", "b"])."""
    return [item.strip() for item in env.list(name, default=default.split(",")) if item.strip()]


def _secret_key() -> str:
    """SECRET_KEY from the environment, else one generated into ./var on first run."""
    if key := env.str("SECRET_KEY", default=""):
        return key
    path = VAR_DIR / "secret_key"
    if not path.exists():
        VAR_DIR.mkdir(parents=True, exist_ok=True)
        path.write_text(secrets.token_urlsafe(50))
        path.chmod(0o600)
    return path.read_text().strip()


DEBUG = env.bool("DEBUG", default=False)
SECRET_KEY = _secret_key()
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost" if DEBUG else "")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", "")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "rules.apps.AutodiscoverRulesConfig",
    "simple_history",
    "axes",
    # Before django_tasks_db: core's `db_worker` (theirs, plus recovery of stopped work) wins.
    "samskapa.core",
    "django_tasks",
    "django_tasks_db",
    "ninja",
    "samskapa.accounts",
    "samskapa.orgs",
    "samskapa.api",
    "samskapa.strategy",
    "samskapa.actors",
    "samskapa.actions",
    "samskapa.cocreation",
    "samskapa.indicators",
    "samskapa.analysis",
    "samskapa.reports",
    "samskapa.publicsite",
    "samskapa.ratelimits",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "samskapa.core.sessions.SessionLimitsMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    # Last, as django-axes asks, so that it sees the outcome of every login.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "samskapa.urls"
WSGI_APPLICATION = "samskapa.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "samskapa.core.context_processors.platform",
            ],
        },
    },
]

DATABASES = {
    "default": {
        **env.db_url("DATABASE_URL", default=f"sqlite:///{VAR_DIR / 'samskapa.sqlite3'}"),
        "CONN_MAX_AGE": env.int("DATABASE_CONN_MAX_AGE", default=60),
        "CONN_HEALTH_CHECKS": True,
    }
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL and a busy timeout let the web server and the task worker share the file.
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
    DATABASES["default"]["CONN_MAX_AGE"] = 0
# The development server runs each request in a new thread, so a kept connection is never used
# again and only dies with the thread: against PostgreSQL `make run` piled up connections until the
# server refused more. Under gunicorn a worker reuses its one connection (workers x threads in all).
if sys.argv[1:2] == ["runserver"]:
    DATABASES["default"]["CONN_MAX_AGE"] = 0
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "rules.permissions.ObjectPermissionBackend",
    # Django's ModelBackend, reading the person's memberships with the person (one query a page).
    "samskapa.orgs.backends.MemberBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "home"

# Brute-force protection: five failures from one address and user lock login for an hour.
AXES_FAILURE_LIMIT = env.int("SAMSKAPA_LOGIN_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = 1
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_USERNAME_FORM_FIELD = "username"
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
AXES_VERBOSE = False

LANGUAGE_CODE = env.str("SAMSKAPA_LANGUAGE", default="sv")
LANGUAGES = [("sv", "Svenska"), ("fi", "Suomi"), ("en", "English")]
# The public pages also speak the languages of their own catalogues (publicsite/catalogues/).
LOCALE_PATHS = [BASE_DIR / "locale", BASE_DIR / "publicsite" / "catalogues"]
TIME_ZONE = env.str("TIME_ZONE", default="Europe/Stockholm")
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = Path(env.str("SAMSKAPA_STATIC_ROOT", default=str(VAR_DIR / "static")))
STATIC_ROOT.mkdir(parents=True, exist_ok=True)  # WhiteNoise expects it, even before collectstatic
# htmx is installed from npm by `make install`; it is an enhancement, pages work without it.
NODE_MODULES = Path(env.str("SAMSKAPA_NODE_MODULES", default=str(BASE_DIR.parent.parent / "node_modules")))
STATICFILES_DIRS = (
    [("vendor/htmx", NODE_MODULES / "htmx.org" / "dist")] if (NODE_MODULES / "htmx.org" / "dist").is_dir() else []
)
# The project's own stylesheets (src/samskapa/static/) are in no app's folder: without this they were never served.
STATICFILES_DIRS += [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if not DEBUG
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
WHITENOISE_USE_FINDERS = DEBUG
MEDIA_ROOT = Path(env.str("SAMSKAPA_MEDIA_ROOT", default=str(VAR_DIR / "media")))
MEDIA_URL = "media/"
# The largest document a user may upload, in bytes (default 50 MB).
SAMSKAPA_MAX_UPLOAD_BYTES = env.int("SAMSKAPA_MAX_UPLOAD_BYTES", default=50 * 1024 * 1024)
SAMSKAPA_MAX_PAGES = env.int("SAMSKAPA_MAX_PAGES", default=500)  # longest document the gap analysis reads
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
# An upload over SAMSKAPA_MAX_UPLOAD_BYTES is refused before it is read, with a clear message.
FILE_UPLOAD_HANDLERS = [
    "samskapa.analysis.uploads.UploadSizeLimitHandler",
    "django.core.files.uploadhandler.MemoryFileUploadHandler",
    "django.core.files.uploadhandler.TemporaryFileUploadHandler",
]
CSRF_FAILURE_VIEW = "samskapa.analysis.uploads.csrf_failure"

EMAIL_BACKEND = env.str(
    "EMAIL_BACKEND",
    default="django.core.mail.backends.console.EmailBackend"
    if DEBUG
    else "django.core.mail.backends.smtp.EmailBackend",
)
EMAIL_HOST = env.str("EMAIL_HOST", default="localhost")
EMAIL_PORT = env.int("EMAIL_PORT", default=25)
EMAIL_HOST_USER = env.str("EMAIL_HOST_USER", default="")
EMAIL_HOST_PASSWORD = env.str("EMAIL_HOST_PASSWORD", default="")
EMAIL_USE_TLS = env.bool("EMAIL_USE_TLS", default=False)
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="samskapa@localhost")

# Background work: the database backend, so any number of `db_worker` processes can claim
# tasks with row locks; SAMSKAPA_TASKS_BACKEND=immediate runs them inline (tests).
TASKS = {
    "default": {
        "BACKEND": {
            "database": "django_tasks_db.DatabaseBackend",
            "immediate": "django_tasks.backends.immediate.ImmediateBackend",
        }[env.str("SAMSKAPA_TASKS_BACKEND", default="database")]
    }
}

# A running job whose worker has given no sign of life for this long is taken as stopped:
# it is tried once more, then marked failed (the worker writes a heartbeat every quarter of it).
SAMSKAPA_JOB_LEASE_SECONDS = env.float("SAMSKAPA_JOB_LEASE_SECONDS", default=300)

# An invitation link works once, for this many days.
SAMSKAPA_INVITATION_DAYS = env.int("SAMSKAPA_INVITATION_DAYS", default=14)
SAMSKAPA_SITE_NAME = "Samskapa"
# Interface languages, with the writing direction content may have (for RTL content).
SAMSKAPA_RTL_LANGUAGES = {"ar", "fa", "he", "ur", "ps", "ckb"}
# Languages an organisation can choose for its residents (ISO 639-1), with native names.
SAMSKAPA_CONTENT_LANGUAGES = [
    ("sv", "Svenska"),
    ("fi", "Suomi"),
    ("en", "English"),
    ("ar", "العربية"),
    ("uk", "Українська"),
    ("so", "Soomaali"),
    ("fa", "فارسی"),
    ("ti", "ትግርኛ"),
    ("se", "Davvisámegiella"),
    ("ru", "Русский"),
    ("de", "Deutsch"),
    ("no", "Norsk"),
    ("da", "Dansk"),
]

SESSION_COOKIE_HTTPONLY = True
# A signed-in session ends after this long without a request (the cookie and the stored session
# expire together; core.sessions renews them at most every few minutes, not on every request)...
SESSION_COOKIE_AGE = 60 * env.int("SAMSKAPA_SESSION_IDLE_MINUTES", default=60)
# ...and, however busy, this long after signing in.
SAMSKAPA_SESSION_MAX_SECONDS = 3600 * env.int("SAMSKAPA_SESSION_MAX_HOURS", default=12)
SESSION_COOKIE_SAMESITE = "Lax"
# Content-Security-Policy (django-csp): scripts only from our own static files (htmx, the API
# docs), no inline script anywhere; inline styles stay allowed for the SVG charts and their
# attributes. Frames and plugins are refused, forms post only to us.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}
CSRF_COOKIE_HTTPONLY = False
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
if not DEBUG:
    SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
    SESSION_COOKIE_SECURE = env.bool("SESSION_COOKIE_SECURE", default=True)
    CSRF_COOKIE_SECURE = env.bool("CSRF_COOKIE_SECURE", default=True)
    SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=60 * 60 * 24 * 365)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", default=True)
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
    "loggers": {
        "django.db.backends": {"level": "WARNING"},
        # WeasyPrint reports every step of every PDF at INFO (public summaries are made often).
        "weasyprint": {"level": "WARNING"},
        "fontTools": {"level": "WARNING"},
    },
}

ADMIN_SITE_HEADER = _("Samskapa administration")

# Co-creation: contact data of a person whose consent has ended is anonymised after this many
# days (`samskapa gdpr apply-retention`); public survey answers accepted per address and hour.
SAMSKAPA_CONTACT_RETENTION_DAYS = env.int("SAMSKAPA_CONTACT_RETENTION_DAYS", default=365)
SAMSKAPA_SURVEY_ANSWERS_PER_HOUR = env.int("SAMSKAPA_SURVEY_ANSWERS_PER_HOUR", default=30)
# The reverse proxies in front of the web server (addresses or networks, comma-separated): only
# from these is X-Forwarded-For believed, so that limits count each resident, not the proxy.
SAMSKAPA_TRUSTED_PROXIES = env_list("SAMSKAPA_TRUSTED_PROXIES", "")
# Public pages (/p/): rendered pages are kept per process, keyed by the content version in the
# database (so every process drops a page the moment its content changes), at most this long.
SAMSKAPA_PUBLIC_CACHE = "public"
SAMSKAPA_PUBLIC_CACHE_SECONDS = env.int("SAMSKAPA_PUBLIC_CACHE_SECONDS", default=3600)
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "public": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "samskapa-public",
        "OPTIONS": {"MAX_ENTRIES": env.int("SAMSKAPA_PUBLIC_CACHE_ENTRIES", default=1000)},
    },
}
SAMSKAPA_HTMX = (NODE_MODULES / "htmx.org" / "dist").is_dir()

# Open statistics for the indicators: base URLs (point them at a mirror if you run one),
# the timeout of one call, how often a failed call is retried (with exponential backoff,
# honouring Retry-After), and the pause between two calls to the same source.
SAMSKAPA_KOLADA_URL = env.str("SAMSKAPA_KOLADA_URL", default="https://api.kolada.se/v3").rstrip("/")
SAMSKAPA_PXWEB_SCB_URL = env.str("SAMSKAPA_PXWEB_SCB_URL", default="https://statistikdatabasen.scb.se/api/v2").rstrip(
    "/"
)
SAMSKAPA_PXWEB_STATFI_URL = env.str("SAMSKAPA_PXWEB_STATFI_URL", default="https://pxdata.stat.fi/PxWeb/api/v1").rstrip(
    "/"
)
SAMSKAPA_EUROSTAT_URL = env.str(
    "SAMSKAPA_EUROSTAT_URL", default="https://ec.europa.eu/eurostat/api/dissemination/statistics/1.0"
).rstrip("/")
# Any registered source's base URL by its key, e.g. SAMSKAPA_SOURCE_URLS="ssb=https://mirror.example/v2,kolada=...":
# a source added later is pointed at a mirror without a variable of its own (these win over the four above).
SAMSKAPA_SOURCE_URLS: dict[str, str] = env.dict("SAMSKAPA_SOURCE_URLS", default={})
SAMSKAPA_SOURCE_TIMEOUT = env.float("SAMSKAPA_SOURCE_TIMEOUT", default=30)
SAMSKAPA_SOURCE_RETRIES = env.int("SAMSKAPA_SOURCE_RETRIES", default=3)
SAMSKAPA_SOURCE_BACKOFF = env.float("SAMSKAPA_SOURCE_BACKOFF", default=1.0)
SAMSKAPA_SOURCE_MIN_INTERVAL = env.float("SAMSKAPA_SOURCE_MIN_INTERVAL", default=0.1)
# The most one answer may take to arrive in full, and the most pages one list may have: a
# slow-dripping server or a next link that never ends stops with a message, not a hung night.
SAMSKAPA_SOURCE_DEADLINE = env.float("SAMSKAPA_SOURCE_DEADLINE", default=120)
SAMSKAPA_SOURCE_MAX_PAGES = env.int("SAMSKAPA_SOURCE_MAX_PAGES", default=1000)
