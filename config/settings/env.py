"""Strict parsers for settings read from the environment.

A malformed value stops start-up with a message that names the variable, in the
manner of healthchecks' settings: better to refuse to start than to run misconfigured.
"""

from __future__ import annotations

import os
import re
import zoneinfo
from pathlib import Path
from urllib.parse import urlparse

from django.core.exceptions import ImproperlyConfigured

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}


def env_str(name: str, default: str = "") -> str:
    """Return NAME, or the contents of the file named by NAME_FILE, or the default."""
    file_name = os.environ.get(f"{name}_FILE")
    if file_name:
        try:
            return Path(file_name).read_text(encoding="utf-8").strip()
        except OSError as exc:
            raise ImproperlyConfigured(f"{name}_FILE: cannot read {file_name!r}: {exc}") from exc
    return os.environ.get(name, default)


def env_bool(name: str, default: bool) -> bool:
    raw = os.environ.get(name)
    if raw is None:
        return default
    value = raw.strip().lower()
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    raise ImproperlyConfigured(
        f"{name}: expected one of 1/0, true/false, yes/no, on/off; got {raw!r}"
    )


def env_int(name: str, default: int, *, minimum: int | None = None) -> int:
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    try:
        value = int(raw)
    except ValueError:
        raise ImproperlyConfigured(f"{name}: expected a whole number, got {raw!r}") from None
    if minimum is not None and value < minimum:
        raise ImproperlyConfigured(f"{name}: must be at least {minimum}, got {value}")
    return value


def env_list(name: str, default: list[str]) -> list[str]:
    raw = os.environ.get(name)
    if raw is None:
        return default
    items = [item.strip() for item in raw.split(",")]
    if any(not item for item in items) and raw.strip():
        raise ImproperlyConfigured(f"{name}: empty item in comma-separated list {raw!r}")
    return [item for item in items if item]


def env_origins(name: str) -> list[str]:
    origins = env_list(name, [])
    for origin in origins:
        parsed = urlparse(origin)
        if parsed.scheme not in {"http", "https"} or not parsed.netloc:
            raise ImproperlyConfigured(
                f"{name}: {origin!r} is not an origin such as https://example.org"
            )
    return origins


def env_timezone(name: str, default: str) -> str:
    value = os.environ.get(name, default)
    try:
        zoneinfo.ZoneInfo(value)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        raise ImproperlyConfigured(f"{name}: unknown time zone {value!r}") from None
    return value


def env_database(name: str, default: str) -> dict[str, object]:
    import dj_database_url

    url = os.environ.get(name) or default
    scheme = urlparse(url).scheme
    if scheme not in {"sqlite", "postgres", "postgresql", "pgsql"}:
        raise ImproperlyConfigured(f"{name}: expected a sqlite:// or postgres:// URL, got {url!r}")
    try:
        config = dict(dj_database_url.parse(url, conn_max_age=60))
    except Exception as exc:
        raise ImproperlyConfigured(f"{name}: cannot parse {url!r}: {exc}") from exc
    return config


def env_cache(name: str) -> dict[str, object]:
    url = os.environ.get(name, "")
    if not url:
        return {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "peyvand_cache",
        }
    scheme = urlparse(url).scheme
    if scheme in {"redis", "rediss"}:
        return {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": url}
    if scheme == "locmem":
        return {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    if scheme == "db":
        return {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": urlparse(url).netloc or "peyvand_cache",
        }
    raise ImproperlyConfigured(
        f"{name}: expected redis://, rediss://, db:// or locmem://, got {url!r}"
    )


def env_tasks(name: str, *, default_backend: str, stuck_after: int) -> dict[str, object]:
    """The default task backend: django-tasks-db (the database), or Redis when NAME is a
    redis:// URL (django-tasks-redis: several workers on several hosts share one queue; a
    task whose worker died is taken again by another after `stuck_after` seconds)."""
    url = os.environ.get(name, "")
    if not url:
        return {"BACKEND": default_backend}
    scheme = urlparse(url).scheme
    if scheme == "db":
        return {"BACKEND": "django_tasks_db.DatabaseBackend"}
    if scheme not in {"redis", "rediss"}:
        raise ImproperlyConfigured(f"{name}: expected redis://, rediss:// or db://, got {url!r}")
    return {
        "BACKEND": "django_tasks_redis.RedisTaskBackend",
        "QUEUES": [],  # every queue name
        "OPTIONS": {
            "REDIS_URL": url,
            "REDIS_KEY_PREFIX": "peyvand_tasks",
            "REDIS_CLAIM_TIMEOUT": stuck_after,
            # the first run and two retries, as the database backend's recovery
            # (core.recovery.MAX_ATTEMPTS); then FAILED with TaskAbandoned
            "REDIS_MAX_DELIVERIES": 3,
        },
    }


def env_media_storage(name: str, *, location: str) -> tuple[dict[str, object], dict[str, object]]:
    """The uploads' storage and the settings it reads: the server's disk (`location`), or an
    S3-compatible object store (NAME=s3; S3_ENDPOINT, S3_BUCKET, S3_ACCESS_KEY,
    S3_SECRET_KEY, S3_USE_HTTPS, S3_REGION). The bucket must exist and stay private: the
    files are served only through the members-only download view, never by the store."""
    kind = os.environ.get(name, "") or "file"
    if kind == "file":
        return {
            # all or nothing: a full disk leaves no half-written file (core.uploads)
            "BACKEND": "peyvand.core.uploads.PrivateStorage",
            "OPTIONS": {"location": location},
        }, {}
    if kind != "s3":
        raise ImproperlyConfigured(f"{name}: expected file or s3, got {kind!r}")
    values = {
        key: env_str(f"S3_{key}") for key in ("ENDPOINT", "BUCKET", "ACCESS_KEY", "SECRET_KEY")
    }
    missing = [f"S3_{key}" for key, value in values.items() if not value]
    if missing:
        raise ImproperlyConfigured(f"{name}=s3 needs {', '.join(missing)}")
    if not re.fullmatch(r"[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]", values["BUCKET"]):
        raise ImproperlyConfigured(
            f"S3_BUCKET: expected 3-63 lower-case letters, digits, dots or hyphens, "
            f"got {values['BUCKET']!r}"
        )
    endpoint = values["ENDPOINT"]
    if "://" in endpoint or "/" in endpoint:
        raise ImproperlyConfigured(
            f"S3_ENDPOINT: expected a host and port such as s3.example.org:9000, got {endpoint!r}"
        )
    return {"BACKEND": "minio_storage.storage.MinioMediaStorage"}, {
        "MINIO_STORAGE_ENDPOINT": endpoint,
        "MINIO_STORAGE_MEDIA_BUCKET_NAME": values["BUCKET"],
        "MINIO_STORAGE_ACCESS_KEY": values["ACCESS_KEY"],
        "MINIO_STORAGE_SECRET_KEY": values["SECRET_KEY"],
        "MINIO_STORAGE_USE_HTTPS": env_bool("S3_USE_HTTPS", True),
        "MINIO_STORAGE_REGION": env_str("S3_REGION") or None,
        # never create a bucket, never give it a policy (the default would make it public),
        # never hand out the store's own links
        "MINIO_STORAGE_AUTO_CREATE_MEDIA_BUCKET": False,
        "MINIO_STORAGE_AUTO_CREATE_MEDIA_POLICY": False,
        "MINIO_STORAGE_MEDIA_USE_PRESIGNED": False,
    }
