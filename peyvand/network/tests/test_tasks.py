"""Fitting the recommender: after an import, once for an older snapshot, never in a request."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from peyvand.accounts.models import Role
from peyvand.network import tasks
from peyvand.network.discover import services
from peyvand.network.discover.selectors.recommendations import recommend
from peyvand.network.discover.selectors.scope import clear_local_memo
from peyvand.network.models import NetworkSnapshot
from peyvand.network.recommender.signals import feature_names
from peyvand.network.signals import world_imported

from .discover_world import SmallWorld


def test_a_world_import_refits_the_recommender(world: SmallWorld) -> None:
    assert not NetworkSnapshot.objects.exists()
    world_imported.send(sender=None, changed=1)  # the tasks backend runs it at once in tests
    snap = NetworkSnapshot.objects.get()
    assert snap.links == 17 and snap.model["names"]


def test_a_snapshot_from_an_older_release_is_refitted_once(world: SmallWorld) -> None:
    def store_as_older_release() -> None:
        snap = NetworkSnapshot.objects.get()
        model = dict(snap.model)  # as stored by a release without the last feature
        for key in ("names", "knots", "weights", "reference"):
            model[key] = model[key][:-1]
        NetworkSnapshot.objects.filter(pk=snap.pk).update(model=model)
        clear_local_memo()

    tasks.queue_fit_if_needed()
    store_as_older_release()
    tasks.queue_fit_if_needed()  # queues a refit; the immediate backend runs it at once
    assert NetworkSnapshot.objects.get().model["names"] == feature_names()
    store_as_older_release()
    tasks.queue_fit_if_needed()  # already queued once for this version: not again
    assert len(NetworkSnapshot.objects.get().model["names"]) == len(feature_names()) - 1


def test_without_a_fitted_model_a_request_never_fits_and_says_the_ranking_is_provisional(
    world: SmallWorld, home: Any, member_client: Any, no_worker: Any
) -> None:
    tehran = world["Tehran"]
    tasks.queue_fit_if_needed()  # what a request does before it reads
    result = recommend(city=tehran, k=5)
    assert result.provisional and result.suggestions
    assert not NetworkSnapshot.objects.exists()
    # the fit was queued once, not again by the next requests
    tasks.queue_fit_if_needed()
    recommend(city=tehran, k=5)
    assert len(no_worker.results) == 1
    client = member_client(home, Role.VIEWER)
    url = "/en" + reverse("discover:recommendations", args=[home.slug]).removeprefix("/fa")
    page = client.get(url)
    assert page.status_code == 200 and b"data-provisional" in page.content
    assert b"provisional weights" in page.content
    body = client.get(f"/api/v1/cities/{tehran.code}/recommendations?k=3").json()
    assert body["provisional"] is True and len(body["suggestions"]) == 3
    # the worker fits it: the next request uses the fitted model
    services.network_snapshot_create()
    result = recommend(city=tehran, k=5)
    assert not result.provisional
    assert b"data-provisional" not in client.get(url).content


def test_a_refit_of_the_same_data_is_served_at_once(fitted: SmallWorld) -> None:
    """A refit keeps the version (same data) but changes the model: cached scores and the
    per-process model must follow it, or reasons would explain another model's ranking."""
    tehran = fitted["Tehran"]
    first = recommend(city=tehran, k=3).suggestions[0].score
    snap = NetworkSnapshot.objects.get()
    model = dict(snap.model)
    model["intercept"] = model["intercept"] + 5.0
    NetworkSnapshot.objects.filter(pk=snap.pk).update(model=model)
    again = recommend(city=tehran, k=3).suggestions[0].score
    assert again == pytest.approx(first + 5.0, abs=1e-3)
