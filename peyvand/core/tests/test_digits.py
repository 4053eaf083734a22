"""Persian digits: typed in any digits, shown in Persian ones on Persian pages."""

from __future__ import annotations

import datetime as dt
import importlib
import pkgutil
from decimal import Decimal
from typing import Any

import pytest
from django import forms
from django.utils import translation

import peyvand
from peyvand.core.digits import persian_digits_html, persian_text
from peyvand.core.forms import DecimalField, DigitsInput, FloatField, IntegerField
from peyvand.core.text import number_input
from peyvand.partnerships.models import Activity, OutcomeKind
from peyvand.partnerships.tests.factories import make_partnership
from peyvand.partnerships.tests.support import TODAY, url


@pytest.mark.parametrize(
    ("typed", "read"),
    [
        ("۱۲", "12"),
        ("١٢", "12"),
        ("12", "12"),
        ("۱٬۲۰۰", "1200"),
        ("1,200", "1200"),
        ("۱۲٫۵", "12.5"),
        ("۳۵.۷", "35.7"),
        ("\u2212۴", "-4"),
        (" ۱۲ ", "12"),
        ("۱۲a", "12a"),  # left for the field to refuse
    ],
)
def test_a_number_is_read_in_any_digits(typed: str, read: str) -> None:
    assert number_input(typed) == read


class _Numbers(forms.Form):
    count = IntegerField(required=False, min_value=0)
    amount = DecimalField(required=False, max_digits=14, decimal_places=2)
    lat = FloatField(required=False)


@pytest.mark.parametrize("lang", ["fa", "en"])
def test_number_fields_accept_persian_arabic_and_latin_digits(lang: str) -> None:
    with translation.override(lang):
        typed = (("۱۲", "۵", "۳۵٫۶۹"), ("١٢", "٥", "٣٥٫٦٩"), ("12", "5", "35.69"))
        for count, amount, lat in typed:
            form = _Numbers({"count": count, "amount": amount, "lat": lat})
            assert form.is_valid(), form.errors
            assert form.cleaned_data == {"count": 12, "amount": Decimal("5"), "lat": 35.69}
        bad = _Numbers({"count": "۱۲x"})
        assert not bad.is_valid() and "count" in bad.errors


def test_number_inputs_are_text_inputs_with_a_number_pad_and_persian_digits_in_fa() -> None:
    with translation.override("fa"):
        html = str(_Numbers(initial={"count": 1200, "amount": Decimal("12.50")}))
    assert 'type="number"' not in html
    assert 'inputmode="numeric"' in html and 'inputmode="decimal"' in html
    assert 'value="۱۲۰۰"' in html and 'value="۱۲٫۵۰"' in html
    with translation.override("en"):
        assert 'value="1200"' in str(_Numbers(initial={"count": 1200})["count"])


def _project_forms() -> list[type[forms.BaseForm]]:
    for module in pkgutil.walk_packages(peyvand.__path__, "peyvand."):
        if module.name.endswith(".forms") or ".forms." in module.name:
            importlib.import_module(module.name)
    found, todo = [], list(forms.BaseForm.__subclasses__())
    while todo:
        cls = todo.pop()
        todo += cls.__subclasses__()
        if cls.__module__.startswith("peyvand.") and ".tests" not in cls.__module__:
            found.append(cls)
    return found


def test_no_form_of_the_project_uses_a_browser_number_input() -> None:
    """A browser's `type=number` drops Persian digits before the server sees them."""
    checked = 0
    for cls in _project_forms():
        for name, field in getattr(cls, "base_fields", {}).items():
            if isinstance(field, forms.IntegerField | forms.DecimalField | forms.FloatField):
                if isinstance(field.widget, forms.HiddenInput):
                    continue
                assert isinstance(field.widget, DigitsInput), f"{cls.__name__}.{name}"
                checked += 1
    assert checked >= 10


def test_persian_pages_get_persian_digits_where_a_reader_reads() -> None:
    page = (
        '<p title="12 items" data-x="5">ماه 13 و 2,000.5 &#39; <a href="/x/3">3</a>'
        '<span lang="en">gn:12 <b>4</b></span> 7<br/>8<input value="9" placeholder="10">'
        "<script>var a=1;</script><textarea>11</textarea>12 dr5hn</p><!-- 13 -->"
    )
    assert persian_digits_html(page) == (
        '<p title="۱۲ items" data-x="5">ماه ۱۳ و ۲٬۰۰۰٫۵ &#39; <a href="/x/3">۳</a>'
        '<span lang="en">gn:12 <b>4</b></span> ۷<br/>۸<input value="9" placeholder="۱۰">'
        "<script>var a=1;</script><textarea>11</textarea>۱۲ dr5hn</p><!-- 13 -->"
    )
    nested = '<div lang="en"><div>1</div>2</div>3'
    assert persian_digits_html(nested) == '<div lang="en"><div>1</div>2</div>۳'
    assert persian_text("(125 bytes)") == "(۱۲۵ bytes)"


def test_an_english_page_keeps_latin_digits_and_a_persian_one_converts(
    office: Any, member_client: Any
) -> None:
    pact = make_partnership(office, signed_on=dt.date(2020, 5, 1))
    client = member_client(office, "director")
    pages = {}
    for lang in ("fa", "en"):
        pages[lang] = client.get(url("detail", office, lang, pk=pact.pk)).content.decode()
    assert "۱۳۹۹" in pages["fa"]  # signed in 1399
    assert "2020" in pages["en"] and "۲۰" not in pages["en"]


def test_participants_and_an_outcome_typed_in_persian_digits_are_saved(
    office: Any, member_client: Any
) -> None:
    """Today's defect: participants "۱۲" saved empty, an outcome value "۵" saved with no
    amount (the browser's number input dropped them)."""
    pact = make_partnership(office, signed_on=dt.date(2020, 5, 1))
    client = member_client(office, "officer")
    response = client.post(
        url("activity_log", office, pk=pact.pk),
        {
            "title": "Workshop",
            "date": TODAY.isoformat(),
            "kind": "visit_in",
            "initiated_by": "partner",
            "partnerships": [pact.pk],
            "participants": "۱۲",
            "outcome_kind": OutcomeKind.values[0],
            "outcome_value": "۵",
            "outcome_unit": "people",
        },
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    activity = Activity.objects.get(title="Workshop")
    assert activity.participants == 12
    assert [o.value for o in activity.outcomes.all()] == [Decimal("5")]


def test_a_year_is_printed_without_a_thousands_separator(office: Any, member_client: Any) -> None:
    """Today's defect: a link's year 2000 shown as ۲٬۰۰۰ (and 2,000 in English)."""
    from peyvand.partnerships.tests.factories import with_home_city
    from peyvand.places.tests.factories import make_city, make_twinning

    with_home_city(office)
    make_twinning(office.home_city, make_city("Lyon", country="FR"), year=2000)
    client = member_client(office, "director")
    fa = client.get(url("list", office, "fa")).content.decode()
    en = client.get(url("list", office, "en")).content.decode()
    assert "۲۰۰۰" in fa and "۲٬۰۰۰" not in fa
    assert "2000" in en and "2,000" not in en
