from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RecordsConfig(AppConfig):
    name = "peyvand.records"
    verbose_name = _("Office records")

    def ready(self) -> None:
        from peyvand.core.recovery import register_retryable
        from peyvand.core.scheduler import register_daily

        from .tasks import purge_bin

        register_daily("records.purge_bin", purge_bin)
        register_retryable(purge_bin)  # purges what is due: safe again
