"""The practices API's documents (metadata: list, remove), its sort orders and its bodies
refusing a field they do not take: the pages' roles (officer and up remove), another
office's records not found, nothing written on a refusal."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from peyvand.accounts.actors import SYSTEM
from peyvand.knowledge import services
from peyvand.knowledge.models import Practice, PracticeDocument
from peyvand.partnerships.tests.support import PDF
from peyvand.records.history import history_of

from .factories import make_practice
from .test_api import base, send

pytestmark = pytest.mark.django_db


def test_a_practices_documents_are_listed_and_removed(
    office: Any, other_office: Any, member_client: Any, media: Any
) -> None:
    p = make_practice(office)
    doc = services.document_add(
        practice=p, actor=SYSTEM, kind="study", upload=SimpleUploadedFile("study.pdf", PDF)
    )
    url = f"{base(office)}/{p.pk}/documents"
    listed = member_client(office, "viewer").get(url).json()
    assert listed["count"] == 1
    assert (listed["items"][0]["id"], listed["items"][0]["name"]) == (doc.pk, "study.pdf")
    assert member_client(office, "viewer").get(url + "?ordering=file").status_code == 422
    remove = f"/api/v1/offices/{office.slug}/practice-documents/{doc.pk}"
    for role in ("viewer", "liaison"):
        assert member_client(office, role).delete(remove).status_code == 403
    theirs = make_practice(other_office)
    officer = member_client(office, "officer")
    assert officer.get(f"{base(office)}/{theirs.pk}/documents").status_code == 404
    stranger = member_client(other_office, "director")
    assert (
        stranger.delete(
            f"/api/v1/offices/{other_office.slug}/practice-documents/{doc.pk}"
        ).status_code
        == 404
    )
    assert (
        officer.delete(f"/api/v1/offices/{office.slug}/practice-documents/{2**70}").status_code
        == 422
    )
    assert PracticeDocument.objects.exists()
    assert officer.delete(remove).status_code == 204
    assert not PracticeDocument.objects.exists()
    assert history_of(p)[0].action == "document_removed"


def test_the_practice_list_sorts_by_a_key_it_offers_and_refuses_others(
    office: Any, member_client: Any
) -> None:
    make_practice(office, title_en="Beta")
    make_practice(office, title_en="Alpha")
    viewer = member_client(office, "viewer")

    def titles(q: str) -> list[str]:
        return [p["title_en"] for p in viewer.get(base(office) + q).json()["items"]]

    assert titles("?ordering=title") == ["Alpha", "Beta"]
    assert titles("?ordering=-title") == ["Beta", "Alpha"]
    assert titles("") == ["Alpha", "Beta"]  # the latest updated first
    refused = viewer.get(base(office) + "?ordering=notes")
    assert refused.status_code == 422 and "ordering" in refused.json()["errors"]


def test_a_practice_body_naming_an_unknown_field_is_refused(
    office: Any, member_client: Any
) -> None:
    officer = member_client(office, "officer")
    made = send(officer, "post", base(office), {"title_en": "Night buses", "stage": "adopted"})
    assert made.status_code == 422 and "stage" in made.json()["errors"]
    assert not Practice.objects.exists()
    p = make_practice(office)
    patched = send(officer, "patch", f"{base(office)}/{p.pk}", {"version": 9}, HTTP_IF_MATCH='"v1"')
    assert patched.status_code == 422 and "version" in patched.json()["errors"]
    assert Practice.objects.get().version == 1
