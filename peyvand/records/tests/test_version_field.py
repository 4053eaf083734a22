"""Pages: an edit form without the version the page showed is refused (0021)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django import forms
from django.urls import reverse

from peyvand.partnerships.models import Partnership
from peyvand.partnerships.tests.factories import make_partnership
from peyvand.records.forms import RELOAD, VersionField, version_optional_when_creating

pytestmark = pytest.mark.django_db


class Edit(forms.Form):
    title = forms.CharField()
    version = VersionField()

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        version_optional_when_creating(self)


@pytest.mark.parametrize("posted", [None, "", "x", "-1", "9" * 20])
def test_an_edit_without_a_version_is_a_form_error_shown_with_the_field(posted: Any) -> None:
    data = {"title": "T"} | ({} if posted is None else {"version": posted})
    form = Edit(data, initial={"version": 3})
    assert not form.is_valid()
    assert form.errors["version"] == [str(RELOAD)]
    assert str(RELOAD) in str(form["version"]) and 'type="hidden"' in str(form["version"])


def test_an_edit_with_its_version_and_a_creation_without_one_are_valid() -> None:
    assert Edit({"title": "T", "version": "3"}, initial={"version": 3}).is_valid()
    assert Edit({"title": "T"}).is_valid()


@pytest.mark.parametrize("version", [None, "abc"])
def test_a_page_post_without_a_version_writes_nothing(
    office: Any, member_client: Any, version: Any
) -> None:
    p = make_partnership(office, signed_on=dt.date(2020, 1, 1))
    client = member_client(office, "officer")
    data = {"status": "suspended", "reason": "Paused"}
    if version is not None:
        data["version"] = version
    go = reverse("partnerships:status", kwargs={"office_slug": office.slug, "pk": p.pk})
    client.post(go, data, HTTP_ACCEPT_LANGUAGE="en")
    fresh = Partnership.objects.get(pk=p.pk)
    assert (fresh.status, fresh.version) == (p.status, p.version)
