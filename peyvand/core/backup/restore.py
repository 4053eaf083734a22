"""Restoring a backup into an empty database and upload storage, checked against its
manifest before and after."""

from __future__ import annotations

import contextlib
import hashlib
import json
import sqlite3
import tarfile
import tempfile
from pathlib import Path, PurePosixPath
from typing import IO, Any

from django.core.files import File
from django.db import connection

from .base import (
    FORMAT,
    MANIFEST,
    MEDIA,
    VERSION,
    BackupError,
    Restored,
    _pg_program,
    _run,
    _vendor,
)
from .digests import _CHUNK, _media_files, database_digest, files_digest, media_root, media_storage


def _read_manifest(archive: tarfile.TarFile) -> dict[str, Any]:
    try:
        handle = archive.extractfile(MANIFEST)
    except KeyError:
        raise BackupError("not a Peyvand backup: the archive has no manifest.json") from None
    if handle is None:
        raise BackupError("not a Peyvand backup: manifest.json is not a file")
    try:
        manifest = json.loads(handle.read())
    except ValueError as exc:
        raise BackupError(f"the manifest cannot be read: {exc}") from exc
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise BackupError("not a Peyvand backup: the manifest is of another format")
    if manifest.get("version") != VERSION:
        raise BackupError(
            f"backup format version {manifest.get('version')!r}; this release reads {VERSION}"
        )
    return manifest


def _open_archive(path: Path) -> tarfile.TarFile:
    try:
        return tarfile.open(path, "r:gz")
    except (OSError, tarfile.TarError, EOFError) as exc:
        raise BackupError(f"{path} cannot be read as a backup: {exc}") from exc


def _copy_checked(
    source: IO[bytes], target: Path | IO[bytes], expected: dict[str, Any], name: str
) -> None:
    digest, size = hashlib.sha256(), 0
    with target.open("xb") if isinstance(target, Path) else contextlib.nullcontext(target) as out:
        while chunk := source.read(_CHUNK):
            digest.update(chunk)
            size += len(chunk)
            out.write(chunk)
    if digest.hexdigest() != expected.get("sha256") or size != expected.get("size"):
        raise BackupError(f"{name} in the archive does not match its manifest: damaged backup")


def _check_archive(path: Path, manifest: dict[str, Any], work: Path) -> Path:
    """Every member against the manifest (the database copied out to `work`)."""
    files = manifest.get("files", {})
    seen: set[str] = set()
    database = work / str(manifest["database"]["member"])
    with _open_archive(path) as archive:
        for info in archive:
            if info.name == MANIFEST:
                continue
            if not info.isfile():
                raise BackupError(f"unexpected member {info.name!r} in the archive")
            source = archive.extractfile(info)
            assert source is not None
            if info.name == manifest["database"]["member"]:
                _copy_checked(source, database, manifest["database"], info.name)
            elif info.name.startswith(MEDIA) and info.name[len(MEDIA) :] in files:
                name = info.name[len(MEDIA) :]
                digest = hashlib.sha256()
                while chunk := source.read(_CHUNK):
                    digest.update(chunk)
                if digest.hexdigest() != files[name]["sha256"]:
                    raise BackupError(f"{info.name} does not match its manifest: damaged backup")
                seen.add(name)
            else:
                raise BackupError(f"unexpected member {info.name!r} in the archive")
    if not database.exists():
        raise BackupError("the archive holds no database")
    if missing := sorted(set(files) - seen):
        raise BackupError(f"files listed in the manifest are missing: {', '.join(missing[:5])}")
    return database


def _existing_tables() -> list[str]:
    with connection.cursor() as cursor:
        return list(connection.introspection.table_names(cursor, include_views=True))


def _where_uploads_go() -> str:
    root = media_root()
    return f"the upload folder {root}" if root is not None else "the upload storage"


def _refuse_unless_empty() -> None:
    tables = _existing_tables()
    where = connection.settings_dict["NAME"]
    if tables:
        raise BackupError(
            f"the database {where} is not empty ({len(tables)} tables): a backup is restored "
            "only into an empty database. Create a new one (PostgreSQL: createdb NAME and "
            "point DATABASE_URL at it; SQLite: move the file away), then restore again."
        )
    if _media_files():
        raise BackupError(
            f"{_where_uploads_go()} is not empty: a backup's files are restored only into "
            "an empty one. Move its files away (or name an empty bucket), then restore again."
        )


def _restore_database(vendor: str, database: Path) -> None:
    if vendor == "sqlite":
        connection.ensure_connection()
        with contextlib.closing(sqlite3.connect(database)) as source:
            source.backup(connection.connection)
        connection.close()
        return
    connection.close()
    _run(
        [
            _pg_program("pg_restore"),
            "--no-owner",
            "--no-privileges",
            "--exit-on-error",
            "--single-transaction",
            "-d",
            str(connection.settings_dict["NAME"]),
            str(database),
        ]
    )


def _safe_name(name: str) -> bool:
    parts = PurePosixPath(name).parts
    return bool(parts) and not name.startswith("/") and ".." not in parts and "\\" not in name


def _restore_files(path: Path, manifest: dict[str, Any]) -> None:
    files = manifest.get("files", {})
    storage = media_storage()
    with _open_archive(path) as archive:
        for info in archive:
            name = info.name[len(MEDIA) :]
            if not info.name.startswith(MEDIA) or name not in files:
                continue
            if not _safe_name(name):
                raise BackupError(f"{info.name!r} would be written outside the upload storage")
            source = archive.extractfile(info)
            assert source is not None
            with tempfile.TemporaryFile() as copy:
                _copy_checked(source, copy, files[name], info.name)
                copy.seek(0)
                kept = storage.save(name, File(copy, name=name))
            if kept != name:
                raise BackupError(
                    f"{info.name!r} was stored as {kept!r}: the storage was not empty"
                )


def backup_restore(path: Path) -> Restored:
    """Restore the archive at `path` into the (empty) default database and upload folder."""
    vendor = _vendor()
    with _open_archive(path) as archive:
        manifest = _read_manifest(archive)
    if manifest.get("vendor") != vendor:
        raise BackupError(
            f"a {manifest.get('vendor')} backup cannot be restored into a {vendor} database"
        )
    _refuse_unless_empty()
    with tempfile.TemporaryDirectory(prefix="peyvand-restore-") as work:
        database = _check_archive(path, manifest, Path(work))
        _restore_database(vendor, database)
    _restore_files(path, manifest)
    restored = database_digest()
    if restored != manifest["tables"]:
        differ = sorted(
            name
            for name in set(restored) | set(manifest["tables"])
            if restored.get(name) != manifest["tables"].get(name)
        )
        raise BackupError(f"the restored database differs from the backup in: {', '.join(differ)}")
    if files_digest() != manifest["files"]:
        raise BackupError("the restored files differ from the backup")
    return Restored(
        tables=len(restored),
        rows=sum(table["rows"] for table in restored.values()),
        files=len(manifest["files"]),
    )
