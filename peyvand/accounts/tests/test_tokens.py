"""Personal access tokens: made once, stored hashed, scoped, in one office, limited."""

from __future__ import annotations

import datetime as dt
import hashlib
from typing import Any

import pytest
from django.core.cache import cache
from django.test import Client
from django.utils import timezone

from peyvand.accounts import services
from peyvand.accounts.models import ApiToken
from peyvand.accounts.tests.factories import make_member, make_office
from peyvand.partnerships.tests.factories import make_partnership, with_home_city

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fresh_rate_counts() -> Any:
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def world() -> dict[str, Any]:
    office = with_home_city(make_office("tok-office"))
    other = make_office("tok-other")
    officer = make_member(office, "officer")
    make_member(other, "director", user=officer.user)
    pact = make_partnership(office)
    return {"office": office, "other": other, "officer": officer, "pact": pact}


def token(world: dict[str, Any], scope: str = "read_write", **kw: Any) -> str:
    _t, raw = services.token_create(
        user=world["officer"].user,
        office=kw.pop("office", world["office"]),
        name="script",
        scope=scope,
        expires_on=kw.pop("expires_on", None),
    )
    return raw


def bearer(raw: str) -> Any:
    return {"HTTP_AUTHORIZATION": f"Bearer {raw}"}


def test_a_token_is_shown_once_and_stored_hashed(world: dict[str, Any]) -> None:
    raw = token(world)
    stored = ApiToken.objects.get()
    assert raw.startswith("pvd_") and len(raw) > 40
    assert stored.digest == hashlib.sha256(raw.encode()).hexdigest()
    assert raw not in {stored.digest, stored.hint, stored.name}


def test_a_read_write_token_reads_and_writes_without_csrf(world: dict[str, Any]) -> None:
    client = Client(enforce_csrf_checks=True)
    raw = token(world)
    base = "/api/v1/offices/tok-office/partnerships"
    assert client.get(base, **bearer(raw)).status_code == 200
    pk = world["pact"].pk
    answer = client.patch(
        f"{base}/{pk}",
        {"summary_en": "From a script"},
        content_type="application/json",
        HTTP_IF_MATCH=client.get(f"{base}/{pk}", **bearer(raw))["ETag"],
        **bearer(raw),
    )
    assert answer.status_code == 200, answer.content
    assert answer.json()["summary_en"] == "From a script"


def test_a_read_token_is_refused_writes(world: dict[str, Any]) -> None:
    raw = token(world, scope="read")
    pk = world["pact"].pk
    answer = Client().patch(
        f"/api/v1/offices/tok-office/partnerships/{pk}",
        {"summary_en": "x"},
        content_type="application/json",
        **bearer(raw),
    )
    assert answer.status_code == 403
    assert answer.json()["code"] == "permission_denied"


def test_a_token_sees_nothing_of_another_office(world: dict[str, Any]) -> None:
    raw = token(world)  # the user is a director of the other office, the token is not
    answer = Client().get("/api/v1/offices/tok-other/partnerships", **bearer(raw))
    assert answer.status_code == 404
    assert answer.json()["code"] == "not_found"


def test_a_token_never_grants_more_than_its_users_role(world: dict[str, Any]) -> None:
    viewer = make_member(world["office"], "viewer")
    _t, raw = services.token_create(
        user=viewer.user, office=world["office"], name="s", scope="read_write", expires_on=None
    )
    answer = Client().patch(
        f"/api/v1/offices/tok-office/partnerships/{world['pact'].pk}",
        {"summary_en": "x"},
        content_type="application/json",
        **bearer(raw),
    )
    assert answer.status_code == 403


def test_an_expired_or_revoked_or_wrong_token_answers_401(world: dict[str, Any]) -> None:
    base = "/api/v1/offices/tok-office/partnerships"
    expired = token(world)
    ApiToken.objects.update(expires_on=timezone.localdate() - dt.timedelta(days=1))
    assert Client().get(base, **bearer(expired)).status_code == 401
    revoked = token(world)
    services.token_revoke(token=ApiToken.objects.get(expires_on=None), user=world["officer"].user)
    assert Client().get(base, **bearer(revoked)).status_code == 401
    answer = Client().get(base, **bearer("pvd_not-a-token"))
    assert answer.status_code == 401 and answer.json()["code"] == "not_authenticated"


def test_last_use_is_recorded_at_most_once_a_minute(world: dict[str, Any]) -> None:
    raw = token(world)
    client = Client()
    client.get("/api/v1/offices/tok-office/partnerships", **bearer(raw))
    first = ApiToken.objects.get().last_used_at
    assert first is not None
    client.get("/api/v1/offices/tok-office/partnerships", **bearer(raw))
    assert ApiToken.objects.get().last_used_at == first


def test_over_the_rate_limit_answers_429_with_retry_after(
    world: dict[str, Any], settings: Any
) -> None:
    settings.API_TOKEN_RATE_LIMIT = 2
    raw = token(world)
    client = Client()
    codes = [
        client.get("/api/v1/offices/tok-office/partnerships", **bearer(raw)).status_code
        for _ in range(3)
    ]
    assert codes == [200, 200, 429]
    answer = client.get("/api/v1/offices/tok-office/partnerships", **bearer(raw))
    assert answer.json()["code"] == "rate_limited"
    assert 1 <= int(answer["Retry-After"]) <= 60


def test_tokens_through_the_api_with_a_session(world: dict[str, Any]) -> None:
    client = Client()
    client.force_login(world["officer"].user)
    made = client.post(
        "/api/v1/me/tokens",
        {"office": "tok-office", "scope": "read", "name": "Sync", "expires": "2099-01-01"},
        content_type="application/json",
    )
    assert made.status_code == 201, made.content
    body = made.json()
    assert body["token"].startswith("pvd_") and body["scope"] == "read"
    listed = client.get("/api/v1/me/tokens").json()
    assert [t["id"] for t in listed] == [body["id"]] and "token" not in listed[0]
    assert client.delete(f"/api/v1/me/tokens/{body['id']}").status_code == 204
    assert not ApiToken.objects.exists()


def test_a_token_cannot_mint_tokens(world: dict[str, Any]) -> None:
    raw = token(world)
    answer = Client().post(
        "/api/v1/me/tokens",
        {"office": "tok-office", "name": "x"},
        content_type="application/json",
        **bearer(raw),
    )
    assert answer.status_code == 401


def test_a_token_for_an_office_one_is_not_in_is_refused(world: dict[str, Any]) -> None:
    client = Client()
    client.force_login(world["officer"].user)
    stranger = make_office("tok-stranger")
    answer = client.post(
        "/api/v1/me/tokens", {"office": stranger.slug, "name": "x"}, content_type="application/json"
    )
    assert answer.status_code == 422 and "office" in answer.json()["errors"]
    answer = client.post(
        "/api/v1/me/tokens",
        {"office": "tok-office", "name": "x", "admin": 1},
        content_type="application/json",
    )
    assert answer.status_code == 422 and "admin" in answer.json()["errors"]


def test_a_session_write_still_needs_csrf(world: dict[str, Any]) -> None:
    client = Client(enforce_csrf_checks=True)
    client.force_login(world["officer"].user)
    answer = client.patch(
        f"/api/v1/offices/tok-office/partnerships/{world['pact'].pk}",
        {"summary_en": "x"},
        content_type="application/json",
    )
    assert answer.status_code == 403
