"""What the backup's parts share: the archive's names, its errors, PostgreSQL's client
programs."""

from __future__ import annotations

import os
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

from django.db import connection

FORMAT = "peyvand-backup"
VERSION = 1
MANIFEST = "manifest.json"
MEDIA = "media/"
DATABASE_MEMBER = {"sqlite": "database.sqlite3", "postgresql": "database.pgdump"}


class BackupError(Exception):
    """A backup or restore that cannot go on; the message says why and what to do."""


@dataclass(frozen=True)
class Restored:
    tables: int
    rows: int
    files: int


# PostgreSQL's client programs


def _pg_env() -> dict[str, str]:
    s = connection.settings_dict
    env = dict(os.environ)
    for key, name in (("HOST", "PGHOST"), ("PORT", "PGPORT"), ("USER", "PGUSER")):
        if s.get(key):
            env[name] = str(s[key])
    if s.get("PASSWORD"):
        env["PGPASSWORD"] = str(s["PASSWORD"])
    if (s.get("OPTIONS") or {}).get("sslmode"):
        env["PGSSLMODE"] = str(s["OPTIONS"]["sslmode"])
    env["PGDATABASE"] = str(s["NAME"])
    return env


def _pg_program(name: str) -> str:
    program = shutil.which(name)
    if program is None:
        raise BackupError(
            f"{name} was not found: install PostgreSQL's client programs "
            "(Debian: apt-get install postgresql-client, the server's major version or newer)."
        )
    return program


def _run(command: list[str]) -> None:
    done = subprocess.run(command, env=_pg_env(), capture_output=True, text=True)
    if done.returncode:
        raise BackupError(f"{Path(command[0]).name} failed: {done.stderr.strip()}")


def _vendor() -> str:
    if connection.vendor not in DATABASE_MEMBER:
        raise BackupError(f"no backup for a {connection.vendor} database")
    return str(connection.vendor)
