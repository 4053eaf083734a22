"""Files sent through the API (multipart), as on the pages: an agreement's files and the
documents of missions, practices and pitches. The same services check them (type by
content, size, kind); the pages' roles; another office's record is not found; a refused
file writes nothing."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from peyvand.accounts.actors import SYSTEM
from peyvand.knowledge.models import PracticeDocument
from peyvand.knowledge.tests.factories import make_practice
from peyvand.missions.models import MissionDocument
from peyvand.missions.tests.people_factories import make_mission
from peyvand.opportunities.models import PitchDocument
from peyvand.opportunities.tests.factories import make_pitch
from peyvand.partnerships import services
from peyvand.partnerships.models import AgreementFile
from peyvand.partnerships.tests.factories import make_partnership
from peyvand.partnerships.tests.support import PDF

pytestmark = pytest.mark.django_db


def _agreement(office: Any) -> Any:
    return services.agreement_create(
        partnership=make_partnership(office), actor=SYSTEM, title="Memorandum"
    )


# (path segment, record maker, the kind sent, the model of what is stored)
UPLOADS = [
    ("agreements", "files", _agreement, None, AgreementFile),
    (
        "missions",
        "documents",
        lambda o: make_mission(o, status="draft", end_date=dt.date(2030, 3, 4)),
        "agenda",
        MissionDocument,
    ),
    ("practices", "documents", make_practice, "study", PracticeDocument),
    ("pitches", "documents", make_pitch, "concept_note", PitchDocument),
]


@pytest.mark.parametrize(("segment", "tail", "make", "kind", "model"), UPLOADS)
def test_a_file_is_uploaded_as_on_the_page(
    office: Any,
    other_office: Any,
    member_client: Any,
    media: Any,
    segment: str,
    tail: str,
    make: Any,
    kind: str | None,
    model: Any,
) -> None:
    record = make(office)
    url = f"/api/v1/offices/{office.slug}/{segment}/{record.pk}/{tail}"

    def send(client: Any, name: str, content: bytes, sent_kind: str | None = kind) -> Any:
        data: dict[str, Any] = {"file": SimpleUploadedFile(name, content)}
        if sent_kind is not None:
            data["kind"] = sent_kind
        return client.post(url, data=data)

    assert send(member_client(office, "viewer"), "a.pdf", PDF).status_code == 403
    # A page disguised as a PDF is refused by its content; nothing is stored.
    refused = send(member_client(office, "officer"), "a.pdf", b"<html><script>x</script>")
    assert refused.status_code == 422 and "file" in refused.json()["errors"]
    if kind is not None:
        wrong = send(member_client(office, "officer"), "a.pdf", PDF, sent_kind="passport")
        assert wrong.status_code == 422 and "kind" in wrong.json()["errors"]
    assert model.objects.count() == 0
    stranger = member_client(other_office, "director")
    theirs = f"/api/v1/offices/{other_office.slug}/{segment}/{record.pk}/{tail}"
    sent = {"file": SimpleUploadedFile("a.pdf", PDF), **({"kind": kind} if kind else {})}
    assert stranger.post(theirs, data=sent).status_code == 404
    done = send(member_client(office, "officer"), "signed text.pdf", PDF)
    assert done.status_code == 201, done.content
    assert done.json()["content_type"] == "application/pdf"
    assert model.objects.get().size == len(PDF)
