"""Everything `make run` prepares before serving, in one process (one start-up of Django
instead of five): the Persian catalogue, the database schema, the cache table, the static
files, the world data and the demo office. Each step is skipped when it has nothing to do,
so a second start takes seconds: the catalogue when it is newer than its source, the
static files when no source file changed since the last collection (a fingerprint of
their names, sizes and times), the world and the demo when they are there."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

from django.conf import settings
from django.contrib.staticfiles.finders import get_finders
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandParser

from peyvand.accounts.models import Office

FINGERPRINT = ".sources-fingerprint"


def static_fingerprint() -> str:
    """A digest of every static source file's path, size and modification time."""
    digest = hashlib.sha256()
    for finder in get_finders():
        for path, storage in finder.list([]):
            stat = Path(storage.path(path)).stat()
            digest.update(f"{path}\0{stat.st_size}\0{stat.st_mtime_ns}\n".encode())
    return digest.hexdigest()


class Command(BaseCommand):
    help = "Prepare the database, the static files, the world data and the demo office."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--demo", default="1", help="0 to skip the demo office (make run DEMO=0)."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        from peyvand.places.models import City

        self._compile_messages()
        call_command("migrate", interactive=False, verbosity=0)
        call_command("createcachetable", verbosity=0)
        self._collect_static()
        if not City.objects.exists():
            self.stdout.write("Importing the world data (first start)...")
            call_command("import_world", stdout=self.stdout, stderr=self.stderr)
        if options["demo"] not in {"0", "false", "no"} and not Office.objects.exists():
            call_command("load_demo", stdout=self.stdout, stderr=self.stderr)
        elif Office.objects.filter(is_demo=True).exists():
            from peyvand.dashboard.demo import load_demo_modules

            for office in Office.objects.filter(is_demo=True):
                for line in load_demo_modules(office):
                    self.stdout.write(line)
            self.stdout.write("Demo office ready; `make demo-logins` issues fresh passwords.")

    def _compile_messages(self) -> None:
        # The project's catalogue and each app's own (decision 0008).
        base = Path(settings.BASE_DIR)
        sources = [base / "locale" / "fa" / "LC_MESSAGES" / "django.po"]
        sources += sorted(base.glob("peyvand/*/locale/fa/LC_MESSAGES/django.po"))
        if any(
            not (mo := po.with_suffix(".mo")).exists() or mo.stat().st_mtime < po.stat().st_mtime
            for po in sources
        ):
            call_command("compilemessages", locale=["fa"], ignore_patterns=[".venv/*"], verbosity=0)

    def _collect_static(self) -> None:
        stamp = Path(settings.STATIC_ROOT) / FINGERPRINT
        fingerprint = static_fingerprint()
        if stamp.exists() and stamp.read_text() == fingerprint:
            return
        self.stdout.write("Collecting the static files...")
        call_command("collectstatic", interactive=False, verbosity=0)
        stamp.write_text(fingerprint)
