"""Login throttling (django-axes), the same answer for any username, password rules."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import pytest
from axes.models import AccessAttempt
from django.test import Client
from django.urls import reverse
from django.utils import translation

from peyvand.accounts.tests.factories import make_user

pytestmark = pytest.mark.django_db

PASSWORD = "right-horse-battery-7"


def _login(client: Client, username: str, password: str, lang: str = "en") -> Any:
    with translation.override(lang):
        url = reverse("accounts:login")
    return client.post(url, {"username": username, "password": password})


def _logged_in(client: Client) -> bool:
    return "_auth_user_id" in client.session


def test_thirty_wrong_passwords_then_the_right_one_does_not_log_in() -> None:
    make_user("sara", password=PASSWORD)
    client = Client()
    for _ in range(30):
        _login(client, "sara", "wrong-guess")
    response = _login(client, "sara", PASSWORD)
    assert response.status_code == 429
    assert not _logged_in(client)
    assert b"data-locked-out" in response.content


def test_the_lock_out_is_translated(settings: Any) -> None:
    client = Client()
    for _ in range(settings.AXES_FAILURE_LIMIT):
        _login(client, "sara", "wrong", "fa")
    fa = _login(client, "sara", "wrong", "fa")
    assert fa.status_code == 429
    assert "تلاش" in fa.content.decode()
    en = _login(client, "sara", "wrong", "en")
    assert "Too many attempts" in en.content.decode()


def test_a_lock_out_expires_after_the_cool_off(settings: Any) -> None:
    make_user("sara", password=PASSWORD)
    client = Client()
    for _ in range(settings.AXES_FAILURE_LIMIT + 2):
        _login(client, "sara", "wrong")
    assert _login(client, "sara", PASSWORD).status_code == 429
    later = settings.AXES_COOLOFF_TIME + dt.timedelta(minutes=1)
    for attempt in AccessAttempt.objects.all():
        AccessAttempt.objects.filter(pk=attempt.pk).update(
            attempt_time=attempt.attempt_time - later
        )
    response = _login(client, "sara", PASSWORD)
    assert response.status_code == 302
    assert _logged_in(client)


def test_a_right_password_before_the_limit_logs_in_and_clears_the_count(settings: Any) -> None:
    make_user("sara", password=PASSWORD)
    client = Client()
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        _login(client, "sara", "wrong")
    assert _login(client, "sara", PASSWORD).status_code == 302
    assert not AccessAttempt.objects.filter(username="sara", failures_since_start__gt=0).exists()


def test_another_address_is_not_locked_out_by_someone_elses_guesses(settings: Any) -> None:
    make_user("sara", password=PASSWORD)
    attacker = Client(REMOTE_ADDR="203.0.113.9")
    for _ in range(settings.AXES_FAILURE_LIMIT + 3):
        _login(attacker, "sara", "wrong")
    owner = Client(REMOTE_ADDR="198.51.100.7")
    assert _login(owner, "sara", PASSWORD).status_code == 302


def _normalised(html: bytes, username: str) -> str:
    text = html.decode().replace(username, "USERNAME")
    return re.sub(r"[A-Za-z0-9]{32,}", "TOKEN", text)  # CSRF tokens and nonces


@pytest.mark.parametrize("attempts", [1, 30])
def test_the_answer_is_the_same_for_a_known_and_an_unknown_username(attempts: int) -> None:
    make_user("known1", password=PASSWORD)
    answers = []
    for username in ("known1", "nobody"):
        client = Client()
        for _ in range(attempts):
            response = _login(client, username, "wrong-guess")
        answers.append((response.status_code, _normalised(response.content, username)))
    assert answers[0] == answers[1]
    assert answers[0][0] == (200 if attempts == 1 else 429)


def test_the_password_rules_refuse_weak_passwords_in_persian(
    member_client: Any, office: Any
) -> None:
    client = member_client(office, "viewer")
    client.membership.user.set_password(PASSWORD)
    client.membership.user.save()
    client.force_login(client.membership.user)
    with translation.override("fa"):
        url = reverse("accounts:password_change")
    response = client.post(
        url, {"old_password": PASSWORD, "new_password1": "12345", "new_password2": "12345"}
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "too short" not in html and "entirely numeric" not in html
    assert "کوتاه" in html  # too short
    assert "عدد" in html  # entirely numeric


def test_a_lock_out_needs_no_account_and_creates_none(settings: Any) -> None:
    from django.contrib.auth import get_user_model

    client = Client()
    for _ in range(settings.AXES_FAILURE_LIMIT + 1):
        _login(client, "ghost", "wrong")
    assert not get_user_model().objects.filter(username="ghost").exists()
