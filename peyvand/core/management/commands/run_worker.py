"""`manage.py run_worker`: the task worker of the configured backend, until stopped.

One command for every deployment (scripts/run, docs/deploy.md): django-tasks-db's
`db_worker` on every queue by default, django-tasks-redis's `run_redis_tasks` when
`TASKS_URL` names Redis (decision 0022). Start as many as the work needs, on any host:
each task is claimed by one of them.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandParser
from django.db import close_old_connections
from django.tasks.signals import task_finished, task_started

REDIS = "django_tasks_redis.RedisTaskBackend"


class Command(BaseCommand):
    help = "Run the task worker of the configured backend (database or Redis) until stopped."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--worker-id", default=None, help="a name for this worker (database)")

    def handle(self, *args: Any, **options: Any) -> None:
        if settings.TASKS["default"]["BACKEND"] == REDIS:
            # as around a request: a connection the database dropped, or older than
            # CONN_MAX_AGE, is replaced before the next task (db_worker does the same)
            task_started.connect(close_old_connections)
            task_finished.connect(close_old_connections)
            call_command("run_redis_tasks", continuous=True, stdout=self.stdout)
            return
        worker: dict[str, Any] = {"queue_name": "*", "verbosity": options["verbosity"]}
        if options["worker_id"]:
            worker["worker_id"] = options["worker_id"]
        call_command("db_worker", **worker)
