"""`manage.py backup` and `restore`: a round trip loses nothing (the row count and the
checksum of every table, the bytes of every uploaded file), on the database the tests run
on; a non-empty database, a damaged archive and another vendor's backup are refused."""

from __future__ import annotations

import hashlib
import io
import json
import os
import subprocess
import sys
import tarfile
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.db import connection

from peyvand.accounts.actors import SYSTEM
from peyvand.core.backup import database_digest, files_digest
from peyvand.missions import services
from peyvand.missions.tests.factories import make_mission
from peyvand.partnerships.tests.factories import make_partnership
from peyvand.partnerships.tests.support import PDF

ROOT = Path(__file__).resolve().parents[3]
pytestmark = pytest.mark.django_db(transaction=True)


def some_records(office: Any) -> None:
    """Rows in many tables (offices, members, pacts, missions, history) and two files."""
    make_partnership(office)
    mission = make_mission(office, title_fa="سفر وین‌ ـ آزمون")
    for name in ("agenda.pdf", "letter.pdf"):
        services.document_add(
            mission=mission,
            actor=SYSTEM,
            kind="agenda",
            upload=SimpleUploadedFile(name, PDF + name.encode()),
        )


@pytest.fixture
def out(tmp_path_factory: Any) -> Path:
    """Where the archives go: outside the upload folder (`media` is the test's tmp_path)."""
    return Path(tmp_path_factory.mktemp("backups"))


@pytest.fixture
def empty_target(tmp_path: Path) -> Iterator[dict[str, str]]:
    """The environment of a process whose database and upload folder are empty: a new
    SQLite file, or a throw-away PostgreSQL database dropped afterwards."""
    env = {k: v for k, v in os.environ.items() if k != "PEYVAND_TESTING"}
    env.update({"PEYVAND_VAR_DIR": str(tmp_path / "restored"), "DEBUG": "0"})
    env.setdefault("SECRET_KEY", "restore-test-" + "x" * 40)
    if connection.vendor == "sqlite":
        env["DATABASE_URL"] = f"sqlite:///{tmp_path / 'restored.sqlite3'}"
        yield env
        return
    import psycopg

    s = connection.settings_dict
    name = f"peyvand_rel_restore_{uuid.uuid4().hex[:8]}"
    params = {"host": s["HOST"] or "127.0.0.1", "port": s["PORT"] or 5432, "user": s["USER"]}
    if s["PASSWORD"]:
        params["password"] = s["PASSWORD"]
    with psycopg.connect(dbname="postgres", autocommit=True, **params) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    auth = s["USER"] + (f":{s['PASSWORD']}" if s["PASSWORD"] else "")
    env["DATABASE_URL"] = f"postgres://{auth}@{params['host']}:{params['port']}/{name}"
    try:
        yield env
    finally:
        with psycopg.connect(dbname="postgres", autocommit=True, **params) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def manage(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


DIGEST = "import json; from peyvand.core.backup import database_digest, files_digest; " + (
    "print('DIGEST ' + json.dumps({'tables': database_digest(), 'files': files_digest()}))"
)


def digest_in(env: dict[str, str]) -> dict[str, Any]:
    done = manage(env, "shell", "-c", DIGEST)
    assert done.returncode == 0, done.stderr
    line = next(line for line in done.stdout.splitlines() if line.startswith("DIGEST "))
    return dict(json.loads(line.removeprefix("DIGEST ")))


def manifest_of(archive: Path) -> dict[str, Any]:
    with tarfile.open(archive, "r:gz") as tar:
        handle = tar.extractfile("manifest.json")
        assert handle is not None
        return dict(json.loads(handle.read()))


def test_a_round_trip_loses_nothing(
    office: Any, media: Path, out: Path, empty_target: dict[str, str]
) -> None:
    some_records(office)
    before = {"tables": database_digest(), "files": files_digest()}
    archive = out / "nightly.tar.gz"
    said = io.StringIO()
    call_command("backup", str(archive), stdout=said)
    assert f"{len(before['files'])} files" in said.getvalue()

    manifest = manifest_of(archive)
    assert manifest["format"] == "peyvand-backup" and manifest["version"] == 1
    assert manifest["vendor"] == connection.vendor
    assert manifest["tables"] == before["tables"] and manifest["files"] == before["files"]
    for table in ("accounts_office", "missions_mission", "missions_missiondocument"):
        assert manifest["tables"][table]["rows"] >= 1
    assert len(before["files"]) == 2

    restored = manage(empty_target, "restore", str(archive))
    assert restored.returncode == 0, restored.stderr
    assert "verified" in restored.stdout
    after = digest_in(empty_target)
    assert after == before  # every table's count and checksum, every file's sha256
    root = Path(empty_target["PEYVAND_VAR_DIR"]) / "media"
    for name, meta in before["files"].items():
        assert hashlib.sha256((root / name).read_bytes()).hexdigest() == meta["sha256"]

    again = manage(empty_target, "restore", str(archive))
    assert again.returncode != 0 and "is not empty" in again.stderr
    assert digest_in(empty_target) == before  # the refusal touched nothing


def test_a_damaged_archive_is_refused_before_anything_is_written(
    office: Any, media: Path, out: Path, empty_target: dict[str, str]
) -> None:
    some_records(office)
    archive = out / "b.tar.gz"
    call_command("backup", str(archive), stdout=io.StringIO())
    damaged = out / "damaged.tar.gz"
    with tarfile.open(archive, "r:gz") as source, tarfile.open(damaged, "w:gz") as target:
        for info in source:
            data = source.extractfile(info).read()  # type: ignore[union-attr]
            if info.name.startswith("media/"):
                data = data[:-1] + b"!"
            target.addfile(info, io.BytesIO(data))
    refused = manage(empty_target, "restore", str(damaged))
    assert refused.returncode != 0 and "does not match its manifest" in refused.stderr
    tables = digest_in(empty_target)["tables"]
    assert tables == {}  # the target database is still empty


def test_not_a_backup_and_another_vendor_are_refused(tmp_path: Path) -> None:
    plain = tmp_path / "x.tar.gz"
    with tarfile.open(plain, "w:gz") as tar:
        info = tarfile.TarInfo("notes.txt")
        tar.addfile(info, io.BytesIO(b""))
    with pytest.raises(CommandError, match=r"no manifest\.json"):
        call_command("restore", str(plain))
    other = tmp_path / "other.tar.gz"
    manifest = {"format": "peyvand-backup", "version": 1, "vendor": "oracle"}
    body = json.dumps(manifest).encode()
    with tarfile.open(other, "w:gz") as tar:
        info = tarfile.TarInfo("manifest.json")
        info.size = len(body)
        tar.addfile(info, io.BytesIO(body))
    with pytest.raises(CommandError, match="cannot be restored into"):
        call_command("restore", str(other))
    with pytest.raises(CommandError, match="no such file"):
        call_command("restore", str(tmp_path / "missing.tar.gz"))


def test_restoring_into_the_tests_own_database_is_refused(tmp_path: Path, office: Any) -> None:
    archive = tmp_path / "c.tar.gz"
    call_command("backup", str(archive), stdout=io.StringIO())
    with pytest.raises(CommandError, match="is not empty"):
        call_command("restore", str(archive))


def test_a_backup_inside_the_upload_folder_is_refused(media: Path, office: Any) -> None:
    with pytest.raises(CommandError, match="inside the upload folder"):
        call_command("backup", str(media / "b.tar.gz"))
    assert not list(media.iterdir())


def test_the_uploads_are_read_and_written_through_the_storage_api_alone(
    office: Any, settings: Any, out: Path, member_client: Any
) -> None:
    """With a storage that is no folder on the disk (an object store's stand-in, Django's
    in-memory storage), an upload is kept, served, backed up and restored all the same."""
    from django.core.files.storage import default_storage
    from django.urls import reverse

    from peyvand.core.backup import restore
    from peyvand.missions.models import MissionDocument

    memory = {"BACKEND": "django.core.files.storage.InMemoryStorage"}
    settings.STORAGES = {**settings.STORAGES, "default": memory}
    some_records(office)
    document = MissionDocument.objects.get(original_name="letter.pdf")
    assert default_storage.exists(str(document.file.name))
    url = reverse(
        "records:download",
        kwargs={"office_slug": office.slug, "kind": "mission", "pk": document.pk},
    )
    served = member_client(office, "viewer").get(url)
    assert b"".join(served.streaming_content) == PDF + b"letter.pdf"

    archive = out / "memory.tar.gz"
    call_command("backup", str(archive), stdout=io.StringIO())
    manifest = manifest_of(archive)
    assert manifest["files"] == files_digest() and len(manifest["files"]) == 2

    settings.STORAGES = {**settings.STORAGES, "default": dict(memory)}  # a new, empty store
    assert files_digest() == {}
    restore._restore_files(archive, manifest)
    assert files_digest() == manifest["files"]
