"""Checksums of the database's tables and of the uploaded files (through the storage API),
as a manifest records them and a restore checks them."""

from __future__ import annotations

import contextlib
import hashlib
import sqlite3
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from django.core.files.storage import FileSystemStorage, Storage, default_storage
from django.db import connection

_MOD = 2**256
_CHUNK = 1024 * 1024


# Checksums


def _sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def _value(value: Any) -> Any:
    if isinstance(value, memoryview):
        return bytes(value)
    return value


def _table_digest(rows: Iterable[Iterable[Any]]) -> dict[str, Any]:
    total, count = 0, 0
    for row in rows:
        line = repr(tuple(_value(v) for v in row)).encode("utf-8", "surrogatepass")
        total = (total + int.from_bytes(hashlib.sha256(line).digest(), "big")) % _MOD
        count += 1
    return {"rows": count, "sha256": f"{total:064x}"}


def _fetch_all(cursor: Any, batch: int = 2000) -> Iterator[Any]:
    while rows := cursor.fetchmany(batch):
        yield from rows


def sqlite_digest(target: str | Path) -> dict[str, dict[str, Any]]:
    """Every table of the SQLite database `target` (a file or an in-memory URI), its rows
    as stored (no type conversion)."""
    with contextlib.closing(sqlite3.connect(str(target), uri=True)) as db:
        tables = [
            name
            for (name,) in db.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' "
                "AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name"
            )
        ]
        return {
            table: _table_digest(_fetch_all(db.execute(f'SELECT * FROM "{table}"')))
            for table in tables
        }


def _postgresql_digest(cursor: Any) -> dict[str, dict[str, Any]]:
    cursor.execute(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = "
        "current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name"
    )
    tables = [name for (name,) in cursor.fetchall()]
    quote = connection.ops.quote_name
    result = {}
    for table in tables:
        cursor.execute(f"SELECT * FROM {quote(table)}")
        result[table] = _table_digest(_fetch_all(cursor))
    return result


def database_digest() -> dict[str, dict[str, Any]]:
    """Row count and checksum of every table of the default database, as it is now."""
    if connection.vendor == "sqlite":
        return sqlite_digest(connection.settings_dict["NAME"])
    with connection.cursor() as cursor:
        return _postgresql_digest(cursor)


def media_storage() -> Storage:
    """Where the uploaded files are kept: the default storage (disk or object store)."""
    return default_storage


def media_root() -> Path | None:
    """The default storage's folder when it is one on this machine's disk."""
    storage = media_storage()
    return Path(storage.location) if isinstance(storage, FileSystemStorage) else None


def _storage_names(storage: Storage, folder: str = "") -> list[str]:
    """Every file's name in `storage`, under `folder`, in order."""
    try:
        folders, files = storage.listdir(folder)
    except FileNotFoundError:
        return []
    prefix = f"{folder}/" if folder else ""
    root = media_root()
    found = []
    for name in files:
        # a link on the disk is not an upload (Django never writes one)
        if root is not None and (root / prefix / name).is_symlink():
            continue
        found.append(prefix + name)
    for sub in folders:
        found.extend(_storage_names(storage, prefix + sub))
    return sorted(found)


def _media_files() -> list[str]:
    return _storage_names(media_storage())


def _stored_digest(storage: Storage, name: str) -> dict[str, Any]:
    digest, size = hashlib.sha256(), 0
    with storage.open(name, "rb") as handle:
        while chunk := handle.read(_CHUNK):
            digest.update(chunk)
            size += len(chunk)
    return {"size": size, "sha256": digest.hexdigest()}


def files_digest() -> dict[str, dict[str, Any]]:
    """Size and sha256 of every uploaded file, as stored now."""
    storage = media_storage()
    return {name: _stored_digest(storage, name) for name in _media_files()}


def _fetch_media(work: Path) -> list[tuple[str, Path, dict[str, Any]]]:
    """Each uploaded file copied once into `work`, with its size and sha256."""
    storage = media_storage()
    fetched = []
    for n, name in enumerate(_media_files()):
        local = work / f"media-{n}"
        digest, size = hashlib.sha256(), 0
        with storage.open(name, "rb") as source, local.open("xb") as out:
            while chunk := source.read(_CHUNK):
                digest.update(chunk)
                size += len(chunk)
                out.write(chunk)
        fetched.append((name, local, {"size": size, "sha256": digest.hexdigest()}))
    return fetched
