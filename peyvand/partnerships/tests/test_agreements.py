"""Partnerships: agreements and their files."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation

from peyvand.accounts.actors import SYSTEM
from peyvand.accounts.tests.factories import make_member
from peyvand.core.uploads import check_upload, max_upload_bytes
from peyvand.partnerships import services
from peyvand.partnerships.models import (
    Agreement,
    AgreementFile,
)
from peyvand.records.history import history_of
from peyvand.records.models import Event
from peyvand.records.tests.locking import version as version_of

from .factories import make_partnership
from .support import (
    PDF,
    PNG,
    django_capture_on_commit,
    docx_bytes,
    events,
    n_events,
    url,
)


@pytest.mark.parametrize(
    ("name", "content", "mime"),
    [
        ("a.pdf", PDF, "application/pdf"),
        ("scan.png", PNG, "image/png"),
        ("photo.jpeg", b"\xff\xd8\xff\xe0" + b"\x00" * 64, "image/jpeg"),
        (
            "text.docx",
            docx_bytes(),
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
    big = SimpleUploadedFile("big.pdf", PDF + b"0" * max_upload_bytes())
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


def test_editing_an_agreement_applies_the_rules_and_records_the_change(office: Any) -> None:
    p = make_partnership(office)
    agreement = services.agreement_create(partnership=p, actor=SYSTEM, title="MoU")
    with translation.override("en"), pytest.raises(ValidationError) as exc:
        services.agreement_update(
            agreement=agreement,
            actor=SYSTEM,
            title="MoU",
            signed_on=dt.date(2020, 1, 1),
            valid_until=dt.date(2019, 1, 1),
        )
    assert "after the signing date" in str(exc.value.message_dict["valid_until"])
    with pytest.raises(ValidationError):
        services.agreement_update(agreement=agreement, actor=SYSTEM, title=" ")
    with pytest.raises(PermissionDenied):
        services.agreement_update(
            agreement=agreement, actor=make_member(office, "liaison"), title="x"
        )
    officer = make_member(office, "officer")
    services.agreement_update(
        agreement=agreement,
        actor=officer,
        title="Memorandum on transport",
        languages="Persian, English",
        signed_on=dt.date(2020, 1, 1),
    )
    agreement.refresh_from_db()
    assert agreement.title == "Memorandum on transport"
    assert agreement.languages == "Persian, English"
    (entry,) = events(p, "agreement_updated")
    assert entry.changes["title"] == ["MoU", "Memorandum on transport"]
    assert entry.changes["signed_on"] == [None, "2020-01-01"]
    assert entry.actor == officer.user


def test_agreement_files_are_added_and_removed_with_history(office: Any, media: Any) -> None:
    p = make_partnership(office)
    agreement = services.agreement_create(
        partnership=p,
        actor=SYSTEM,
        title="MoU",
        files=[SimpleUploadedFile("signed.pdf", PDF)],
    )
    (created,) = events(p, "agreement_added")
    assert created.changes["files"] == [None, ["signed.pdf"]]
    row = services.agreement_file_add(
        agreement=agreement, actor=SYSTEM, upload=SimpleUploadedFile("annex.pdf", PDF)
    )
    (added,) = events(p, "agreement_file_added")
    assert added.changes["file"] == [None, "annex.pdf"]
    with pytest.raises(ValidationError):  # the same content check as on creation
        services.agreement_file_add(
            agreement=agreement, actor=SYSTEM, upload=SimpleUploadedFile("x.pdf", b"MZ" * 100)
        )
    stored = media / row.file.name
    assert stored.exists()
    with pytest.raises(PermissionDenied):
        services.agreement_file_remove(file=row, actor=make_member(office, "liaison"))

    with django_capture_on_commit():
        services.agreement_file_remove(file=row, actor=SYSTEM)

    assert not AgreementFile.objects.filter(pk=row.pk).exists()
    assert agreement.files.count() == 1
    assert not stored.exists()
    (removed,) = events(p, "agreement_file_removed")
    assert removed.changes["file"] == ["annex.pdf", None]


def test_a_stale_agreement_edit_is_refused_and_adds_no_file(office: Any, media: Any) -> None:
    p = make_partnership(office)
    agreement = services.agreement_create(partnership=p, actor=SYSTEM, title="MoU")
    assert agreement.version == 1
    added = Event.objects.get(action="agreement_added")
    assert (added.subject, added.subject_version) == (f"agreement:{agreement.pk}", 1)
    services.agreement_update(
        agreement=agreement, actor=SYSTEM, expected_version=1, title="MoU on transport"
    )
    agreement.refresh_from_db()
    assert agreement.version == 2
    # A file is not a field of the agreement: adding one does not make other edits stale.
    services.agreement_file_add(
        agreement=agreement, actor=SYSTEM, upload=SimpleUploadedFile("mou.pdf", PDF)
    )
    agreement.refresh_from_db()
    assert agreement.version == 2
    before = n_events()

    with pytest.raises(services.StaleVersion) as exc:
        services.agreement_update(
            agreement=agreement,
            actor=SYSTEM,
            expected_version=1,
            title="Water MoU",
            files=[SimpleUploadedFile("annex.pdf", PDF)],
        )
    (change,) = exc.value.events
    assert change.changes["title"] == ["MoU", "MoU on transport"]
    with translation.override("fa"):
        assert "کاربر دیگری این موافقت‌نامه را تغییر داده است" in exc.value.message
    agreement.refresh_from_db()
    assert (agreement.title, agreement.version) == ("MoU on transport", 2)
    assert [f.original_name for f in AgreementFile.objects.filter(agreement=agreement)] == [
        "mou.pdf"
    ]
    assert n_events() == before

    services.agreement_update(
        agreement=agreement,
        actor=SYSTEM,
        expected_version=2,
        title="Water MoU",
        files=[SimpleUploadedFile("annex.pdf", PDF)],
    )
    agreement.refresh_from_db()
    assert (agreement.title, agreement.version) == ("Water MoU", 3)
    assert agreement.files.count() == 2


def test_an_old_agreement_form_is_refused_on_the_page_in_both_languages(
    office: Any, member_client: Any, media: Any
) -> None:
    p = make_partnership(office)
    agreement = services.agreement_create(partnership=p, actor=SYSTEM, title="MoU")
    client = member_client(office, "officer")
    page = client.get(url("agreement_edit", office, "en", pk=agreement.pk)).content.decode()
    assert 'name="version" value="1"' in page
    services.agreement_update(agreement=agreement, actor=SYSTEM, title="MoU on transport")

    def post(lang: str, **kw: Any) -> Any:
        data = {
            "title": "My MoU",
            "languages": "Persian, English",
            "version": 1,
            "documents": [SimpleUploadedFile("annex.pdf", PDF)],
        }
        return client.post(url("agreement_edit", office, lang, pk=agreement.pk), {**data, **kw})

    en = post("en")
    assert en.status_code == 409
    text = en.content.decode()
    assert "Someone else changed this agreement while you were editing it" in text
    assert "Agreement edited" in text and "MoU on transport" in text
    assert 'value="My MoU"' in text and 'value="Persian, English"' in text
    assert 'name="version" value="2"' in text
    assert "data-stale-files" in text  # a file input cannot be refilled: say so
    fa = post("fa")
    assert fa.status_code == 409
    text = fa.content.decode()
    assert "کاربر دیگری این موافقت‌نامه را تغییر داده است" in text
    assert "موافقت‌نامه ویرایش شد" in text
    assert "پرونده‌هایی که انتخاب کرده بودید افزوده نشد" in text
    agreement.refresh_from_db()
    assert (agreement.title, agreement.version) == ("MoU on transport", 2)
    assert not agreement.files.exists()

    assert post("en", version=2).status_code == 302
    agreement = Agreement.objects.get(pk=agreement.pk)
    assert (agreement.title, agreement.languages, agreement.version) == (
        "My MoU",
        "Persian, English",
        3,
    )
    assert [f.original_name for f in agreement.files.all()] == ["annex.pdf"]


def test_members_download_files_as_attachments(office: Any, member_client: Any, media: Any) -> None:
    p = make_partnership(office)
    agreement = services.agreement_create(
        partnership=p, actor=SYSTEM, title="A", files=[SimpleUploadedFile("Pact.pdf", PDF)]
    )
    f = agreement.files.get()
    response = member_client(office, "viewer").get(
        url("download", office, kind="agreement", pk=f.pk)
    )
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    assert "Pact.pdf" in response["Content-Disposition"]
    assert b"".join(response.streaming_content).startswith(b"%PDF")


def test_uploading_a_renamed_executable_through_the_page_is_refused(
    office: Any, member_client: Any, media: Any
) -> None:
    p = make_partnership(office)
    client = member_client(office, "officer")
    response = client.post(
        url("agreement_add", office, pk=p.pk),
        {"title": "Pact", "documents": SimpleUploadedFile("pact.pdf", b"MZ\x90\x00" + b"\0" * 99)},
    )
    assert response.status_code == 200
    assert "PDF, DOCX, PNG and JPEG" in response.content.decode()
    assert not p.agreements.exists()


def test_editing_an_agreement_and_its_files_through_the_pages(
    office: Any, member_client: Any, media: Any
) -> None:
    p = make_partnership(office)
    agreement = services.agreement_create(
        partnership=p, actor=SYSTEM, title="MoU", files=[SimpleUploadedFile("mou.pdf", PDF)]
    )
    client = member_client(office, "officer")
    response = client.post(
        url("agreement_edit", office, pk=agreement.pk),
        {
            "title": "MoU on transport",
            "languages": "Persian, English",
            "signed_on": "2021-03-01",
            "documents": [SimpleUploadedFile("annex.pdf", PDF)],
            "version": version_of(agreement),
        },
    )
    assert response.status_code == 302
    agreement.refresh_from_db()
    assert agreement.title == "MoU on transport"
    assert sorted(f.original_name for f in agreement.files.all()) == ["annex.pdf", "mou.pdf"]
    refused = client.post(
        url("agreement_edit", office, "en", pk=agreement.pk),
        {
            "title": "Renamed",
            "documents": [SimpleUploadedFile("x.pdf", b"MZ" * 200)],
            "version": version_of(agreement),
        },
    )
    assert refused.status_code == 200
    assert "PDF, DOCX, PNG and JPEG" in refused.content.decode()
    agreement.refresh_from_db()
    assert agreement.title == "MoU on transport"  # nothing half-written
    assert agreement.files.count() == 2
    annex = agreement.files.get(original_name="annex.pdf")
    confirm = client.get(url("agreement_file_delete", office, "en", pk=annex.pk))
    assert "annex.pdf" in confirm.content.decode()
    assert client.post(url("agreement_file_delete", office, pk=annex.pk)).status_code == 302
    assert [f.original_name for f in agreement.files.all()] == ["mou.pdf"]
    actions = set(history_of(p).values_list("action", flat=True))
    assert {"agreement_updated", "agreement_file_added", "agreement_file_removed"} <= actions
    liaison = member_client(office, "liaison")
    assert liaison.get(url("agreement_edit", office, pk=agreement.pk)).status_code == 403
