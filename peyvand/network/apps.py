from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NetworkConfig(AppConfig):
    name = "peyvand.network"
    verbose_name = _("Sister-city network")

    def ready(self) -> None:
        from django.db.models.signals import post_delete, post_save

        from peyvand.core.recovery import register_retryable
        from peyvand.core.versions import bump_world
        from peyvand.places.models import City, CityNameReview, Country

        from .models import NetworkSnapshot, Twinning
        from .signals import world_imported
        from .tasks import network_recompute, on_world_imported

        register_retryable(network_recompute)  # a fit from the stored data: safe again

        world_imported.connect(on_world_imported, dispatch_uid="network_recompute")
        # The world every page shows changed: an import (its bulk writes send no row
        # signals), a city's or country's row, a reviewed name, a link, a new fit.
        world_imported.connect(bump_world, dispatch_uid="world-version-import")
        for model in (City, CityNameReview, Country, NetworkSnapshot, Twinning):
            uid = f"world-version-{model._meta.label}"
            post_save.connect(bump_world, sender=model, dispatch_uid=uid)
            post_delete.connect(bump_world, sender=model, dispatch_uid=uid)
