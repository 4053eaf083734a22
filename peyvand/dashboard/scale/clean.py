"""Deleting a generation of scale data: its offices, everything they hold, their users."""

from __future__ import annotations

from collections import Counter

from django.apps import apps
from django.contrib.auth import get_user_model
from django.db import connection, transaction
from django.db.models import Model

from peyvand.accounts.models import Department, Office, OfficeMembership, OfficeScoped
from peyvand.knowledge import models as knowledge
from peyvand.missions import models as missions
from peyvand.opportunities import models as opportunities
from peyvand.organizations.models import Membership, Obligation, RoleHeld
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
from peyvand.portal import models as portal
from peyvand.records.models import Event
from peyvand.search.kinds import kinds
from peyvand.search.models import SearchDocument

from .build import PREFIX
from .rows import delete_where


@transaction.atomic
def delete_scale_data() -> Counter[str]:
    """Delete every office whose slug starts with `scale-`, its rows and the users named
    `scale-*` left without an office; returns the rows deleted by table."""
    office_ids = list(Office.objects.filter(slug__startswith=PREFIX).values_list("pk", flat=True))
    deleted: Counter[str] = Counter()
    if office_ids:
        marks = ", ".join(["%s"] * len(office_ids))
        quote = connection.ops.quote_name

        def of_offices(model: type[Model]) -> str:
            return f"SELECT id FROM {quote(model._meta.db_table)} WHERE office_id IN ({marks})"

        activities, pacts, by_office = of_offices(Activity), of_offices(Partnership), marks
        contacts, events = of_offices(missions.Contact), of_offices(missions.Event)
        mission_ids = of_offices(missions.Mission)
        # The other modules' rows, children first (a participant protects its contact).
        practices, calls = of_offices(knowledge.Practice), of_offices(opportunities.FundingCall)
        applications = of_offices(opportunities.Application)
        # Their search documents (a record's kind and id), then the records.
        for kind in kinds():
            if any(f.name == "office" for f in kind.model._meta.concrete_fields):
                n = SearchDocument.objects.filter(
                    kind=kind.key,
                    object_id__in=kind.model._base_manager.filter(office_id__in=office_ids).values(
                        "pk"
                    ),
                ).delete()[0]
                deleted[SearchDocument._meta.label] += n
        steps: list[tuple[type[Model], str, str]] = [
            (portal.Feedback, "office_id", by_office),
            (portal.InboxMessage, "office_id", by_office),
            (opportunities.Application.partner_cities.through, "application_id", applications),
            (
                opportunities.Application.partner_organizations.through,
                "application_id",
                applications,
            ),
            (opportunities.Application, "office_id", by_office),
            (opportunities.FundingCall.areas.through, "fundingcall_id", calls),
            (opportunities.FundingCall, "office_id", by_office),
            (opportunities.PartyFollowUp, "office_id", by_office),
            (opportunities.InterestedParty, "office_id", by_office),
            (opportunities.PitchDocument, "office_id", by_office),
            (opportunities.Pitch, "office_id", by_office),
            (knowledge.StageSpan, "office_id", by_office),
            (knowledge.PracticeDocument, "office_id", by_office),
            (knowledge.Practice.partnerships.through, "practice_id", practices),
            (knowledge.Practice.areas.through, "practice_id", practices),
            (knowledge.Practice.missions.through, "practice_id", practices),
            (knowledge.Practice.contacts.through, "practice_id", practices),
            (knowledge.Practice, "office_id", by_office),
            (missions.MissionActivity, "office_id", by_office),
            (missions.PracticeObserved, "office_id", by_office),
            (missions.FollowUp, "office_id", by_office),
            (missions.TripReport, "office_id", by_office),
            (missions.Participant, "office_id", by_office),
            (missions.Objective, "office_id", by_office),
            (missions.MissionDocument, "office_id", by_office),
            (missions.Mission.cities.through, "mission_id", mission_ids),
            (missions.Mission.partnerships.through, "mission_id", mission_ids),
            (missions.Mission, "office_id", by_office),
            (missions.Event.areas.through, "event_id", events),
            (missions.Event, "office_id", by_office),
            (missions.Contact.partnerships.through, "contact_id", contacts),
            (missions.Contact.activities.through, "contact_id", contacts),
            (missions.Contact, "office_id", by_office),
            (RoleHeld, "office_id", by_office),
            (Obligation, "office_id", by_office),
            (Membership, "office_id", by_office),
        ]
        # The big tables in one statement each, children first.
        steps += [
            (Activity.partnerships.through, "activity_id", activities),
            (Activity.areas.through, "activity_id", activities),
            (Outcome, "office_id", by_office),
            (Activity, "office_id", by_office),
            (Event, "office_id", by_office),
            (AgreementFile, "office_id", by_office),
            (Agreement, "office_id", by_office),
            (Approval, "office_id", by_office),
            (DormancyReview, "office_id", by_office),
            (Commitment, "office_id", by_office),
            (Partnership.areas.through, "partnership_id", pacts),
        ]
        for model, column, subquery in steps:
            deleted[model._meta.label] += delete_where(model, column, subquery, office_ids)
        # What else an office holds (settings, notes, pacts...): few rows, through the
        # ORM, which follows their relations.
        for model in apps.get_models():
            if issubclass(model, OfficeScoped):
                n, _by_model = model._base_manager.filter(office_id__in=office_ids).delete()
                deleted[model._meta.label] += n
        # Members before departments: a membership's department is protected.
        for model in (OfficeMembership, Department, Office):
            n, _by_model = model.objects.filter(
                **({"pk__in": office_ids} if model is Office else {"office_id__in": office_ids})
            ).delete()
            deleted[model._meta.label] += n
    users = get_user_model().objects.filter(username__startswith=PREFIX, memberships=None)
    n, _by_model = users.delete()
    deleted[get_user_model()._meta.label] += n
    return +deleted
