from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NetworkConfig(AppConfig):
    name = "peyvand.network"
    verbose_name = _("Sister-city network")

    def ready(self) -> None:
        from .signals import world_imported
        from .tasks import on_world_imported

        world_imported.connect(on_world_imported, dispatch_uid="network_recompute")
