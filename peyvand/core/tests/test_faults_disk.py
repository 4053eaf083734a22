"""A disk that fills up during an upload: a clear, translated refusal, no row written and
no half-written file left in the private folder (core.uploads.PrivateStorage)."""

from __future__ import annotations

import errno
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from unittest import mock

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation

from peyvand.core.uploads import PrivateStorage, StorageFull
from peyvand.missions.models import MissionDocument
from peyvand.missions.tests.factories import make_mission
from peyvand.partnerships.tests.support import PDF

pytestmark = pytest.mark.django_db


class FillingFile:
    """A file whose disk is full after `room` bytes: it writes them, then fails."""

    def __init__(self, real: Any, room: int) -> None:
        self.real, self.room = real, room

    def write(self, chunk: bytes) -> int:
        if len(chunk) > self.room:
            self.real.write(chunk[: self.room])
            self.real.flush()
            self.room = 0
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        self.room -= len(chunk)
        return int(self.real.write(chunk))

    def close(self) -> None:
        self.real.close()


@contextmanager
def disk_full_after(room: int) -> Iterator[None]:
    real_fdopen = os.fdopen

    def fdopen(fd: int, mode: str = "r", *args: Any, **kwargs: Any) -> Any:
        return FillingFile(real_fdopen(fd, mode, *args, **kwargs), room)

    with mock.patch("django.core.files.storage.filesystem.os.fdopen", fdopen):
        yield


def stored_files(root: Path) -> list[Path]:
    return [path for path in root.rglob("*") if path.is_file()]


def test_the_storage_removes_the_part_written_and_says_the_disk_is_full(tmp_path: Path) -> None:
    storage = PrivateStorage(location=str(tmp_path))
    with translation.override("en"), disk_full_after(10), pytest.raises(StorageFull) as refused:
        storage.save("missions/1/a.pdf", ContentFile(b"x" * 5000))
    assert "disk is full" in refused.value.messages[0]
    assert stored_files(tmp_path) == []
    assert storage.save("missions/1/a.pdf", ContentFile(b"x" * 5000))  # room again: it works


def test_another_write_error_removes_the_part_too_and_goes_on(tmp_path: Path) -> None:
    storage = PrivateStorage(location=str(tmp_path))

    class Broken(FillingFile):
        def write(self, chunk: bytes) -> int:
            self.real.write(chunk[:3])
            raise OSError(errno.EIO, "I/O error")

    real_fdopen = os.fdopen
    with (
        mock.patch(
            "django.core.files.storage.filesystem.os.fdopen",
            lambda fd, mode="r", *a, **k: Broken(real_fdopen(fd, mode, *a, **k), 0),
        ),
        pytest.raises(OSError) as failed,
    ):
        storage.save("missions/1/b.pdf", ContentFile(b"y" * 100))
    assert not isinstance(failed.value, StorageFull) and stored_files(tmp_path) == []


@pytest.mark.parametrize(
    ("lang", "words"),
    [("en", "disk is full"), ("fa", "دیسک")],
)
def test_an_upload_page_on_a_full_disk_shows_why_and_keeps_nothing(
    office: Any, member_client: Any, media: Path, lang: str, words: str
) -> None:
    mission = make_mission(office)
    client = member_client(office, "officer")
    with translation.override(lang):
        address = reverse(
            "missions:document_add", kwargs={"office_slug": office.slug, "pk": mission.pk}
        )
    with disk_full_after(10):
        answer = client.post(
            address, {"kind": "agenda", "file": SimpleUploadedFile("agenda.pdf", PDF)}
        )
    assert answer.status_code == 422
    assert words in answer.text
    assert not MissionDocument.objects.exists()
    assert stored_files(media) == []
    # The disk has room again: the same upload is kept.
    answer = client.post(address, {"kind": "agenda", "file": SimpleUploadedFile("agenda.pdf", PDF)})
    assert answer.status_code == 302 and MissionDocument.objects.count() == 1
    assert len(stored_files(media)) == 1
