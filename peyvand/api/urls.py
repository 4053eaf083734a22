"""Assembles the apps' routers into one API; holds no rules of its own."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from ninja import NinjaAPI

from peyvand.core.api import document_error_answers, install_error_handlers
from peyvand.core.pagecache import keep_answer
from peyvand.records.api import document_if_match, install_stale_handler


class PeyvandAPI(NinjaAPI):
    """The API; its schema says, for every operation, the answers every operation may give:
    422 (a value refused by the schema or a rule, in the one error shape) and, for those
    that take a body, 400 (a body that is not JSON); and, for those that change or delete a
    versioned record, the required If-Match header (428 without it)."""

    def get_openapi_schema(self, *args: Any, **kwargs: Any) -> Any:
        schema = super().get_openapi_schema(*args, **kwargs)
        document_error_answers(schema)
        document_if_match(schema)
        return schema

    def create_response(self, request: HttpRequest, data: Any, **kwargs: Any) -> HttpResponse:
        response = super().create_response(request, data, **kwargs)
        keep_answer(request, response)  # the lists kept with @cached_answer (core.pagecache)
        return response


api = PeyvandAPI(
    title="Peyvand API",
    version="1",
    description=(
        "The REST API of Peyvand, a city-diplomacy workbench. World data contains data from "
        "GeoNames (CC BY 4.0), Wikipedia (CC BY-SA 4.0), Wikidata (CC0), the German section of "
        "CEMR (RGRE), Unicode CLDR and the countries-states-cities database by dr5hn (ODbL 1.0)."
    ),
    urls_namespace="api",
)
install_error_handlers(api)
install_stale_handler(api)

from peyvand.accounts.api import office_router  # noqa: E402
from peyvand.accounts.api import router as tokens_router  # noqa: E402
from peyvand.agenda.api import router as agenda_router  # noqa: E402
from peyvand.audit.api import router as audit_router  # noqa: E402
from peyvand.dashboard.api import router as dashboard_router  # noqa: E402
from peyvand.exchange.api import router as exchange_router  # noqa: E402
from peyvand.knowledge.api import router as knowledge_router  # noqa: E402
from peyvand.missions.api import router as missions_router  # noqa: E402
from peyvand.network.atlas.api import router as world_network_router  # noqa: E402
from peyvand.network.discover.api import router as discover_router  # noqa: E402
from peyvand.opportunities.api import router as opportunities_router  # noqa: E402
from peyvand.organizations.api import router as organizations_router  # noqa: E402
from peyvand.partnerships.api import router as partnerships_router  # noqa: E402
from peyvand.places.api import router as places_router  # noqa: E402
from peyvand.portal.api import router as portal_router  # noqa: E402
from peyvand.records.bin_api import router as bin_router  # noqa: E402
from peyvand.reports.api import router as reports_router  # noqa: E402
from peyvand.search.api import router as search_router  # noqa: E402

api.add_router("/", places_router)
api.add_router("/", world_network_router)
api.add_router("/", partnerships_router)
api.add_router("/", discover_router)
api.add_router("/", organizations_router)
api.add_router("/", missions_router)
api.add_router("/", knowledge_router)
api.add_router("/", opportunities_router)
api.add_router("/", search_router)
api.add_router("/", dashboard_router)
api.add_router("/", agenda_router)
api.add_router("/", reports_router)
api.add_router("/", audit_router)
api.add_router("/", bin_router)
api.add_router("/", portal_router)
api.add_router("/", exchange_router)
api.add_router("/", tokens_router)
api.add_router("/", office_router)
