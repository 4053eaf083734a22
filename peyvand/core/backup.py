"""One archive holding the database and every uploaded file, and its restore (decision 0019).

`backup_create(path)` writes `path` (a tar.gz, written beside it under a temporary name and
renamed when complete, so a backup is never half a file):

    manifest.json       format and version, the database's vendor, the time, and for
                        every table its row count and a checksum of its rows, for every
                        file its size and sha256
    database.sqlite3    SQLite: a consistent copy made by SQLite's online backup API
    database.pgdump     PostgreSQL: `pg_dump -Fc`, taken in the same snapshot the
                        checksums are computed in
    media/<path>        every uploaded file, by its name in the storage

The uploads are read and written through Django's storage API (`default_storage`): the
server's disk or an S3-compatible store (decision 0022) alike. A backup copies each file
once into its temporary folder (checksummed there) before archiving it.

`backup_restore(path)` restores into an empty database only (no table at all) and an empty
upload storage: it checks the archive against its manifest before it touches anything,
restores (PostgreSQL: `pg_restore` in a single transaction), then checks the restored
database and files against the manifest again.

The checksum of a table does not depend on the order of its rows: the sum of the sha256
of each row (modulo 2^256), with the row count. SQLite's rows are read as stored, through
a connection of our own; PostgreSQL's through Django's connection.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import IO, Any

from django.core.files import File
from django.core.files.storage import FileSystemStorage, Storage, default_storage
from django.db import connection, transaction
from django.utils import timezone

FORMAT = "peyvand-backup"
VERSION = 1
MANIFEST = "manifest.json"
MEDIA = "media/"
DATABASE_MEMBER = {"sqlite": "database.sqlite3", "postgresql": "database.pgdump"}
_MOD = 2**256
_CHUNK = 1024 * 1024


class BackupError(Exception):
    """A backup or restore that cannot go on; the message says why and what to do."""


@dataclass(frozen=True)
class Restored:
    tables: int
    rows: int
    files: int


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


# Backup


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


def _vendor() -> str:
    if connection.vendor not in DATABASE_MEMBER:
        raise BackupError(f"no backup for a {connection.vendor} database")
    return str(connection.vendor)


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


# Restore


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
