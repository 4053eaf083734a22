from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent


def _run(env_overrides: dict[str, str]) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "PYTEST"))}
    env.pop("PEYVAND_TESTING", None)
    env.update(env_overrides)
    return subprocess.run(
        [sys.executable, "-S", "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env={**env, "PYTHONPATH": os.pathsep.join(sys.path)},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_check_deploy_is_clean_with_debug_off_and_https_settings(tmp_path: Path) -> None:
    result = _run(
        {
            "DEBUG": "0",
            "SECRET_KEY": "k" * 20 + "-Zq8#x2!vL0pW9^s7Tn4&bR1mY6uE3oC5",
            "SECURE_SSL_REDIRECT": "1",
            "SESSION_COOKIE_SECURE": "1",
            "CSRF_COOKIE_SECURE": "1",
            "SECURE_HSTS_SECONDS": "31536000",
            "ALLOWED_HOSTS": "peyvand.example.org",
            "CSRF_TRUSTED_ORIGINS": "https://peyvand.example.org",
            "PEYVAND_VAR_DIR": str(tmp_path),
        }
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


PRODUCTION = {
    "DEBUG": "0",
    "SECRET_KEY": "k" * 20 + "-Zq8#x2!vL0pW9^s7Tn4&bR1mY6uE3oC5",
    "SECURE_SSL_REDIRECT": "1",
    "SESSION_COOKIE_SECURE": "1",
    "CSRF_COOKIE_SECURE": "1",
    "SECURE_HSTS_SECONDS": "31536000",
    "ALLOWED_HOSTS": "peyvand.example.org",
    "CSRF_TRUSTED_ORIGINS": "https://peyvand.example.org",
    "BEHIND_PROXY": "1",
}


def test_check_deploy_is_clean_behind_a_proxy_with_the_hardening_apps(tmp_path: Path) -> None:
    """Production as deployed behind a TLS proxy: no warning at all (axes, otp and the
    audit trail included)."""
    result = _run({**PRODUCTION, "PEYVAND_VAR_DIR": str(tmp_path)})
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout and "WARNING" not in result.stderr


def _setting(env: dict[str, str], expression: str, tmp_path: Path) -> str:
    environ = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "PYTEST"))}
    environ.pop("PEYVAND_TESTING", None)
    environ.update(
        {**env, "PEYVAND_VAR_DIR": str(tmp_path), "PYTHONPATH": os.pathsep.join(sys.path)}
    )
    code = (
        "import django, os; os.environ.setdefault('DJANGO_SETTINGS_MODULE', 'config.settings');"
        f"django.setup(); from django.conf import settings as s; print({expression})"
    )
    result = subprocess.run(
        [sys.executable, "-S", "-c", code],
        cwd=ROOT,
        env=environ,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_the_proxy_header_is_trusted_only_when_opted_in(tmp_path: Path) -> None:
    expression = "getattr(s, 'SECURE_PROXY_SSL_HEADER', None)"
    without = {k: v for k, v in PRODUCTION.items() if k != "BEHIND_PROXY"}
    assert _setting(without, expression, tmp_path) == "None"
    assert "HTTP_X_FORWARDED_PROTO" in _setting(PRODUCTION, expression, tmp_path)
    hsts = "(s.SECURE_HSTS_SECONDS, s.SECURE_HSTS_INCLUDE_SUBDOMAINS, s.SESSION_COOKIE_SECURE)"
    assert _setting(PRODUCTION, hsts, tmp_path) == "(31536000, True, True)"


def test_a_malformed_setting_stops_start_up_naming_the_variable(tmp_path: Path) -> None:
    result = _run({"DEBUG": "perhaps", "SECRET_KEY": "x" * 50, "PEYVAND_VAR_DIR": str(tmp_path)})
    assert result.returncode != 0
    assert "DEBUG" in result.stderr


def test_check_deploy_is_clean_with_the_scale_out_settings(tmp_path: Path) -> None:
    """Redis for the cache, the sessions and the queue, the uploads in an object store
    (docs/deploy.md): the settings load and pass the deployment checks."""
    result = _run(
        {
            "DEBUG": "0",
            "SECRET_KEY": "k" * 20 + "-Zq8#x2!vL0pW9^s7Tn4&bR1mY6uE3oC5",
            "SECURE_SSL_REDIRECT": "1",
            "SESSION_COOKIE_SECURE": "1",
            "CSRF_COOKIE_SECURE": "1",
            "SECURE_HSTS_SECONDS": "31536000",
            "ALLOWED_HOSTS": "peyvand.example.org",
            "CSRF_TRUSTED_ORIGINS": "https://peyvand.example.org",
            "BEHIND_PROXY": "1",
            "PEYVAND_VAR_DIR": str(tmp_path),
            "CACHE_URL": "redis://127.0.0.1:6379/14",
            "TASKS_URL": "redis://127.0.0.1:6379/14",
            "MEDIA_STORAGE": "s3",
            "S3_ENDPOINT": "127.0.0.1:9",
            "S3_BUCKET": "peyvand-media",
            "S3_ACCESS_KEY": "key",
            "S3_SECRET_KEY": "secret",
        }
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout
