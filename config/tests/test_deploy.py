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


def test_a_malformed_setting_stops_start_up_naming_the_variable(tmp_path: Path) -> None:
    result = _run({"DEBUG": "perhaps", "SECRET_KEY": "x" * 50, "PEYVAND_VAR_DIR": str(tmp_path)})
    assert result.returncode != 0
    assert "DEBUG" in result.stderr
