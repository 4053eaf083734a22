"""The machinery every app shares: history, locking, the actor, files, the daily jobs."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.exceptions import ImproperlyConfigured, PermissionDenied
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils import translation

from peyvand.accounts.access import require_role
from peyvand.accounts.actors import SYSTEM
from peyvand.accounts.tests.factories import make_member
from peyvand.core import scheduler
from peyvand.core.uploads import content_type_of, stored_name
from peyvand.partnerships import services
from peyvand.partnerships.models import Agreement, Commitment
from peyvand.partnerships.tests.factories import make_partnership
from peyvand.records import files
from peyvand.records.history import StaleVersion, check_version, history_of
from peyvand.records.models import Versioned

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def test_the_system_actor_holds_every_role_and_is_recorded_without_a_user(office: Any) -> None:
    require_role(SYSTEM, "director")
    viewer = make_member(office, "viewer")
    with pytest.raises(PermissionDenied):
        require_role(viewer, "officer")
    p = make_partnership(office)
    (created,) = history_of(p)
    assert (created.action, created.actor, created.version) == ("created", None, 1)


def test_a_stale_save_carries_the_record_its_changes_and_its_kinds_message(office: Any) -> None:
    p = make_partnership(office)
    director = make_member(office, "director")
    services.partnership_update(
        partnership=p, actor=director, expected_version=1, data={"summary_en": "new"}
    )
    p.refresh_from_db()
    with pytest.raises(StaleVersion) as exc:
        check_version(p, 1)
    assert exc.value.record == p and exc.value.version == 2
    assert [e.changes["summary_en"] for e in exc.value.events] == [["", "new"]]
    with translation.override("en"):
        assert "changed this partnership" in exc.value.message
    check_version(p, 2)  # the current version passes
    check_version(p, None)  # an unchecked save (no version sent) passes


def test_each_versioned_kind_words_its_refusal(office: Any) -> None:
    with translation.override("en"):
        assert "this commitment" in str(Commitment.stale_messages[False])
        assert "this agreement" in str(Agreement.stale_messages[False])
        assert "this record" in str(Versioned.stale_messages[False])
    with translation.override("fa"):
        assert "تعهد" in str(Commitment.stale_messages[False])


def test_a_file_kind_is_registered_once(office: Any) -> None:
    with pytest.raises(ImproperlyConfigured):
        files.register_file("evidence", Agreement, "title", name=str)
    assert files.file_kind("evidence") is not None
    assert files.file_kind("no-such-kind") is None


def test_stored_names_keep_the_real_extension() -> None:
    assert stored_name("report.html", ".pdf") == "report.pdf"
    assert stored_name("drawing.svg", ".png") == "drawing.png"
    long = stored_name("x" * 300 + ".pdf", ".pdf")
    assert long.endswith(".pdf") and len(long) == 200
    assert stored_name("../../etc/pass\x00wd", ".pdf") == "passwd.pdf"
    assert stored_name("", ".jpg") == "file.jpg"
    assert content_type_of("a/b/c.pdf") == "application/pdf"
    assert content_type_of("c.html") == "application/octet-stream"


@pytest.mark.parametrize("name", ["x.html", "x.svg", "y" * 300 + ".pdf"])
def test_a_download_has_the_type_and_extension_of_its_content(
    office: Any, other_office: Any, media: Any, name: str
) -> None:
    p = make_partnership(office)
    agreement = services.agreement_create(
        partnership=p, actor=SYSTEM, title="A", files=[SimpleUploadedFile(name, PDF)]
    )
    row = agreement.files.get()
    url = reverse(
        "records:download", kwargs={"office_slug": office.slug, "kind": "agreement", "pk": row.pk}
    )
    client = Client()
    client.force_login(make_member(office, "viewer").user)
    response: Any = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Disposition"].startswith("attachment")
    assert '.pdf"' in response["Content-Disposition"]
    assert b"".join(response.streaming_content) == PDF
    stranger = Client()
    stranger.force_login(make_member(other_office, "director").user)
    assert stranger.get(url).status_code == 404
    unknown = url.replace("/agreement/", "/nothing/")
    assert client.get(unknown).status_code == 404


def test_daily_jobs_are_enqueued_once_a_day_each(office: Any) -> None:
    import datetime as dt

    from django.core.cache import cache

    cache.clear()
    assert "partnerships.refresh_health" in scheduler.daily_jobs()
    day = dt.date(2032, 1, 2)
    assert scheduler.run_daily_if_due(day) == list(scheduler.daily_jobs())
    assert scheduler.run_daily_if_due(day) == []
