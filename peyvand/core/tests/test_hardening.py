"""Production hardening: headers and CSP on every page, no inline script in any template,
uploads bounded and sniffed, files served only as attachments through the members' view."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from django.apps import apps
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import models
from django.test import Client
from django.urls import reverse

from peyvand.accounts.actors import SYSTEM
from peyvand.accounts.tests.factories import make_member
from peyvand.core.uploads import PrivatePath, check_upload, max_upload_bytes
from peyvand.partnerships import services
from peyvand.partnerships.tests.factories import make_partnership
from peyvand.records import files

ROOT = Path(__file__).resolve().parents[3]
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def _templates() -> list[Path]:
    found = list((ROOT / "templates").rglob("*.html"))
    found += [p for p in (ROOT / "peyvand").rglob("templates/**/*.html")]
    return found


def test_no_template_has_an_inline_script_or_an_event_handler() -> None:
    inline_script = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*type=\"application/json\")[^>]*>")
    handler = re.compile(r"<[^>]+\son[a-z]+\s*=", re.IGNORECASE)
    offenders = []
    for path in _templates():
        text = path.read_text(encoding="utf-8")
        if inline_script.search(text) or handler.search(text) or "javascript:" in text:
            offenders.append(str(path.relative_to(ROOT)))
    assert offenders == []


def test_pages_answer_the_security_headers(db: Any, client: Client) -> None:
    response = client.get("/fa/login/")
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    policy = response["Content-Security-Policy"]
    directives = dict(
        (part.split()[0], part.split()[1:]) for part in policy.split(";") if part.strip()
    )
    assert directives["frame-ancestors"] == ["'none'"]
    assert "'unsafe-inline'" not in directives["script-src"]
    assert "'unsafe-eval'" not in directives["script-src"]
    assert directives["object-src"] == ["'none'"]


def test_the_session_and_csrf_cookies_are_http_only_and_same_site(settings: Any) -> None:
    assert settings.SESSION_COOKIE_HTTPONLY
    assert settings.SESSION_COOKIE_SAMESITE == settings.CSRF_COOKIE_SAMESITE == "Lax"


def test_an_upload_larger_than_the_setting_is_refused(settings: Any) -> None:
    settings.MAX_UPLOAD_MB = 1
    assert max_upload_bytes() == 1024 * 1024
    with pytest.raises(ValidationError) as exc:
        check_upload(SimpleUploadedFile("a.pdf", PDF + b"0" * (1024 * 1024)))
    assert exc.value.code == "too_large"
    assert check_upload(SimpleUploadedFile("a.pdf", PDF)) == ("application/pdf", ".pdf")


@pytest.mark.parametrize(
    "content",
    [
        b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
        b"<!doctype html><html><script>alert(1)</script></html>",
        b"GIF89a" + b"\x00" * 20,
    ],
)
def test_html_and_svg_are_refused_whatever_their_name(content: bytes) -> None:
    for name in ("report.pdf", "photo.png", "x.svg"):
        with pytest.raises(ValidationError) as exc:
            check_upload(SimpleUploadedFile(name, content))
        assert exc.value.code == "bad_type"


def _file_fields() -> list[tuple[type[models.Model], models.FileField]]:
    return [
        (model, field)
        for model in apps.get_models()
        if model.__module__.startswith("peyvand.")
        for field in model._meta.concrete_fields
        if isinstance(field, models.FileField)
    ]


def test_every_uploaded_file_is_private_and_served_only_by_the_members_view(db: Any) -> None:
    fields = _file_fields()
    assert len(fields) >= 5
    registered = {(k.model, k.field) for k in files._kinds.values()}
    for model, field in fields:
        assert (model, field.name) in registered, f"{model.__name__}.{field.name} not served"
        upload_to = field.upload_to
        assert isinstance(upload_to, PrivatePath) or callable(upload_to), model


def test_a_stored_file_is_never_served_inline_as_html_or_svg(office: Any, media: Any) -> None:
    """Even a file that reached storage by another way than the checked upload (an old
    row, a restored backup) goes out as an attachment that runs nothing."""
    p = make_partnership(office)
    agreement = services.agreement_create(
        partnership=p, actor=SYSTEM, title="A", files=[SimpleUploadedFile("a.pdf", PDF)]
    )
    row = agreement.files.get()
    row.file.save("evil.svg", ContentFile(b"<svg onload=alert(1)></svg>"), save=True)
    client = Client()
    client.force_login(make_member(office, "viewer").user)
    url = reverse(
        "records:download", kwargs={"office_slug": office.slug, "kind": "agreement", "pk": row.pk}
    )
    response: Any = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/octet-stream"
    assert response["Content-Disposition"].startswith("attachment")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "sandbox" in response["Content-Security-Policy"]
    # no other address serves it: not its storage name, not under /media/
    for path in (f"/{row.file.name}", f"/media/{row.file.name}", f"/static/{row.file.name}"):
        assert client.get(path).status_code == 404
    anonymous = Client().get(url)
    assert anonymous.status_code == 302 and "/login/" in anonymous["Location"]


def test_the_client_address_is_read_from_the_proxy_only_when_opted_in(settings: Any) -> None:
    from django.test import RequestFactory

    from peyvand.core.middleware import client_ip

    request = RequestFactory().get(
        "/", REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="6.6.6.6, 198.51.100.4"
    )
    settings.BEHIND_PROXY = False
    assert client_ip(request) == "10.0.0.2"  # a client's own header is not believed
    settings.BEHIND_PROXY = True
    assert client_ip(request) == "198.51.100.4"  # the address the proxy appended
