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

from .base import BackupError, Restored
from .create import backup_create
from .digests import database_digest, files_digest, sqlite_digest
from .restore import backup_restore

__all__ = [
    "BackupError",
    "Restored",
    "backup_create",
    "backup_restore",
    "database_digest",
    "files_digest",
    "sqlite_digest",
]
