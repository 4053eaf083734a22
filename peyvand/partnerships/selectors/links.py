"""The public links of the home city, and what the network app reads of the pacts."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from django.db.models import Count, Max, Q

from peyvand.accounts.models import Office
from peyvand.network.atlas.selectors import source_label
from peyvand.network.models import Twinning
from peyvand.places.models import City

from ..models import (
    Activity,
    CooperationArea,
    NotOurs,
    Partnership,
    PartnershipStatus,
)


@dataclass
class HomeLink:
    twinning: Twinning
    partner: City
    partnership: Partnership | None
    not_ours: NotOurs | None

    @property
    def source_labels(self) -> list[str]:
        """The sources that state the link, named in the reader's language."""
        return [source_label(s) for s in self.twinning.sources.split(";") if s]


def home_city_links(*, office: Office, include_not_ours: bool = False) -> list[HomeLink]:
    """The public twinnings of the office's city beside its registry."""
    home = office.home_city_id
    if home is None:
        return []
    twinnings = Twinning.objects.filter(Q(city_a_id=home) | Q(city_b_id=home)).select_related(
        "city_a", "city_a__country", "city_b", "city_b__country"
    )
    # The live pact with each partner when there is one, else the latest ended one.
    pacts: dict[int, Partnership] = {}
    for p in (
        Partnership.objects.for_office(office)
        .only("pk", "partner_city_id", "status", "archived", "office_id")
        .order_by("pk")
    ):
        known = pacts.get(p.partner_city_id)
        if known is None or known.status == PartnershipStatus.ENDED:
            pacts[p.partner_city_id] = p
    marks = {n.partner_city_id: n for n in NotOurs.objects.for_office(office)}
    links = []
    for t in twinnings:
        partner = t.city_b if t.city_a_id == home else t.city_a
        mark = marks.get(partner.pk)
        if mark is not None and not include_not_ours:
            continue
        links.append(HomeLink(t, partner, pacts.get(partner.pk), mark))
    links.sort(key=lambda link: (link.partnership is not None, link.partner.name_en))
    return links


def signed_partner_edges(office: Office) -> list[tuple[int, int]]:
    """(home city, partner city) of the office's signed pacts, for the network app."""
    if office is None or office.home_city_id is None:
        return []
    home = office.home_city_id
    partners = (
        Partnership.objects.for_office(office)
        .filter(archived=False)
        .filter(
            Q(status__in=[PartnershipStatus.ACTIVE, PartnershipStatus.SUSPENDED])
            | Q(signed_on__isnull=False)
        )
        .values_list("partner_city_id", flat=True)
        .distinct()
    )
    return [(home, pid) for pid in partners if pid != home]


def registry_partner_cities(office: Office) -> list[int]:
    """City pks of the partner cities of every pact in the registry, any status, archived
    too (the network app leaves them out of its suggestions)."""
    if office is None:
        return []
    return list(
        Partnership.objects.for_office(office).values_list("partner_city_id", flat=True).distinct()
    )


def goal_area_choices() -> list[tuple[str, str]]:
    """The cooperation areas an office may name as its goals (code, name)."""
    return [(area.code, area.name) for area in CooperationArea.objects.all()]


def activities_by_partner_city(office: Office, codes: Sequence[str]) -> dict[int, int]:
    """City pk -> how many of the office's activities in those areas were on its pacts
    with that city (one count per activity and city)."""
    rows = (
        Activity.objects.for_office(office)
        .filter(areas__code__in=codes)
        .values("partnerships__partner_city_id")
        .annotate(n=Count("pk", distinct=True))
    )
    return {row["partnerships__partner_city_id"]: row["n"] for row in rows}


def office_pacts_version(office: Office) -> str:
    """Changes whenever a pact of the office changes (for cache keys)."""
    row = Partnership.objects.for_office(office).aggregate(m=Max("updated_at"), n=Count("pk"))
    stamp = row["m"].isoformat() if row["m"] else "0"
    return f"{row['n']}-{stamp}-{office.home_city_id or 0}"
