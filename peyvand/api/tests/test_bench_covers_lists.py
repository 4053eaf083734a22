"""Every list the API answers is driven by the load bench (bench/pages.py): a new list
operation without its page there fails here, so that it meets the page target too."""

from __future__ import annotations

from bench.pages import PAGES
from peyvand.api.urls import api

# Lists that are not pages a client reads often: the member's calendar feed address, an
# export (a file, timed by bench/bench_exchange.py) and a city's own sub-resources (the
# atlas's city page reads them, benched as "city page").
NOT_BENCHED = {
    "/api/v1/offices/{slug}/calendar/feed",
    "/api/v1/offices/{slug}/exports/{kind}",
    "/api/v1/cities/{code}",
    "/api/v1/cities/{code}/metrics",
    "/api/v1/cities/{code}/recommendations",
}


def _bench_path(page_path: str) -> str:
    return page_path.split("?", 1)[0].replace("{office}", "{slug}")


def test_every_api_list_is_in_the_load_bench() -> None:
    schema = api.get_openapi_schema(path_prefix="/api/v1/")
    lists = {
        path
        for path, methods in schema["paths"].items()
        if "get" in methods and "{pk}" not in path and path not in NOT_BENCHED
    }
    benched = {_bench_path(page.path) for page in PAGES if page.kind == "api"}
    assert lists - benched == set(), "add these API lists to bench/pages.py"
