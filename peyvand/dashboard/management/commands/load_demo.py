"""Load the demo office and print its logins, one a line: `<role> <username> <password>`."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError

from peyvand.accounts.demo import DEMO_SLUG, demo_office_create
from peyvand.accounts.models import Office


class Command(BaseCommand):
    help = "Create the demo office (Tehran, marked as demo) with one user per role."

    def handle(self, *args: Any, **options: Any) -> None:
        if Office.objects.filter(slug=DEMO_SLUG).exists():
            raise CommandError(
                "The demo office exists already; `make demo-logins` renews passwords."
            )
        office, logins = demo_office_create()
        from peyvand.places.models import City

        tehran = City.objects.filter(code="gn:112931").first()
        if tehran is not None:
            office.home_city = tehran
            office.save(update_fields=["home_city"])
        from peyvand.dashboard.demo import load_demo_modules
        from peyvand.partnerships.demo import load_demo_partnerships

        self.stdout.write(load_demo_partnerships(office))
        for line in load_demo_modules(office):
            self.stdout.write(line)
        self.stdout.write(self.style.SUCCESS(f"Demo office created: {office.name_en}"))
        self.stdout.write("Demo logins (role username password):")
        for role, username, password in logins:
            self.stdout.write(f"{role} {username} {password}")
