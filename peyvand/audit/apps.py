from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AuditConfig(AppConfig):
    name = "peyvand.audit"
    verbose_name = _("Audit trail")

    def ready(self) -> None:
        from . import recorder

        recorder.connect()  # every app's models are loaded by now
