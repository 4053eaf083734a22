"""Optimistic locking of activities, outcomes and agreements (as for pacts and commitments).

Every change bumps the record's version and is recorded with it; a save or a deletion made
from an older version is refused, writes nothing and lists what changed since; made again
from the current version it goes through. On the pages: 409 with the message and the
changes in Persian and English, the user's input kept and the current version carried.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone, translation

from peyvand.accounts.actors import SYSTEM
from peyvand.accounts.tests.factories import make_member
from peyvand.partnerships import services
from peyvand.partnerships.models import (
    Activity,
    Agreement,
    AgreementFile,
    Outcome,
)
from peyvand.partnerships.presenters import history_rows
from peyvand.records.models import Event

from .factories import log, make_partnership
from .test_edit_items import edit_kwargs
from .test_services import PDF
from .test_views import url

TODAY = timezone.localdate()
SIGNED = TODAY - dt.timedelta(days=3 * 365)


def n_events() -> int:
    return Event.objects.count()


def shown_changes(events: list[Event], lang: str) -> dict[str, dict[str, Any]]:
    """The stale message's "what changed", as a reader of `lang` sees it."""
    with translation.override(lang):
        return {
            str(change["field"]): change
            for row in history_rows(events)
            for change in row["changes"]
        }


# ---------------------------------------------------------------- activities (services)


def test_a_stale_activity_edit_is_refused_lists_the_change_once_and_writes_nothing(
    office: Any,
) -> None:
    kyiv = make_partnership(office, signed_on=SIGNED)
    havana = make_partnership(office, signed_on=SIGNED)
    activity = services.activity_log(
        office=office,
        actor=SYSTEM,
        partnerships=[kyiv, havana],
        date=TODAY - dt.timedelta(days=5),
        kind="event",
        title="Bus forum",
    )
    assert activity.version == 1
    first, second = make_member(office, "officer"), make_member(office, "officer")
    loaded = activity.version

    services.activity_update(
        activity=activity,
        actor=first,
        expected_version=loaded,
        **edit_kwargs(activity, title="Bus and tram forum"),
    )
    activity.refresh_from_db()
    assert activity.version == 2
    # Recorded in both pacts, each entry naming the activity and its new version.
    updated = Event.objects.filter(action="activity_updated")
    assert {(e.target_id, e.subject, e.subject_version) for e in updated} == {
        (kyiv.pk, f"activity:{activity.pk}", 2),
        (havana.pk, f"activity:{activity.pk}", 2),
    }
    before = n_events()

    with pytest.raises(services.StaleVersion) as exc:
        services.activity_update(
            activity=activity,
            actor=second,
            expected_version=loaded,
            **edit_kwargs(activity, title="Tram forum", partnerships=[kyiv], participants=40),
        )
    assert exc.value.version == 2
    (change,) = exc.value.events  # one change, though both pacts recorded it
    assert change.actor == first.user
    assert change.changes["title"] == ["Bus forum", "Bus and tram forum"]
    with translation.override("en"):
        assert "changed this activity" in exc.value.message
    with translation.override("fa"):
        assert "کاربر دیگری این فعالیت را تغییر داده است" in exc.value.message
    assert shown_changes(exc.value.events, "en")["Title"]["new"] == "Bus and tram forum"
    assert "عنوان" in shown_changes(exc.value.events, "fa")
    activity.refresh_from_db()
    assert (activity.title, activity.participants, activity.version) == (
        "Bus and tram forum",
        None,
        2,
    )
    assert {p.pk for p in activity.partnerships.all()} == {kyiv.pk, havana.pk}
    assert n_events() == before

    # Knowing what changed, the second officer saves again from the current version.
    services.activity_update(
        activity=activity,
        actor=second,
        expected_version=2,
        **edit_kwargs(activity, title="Tram forum", participants=40),
    )
    activity.refresh_from_db()
    assert (activity.title, activity.participants, activity.version) == ("Tram forum", 40, 3)


def test_an_activity_save_with_no_change_keeps_its_version(office: Any) -> None:
    activity = log(office, make_partnership(office), TODAY)
    services.activity_update(
        activity=activity, actor=SYSTEM, expected_version=1, **edit_kwargs(activity)
    )
    activity.refresh_from_db()
    assert activity.version == 1
    assert not Event.objects.filter(action="activity_updated").exists()


def test_a_stale_activity_delete_is_refused(office: Any) -> None:
    p = make_partnership(office, signed_on=SIGNED)
    activity = log(office, p, TODAY, outcomes=[{"kind": "grant", "value": 1}])
    services.activity_update(
        activity=activity, actor=SYSTEM, **edit_kwargs(activity, title="Renamed meanwhile")
    )
    before = n_events()

    with pytest.raises(services.StaleVersion) as exc:
        services.activity_delete(activity=activity, actor=SYSTEM, expected_version=1)
    assert exc.value.deleting is True
    assert exc.value.events[0].changes["title"] == ["A meeting", "Renamed meanwhile"]
    with translation.override("en"):
        assert "it was not deleted" in exc.value.message
    assert Activity.objects.filter(pk=activity.pk).exists()
    assert Outcome.objects.filter(activity=activity).count() == 1
    assert n_events() == before

    services.activity_delete(activity=activity, actor=SYSTEM, expected_version=2)
    assert not Activity.objects.filter(pk=activity.pk).exists()


# ---------------------------------------------------------------- outcomes (services)


def test_a_stale_outcome_edit_is_refused_and_a_fresh_one_goes_through(office: Any) -> None:
    p = make_partnership(office, signed_on=SIGNED)
    activity = log(office, p, TODAY)
    outcome = services.outcome_add(activity=activity, actor=SYSTEM, kind="grant", value=1)
    assert outcome.version == 1
    added = Event.objects.get(action="outcome_added")
    assert (added.subject, added.subject_version) == (f"outcome:{outcome.pk}", 1)
    liaison_a = make_member(office, "officer")

    services.outcome_update(
        outcome=outcome, actor=liaison_a, expected_version=1, kind="grant", value=2, unit="M€"
    )
    outcome.refresh_from_db()
    assert outcome.version == 2
    before = n_events()

    with pytest.raises(services.StaleVersion) as exc:
        services.outcome_update(
            outcome=outcome, actor=SYSTEM, expected_version=1, kind="investment", value=5
        )
    (change,) = exc.value.events
    assert change.changes["value"] == ["1.00", "2.00"]
    assert change.changes["unit"] == ["", "M€"]
    with translation.override("fa"):
        assert "کاربر دیگری این دستاورد را تغییر داده است" in exc.value.message
    assert shown_changes(exc.value.events, "en")["Unit"]["new"] == "M€"
    outcome.refresh_from_db()
    assert (outcome.kind, outcome.value, outcome.version) == ("grant", 2, 2)
    assert n_events() == before

    services.outcome_update(
        outcome=outcome, actor=SYSTEM, expected_version=2, kind="investment", value=5
    )
    outcome.refresh_from_db()
    assert (outcome.kind, outcome.value, outcome.version) == ("investment", 5, 3)


def test_an_outcome_save_with_the_same_values_keeps_its_version(office: Any) -> None:
    activity = log(office, make_partnership(office), TODAY, outcomes=[{"kind": "grant"}])
    outcome = activity.outcomes.get()
    services.outcome_update(outcome=outcome, actor=SYSTEM, kind="grant", value=2)
    outcome.refresh_from_db()
    assert outcome.version == 2
    # What the page posts back ("2.00" read from the database, spaces around the unit).
    services.outcome_update(
        outcome=outcome, actor=SYSTEM, expected_version=2, kind="grant", value=2.0, unit=" "
    )
    outcome.refresh_from_db()
    assert outcome.version == 2
    assert Event.objects.filter(action="outcome_updated").count() == 1


def test_a_stale_outcome_delete_is_refused(office: Any) -> None:
    activity = log(office, make_partnership(office), TODAY, outcomes=[{"kind": "grant"}])
    outcome = activity.outcomes.get()
    services.outcome_update(outcome=outcome, actor=SYSTEM, kind="grant", value=3)
    before = n_events()

    with pytest.raises(services.StaleVersion) as exc:
        services.outcome_delete(outcome=outcome, actor=SYSTEM, expected_version=1)
    assert exc.value.events[0].changes["value"] == [None, "3.00"]
    with translation.override("en"):
        assert "it was not removed" in exc.value.message
    assert Outcome.objects.filter(pk=outcome.pk).exists()
    assert n_events() == before

    services.outcome_delete(outcome=outcome, actor=SYSTEM, expected_version=2)
    assert not Outcome.objects.filter(pk=outcome.pk).exists()
    removed = Event.objects.get(action="outcome_removed")
    assert (removed.subject, removed.subject_version) == (f"outcome:{outcome.pk}", 2)


# ---------------------------------------------------------------- agreements (services)


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


# ---------------------------------------------------------------- pages


def activity_post(activity: Activity, **kw: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "title": activity.title,
        "date": activity.date.isoformat(),
        "kind": activity.kind,
        "initiated_by": activity.initiated_by,
        "partnerships": [p.pk for p in activity.partnerships.all()],
        "version": activity.version,
    }
    data.update(kw)
    return data


def test_an_old_activity_form_is_refused_on_the_page_in_both_languages(
    office: Any, member_client: Any
) -> None:
    p = make_partnership(office, signed_on=SIGNED)
    activity = log(office, p, TODAY - dt.timedelta(days=2), title="Bus forum")
    client = member_client(office, "officer")
    page = client.get(url("activity_edit", office, "en", pk=activity.pk)).content.decode()
    assert 'name="version" value="1"' in page
    mine = activity_post(activity, title="My title", participants="25")
    services.activity_update(
        activity=activity, actor=SYSTEM, **edit_kwargs(activity, title="Their title")
    )

    en = client.post(url("activity_edit", office, "en", pk=activity.pk), mine)
    assert en.status_code == 409
    text = en.content.decode()
    assert "Someone else changed this activity while you were editing it" in text
    assert "What changed meanwhile" in text and "Activity edited" in text
    assert "Bus forum" in text and "Their title" in text
    assert 'value="My title"' in text and 'value="25"' in text  # the user's input is kept
    assert 'name="version" value="2"' in text  # the next save knows what changed
    fa = client.post(url("activity_edit", office, "fa", pk=activity.pk), mine)
    assert fa.status_code == 409
    text = fa.content.decode()
    assert "کاربر دیگری این فعالیت را تغییر داده است" in text
    assert "آنچه در این فاصله تغییر کرد" in text and "فعالیت ویرایش شد" in text
    activity.refresh_from_db()
    assert (activity.title, activity.version) == ("Their title", 2)

    again = client.post(url("activity_edit", office, pk=activity.pk), {**mine, "version": 2})
    assert again.status_code == 302
    activity.refresh_from_db()
    assert (activity.title, activity.participants, activity.version) == ("My title", 25, 3)


def test_an_old_activity_delete_confirmation_is_refused_on_the_page(
    office: Any, member_client: Any
) -> None:
    p = make_partnership(office, signed_on=SIGNED)
    activity = log(office, p, TODAY, title="Bus forum")
    client = member_client(office, "officer")
    confirm = client.get(url("activity_delete", office, "en", pk=activity.pk)).content.decode()
    assert 'name="version" value="1"' in confirm
    services.activity_update(
        activity=activity, actor=SYSTEM, **edit_kwargs(activity, title="Tram forum")
    )

    for lang, message in (
        ("en", "Someone else changed this activity after you opened this page"),
        ("fa", "کاربر دیگری این فعالیت را تغییر داد؛ فعالیت حذف نشد"),
    ):
        response = client.post(
            url("activity_delete", office, lang, pk=activity.pk),
            {"partnership": p.pk, "version": 1},
        )
        assert response.status_code == 409, lang
        text = response.content.decode()
        assert message in text, lang
        assert "Tram forum" in text  # the question names the activity as it is now
        assert 'name="version" value="2"' in text
    assert Activity.objects.filter(pk=activity.pk).exists()

    done = client.post(
        url("activity_delete", office, pk=activity.pk), {"partnership": p.pk, "version": 2}
    )
    assert done.status_code == 302
    assert not Activity.objects.filter(pk=activity.pk).exists()


def test_an_old_outcome_form_and_confirmation_are_refused_on_the_page(
    office: Any, member_client: Any
) -> None:
    p = make_partnership(office, signed_on=SIGNED)
    activity = log(office, p, TODAY, outcomes=[{"kind": "grant", "value": 1}])
    outcome = activity.outcomes.get()
    client = member_client(office, "officer")
    page = client.get(url("outcome_edit", office, "en", pk=outcome.pk)).content.decode()
    assert 'name="version" value="1"' in page
    mine = {"kind": "investment", "value": "7", "unit": "M€", "version": 1, "partnership": p.pk}
    services.outcome_update(outcome=outcome, actor=SYSTEM, kind="grant", value=2, note="Theirs")

    en = client.post(url("outcome_edit", office, "en", pk=outcome.pk), mine)
    assert en.status_code == 409
    text = en.content.decode()
    assert "Someone else changed this outcome while you were editing it" in text
    assert "Outcome edited" in text and "Theirs" in text
    assert 'value="M€"' in text and 'name="version" value="2"' in text
    fa = client.post(url("outcome_edit", office, "fa", pk=outcome.pk), mine)
    assert fa.status_code == 409
    assert "کاربر دیگری این دستاورد را تغییر داده است" in fa.content.decode()
    assert "دستاورد ویرایش شد" in fa.content.decode()
    outcome.refresh_from_db()
    assert (outcome.kind, outcome.note, outcome.version) == ("grant", "Theirs", 2)

    assert client.post(url("outcome_edit", office, pk=outcome.pk), {**mine, "version": 2})[
        "Location"
    ].endswith("#activities")
    outcome.refresh_from_db()
    assert (outcome.kind, outcome.unit, outcome.version) == ("investment", "M€", 3)

    # Removing from a confirmation opened before that save is refused too.
    stale = client.post(
        url("outcome_delete", office, "en", pk=outcome.pk), {"partnership": p.pk, "version": 2}
    )
    assert stale.status_code == 409
    assert "it was not removed" in stale.content.decode()
    assert Outcome.objects.filter(pk=outcome.pk).exists()
    done = client.post(
        url("outcome_delete", office, pk=outcome.pk), {"partnership": p.pk, "version": 3}
    )
    assert done.status_code == 302
    assert not Outcome.objects.filter(pk=outcome.pk).exists()


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
