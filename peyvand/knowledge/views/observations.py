"""What the knowledge app offers beside each practice observed in a trip report
(missions.observations): its practice once made, else the button that makes one."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from django.urls import reverse
from django.utils.translation import gettext as _

from peyvand.accounts.access import OfficeRequest
from peyvand.accounts.models import Role
from peyvand.missions.models import Mission, PracticeObserved
from peyvand.missions.observations import ObservationLink

from .. import selectors


def practice_links(
    request: OfficeRequest, mission: Mission, observations: Sequence[PracticeObserved]
) -> Mapping[int, ObservationLink]:
    office = request.office
    made = selectors.practices_of_observations(
        office=office, observation_ids=[o.pk for o in observations]
    )
    can_make = request.membership.has_role(Role.OFFICER)
    create = reverse("knowledge:create", kwargs={"office_slug": office.slug})
    links: dict[int, ObservationLink] = {}
    for o in observations:
        practice = made.get(o.pk)
        if practice is not None:
            url = reverse(
                "knowledge:detail", kwargs={"office_slug": office.slug, "pk": practice.pk}
            )
            label = _("Its practice: %(title)s") % {"title": practice.title}
            links[o.pk] = ObservationLink(url=url, label=label, made=True)
        elif can_make:
            links[o.pk] = ObservationLink(
                url=f"{create}?observation={o.pk}", label=_("Turn into a practice"), made=False
            )
    return links
