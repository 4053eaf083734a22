"""Partner discovery writes: the recommender's snapshot, the office's country notes."""

from __future__ import annotations

import time
from typing import Any

from django.db import transaction

from peyvand.accounts.models import Office
from peyvand.places.models import Country

from .. import arrays
from ..models import CountryNote, CountryNoteRevision, NetworkSnapshot
from ..recommender.model import fit_or_prior
from .selectors.metrics import compute_public_metrics

FIT_SEED = 0


def network_snapshot_create(*, seed: int = FIT_SEED) -> NetworkSnapshot:
    """Fit the recommender on the public network and store it; cache arrays and metrics.

    Run in the background after every world import (tasks.network_recompute). The version
    is derived from the data, so fitting twice on the same data updates one row.
    """
    started = time.perf_counter()
    world = arrays.load_world_arrays()
    model = fit_or_prior(world.net, seed=seed)
    version = f"{world.fingerprint}-{seed}"
    arrays.store_world(version, world)
    arrays.store(arrays.metrics_key(version), compute_public_metrics(version, world))
    links = int(world.net.adj.nnz // 2)
    with transaction.atomic():
        snap, _ = NetworkSnapshot.objects.update_or_create(
            version=version,
            defaults={
                "cities": world.net.n,
                "links": links,
                "model": model.to_dict(),
                "fit_seconds": round(time.perf_counter() - started, 2),
            },
        )
        # One snapshot is current: the newest fit replaces the others.
        NetworkSnapshot.objects.exclude(pk=snap.pk).delete()
    return snap


NOTE_FIELDS = ["relations", "payment_sanctions", "visa", "travel_advice", "notes"]


@transaction.atomic
def country_note_save(
    *,
    office: Office,
    country: Country,
    editor: Any,
    relations: str,
    payment_sanctions: bool,
    visa: str,
    travel_advice: str,
    notes: str = "",
) -> CountryNote:
    """Create or update the office's note on a country, keeping a revision of each edit."""
    values = {
        "relations": relations,
        "payment_sanctions": payment_sanctions,
        "visa": visa,
        "travel_advice": travel_advice,
        "notes": notes.strip(),
    }
    note = (
        CountryNote.objects.select_for_update().for_office(office).filter(country=country).first()
    )
    if note is None:
        note = CountryNote(office=office, country=country, **values)
        note.full_clean()
        note.save()
    else:
        changed = [f for f, v in values.items() if getattr(note, f) != v]
        if not changed:
            return note
        for f in changed:
            setattr(note, f, values[f])
        note.version += 1
        note.full_clean()
        note.save(update_fields=[*changed, "version", "updated_at"])
    CountryNoteRevision.objects.create(
        office=office,
        note=note,
        editor=editor if getattr(editor, "pk", None) else None,
        data={**values, "version": note.version},
    )
    return note


@transaction.atomic
def country_note_delete(*, note: CountryNote) -> None:
    note.delete()
