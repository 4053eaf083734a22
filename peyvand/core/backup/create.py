"""Writing a backup: a consistent snapshot of the database and every upload, in one archive."""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
import tarfile
import tempfile
from pathlib import Path
from typing import Any

from django.db import connection, transaction
from django.utils import timezone

from .base import (
    DATABASE_MEMBER,
    FORMAT,
    MANIFEST,
    MEDIA,
    VERSION,
    BackupError,
    _pg_program,
    _run,
    _vendor,
)
from .digests import _fetch_media, _postgresql_digest, _sha256_file, media_root, sqlite_digest


def _snapshot_sqlite(target: Path) -> dict[str, dict[str, Any]]:
    connection.ensure_connection()
    with contextlib.closing(sqlite3.connect(target)) as copy:
        connection.connection.backup(copy)
    return sqlite_digest(target)


def _snapshot_postgresql(target: Path) -> dict[str, dict[str, Any]]:
    pg_dump = _pg_program("pg_dump")
    if connection.in_atomic_block:
        raise BackupError("the backup must start outside a transaction")
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
        cursor.execute("SELECT pg_export_snapshot()")
        (snapshot,) = cursor.fetchone()
        _run([pg_dump, "-Fc", "--snapshot", snapshot, "-f", str(target)])
        return _postgresql_digest(cursor)


def _add_bytes(archive: tarfile.TarFile, name: str, data: bytes) -> None:
    info = tarfile.TarInfo(name)
    info.size, info.mtime, info.mode = len(data), int(timezone.now().timestamp()), 0o600
    archive.addfile(info, _Bytes(data))


class _Bytes:
    def __init__(self, data: bytes) -> None:
        self.data, self.at = data, 0

    def read(self, size: int = -1) -> bytes:
        end = len(self.data) if size < 0 else self.at + size
        chunk, self.at = self.data[self.at : end], min(end, len(self.data))
        return chunk


def backup_create(path: Path) -> dict[str, Any]:
    """Write the archive to `path`; returns its manifest."""
    vendor = _vendor()
    member = DATABASE_MEMBER[vendor]
    path = path.resolve()
    root = media_root()
    if root is not None and (root.resolve() == path.parent or root.resolve() in path.parents):
        raise BackupError(
            f"{path} is inside the upload folder {root.resolve()}: write the backup elsewhere "
            "(it would hold itself the next time)."
        )
    path.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=path.parent, prefix=".backup-") as work:
        database = Path(work) / member
        tables = (
            _snapshot_sqlite(database) if vendor == "sqlite" else _snapshot_postgresql(database)
        )
        files = _fetch_media(Path(work))
        manifest: dict[str, Any] = {
            "format": FORMAT,
            "version": VERSION,
            "created_at": timezone.now().isoformat(),
            "vendor": vendor,
            "database": {
                "member": member,
                "size": database.stat().st_size,
                "sha256": _sha256_file(database),
            },
            "tables": tables,
            "files": {name: meta for name, _, meta in files},
        }
        partial = Path(work) / "archive.tar.gz"
        with tarfile.open(partial, "w:gz") as archive:
            _add_bytes(archive, MANIFEST, json.dumps(manifest, indent=1).encode())
            archive.add(database, arcname=member, recursive=False)
            for name, file, _ in files:
                archive.add(file, arcname=MEDIA + name, recursive=False)
        with partial.open("rb") as handle:
            os.fsync(handle.fileno())
        os.replace(partial, path)
    return manifest
