"""The form helpers every app uses: bilingual pairs and a service's errors on a form."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError

from peyvand.core.forms import apply_service_errors, bilingual_pair


class NameForm(forms.Form):
    name_fa, name_en = bilingual_pair("fa", "en", max_length=20)
    note_fa, note_en = bilingual_pair("fa", "en", rows=4, required=False)


def test_a_bilingual_pair_says_each_inputs_language_and_direction() -> None:
    html = {name: str(field) for name, field in NameForm().fields.items() if field}
    form = NameForm()
    assert 'lang="fa"' in str(form["name_fa"]) and 'dir="rtl"' in str(form["name_fa"])
    assert 'lang="en"' in str(form["name_en"]) and 'dir="ltr"' in str(form["name_en"])
    assert "<textarea" in str(form["note_en"]) and 'rows="4"' in str(form["note_en"])
    assert 'maxlength="20"' in str(form["name_en"])
    assert set(html) == {"name_fa", "name_en", "note_fa", "note_en"}


def test_service_errors_land_on_their_fields_and_the_rest_on_the_form() -> None:
    form = NameForm(data={"name_fa": "x", "name_en": "y"})
    assert form.is_valid()
    apply_service_errors(form, ValidationError({"name_en": ["bad"], "elsewhere": ["whole"]}))
    assert form.errors["name_en"] == ["bad"]
    assert form.non_field_errors() == ["whole"]
    other = NameForm(data={"name_fa": "x", "name_en": "y"})
    other.is_valid()
    apply_service_errors(other, ValidationError("plain"))
    assert other.non_field_errors() == ["plain"]
