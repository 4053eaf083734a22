"""Optional two-factor sign-in (django-otp, decision 0018): an authenticator app's TOTP
codes, and ten single-use backup codes shown once.

A member sets it up on their account page (scan the QR code, confirm one code); from then
on the login asks for a code after the password. An office may require it of its
directors (`Office.two_factor_for_directors`, enforced by `accounts.access`).
"""

from __future__ import annotations

from base64 import b32encode
from typing import Any

import segno
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from django_otp import devices_for_user, match_token, user_has_device
from django_otp.models import Device
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from peyvand.core.text import ascii_digits

BACKUP_CODES = 10
AUTHENTICATOR = "authenticator"
BACKUP = "backup"


def has_two_factor(user: Any) -> bool:
    return bool(user_has_device(user, confirmed=True))


def pending_device(user: Any) -> TOTPDevice:
    """The unconfirmed authenticator the setup page shows (made on the first visit)."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).order_by("-pk").first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=AUTHENTICATOR, confirmed=False)
    return device


def secret_text(device: TOTPDevice) -> str:
    """The key as a person types it into an app that cannot scan: groups of four."""
    key = b32encode(device.bin_key).decode().rstrip("=")
    return " ".join(key[i : i + 4] for i in range(0, len(key), 4))


def qr_svg(device: TOTPDevice) -> str:
    """The QR code of the device's otpauth:// address, as inline SVG (no script, no
    external image)."""
    qr = segno.make(device.config_url, error="m")
    svg: str = qr.svg_inline(scale=4, border=2, dark="#102a43", light="#ffffff", omitsize=False)
    return svg


def _clean(code: str) -> str:
    return ascii_digits(code or "").replace(" ", "").replace("-", "").strip()[:16]


def _new_backup_codes(user: Any) -> list[str]:
    StaticDevice.objects.filter(user=user).delete()
    device = StaticDevice.objects.create(user=user, name=BACKUP, confirmed=True)
    codes = [StaticToken.random_token() for _ in range(BACKUP_CODES)]
    StaticToken.objects.bulk_create([StaticToken(device=device, token=c) for c in codes])
    return codes


@transaction.atomic
def two_factor_confirm(*, user: Any, device: TOTPDevice, code: str) -> list[str]:
    """Confirm the authenticator with a code it shows; returns the new backup codes."""
    if device.user_id != user.pk or device.confirmed:
        raise ValidationError({"code": _("Start the set-up again.")})
    if not device.verify_token(_clean(code)):
        raise ValidationError(
            {"code": _("That code is not right. Enter the code the app shows now.")}
        )
    TOTPDevice.objects.filter(user=user).exclude(pk=device.pk).delete()
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    return _new_backup_codes(user)


@transaction.atomic
def backup_codes_renew(*, user: Any) -> list[str]:
    if not has_two_factor(user):
        raise ValidationError(_("Set up two-factor sign-in first."))
    return _new_backup_codes(user)


def verify_code(*, user: Any, code: str) -> Device | None:
    """The device (authenticator or a backup code, used up) that accepts the code."""
    cleaned = _clean(code)
    if not cleaned:
        return None
    device: Device | None = match_token(user, cleaned)
    return device


@transaction.atomic
def two_factor_disable(*, user: Any, code: str) -> None:
    if verify_code(user=user, code=code) is None:
        raise ValidationError(
            {"code": _("That code is not right. Enter the code the app shows now.")}
        )
    for device in devices_for_user(user, confirmed=None):
        device.delete()
