"""generate_scale_data: the same data for the same arguments, every rule of the services
kept, a realistic mix, stored scores, pages that answer (small sizes, the test slice)."""

from __future__ import annotations

import datetime as dt
import io
import itertools
import random
from collections import Counter
from typing import Any

import pytest
from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db.models import Count, F, Max
from django.test import Client
from django.urls import reverse
from django.utils import translation

from bench.pages import PAGES, RECORDS
from peyvand.accounts.models import Department, Office, OfficeMembership
from peyvand.core.validation import validate_fields
from peyvand.dashboard.scale import (
    PREFIX,
    UNTIL,
    delete_scale_data,
    generate_scale_data,
    scale_digest,
)
from peyvand.dashboard.scale.build import YEARS, apportion
from peyvand.dashboard.scale.digest import MODULES
from peyvand.knowledge.models import Practice
from peyvand.missions import models as missions
from peyvand.network.atlas.importer.parse import load_world
from peyvand.network.atlas.importer.upsert import world_import
from peyvand.network.models import Twinning
from peyvand.organizations.models import Membership
from peyvand.partnerships import services
from peyvand.partnerships.health import add_months
from peyvand.partnerships.models import (
    Activity,
    Agreement,
    AgreementFile,
    Approval,
    Commitment,
    DormancyReview,
    Outcome,
    Partnership,
)
from peyvand.partnerships.tests.factories import make_partnership, with_home_city
from peyvand.places.models import City
from peyvand.portal.models import Feedback
from peyvand.records.models import Event
from peyvand.search.kinds import kinds
from peyvand.search.models import SearchDocument

SLICE = settings.BASE_DIR / "data" / "world-slice"
SMALL = {"offices": 3, "activities": 2000, "seed": 7}
LIVE = ("proposed", "negotiating", "awaiting_approval", "active", "suspended")


@pytest.fixture
def world(db: Any) -> None:
    world_import(data=load_world(SLICE))


def generate(**kw: Any) -> Any:
    return generate_scale_data(**{**SMALL, **kw})


def test_apportion_adds_up_and_follows_the_weights() -> None:
    assert apportion(10, [1, 1, 2]) == [3, 2, 5]
    assert sum(apportion(1_000_003, [1 / k for k in range(1, 40)], minimum=1)) == 1_000_003
    assert apportion(2, [5, 1, 1], minimum=1) == [2, 0, 0]  # too few for the minimum
    assert apportion(0, []) == []


def test_same_arguments_same_data_whatever_the_ids(world: None) -> None:
    out = io.StringIO()
    call_command(*["generate_scale_data", *_args(SMALL)], stdout=out)
    printed = out.getvalue()
    assert "1/3 scale-" in printed and "rows/s" in printed
    assert "partnerships.Activity " in printed and "2,000" in printed
    first = scale_digest()
    # Refused a second time over the same offices...
    with pytest.raises(CommandError, match="--replace"):
        call_command(*["generate_scale_data", *_args(SMALL)], stdout=io.StringIO())
    # ...another seed is other data; rows of an office of people in between move every id.
    generate(seed=8, replace=True)
    assert scale_digest() != first
    bystander = with_home_city(
        Office.objects.create(slug="yazd", name_fa="یزد", name_en="Yazd"), "Yazd"
    )
    make_partnership(bystander)
    generate(replace=True)
    assert scale_digest() == first
    assert Activity.objects.filter(office__slug__startswith=PREFIX).count() == 2000 + _logged()
    # --delete takes the generated offices, their rows and users, and nothing else.
    call_command("generate_scale_data", "--delete", stdout=io.StringIO())
    assert not Office.objects.filter(slug__startswith=PREFIX).exists()
    assert not get_user_model().objects.filter(username__startswith=PREFIX).exists()
    assert Activity.objects.count() == 0 and Event.objects.filter(office=bystander).exists()
    assert Partnership.objects.filter(office=bystander).count() == 1
    for model in MODULES:
        assert not model._base_manager.exists(), model
    assert (
        not SearchDocument.objects.exclude(kind="organization")
        .exclude(visible_to=bystander)
        .exists()
    )
    assert delete_scale_data() == Counter()


def _logged() -> int:
    """The activities beyond those asked for: logged by done missions and adoptions."""
    adoptions = Practice.objects.exclude(adoption_activity=None).count()
    return missions.MissionActivity.objects.count() + adoptions


def _args(options: dict[str, Any]) -> list[str]:
    return [f"--{name}={value}" for name, value in options.items()]


def test_the_rows_keep_the_rules_of_the_services(world: None) -> None:
    generate()
    offices = list(Office.objects.filter(slug__startswith=PREFIX))
    assert len(offices) == 3
    # Iranian cities first: the offices are the largest Iranian cities of the world data.
    homes = City.objects.filter(pk__in=[o.home_city_id for o in offices])
    assert set(homes.values_list("country__code", flat=True)) == {"IR"}
    assert "gn:112931" in set(homes.values_list("code", flat=True))  # Tehran
    first_day = add_months(UNTIL, -12 * YEARS)
    for office in offices:
        members = set(OfficeMembership.objects.for_office(office).values_list("user_id", flat=True))
        roles = Counter(OfficeMembership.objects.for_office(office).values_list("role", flat=True))
        assert roles["director"] == 1 and roles["officer"] >= 1 and roles["liaison"] >= 1
        pacts = list(Partnership.objects.for_office(office))
        assert 10 <= len(pacts) <= 40
        live = [p.partner_city_id for p in pacts if p.status in LIVE and not p.archived]
        assert len(live) == len(set(live))  # one live pact per partner city
        assert all(p.partner_city_id != office.home_city_id for p in pacts)
        for p in pacts:
            assert p.responsible_id is None or p.responsible_id in members
            assert p.status != "ended" or p.end_reason
            assert not (p.signed_on and p.valid_until) or p.valid_until > p.signed_on
            approvals = list(p.approvals.all())
            if p.status == "active":
                assert all(a.status == "granted" for a in approvals)
            if p.status == "awaiting_approval":
                assert any(a.status == "pending" for a in approvals)
        twins = Twinning.objects.filter(city_a=office.home_city) | Twinning.objects.filter(
            city_b=office.home_city
        )
        linked = {t.city_a_id for t in twins} | {t.city_b_id for t in twins}
        if linked:  # the home city's real links come first
            assert sum(p.partner_city_id in linked for p in pacts) >= min(5, len(linked) - 1)
    for a in Approval.objects.filter(office__in=offices):
        assert (a.status == "pending") == (a.decided_on is None)
    for c in Commitment.objects.filter(office__in=offices):
        assert (c.status == "done") == (c.done_on is not None)
        assert (c.status == "dropped") == bool(c.drop_reason)
        assert c.done_on is None or c.done_on <= UNTIL
        assert c.department is None or c.department.office_id == c.office_id
    activities = Activity.objects.filter(office__in=offices)
    assert activities.count() == 2000 + _logged()
    assert activities.aggregate(last=Max("date"))["last"] <= UNTIL
    assert not activities.filter(date__lt=first_day).exists()
    # Every activity is under at least one pact, all of its own office.
    assert not activities.annotate(n=Count("partnerships")).filter(n=0).exists()
    through = Activity.partnerships.through.objects.filter(activity__in=activities)
    assert not through.exclude(partnership__office_id=F("activity__office_id")).exists()
    for review in DormancyReview.objects.filter(office__in=offices).select_related("partnership"):
        if review.decision == "retire":
            assert review.partnership.status == "ended" and review.reason
        else:
            assert review.deadline > review.decided_on and review.letter_fa and review.letter_en
    # Every field rule of every model, on a sample of each (the house rules included).
    rng = random.Random(0)
    for model in (
        Office,
        Department,
        OfficeMembership,
        get_user_model(),
        Partnership,
        Activity,
        Outcome,
        Commitment,
        Agreement,
        AgreementFile,
        Approval,
        DormancyReview,
        Event,
    ):
        rows = list(model._default_manager.all())
        assert rows, model
        for row in rng.sample(rows, min(40, len(rows))):
            row.full_clean()
            validate_fields(row)


def test_a_realistic_mix_with_stored_scores(world: None) -> None:
    generate()
    pacts = list(
        Partnership.objects.filter(office__slug__startswith=PREFIX).annotate(
            n=Count("activities"), last=Max("activities__date")
        )
    )
    statuses = Counter(p.status for p in pacts)
    assert statuses["active"] > len(pacts) / 2
    assert len(statuses) >= 4  # and some proposed, negotiating, suspended, ended
    labels = Counter(p.health_label for p in pacts if p.status == "active")
    assert labels["active"] >= 3 and labels["dormant"] >= 5
    assert sum(p.paper_only for p in pacts) >= 2
    # Long silences: many pacts in force have done nothing for two years or more.
    two_years_ago = UNTIL - dt.timedelta(days=730)
    silent = [
        p for p in pacts if p.status == "active" and (p.last is None or p.last < two_years_ago)
    ]
    assert len(silent) >= 5
    # A few pacts do most of the work (a Zipf-like share) in each office.
    for office in Office.objects.filter(slug__startswith=PREFIX):
        counts = sorted((p.n for p in pacts if p.office_id == office.pk), reverse=True)
        total = sum(counts)
        assert counts[0] >= 0.15 * total
        assert sum(counts[: len(counts) // 5]) >= 0.5 * total
    # Larger cities, more activities.
    by_office = Counter(
        Activity.objects.filter(office__slug__startswith=PREFIX).values_list(
            "office__home_city__population", flat=True
        )
    )
    sizes = [by_office[k] for k in sorted(by_office, reverse=True)]
    assert sizes == sorted(sizes, reverse=True)
    assert Outcome.objects.filter(office__slug__startswith=PREFIX).count() >= 100
    assert Activity.areas.through.objects.count() >= 1000
    assert AgreementFile.objects.exists() and Approval.objects.exists()
    reviews = Counter(DormancyReview.objects.values_list("decision", flat=True))
    assert reviews["revive"] >= 1 and reviews["retire"] >= 1
    # The scores are stored, as of --until, and are what the daily refresh computes.
    for p in pacts:
        assert p.health_computed_on == UNTIL
        assert (p.health_score is not None) == (p.status == "active")
    before = [(p.pk, p.health_score, p.health_label, p.paper_only) for p in pacts]
    services.health_refresh(partnerships=pacts, today=UNTIL)
    after = list(
        Partnership.objects.filter(pk__in=[p.pk for p in pacts])
        .order_by("pk")
        .values_list("pk", "health_score", "health_label", "paper_only")
    )
    assert sorted(before) == after


def test_pages_answer_to_the_director_and_offices_stay_apart(world: None) -> None:
    generate(password="scale-pass-1")
    tehran, other = Office.objects.filter(slug__startswith=PREFIX).order_by(
        "-home_city__population"
    )[:2]
    client = Client()
    assert client.login(username=f"{tehran.slug}-director", password="scale-pass-1")
    pacts = Partnership.objects.for_office(tehran).annotate(n=Count("activities"))
    busiest = pacts.order_by("-n").first()
    dormant = pacts.filter(health_label="dormant").first()
    with_file = AgreementFile.objects.for_office(tehran).first()
    assert busiest is not None and dormant is not None and with_file is not None
    kw = {"office_slug": tehran.slug}
    for lang in ("fa", "en"):
        with translation.override(lang):
            urls = [
                reverse("dashboard:home", kwargs=kw),
                reverse("partnerships:list", kwargs=kw),
                reverse("partnerships:list", kwargs=kw) + "?label=dormant&sort=score",
                reverse("partnerships:detail", kwargs={**kw, "pk": busiest.pk}),
                reverse("partnerships:detail", kwargs={**kw, "pk": dormant.pk}),
                reverse(
                    "partnerships:detail", kwargs={**kw, "pk": with_file.agreement.partnership_id}
                ),
            ]
        for url in urls:
            response = client.get(url)
            assert response.status_code == 200, url
    # Every page the load bench reads, on the newest record of each kind (bench.pages).
    context: dict[str, Any] = {"office": tehran.slug, "partnership": busiest.pk, "city": "x"}
    for key, label in RECORDS.items():
        model = apps.get_model(label)
        context[key] = model._base_manager.filter(office=tehran).order_by("-pk").first().pk
    for bench_page in PAGES:
        path = bench_page.path
        if bench_page.kind == "page" and "/o/{office}/" in path and "discover" not in path:
            url = path.format(**context)
            assert client.get(url).status_code == 200, url
    page = client.get(reverse("partnerships:list", kwargs=kw)).content.decode()
    assert busiest.partner_city.name in page
    api = client.get(f"/api/v1/offices/{tehran.slug}/partnerships?limit=5")
    assert api.status_code == 200 and api.json()["count"] == pacts.filter(archived=False).count()
    # The agreement files are records only: their download answers 404, not an error.
    with translation.override("en"):
        download = reverse(
            "records:download", kwargs={**kw, "kind": "agreement", "pk": with_file.pk}
        )
    assert client.get(download).status_code == 404
    # Another office's pact is not found through this office, nor its pages at all.
    theirs = Partnership.objects.for_office(other).first()
    assert theirs is not None
    with translation.override("en"):
        assert (
            client.get(reverse("partnerships:detail", kwargs={**kw, "pk": theirs.pk})).status_code
            == 404
        )
        response = client.get(reverse("partnerships:list", kwargs={"office_slug": other.slug}))
    assert response.status_code == 404
    # Without --password, nobody can log in.
    generate(replace=True)
    assert not Client().login(username=f"{tehran.slug}-director", password="scale-pass-1")


def test_every_module_has_rows_that_keep_their_rules(world: None) -> None:
    generate()
    offices = list(Office.objects.filter(slug__startswith=PREFIX))
    rng = random.Random(1)
    for model in MODULES:
        rows: list[Any] = list(model._base_manager.filter(office__in=offices))
        assert rows, model
        for row in rng.sample(rows, min(40, len(rows))):
            row.full_clean()
            validate_fields(row)
        # Office isolation: whatever of an office a row refers to is of the same office.
        for f in model._meta.concrete_fields:
            target = f.related_model
            if f.is_relation and target is not None and hasattr(target, "office_id"):
                for row in rows:
                    ref: Any = getattr(row, f.name)
                    assert ref is None or ref.office_id == row.office_id, (model, f.name)
    for office in offices:
        members = set(OfficeMembership.objects.for_office(office).values_list("user_id", flat=True))
        assert Membership.objects.for_office(office).exists()
        assert missions.Contact.objects.for_office(office).filter(kind="city_ambassador").exists()
        for m in missions.Mission.objects.for_office(office).prefetch_related("partnerships"):
            assert m.end_date >= m.start_date
            if m.end_date >= UNTIL:
                assert m.status in ("draft", "submitted", "approved")
            assert bool(m.status_reason) == (m.status in ("rejected", "cancelled"))
            reported = m.status == "reported"
            assert hasattr(m, "report") == reported
            if reported:
                assert m.end_date < m.report.filed_on <= UNTIL
                assert all(o.outcome for o in m.objectives.all())
            links = m.activity_links.count()
            done = m.status in ("completed", "reported")
            assert links == (len(m.partnerships.all()) if done else 0)
            for p in m.participants.all():
                assert (p.user_id is None) != (p.contact_id is None)
                assert p.user_id is None or p.user_id in members
        for e in missions.Event.objects.for_office(office):
            assert e.ends_on >= e.starts_on
        for ms in Membership.objects.for_office(office):
            assert ms.fee_paid_on is None or ms.fee_paid_on <= UNTIL
    for practice in Practice.objects.filter(office__in=offices).prefetch_related("spans"):
        spans = list(practice.spans.all())
        assert spans[0].stage == "idea" and spans[-1].stage == practice.stage
        assert spans[-1].left_on is None and spans[-1].entered_on == practice.stage_since
        assert all(a.left_on == b.entered_on for a, b in itertools.pairwise(spans))
        assert bool(practice.stage_reason) == (practice.stage == "rejected")
        assert (practice.adopted_on is not None) == (practice.stage == "adopted")
        assert not practice.published or practice.stage == "adopted"
    for f in Feedback.objects.filter(office__in=offices).select_related(
        "partnership", "practice", "pitch"
    ):
        record: Any = f.target
        assert record is not None and record.published and record.office_id == f.office_id
        assert (f.status == "pending") == (f.moderated_by_id is None) == (f.moderated_at is None)
        assert not f.email or (f.status in ("pending", "approved") and not f.answered)
    # Every searchable record has its document, in Persian and English where it has both.
    for kind in kinds():
        if kind.key == "organization":
            continue
        records = kind.model._base_manager.filter(office__in=offices)
        docs = SearchDocument.objects.filter(kind=kind.key, object_id__in=records.values("pk"))
        assert records.exists() and docs.count() == records.count(), kind.key
        assert docs.exclude(title_en="").exists() or kind.key == "activity", kind.key


@pytest.mark.django_db
def test_the_planner_statistics_are_taken_anew_on_postgresql_only() -> None:
    from django.db import connection

    from peyvand.dashboard.scale import refresh_statistics

    said: list[str] = []
    refresh_statistics(said.append)
    if connection.vendor == "postgresql":
        assert len(said) == 1 and "ANALYZE" in said[0]
    else:
        assert said == []
