"""Optional TOTP two-factor sign-in, backup codes, and the office's rule for directors."""

from __future__ import annotations

import re
import time
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation
from django_otp.oath import TOTP
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from peyvand.accounts import twofactor
from peyvand.accounts.models import Role
from peyvand.accounts.tests.factories import make_member

pytestmark = pytest.mark.django_db

PASSWORD = "right-horse-battery-7"


def _code(device: TOTPDevice, offset: int = 0) -> str:
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = time.time() + offset
    return f"{totp.token():06d}"


def _url(name: str, **kwargs: Any) -> str:
    with translation.override("en"):
        return reverse(name, kwargs=kwargs or None)


def _set_up(client: Client) -> tuple[TOTPDevice, list[str]]:
    page = client.get(_url("accounts:two_factor_setup"))
    assert page.status_code == 200
    device = TOTPDevice.objects.get(confirmed=False)
    response = client.post(_url("accounts:two_factor_setup"), {"code": _code(device)})
    assert response.status_code == 200 and b"data-backup-codes" in response.content
    codes = re.findall(r"<code>([a-z0-9]+)</code>", response.content.decode())
    return TOTPDevice.objects.get(pk=device.pk), codes


@pytest.fixture
def member(office: Any) -> Any:
    membership = make_member(office, Role.OFFICER)
    membership.user.set_password(PASSWORD)
    membership.user.save()
    return membership


def _logged_in_client(membership: Any) -> Client:
    client = Client()
    client.post(
        _url("accounts:login"), {"username": membership.user.username, "password": PASSWORD}
    )
    return client


def test_the_setup_page_shows_an_inline_svg_qr_code_and_the_key(member: Any) -> None:
    client = _logged_in_client(member)
    html = client.get(_url("accounts:two_factor_setup")).content.decode()
    assert "<svg" in html and "data-qr" in html
    assert "<script" not in html.split("data-qr", 1)[1].split("</div>", 1)[0]
    device = TOTPDevice.objects.get(user=member.user)
    assert not device.confirmed
    assert twofactor.secret_text(device).replace(" ", "") in html.replace(" ", "")


def test_a_wrong_code_does_not_confirm_the_device(member: Any) -> None:
    client = _logged_in_client(member)
    client.get(_url("accounts:two_factor_setup"))
    response = client.post(_url("accounts:two_factor_setup"), {"code": "000000"})
    assert response.status_code == 200 and b"data-backup-codes" not in response.content
    assert not TOTPDevice.objects.filter(user=member.user, confirmed=True).exists()


def test_confirming_shows_ten_backup_codes_once(member: Any) -> None:
    client = _logged_in_client(member)
    device, codes = _set_up(client)
    assert device.confirmed
    assert len(codes) == 10 and len(set(codes)) == 10
    again = client.get(_url("accounts:two_factor_setup")).content.decode()
    assert not any(code in again for code in codes)
    account = client.get(_url("accounts:account")).content.decode()
    assert not any(code in account for code in codes)


def test_the_login_asks_for_the_code_once_a_device_is_confirmed(member: Any) -> None:
    device, _codes = _set_up(_logged_in_client(member))
    client = Client()
    response = client.post(
        _url("accounts:login"), {"username": member.user.username, "password": PASSWORD}
    )
    assert response.status_code == 302 and response["Location"].endswith("/login/code/")
    assert "_auth_user_id" not in client.session  # not signed in by the password alone
    wrong = client.post(_url("accounts:login_code"), {"code": "000000"})
    assert wrong.status_code == 200 and "_auth_user_id" not in client.session
    device.refresh_from_db()  # a wrong code delays the next try: not what is tested here
    device.throttling_failure_timestamp = None
    device.throttling_failure_count = 0
    device.save()
    # the set-up used this period's code; a code is accepted once, the next one works
    right = client.post(_url("accounts:login_code"), {"code": _code(device, 30)})
    assert right.status_code == 302
    assert "_auth_user_id" in client.session


def test_a_backup_code_logs_in_once(member: Any) -> None:
    _device, codes = _set_up(_logged_in_client(member))
    for expected in (302, 200):
        client = Client()
        client.post(
            _url("accounts:login"), {"username": member.user.username, "password": PASSWORD}
        )
        response = client.post(_url("accounts:login_code"), {"code": codes[0]})
        assert response.status_code == expected
    assert StaticToken.objects.filter(device__user=member.user).count() == 9


def test_the_code_step_without_a_password_step_goes_back_to_login() -> None:
    response = Client().get(_url("accounts:login_code"))
    assert response.status_code == 302 and "/login/" in response["Location"]


def test_turning_it_off_needs_a_current_code(member: Any) -> None:
    client = _logged_in_client(member)
    _device, codes = _set_up(client)
    refused = client.post(_url("accounts:two_factor_disable"), {"code": "000000"})
    assert refused.status_code == 200
    assert twofactor.has_two_factor(member.user)
    client.post(_url("accounts:two_factor_disable"), {"code": codes[1]})
    assert not twofactor.has_two_factor(member.user)


def test_an_office_can_require_two_factor_of_its_directors(office: Any) -> None:
    director = make_member(office, Role.DIRECTOR)
    director.user.set_password(PASSWORD)
    director.user.save()
    officer = make_member(office, Role.OFFICER)
    office.two_factor_for_directors = True
    office.save()
    home = _url("dashboard:home", office_slug=office.slug)

    client = _logged_in_client(director)
    response = client.get(home)
    assert response.status_code == 302
    assert response["Location"].startswith(_url("accounts:two_factor_setup"))
    api = client.get(f"/api/v1/offices/{office.slug}/alerts")
    assert api.status_code == 403
    # an officer of the same office is not asked
    other = Client()
    other.force_login(officer.user)
    assert other.get(home).status_code == 200
    # once set up (and so signed in with it), the director sees the office
    _set_up(client)
    assert client.get(home).status_code == 200
    assert client.get(f"/api/v1/offices/{office.slug}/alerts").status_code == 200
    # a new login asks for the code, and without it there is no office
    fresh = Client()
    fresh.force_login(director.user)  # a session not signed in with the second factor
    assert fresh.get(home).status_code == 302


def test_the_director_sets_the_rule_on_the_members_page(office: Any, member_client: Any) -> None:
    client = member_client(office, Role.DIRECTOR)
    url = _url("accounts:office_security", office_slug=office.slug)
    client.post(url, {"two_factor_for_directors": "on"})
    office.refresh_from_db()
    assert office.two_factor_for_directors
    officer = member_client(office, Role.OFFICER)
    assert officer.post(url, {}).status_code == 403
    office.refresh_from_db()
    assert office.two_factor_for_directors
