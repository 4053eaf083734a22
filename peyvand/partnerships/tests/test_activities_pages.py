"""Partnerships: activities: logging, correcting, deleting, versions (pages)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from peyvand.accounts.actors import SYSTEM
from peyvand.partnerships import services
from peyvand.partnerships.models import (
    Activity,
    CooperationArea,
    Partnership,
)
from peyvand.records.history import history_of
from peyvand.records.models import Event
from peyvand.records.tests.locking import version as version_of

from .dom import parse
from .factories import log, make_partnership
from .support import (
    SIGNED,
    TODAY,
    activity_form,
    activity_post,
    edit_kwargs,
    url,
)


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


def test_logging_an_activity_from_the_detail_page_updates_the_score(
    office: Any, member_client: Any
) -> None:
    p = make_partnership(office, signed_on=TODAY - dt.timedelta(days=3 * 365))
    p.refresh_from_db()
    before = p.health_score
    assert p.health_label == "dormant"
    client = member_client(office, "liaison")
    response = client.post(
        url("activity_log", office, pk=p.pk),
        {
            "title": "Video call with the mayor",
            "date": TODAY.isoformat(),
            "kind": "visit_in",
            "initiated_by": "partner",
            "partnerships": [p.pk],
        },
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert response.status_code == 302
    p.refresh_from_db()
    assert p.health_score is not None and before is not None and p.health_score > before
    assert p.paper_only is False


def test_an_activity_cannot_be_linked_to_another_offices_pact_through_the_page(
    office: Any, other_office: Any, member_client: Any
) -> None:
    mine, theirs = make_partnership(office), make_partnership(other_office)
    client = member_client(office, "officer")
    response = client.post(
        url("activity_log", office, pk=mine.pk),
        {
            "title": "x",
            "date": TODAY.isoformat(),
            "kind": "event",
            "initiated_by": "us",
            "partnerships": [mine.pk, theirs.pk],
        },
    )
    assert response.status_code == 200  # the form shows the error
    assert not theirs.activities.exists() and not mine.activities.exists()


def test_editing_an_activity_through_the_page(office: Any, member_client: Any) -> None:
    kyiv = make_partnership(office, signed_on=SIGNED)
    havana = make_partnership(office, signed_on=SIGNED)
    activity = log(office, kyiv, TODAY - dt.timedelta(days=3))
    client = member_client(office, "officer")
    response = client.post(
        url("activity_edit", office, pk=activity.pk),
        activity_form(
            activity,
            title="Workshop on buses",
            kind="exchange",
            partnerships=[kyiv.pk, havana.pk],
            participants="30",
            partnership=str(kyiv.pk),
        ),
    )
    assert response.status_code == 302
    assert response["Location"].endswith(f"/partnerships/{kyiv.pk}/#activities")
    activity.refresh_from_db()
    assert activity.title == "Workshop on buses"
    assert activity.participants == 30
    assert {p.pk for p in activity.partnerships.all()} == {kyiv.pk, havana.pk}
    assert Event.objects.filter(action="activity_updated").count() == 2
    assert Partnership.objects.get(pk=havana.pk).health_label != "dormant"
    # Bad input: a clear error, nothing changed.
    response = client.post(
        url("activity_edit", office, pk=activity.pk), activity_form(activity, title="")
    )
    assert response.status_code == 200
    assert 'class="errorlist' in response.content.decode()
    activity.refresh_from_db()
    assert activity.title == "Workshop on buses"


def test_an_activity_cannot_be_relinked_to_another_office_through_the_page(
    office: Any, other_office: Any, member_client: Any
) -> None:
    mine, theirs = make_partnership(office), make_partnership(other_office)
    activity = log(office, mine, TODAY)
    client = member_client(office, "officer")
    response = client.post(
        url("activity_edit", office, pk=activity.pk),
        activity_form(activity, partnerships=[mine.pk, theirs.pk]),
    )
    assert response.status_code == 200  # refused by the form: not a choice of this office
    assert list(activity.partnerships.all()) == [mine]
    assert not theirs.activities.exists()


def test_deleting_an_activity_asks_first_then_refreshes_every_pact(
    office: Any, member_client: Any
) -> None:
    kyiv = make_partnership(office, signed_on=SIGNED)
    havana = make_partnership(office, signed_on=SIGNED)
    activity = services.activity_log(
        office=office,
        actor=SYSTEM,
        partnerships=[kyiv, havana],
        date=TODAY,
        kind="visit_in",
        title="Mayors meet",
        initiated_by="partner",
    )
    before = {p.pk: Partnership.objects.get(pk=p.pk).health_score or 0 for p in (kyiv, havana)}
    client = member_client(office, "officer")
    confirm = client.get(
        url("activity_delete", office, "en", pk=activity.pk) + f"?partnership={havana.pk}"
    )
    assert confirm.status_code == 200
    page = confirm.content.decode()
    assert "Mayors meet" in page and f'name="partnership" value="{havana.pk}"' in page
    assert Activity.objects.filter(pk=activity.pk).exists()  # asking deletes nothing
    response = client.post(
        url("activity_delete", office, pk=activity.pk),
        {"partnership": havana.pk, "version": version_of(activity)},
    )
    assert response.status_code == 302
    assert response["Location"].endswith(f"/partnerships/{havana.pk}/#activities")
    assert not Activity.objects.filter(pk=activity.pk).exists()
    for p in (kyiv, havana):
        assert (Partnership.objects.get(pk=p.pk).health_score or 0) < before[p.pk]
        assert history_of(p).filter(action="activity_deleted").exists()
    history = client.get(url("detail", office, "en", pk=kyiv.pk)).content.decode()
    assert "Activity deleted" in history


def test_the_activity_forms_show_no_empty_areas_fieldset_when_no_area_exists(
    office: Any, member_client: Any
) -> None:
    """Today's defect: a bordered "Cooperation areas" box with nothing inside it."""
    p = make_partnership(office, signed_on=SIGNED)
    activity = log(office, p, TODAY)
    client = member_client(office, "director")
    pages = {
        "log": url("activity_log", office, pk=p.pk),
        "edit": url("activity_edit", office, pk=activity.pk),
        "new pact": url("create", office),
    }
    for name, path in pages.items():
        page = parse(client.get(path).content.decode())
        assert len(page.one("[data-areas]").select("input[type=checkbox]")) > 1, name
        assert page.select_one("[data-no-areas]") is None, name
    CooperationArea.objects.all().delete()
    for lang, hint in (("en", "none are defined"), ("fa", "هیچ حوزه‌ای")):
        for name, path in pages.items():
            path = path.replace("/en/", f"/{lang}/", 1)
            page = parse(client.get(path).content.decode())
            assert page.select_one("[data-areas]") is None, name
            assert page.select_one("fieldset") is None, name
            assert hint in page.one("[data-no-areas]").get_text(), name
