"""The international bodies Peyvand ships (organizations.seed); headquarters are linked
where the atlas already holds the city, else after the world import."""

from __future__ import annotations

from typing import Any

from django.db import migrations


def ship(apps: Any, schema_editor: Any) -> None:
    from peyvand.organizations.seed import SHIPPED

    Organization = apps.get_model("organizations", "Organization")
    City = apps.get_model("places", "City")
    for name_en, name_fa, acronym, kind, website, city_code in SHIPPED:
        Organization.objects.get_or_create(
            name_en=name_en,
            defaults={
                "name_fa": name_fa,
                "acronym": acronym,
                "kind": kind,
                "website": website,
                "headquarters": City.objects.filter(code=city_code).first(),
            },
        )


class Migration(migrations.Migration):
    dependencies = [
        ("organizations", "0001_initial"),
        ("places", "0004_shipped_names_and_aliases"),
    ]

    operations = [migrations.RunPython(ship, migrations.RunPython.noop)]
