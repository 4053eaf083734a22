from __future__ import annotations

import pytest
from django.core.exceptions import ImproperlyConfigured

from config.settings import env


def test_bool_refuses_a_malformed_value_naming_the_variable(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("DEBUG", "maybe")
    with pytest.raises(ImproperlyConfigured, match="DEBUG"):
        env.env_bool("DEBUG", False)


def test_bool_reads_usual_spellings(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DEBUG", "Yes")
    assert env.env_bool("DEBUG", False) is True
    monkeypatch.setenv("DEBUG", "0")
    assert env.env_bool("DEBUG", True) is False


def test_int_refuses_text(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SECURE_HSTS_SECONDS", "a year")
    with pytest.raises(ImproperlyConfigured, match="SECURE_HSTS_SECONDS"):
        env.env_int("SECURE_HSTS_SECONDS", 0)


def test_secret_from_file(monkeypatch: pytest.MonkeyPatch, tmp_path: object) -> None:
    path = tmp_path / "key"  # type: ignore[operator]
    path.write_text("s3cret\n")
    monkeypatch.setenv("SECRET_KEY_FILE", str(path))
    assert env.env_str("SECRET_KEY") == "s3cret"


def test_unreadable_secret_file_names_the_variable(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SECRET_KEY_FILE", "/nonexistent/key")
    with pytest.raises(ImproperlyConfigured, match="SECRET_KEY_FILE"):
        env.env_str("SECRET_KEY")


def test_database_url_must_be_sqlite_or_postgres(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DATABASE_URL", "mysql://x/y")
    with pytest.raises(ImproperlyConfigured, match="DATABASE_URL"):
        env.env_database("DATABASE_URL", "sqlite:///x")
    monkeypatch.setenv("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/peyvand")
    assert env.env_database("DATABASE_URL", "")["NAME"] == "peyvand"


def test_origins_must_have_a_scheme(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CSRF_TRUSTED_ORIGINS", "example.org")
    with pytest.raises(ImproperlyConfigured, match="CSRF_TRUSTED_ORIGINS"):
        env.env_origins("CSRF_TRUSTED_ORIGINS")


def test_time_zone_must_exist(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TIME_ZONE", "Mars/Olympus")
    with pytest.raises(ImproperlyConfigured, match="TIME_ZONE"):
        env.env_timezone("TIME_ZONE", "Asia/Tehran")
    monkeypatch.delenv("TIME_ZONE")
    assert env.env_timezone("TIME_ZONE", "Asia/Tehran") == "Asia/Tehran"


def test_cache_defaults_to_the_database_and_accepts_redis(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CACHE_URL", raising=False)
    assert "DatabaseCache" in str(env.env_cache("CACHE_URL")["BACKEND"])
    monkeypatch.setenv("CACHE_URL", "redis://127.0.0.1:6379/1")
    assert "RedisCache" in str(env.env_cache("CACHE_URL")["BACKEND"])
    monkeypatch.setenv("CACHE_URL", "memcached://x")
    with pytest.raises(ImproperlyConfigured, match="CACHE_URL"):
        env.env_cache("CACHE_URL")


def test_tasks_default_to_the_database_and_accept_redis(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("TASKS_URL", raising=False)
    default = env.env_tasks("TASKS_URL", default_backend="db-backend", stuck_after=600)
    assert default == {"BACKEND": "db-backend"}
    monkeypatch.setenv("TASKS_URL", "redis://queue.internal:6379/2")
    redis = env.env_tasks("TASKS_URL", default_backend="db-backend", stuck_after=600)
    assert redis["BACKEND"] == "django_tasks_redis.RedisTaskBackend"
    options = redis["OPTIONS"]
    assert isinstance(options, dict)
    assert options["REDIS_URL"] == "redis://queue.internal:6379/2"
    assert options["REDIS_CLAIM_TIMEOUT"] == 600  # a dead worker's task is taken again
    monkeypatch.setenv("TASKS_URL", "amqp://guest@127.0.0.1")
    with pytest.raises(ImproperlyConfigured, match="TASKS_URL"):
        env.env_tasks("TASKS_URL", default_backend="db-backend", stuck_after=600)


def test_media_on_s3_needs_its_settings_and_stays_private(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("MEDIA_STORAGE", raising=False)
    storage, extra = env.env_media_storage("MEDIA_STORAGE", location="/srv/media")
    assert storage["BACKEND"] == "peyvand.core.uploads.PrivateStorage" and extra == {}
    monkeypatch.setenv("MEDIA_STORAGE", "s3")
    for name in ("S3_ENDPOINT", "S3_BUCKET", "S3_ACCESS_KEY", "S3_SECRET_KEY"):
        monkeypatch.delenv(name, raising=False)
        monkeypatch.delenv(f"{name}_FILE", raising=False)
    with pytest.raises(ImproperlyConfigured, match="S3_ENDPOINT, S3_BUCKET"):
        env.env_media_storage("MEDIA_STORAGE", location="/srv/media")
    monkeypatch.setenv("S3_ENDPOINT", "s3.example.org")
    monkeypatch.setenv("S3_BUCKET", "peyvand-media")
    monkeypatch.setenv("S3_ACCESS_KEY", "key")
    monkeypatch.setenv("S3_SECRET_KEY", "secret")
    storage, extra = env.env_media_storage("MEDIA_STORAGE", location="/srv/media")
    assert storage["BACKEND"] == "minio_storage.storage.MinioMediaStorage"
    assert extra["MINIO_STORAGE_MEDIA_BUCKET_NAME"] == "peyvand-media"
    # never a public bucket policy, never the store's own links
    assert extra["MINIO_STORAGE_AUTO_CREATE_MEDIA_POLICY"] is False
    assert extra["MINIO_STORAGE_MEDIA_USE_PRESIGNED"] is False
    monkeypatch.setenv("S3_BUCKET", "Peyvand_Media")
    with pytest.raises(ImproperlyConfigured, match="S3_BUCKET"):
        env.env_media_storage("MEDIA_STORAGE", location="/srv/media")
    monkeypatch.setenv("S3_BUCKET", "peyvand-media")
    monkeypatch.setenv("S3_ENDPOINT", "https://s3.example.org")
    with pytest.raises(ImproperlyConfigured, match="S3_ENDPOINT"):
        env.env_media_storage("MEDIA_STORAGE", location="/srv/media")
    monkeypatch.setenv("MEDIA_STORAGE", "ftp")
    with pytest.raises(ImproperlyConfigured, match="MEDIA_STORAGE"):
        env.env_media_storage("MEDIA_STORAGE", location="/srv/media")
