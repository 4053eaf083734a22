from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "peyvand.accounts"
    verbose_name = _("Offices and members")

    def ready(self) -> None:
        from . import versions

        versions.connect()
