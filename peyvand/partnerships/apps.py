from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PartnershipsConfig(AppConfig):
    name = "peyvand.partnerships"
    verbose_name = _("Partnerships")

    def ready(self) -> None:
        # The network app learns of an office's signed pacts through its registry; it
        # never imports this app.
        from peyvand.network.edges import register_office_edges, register_office_version

        from .selectors import office_pacts_version, signed_partner_edges

        register_office_edges(signed_partner_edges)
        register_office_version(office_pacts_version)
