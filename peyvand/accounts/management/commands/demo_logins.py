from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError

from peyvand.accounts.demo import demo_logins_reset


class Command(BaseCommand):
    help = "Issue fresh passwords for the demo users and print them, one login a line."

    def handle(self, *args: Any, **options: Any) -> None:
        logins = demo_logins_reset()
        if not logins:
            raise CommandError("There is no demo office. Run `make run` (or load_demo) first.")
        for role, username, password in logins:
            self.stdout.write(f"{role} {username} {password}")
