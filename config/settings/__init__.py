"""Django settings for Peyvand, driven by the environment (see env.py)."""

from __future__ import annotations

import sys
from datetime import timedelta
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP
from django.utils.translation import gettext_lazy as _

from .env import (
    env_bool,
    env_cache,
    env_database,
    env_int,
    env_list,
    env_media_storage,
    env_origins,
    env_str,
    env_tasks,
    env_timezone,
)

BASE_DIR = Path(__file__).resolve().parent.parent.parent
VAR_DIR = Path(env_str("PEYVAND_VAR_DIR", str(BASE_DIR / "var")))
TESTING = "pytest" in sys.modules or env_bool("PEYVAND_TESTING", False)

DEBUG = env_bool("DEBUG", False)


def _secret_key() -> str:
    key = env_str("SECRET_KEY")
    if key:
        return key
    key_file = VAR_DIR / "secret_key"
    if key_file.exists():
        return key_file.read_text(encoding="utf-8").strip()
    if TESTING:
        return "test-only-secret-key-" + "x" * 40
    raise ImproperlyConfigured(
        "SECRET_KEY: not set. Set SECRET_KEY or SECRET_KEY_FILE, or run `make run`, "
        f"which generates one into {key_file}."
    )


SECRET_KEY = _secret_key()
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]", "testserver"])
CSRF_TRUSTED_ORIGINS = env_origins("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.sitemaps",
    "django_tasks_db",
    "ninja",  # its bundled Swagger UI files: the API docs work offline
    "axes",  # login throttling and lock-out
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "peyvand.core",
    "peyvand.accounts",
    "peyvand.audit",
    "peyvand.records",
    "peyvand.places",
    "peyvand.search",
    "peyvand.network",
    "peyvand.partnerships",
    "peyvand.organizations",
    "peyvand.missions",
    "peyvand.knowledge",
    "peyvand.opportunities",
    "peyvand.portal",
    "peyvand.exchange",
    "peyvand.agenda",
    "peyvand.reports",
    "peyvand.dashboard",
    "peyvand.api",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "peyvand.core.digits.PersianDigitsMiddleware",
    "peyvand.core.middleware.RefuseNulMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    # who writes, from where: every row written during the request is audited (decision 0018)
    "peyvand.audit.middleware.AuditMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    # last: turns a refused login into the translated lock-out page
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.template.context_processors.csp",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "peyvand.accounts.context_processors.office",
                # last: while a page is rendered to be kept, its token and nonce are
                # placeholders (core.pagecache)
                "peyvand.core.pagecache.placeholders",
            ],
            "builtins": ["peyvand.core.templatetags.peyvand"],
        },
    }
]

VAR_DIR.mkdir(parents=True, exist_ok=True)
DATABASES = {"default": env_database("DATABASE_URL", f"sqlite:///{VAR_DIR / 'peyvand.sqlite3'}")}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }
    DATABASES["default"]["CONN_MAX_AGE"] = 0
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

CACHES = {"default": env_cache("CACHE_URL")}
if TESTING and not env_str("CACHE_URL"):
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# Sessions: in the database by default; with Redis as the cache, read through the cache
# and written to both ("cached_db"): every app server sees them, and a Redis flush or
# restart logs nobody out (decision 0022).
if CACHES["default"]["BACKEND"] == "django.core.cache.backends.redis.RedisCache":
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
# Rendered pages (core.pagecache, decision 0007): each worker's memory, at most this many
# pages (about 100 KB each at most); PAGE_CACHE=0 renders every page anew. The versions
# they are keyed on live in the database, so a page kept by one process is never stale
# for another; PAGE_CACHE_URL=redis://... shares the kept pages between processes instead.
PAGE_CACHE = env_bool("PAGE_CACHE", True)
CACHES["pages"] = (
    env_cache("PAGE_CACHE_URL") | {"TIMEOUT": 24 * 3600}
    if env_str("PAGE_CACHE_URL")
    else {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "pages",
        "TIMEOUT": 24 * 3600,
        "OPTIONS": {"MAX_ENTRIES": env_int("PAGE_CACHE_ENTRIES", 1000, minimum=10)},
    }
)

# Requests one API token may make per minute (accounts.api_auth): over it the API answers
# 429 with Retry-After. Counted in the default cache, shared by every worker.
API_TOKEN_RATE_LIMIT = env_int("API_TOKEN_RATE_LIMIT", 600, minimum=1)

# A task marked running for longer than this (seconds) lost its worker (core.recovery;
# with Redis, the time after which another worker takes it again): longer than any task runs.
TASK_STUCK_AFTER = env_int("TASK_STUCK_AFTER", 3600, minimum=60)

# Background work (decisions 0003, 0022): django-tasks-db by default; TASKS_URL=redis://...
# puts the queue in Redis for workers on several hosts (`manage.py run_worker` runs the
# worker of whichever backend is configured).
TASKS = {
    "default": env_tasks(
        "TASKS_URL",
        default_backend=(
            "django.tasks.backends.immediate.ImmediateBackend"
            if TESTING
            else "django_tasks_db.DatabaseBackend"
        ),
        stuck_after=TASK_STUCK_AFTER,
    )
}
if TASKS["default"]["BACKEND"] == "django_tasks_redis.RedisTaskBackend":
    INSTALLED_APPS.insert(INSTALLED_APPS.index("django_tasks_db") + 1, "django_tasks_redis")

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": env_int("PASSWORD_MIN_LENGTH", 10, minimum=8)},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
if TESTING:
    PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

# Login throttling (django-axes, decision 0018): after AXES_FAILURE_LIMIT wrong passwords
# for one username from one address, that pair is locked out for the cool-off; the answer
# is the same whether the username exists or not. Attempts are kept in the database (every
# worker sees them; `manage.py axes_reset` lifts a lock-out).
AUTHENTICATION_BACKENDS = [
    "peyvand.accounts.backends.LockoutBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_HANDLER = "axes.handlers.database.AxesDatabaseHandler"
AXES_FAILURE_LIMIT = env_int("LOGIN_FAILURE_LIMIT", 5, minimum=1)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("LOGIN_LOCKOUT_MINUTES", 15, minimum=1))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "peyvand.accounts.views.locked_out"
AXES_CLIENT_IP_CALLABLE = "peyvand.core.middleware.client_ip"
AXES_USERNAME_CALLABLE = "peyvand.accounts.backends.attempted_username"
AXES_VERBOSE = False
# Two-factor (django-otp): the issuer named in the authenticator app.
OTP_TOTP_ISSUER = "Peyvand"

LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "accounts:home"
LOGOUT_REDIRECT_URL = "accounts:login"

LANGUAGE_CODE = "fa"
LANGUAGES = [("fa", _("Persian")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = env_timezone("TIME_ZONE", "Asia/Tehran")

STATIC_URL = "/static/"
# Tests serve the sources through the finders: a collection left by `make run` would
# otherwise shadow the scripts and styles being tested.
STATIC_ROOT = VAR_DIR / ("test-staticfiles" if TESTING else "staticfiles")
STATIC_ROOT.mkdir(parents=True, exist_ok=True)
STATICFILES_DIRS = [BASE_DIR / "static"]
# Uploads: the server's disk (var/media) by default; MEDIA_STORAGE=s3 keeps them in an
# S3-compatible object store shared by every app server (decision 0022; docs/deploy.md).
_media_storage, _media_settings = env_media_storage(
    "MEDIA_STORAGE", location=str(VAR_DIR / "media")
)
globals().update(_media_settings)  # the MINIO_STORAGE_* settings the S3 store reads
STORAGES = {
    "default": _media_storage,
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG or TESTING
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
WHITENOISE_USE_FINDERS = DEBUG or TESTING
MEDIA_ROOT = VAR_DIR / "media"
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
# The largest file a member may upload (core.uploads refuses a larger one by name); a
# request body may be a little larger (the form around the file).
MAX_UPLOAD_MB = env_int("MAX_UPLOAD_MB", 20, minimum=1)
DATA_UPLOAD_MAX_MEMORY_SIZE = (MAX_UPLOAD_MB + 5) * 1024 * 1024

# Security: strict by default; the HTTPS ones are switched on by the environment.
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", False)
SESSION_COOKIE_SECURE = env_bool("SESSION_COOKIE_SECURE", False)
CSRF_COOKIE_SECURE = env_bool("CSRF_COOKIE_SECURE", False)
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 0, minimum=0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = SECURE_HSTS_SECONDS > 0
SECURE_HSTS_PRELOAD = SECURE_HSTS_SECONDS > 0
# Opt-in: only behind a proxy that sets X-Forwarded-Proto (and X-Forwarded-For, read by
# core.middleware.client_ip) itself, overwriting what the client sent.
BEHIND_PROXY = env_bool("BEHIND_PROXY", False)
if BEHIND_PROXY:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"

SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF, CSP.UNSAFE_INLINE],
    "img-src": [CSP.SELF, "data:", "blob:"],
    "font-src": [CSP.SELF, "data:"],
    "connect-src": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
    "form-action": [CSP.SELF],
    "base-uri": [CSP.SELF],
    "object-src": [CSP.NONE],
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
}

# The data shipped with the product (a copy of the world data, see data/world/README.md).
WORLD_DATA_DIR = BASE_DIR / "data" / "world"
