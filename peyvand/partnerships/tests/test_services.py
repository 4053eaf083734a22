"""The registry's rules, enforced in services with translated errors."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone, translation

from peyvand.accounts.actors import SYSTEM
from peyvand.accounts.tests.factories import make_department, make_member
from peyvand.core.uploads import MAX_UPLOAD_BYTES, check_upload
from peyvand.partnerships import services
from peyvand.partnerships.models import (
    Activity,
    ApprovalStatus,
    CooperationArea,
    Partnership,
)
from peyvand.places.tests.factories import make_city
from peyvand.records.history import history_of

from .factories import log, make_partnership, with_home_city

TODAY = timezone.localdate()


def test_cooperation_areas_are_seeded_with_sdgs(db: Any) -> None:
    assert CooperationArea.objects.count() == 15
    water = CooperationArea.objects.get(code="water")
    assert water.name_en == "Water"
    assert water.sdgs == [6]
    assert all(a.sdgs for a in CooperationArea.objects.all())


def test_the_partner_cannot_be_the_home_city(office: Any) -> None:
    with_home_city(office)
    with translation.override("en"), pytest.raises(ValidationError) as exc:
        make_partnership(office, partner_city=office.home_city)
    assert "own city" in str(exc.value.message_dict["partner_city"])
    assert not Partnership.objects.exists()


def test_valid_until_must_be_after_signed_on(office: Any) -> None:
    with translation.override("en"), pytest.raises(ValidationError) as exc:
        make_partnership(office, signed_on=dt.date(2020, 5, 1), valid_until=dt.date(2020, 5, 1))
    assert "after the signing date" in str(exc.value.message_dict["valid_until"])


def test_no_second_active_pact_of_the_same_kind_with_the_same_city(office: Any) -> None:
    city = make_city(country="DE")
    make_partnership(office, partner_city=city, status="active")
    with translation.override("en"), pytest.raises(ValidationError) as exc:
        make_partnership(office, partner_city=city, status="active")
    assert "already an active partnership" in str(exc.value.message_dict["status"])
    # Another kind, or a proposed one, is fine.
    make_partnership(office, partner_city=city, status="active", kind="mou")
    make_partnership(office, partner_city=city, status="proposed")
    assert Partnership.objects.filter(partner_city=city).count() == 3


def test_another_office_may_have_an_active_pact_with_the_same_city(
    office: Any, other_office: Any
) -> None:
    city = make_city(country="DE")
    make_partnership(office, partner_city=city)
    make_partnership(other_office, partner_city=city)
    assert Partnership.objects.filter(partner_city=city).count() == 2


def test_a_pact_becomes_active_only_when_its_approvals_are_granted(office: Any) -> None:
    p = make_partnership(office, status="awaiting_approval")
    council = services.approval_add(partnership=p, actor=SYSTEM, body="city_council")
    ministry = services.approval_add(partnership=p, actor=SYSTEM, body="ministry")
    with translation.override("en"), pytest.raises(ValidationError) as exc:
        services.partnership_set_status(partnership=p, actor=SYSTEM, status="active")
    assert "approvals are granted" in str(exc.value.message_dict["status"])
    services.approval_decide(
        approval=council, actor=SYSTEM, status=ApprovalStatus.GRANTED, decided_on=TODAY
    )
    with pytest.raises(ValidationError):
        services.partnership_set_status(partnership=p, actor=SYSTEM, status="active")
    services.approval_decide(
        approval=ministry, actor=SYSTEM, status=ApprovalStatus.GRANTED, decided_on=TODAY
    )
    services.partnership_set_status(partnership=p, actor=SYSTEM, status="active")
    p.refresh_from_db()
    assert p.status == "active"


def test_an_approval_decision_needs_a_date(office: Any) -> None:
    p = make_partnership(office, status="awaiting_approval")
    a = services.approval_add(partnership=p, actor=SYSTEM, body="ministry")
    with pytest.raises(ValidationError):
        services.approval_decide(approval=a, actor=SYSTEM, status="granted", decided_on=None)


def test_ending_needs_a_reason_and_is_recorded(office: Any) -> None:
    p = make_partnership(office)
    with pytest.raises(ValidationError):
        services.partnership_set_status(partnership=p, actor=SYSTEM, status="ended", reason=" ")
    services.partnership_set_status(
        partnership=p, actor=SYSTEM, status="ended", reason="No contact for ten years"
    )
    p.refresh_from_db()
    assert p.status == "ended"
    assert p.end_reason == "No contact for ten years"
    assert history_of(p).filter(action="status").exists()


def test_the_responsible_officer_must_be_a_member(office: Any, other_office: Any) -> None:
    stranger = make_member(other_office, "officer").user
    with pytest.raises(ValidationError):
        make_partnership(office, responsible=stranger)
    member = make_member(office, "officer").user
    assert make_partnership(office, responsible=member).responsible == member


def test_archiving_hides_but_never_deletes(office: Any) -> None:
    p = make_partnership(office)
    services.partnership_archive(partnership=p, actor=SYSTEM)
    p.refresh_from_db()
    assert p.archived is True
    assert Partnership.objects.filter(pk=p.pk).exists()


def test_a_stale_update_is_refused_with_what_changed(office: Any) -> None:
    p = make_partnership(office, summary_en="first")
    version = p.version
    services.partnership_update(
        partnership=p, actor=SYSTEM, expected_version=version, data={"summary_en": "second"}
    )
    with pytest.raises(services.StaleVersion) as exc:
        services.partnership_update(
            partnership=p, actor=SYSTEM, expected_version=version, data={"summary_en": "third"}
        )
    assert exc.value.events[0].changes["summary_en"] == ["first", "second"]
    p.refresh_from_db()
    assert p.summary_en == "second"


def test_activities_refresh_the_score_in_the_same_transaction(office: Any) -> None:
    p = make_partnership(office, signed_on=TODAY - dt.timedelta(days=3 * 365))
    p.refresh_from_db()
    assert p.health_label == "dormant"
    assert p.paper_only is True
    assert p.health_computed_on == TODAY
    for m in range(0, 6):
        log(office, p, TODAY - dt.timedelta(days=30 * m), initiated_by="partner")
    p.refresh_from_db()
    assert p.paper_only is False
    assert p.health_score is not None and p.health_score >= 30
    assert "recency" in p.health_components


def test_an_activity_cannot_be_linked_to_another_offices_pact(
    office: Any, other_office: Any
) -> None:
    mine = make_partnership(office)
    theirs = make_partnership(other_office)
    with translation.override("en"), pytest.raises(ValidationError) as exc:
        services.activity_log(
            office=office,
            actor=SYSTEM,
            partnerships=[mine, theirs],
            date=TODAY,
            kind="event",
            title="Joint event",
        )
    assert "this office's partnerships" in str(exc.value.message_dict["partnerships"])
    assert not Activity.objects.exists()


def test_one_activity_may_concern_several_pacts(office: Any) -> None:
    a, b = make_partnership(office), make_partnership(office)
    activity = services.activity_log(
        office=office, actor=SYSTEM, partnerships=[a, b], date=TODAY, kind="event", title="Forum"
    )
    assert set(activity.partnerships.all()) == {a, b}


def test_a_liaison_updates_only_commitments_of_their_department(office: Any) -> None:
    transport = make_department(office, "Transport")
    environment = make_department(office, "Environment")
    liaison = make_member(office, "liaison", department=transport)
    p = make_partnership(office)
    ours = services.commitment_create(
        partnership=p, actor=SYSTEM, title="Bus study", due_on=TODAY, department=transport
    )
    theirs = services.commitment_create(
        partnership=p, actor=SYSTEM, title="Air study", due_on=TODAY, department=environment
    )
    services.commitment_update(commitment=ours, actor=liaison, status="done")
    ours.refresh_from_db()
    assert ours.status == "done" and ours.done_on == TODAY
    with pytest.raises(PermissionDenied):
        services.commitment_update(commitment=theirs, actor=liaison, status="done")
    with pytest.raises(PermissionDenied):
        services.commitment_update(commitment=ours, actor=liaison, title="Renamed")
    with pytest.raises(PermissionDenied):
        services.partnership_update(
            partnership=p, actor=liaison, expected_version=None, data={"summary_en": "x"}
        )
    # A liaison may log activities, stamped with their department.
    activity = services.activity_log(
        office=office, actor=liaison, partnerships=[p], date=TODAY, kind="event", title="Visit"
    )
    assert activity.department == transport


def test_a_viewer_cannot_log_an_activity(office: Any) -> None:
    viewer = make_member(office, "viewer")
    p = make_partnership(office)
    with pytest.raises(PermissionDenied):
        services.activity_log(
            office=office, actor=viewer, partnerships=[p], date=TODAY, kind="event", title="x"
        )


def test_a_commitment_department_must_belong_to_the_office(office: Any, other_office: Any) -> None:
    p = make_partnership(office)
    with pytest.raises(ValidationError):
        services.commitment_create(
            partnership=p,
            actor=SYSTEM,
            title="x",
            due_on=TODAY,
            department=make_department(other_office),
        )


def test_dropping_a_commitment_needs_a_reason(office: Any) -> None:
    p = make_partnership(office)
    c = services.commitment_create(partnership=p, actor=SYSTEM, title="x", due_on=TODAY)
    with pytest.raises(ValidationError):
        services.commitment_update(commitment=c, actor=SYSTEM, status="dropped")
    services.commitment_update(
        commitment=c, actor=SYSTEM, status="dropped", drop_reason="No budget"
    )
    c.refresh_from_db()
    assert c.status == "dropped"


# ---------------------------------------------------------------- files


def _docx() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", "<w:document/>")
    return buf.getvalue()


PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


@pytest.mark.parametrize(
    ("name", "content", "mime"),
    [
        ("a.pdf", PDF, "application/pdf"),
        ("scan.png", PNG, "image/png"),
        ("photo.jpeg", b"\xff\xd8\xff\xe0" + b"\x00" * 64, "image/jpeg"),
        (
            "text.docx",
            _docx(),
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ),
    ],
)
def test_allowed_files_are_recognised_from_their_content(
    name: str, content: bytes, mime: str
) -> None:
    assert check_upload(SimpleUploadedFile(name, content))[0] == mime


def test_a_renamed_executable_is_refused() -> None:
    exe = b"MZ\x90\x00\x03" + b"\x00" * 200
    with translation.override("en"), pytest.raises(ValidationError) as exc:
        check_upload(SimpleUploadedFile("agreement.pdf", exe))
    assert "PDF, DOCX, PNG and JPEG" in exc.value.messages[0]


def test_a_zip_without_a_word_document_is_refused() -> None:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("evil.sh", "rm -rf /")
    with pytest.raises(ValidationError):
        check_upload(SimpleUploadedFile("agreement.docx", buf.getvalue()))


def test_a_file_over_20_mb_is_refused() -> None:
    big = SimpleUploadedFile("big.pdf", PDF + b"0" * MAX_UPLOAD_BYTES)
    with translation.override("en"), pytest.raises(ValidationError) as exc:
        check_upload(big)
    assert "20 MB" in exc.value.messages[0]


def test_agreement_files_get_a_random_name_outside_static(
    office: Any, settings: Any, tmp_path: Any
) -> None:
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(tmp_path)},
        },
    }
    p = make_partnership(office)
    agreement = services.agreement_create(
        partnership=p,
        actor=SYSTEM,
        title="Sister city agreement",
        files=[SimpleUploadedFile("Our agreement.pdf", PDF)],
    )
    stored = agreement.files.get()
    assert stored.original_name == "Our agreement.pdf"
    name = str(stored.file.name)
    assert "Our agreement" not in name
    assert name.startswith(f"partnerships/{office.pk}/")
    assert stored.content_type == "application/pdf"


# ---------------------------------------------------------------- twinnings, review


def test_a_public_twinning_becomes_a_pact_or_is_marked_not_ours(office: Any) -> None:
    from peyvand.partnerships.selectors import home_city_links
    from peyvand.places.tests.factories import make_twinning

    with_home_city(office)
    a, b = make_city("Kyiv", country="UA"), make_city("Seoul", country="KR")
    ta = make_twinning(office.home_city, a, year=2005)
    tb = make_twinning(office.home_city, b)
    assert len(home_city_links(office=office)) == 2
    p = services.partnership_from_twinning(office=office, actor=SYSTEM, twinning=ta)
    assert p.partner_city == a and p.signed_on == dt.date(2005, 1, 1)
    with pytest.raises(ValidationError):
        services.partnership_from_twinning(office=office, actor=SYSTEM, twinning=ta)
    with pytest.raises(ValidationError):
        services.not_ours_mark(office=office, actor=SYSTEM, partner_city=b, twinning=tb, reason="")
    services.not_ours_mark(
        office=office, actor=SYSTEM, partner_city=b, twinning=tb, reason="A friendship of 1990"
    )
    links = home_city_links(office=office)
    assert [link.partner for link in links] == [a]
    assert links[0].partnership == p


def test_a_director_revives_a_dormant_pact(office: Any) -> None:
    director = make_member(office, "director")
    officer = make_member(office, "officer")
    dept = make_department(office)
    p = make_partnership(office, signed_on=TODAY - dt.timedelta(days=3 * 365))
    plan = [{"title": "Joint workshop", "department": dept, "due_on": TODAY + dt.timedelta(30)}]
    with pytest.raises(PermissionDenied):
        services.dormancy_review_revive(
            partnership=p,
            actor=officer,
            deadline=TODAY + dt.timedelta(days=90),
            commitments=plan,
            letter_fa="",
            letter_en="Dear partner",
        )
    review = services.dormancy_review_revive(
        partnership=p,
        actor=director,
        deadline=TODAY + dt.timedelta(days=90),
        commitments=plan,
        letter_fa="",
        letter_en="Dear partner",
    )
    assert review.decision == "revive"
    assert p.commitments.get().department == dept
    assert history_of(p).filter(action="review_revive").exists()


def test_a_director_retires_a_dormant_pact(office: Any) -> None:
    director = make_member(office, "director")
    p = make_partnership(office, signed_on=TODAY - dt.timedelta(days=3 * 365))
    services.dormancy_review_retire(
        partnership=p, actor=director, reason="No answer since 2015", letter_fa="", letter_en="Bye"
    )
    p.refresh_from_db()
    assert p.status == "ended"
    assert p.end_reason == "No answer since 2015"
    assert p.reviews.get().letter_en == "Bye"


def test_signed_partner_edges_for_the_network(office: Any) -> None:
    from peyvand.network.edges import office_edges

    with_home_city(office)
    active = make_partnership(office, status="active")
    make_partnership(office, status="proposed")
    signed = make_partnership(office, status="negotiating", signed_on=TODAY)
    home = office.home_city_id
    expected = sorted(
        (min(home, c), max(home, c)) for c in (active.partner_city_id, signed.partner_city_id)
    )
    assert office_edges(office) == expected
