from __future__ import annotations

import datetime as dt

import pytest
from django import forms
from django.template import Context, Template
from django.utils import translation

from peyvand.core.dates import InvalidDate, format_date, parse_jalali
from peyvand.core.forms import JalaliDateField
from peyvand.core.i18n import bilingual


def test_jalali_1400_05_23_is_2021_08_14() -> None:
    assert parse_jalali("1400/05/23") == dt.date(2021, 8, 14)
    assert parse_jalali("۱۴۰۰/۰۵/۲۳") == dt.date(2021, 8, 14)
    assert parse_jalali("١٤٠٠-٥-٢٣") == dt.date(2021, 8, 14)


def test_leap_year_1399_has_esfand_30_but_1400_does_not() -> None:
    assert parse_jalali("1399/12/30") == dt.date(2021, 3, 20)
    with pytest.raises(InvalidDate):
        parse_jalali("1400/12/30")


def test_impossible_month_and_garbage_are_refused() -> None:
    with pytest.raises(InvalidDate):
        parse_jalali("1400/13/01")
    with pytest.raises(InvalidDate):
        parse_jalali("tomorrow")


def test_filter_renders_jalali_with_persian_digits_in_fa_and_gregorian_in_en() -> None:
    template = Template("{{ d|jdate }}|{{ d|jdate:'long' }}")
    context = Context({"d": dt.date(2021, 8, 14)})
    with translation.override("fa"):
        assert template.render(context) == "۱۴۰۰/۰۵/۲۳|۲۳ مرداد ۱۴۰۰"
    with translation.override("en"):
        assert template.render(context) == "2021-08-14|14 August 2021"


def test_format_date_of_none_is_empty() -> None:
    assert format_date(None) == ""


class _Form(forms.Form):
    when = JalaliDateField()


def test_form_field_accepts_jalali_in_fa() -> None:
    with translation.override("fa"):
        form = _Form({"when": "۱۴۰۰/۰۵/۲۳"})
        assert form.is_valid(), form.errors
        assert form.cleaned_data["when"] == dt.date(2021, 8, 14)


def test_form_field_refuses_1400_12_30_with_a_translated_error_in_fa() -> None:
    with translation.override("fa"):
        form = _Form({"when": "1400/12/30"})
        assert not form.is_valid()
        message = form.errors["when"][0]
        assert "1400/12/30" in message
        assert "does not exist" not in message  # translated into Persian


def test_form_field_accepts_1399_12_30() -> None:
    with translation.override("fa"):
        form = _Form({"when": "1399/12/30"})
        assert form.is_valid()


def test_form_field_takes_iso_in_en_and_refuses_impossible_dates() -> None:
    with translation.override("en"):
        assert _Form({"when": "2021-08-14"}).is_valid()
        form = _Form({"when": "2021-02-30"})
        assert not form.is_valid()
        assert "does not exist" in form.errors["when"][0]


def test_form_widget_shows_the_jalali_picker_in_fa_only() -> None:
    with translation.override("fa"):
        html = str(_Form(initial={"when": dt.date(2021, 8, 14)})["when"])
        assert "data-jdp" in html and 'value="۱۴۰۰/۰۵/۲۳"' in html  # prefilled in Persian digits
    with translation.override("en"):
        html = str(_Form(initial={"when": dt.date(2021, 8, 14)})["when"])
        assert 'type="date"' in html and 'value="2021-08-14"' in html


class _Named:
    name_fa = "تهران"
    name_en = "Tehran"


class _OnlyEnglish:
    name_fa = ""
    name_en = "Vienna"


def test_bilingual_picks_the_active_language_and_falls_back() -> None:
    with translation.override("fa"):
        assert bilingual(_Named(), "name") == "تهران"
        assert bilingual(_OnlyEnglish(), "name") == "Vienna"
    with translation.override("en"):
        assert bilingual(_Named(), "name") == "Tehran"
