"""An office's practices learned abroad, in every stage of the pipeline, with the spans of
their stages.

Rules kept (`knowledge.services.pipeline`): the spans follow the pipeline forward from
"idea", one after the other, each left the day the next is entered, the last one open and
of the practice's stage, entered on `stage_since`; a rejected practice gives its reason and
the stage it left; an adopted one its day of adoption and, with pacts, the activity its
adoption logged on them with a "practice transferred" outcome; only adopted practices are
published. Some come from the practices observed on missions (`observation`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.utils import translation
from django.utils.translation import gettext as _

from peyvand.knowledge.models import Practice, Stage, StageSpan, sdg_mask
from peyvand.missions.models import PracticeObserved
from peyvand.partnerships.models import Activity, ActivityKind, Outcome, OutcomeKind

from . import vocabulary as words
from .draw import pick

if TYPE_CHECKING:
    from .build import OfficeBuilder

PIPELINE = [Stage.IDEA, Stage.STUDIED, Stage.PROPOSED, Stage.PILOTING, Stage.ADOPTED]
# How far a practice has gone (index in PIPELINE), and whether it was rejected there.
REACH = [(0, 20), (1, 20), (2, 15), (3, 15), (4, 18)]
YEARS = 6


def build_practices(b: OfficeBuilder, observed: list[PracticeObserved]) -> None:

    rng = b.rng
    n = 4 + int(40 / (b.index + 1) ** 0.5) + rng.randint(0, 5)
    sources = [o for o in observed if rng.random() < 0.5]
    practices: list[Practice] = []
    plans: list[dict[str, Any]] = []
    for k in range(n):
        fa, en, summary, area_code = rng.choice(words.PRACTICES)
        observation = sources[k] if k < len(sources) else None
        if observation is not None:
            fa, summary = observation.title, observation.description or summary
        reach = pick(rng, REACH)
        rejected = reach < 4 and rng.random() < 0.15
        # The days it entered each stage it reached, forward from its creation.
        day = b.until - rng.randint(30, YEARS * 365)
        entered = [day]
        for _stage in PIPELINE[1 : reach + 1]:
            day = min(b.until, day + rng.randint(20, 200))
            entered.append(day)
        stages = list(PIPELINE[: reach + 1])
        if rejected:
            entered.append(min(b.until, entered[-1] + rng.randint(10, 120)))
            stages.append(Stage.REJECTED)
        stage = stages[-1]
        pact_ids = (
            sorted(rng.sample(range(len(b.pacts)), min(len(b.pacts), rng.choice((0, 1, 1, 2)))))
            if b.pacts
            else []
        )
        area = b.area_by_code.get(area_code)
        practices.append(
            Practice(
                office=b.office,
                title_fa=fa[:300],
                title_en=en if observation is None and rng.random() < 0.7 else "",
                summary_fa=summary,
                source_city=b.pacts[pact_ids[0]].p.partner_city if pact_ids else None,
                sdgs=sdg_mask(rng.sample(range(1, 18), rng.randint(0, 3))),
                cost_band=rng.choice(("", "low", "medium", "high", "very_high")),
                transferability=rng.choice(("", "easy", "adapt", "hard")),
                tags=sorted(rng.sample(words.PRACTICE_TAGS, rng.randint(0, 2))),
                stage=stage,
                stage_reason=rng.choice(words.STAGE_REASONS) if rejected else "",
                rejected_from=stages[-2] if rejected else "",
                stage_since=b.day(entered[-1]),
                adopted_on=b.day(entered[-1]) if stage == Stage.ADOPTED else None,
                department=rng.choice(b.departments) if rng.random() < 0.6 else None,
                observation=observation,
                created_by=rng.choice(b.editors),
                published=stage == Stage.ADOPTED and rng.random() < 0.5,
                version=len(stages),
            )
        )
        plans.append({"stages": stages, "entered": entered, "pacts": pact_ids, "area": area})
    _write(b, practices, plans)


def _write(b: OfficeBuilder, practices: list[Practice], plans: list[dict[str, Any]]) -> None:
    # Adoption first: the practice refers to the activity its adoption logged.
    adoptions: list[tuple[int, Activity]] = []
    for k, (p, plan) in enumerate(zip(practices, plans, strict=True)):
        if p.stage == Stage.ADOPTED and plan["pacts"]:
            with translation.override("fa"):
                title = _("Practice adopted: %(title)s") % {"title": p.title_fa}
            adoptions.append(
                (
                    k,
                    Activity(
                        office=b.office,
                        date=p.stage_since,
                        kind=ActivityKind.OTHER,
                        title=title[:300],
                        description=p.summary_fa[:5000],
                        created_by=p.created_by,
                        version=1,
                    ),
                )
            )
    Activity.objects.bulk_create([a for _k, a in adoptions], batch_size=b.ctx.batch)
    for k, activity in adoptions:
        practices[k].adoption_activity = activity
    with translation.override("fa"):
        outcomes = [
            Outcome(
                office=b.office,
                activity=a,
                kind=OutcomeKind.PRACTICE,
                value=1,
                note=(
                    _("The practice “%(title)s” was adopted at home.")
                    % {"title": practices[k].title_fa}
                )[:300],
                version=1,
            )
            for k, a in adoptions
        ]
    Outcome.objects.bulk_create(outcomes, batch_size=b.ctx.batch)
    links = b.insert(
        Activity.partnerships.through,
        ("activity_id", "partnership_id"),
        [(a.pk, b.pacts[j].p.pk) for k, a in adoptions for j in plans[k]["pacts"]],
    )
    areas = b.insert(
        Activity.areas.through,
        ("activity_id", "cooperationarea_id"),
        [(a.pk, plans[k]["area"].pk) for k, a in adoptions if plans[k]["area"] is not None],
    )
    for k, _a in adoptions:
        for j in plans[k]["pacts"]:
            b.pacts[j].n += 1
    Practice.objects.bulk_create(practices, batch_size=b.ctx.batch)
    spans = [
        StageSpan(
            office=b.office,
            practice=p,
            stage=stage,
            entered_on=b.day(entered),
            left_on=b.day(plan["entered"][n + 1]) if n + 1 < len(plan["stages"]) else None,
        )
        for p, plan in zip(practices, plans, strict=True)
        for n, (stage, entered) in enumerate(zip(plan["stages"], plan["entered"], strict=True))
    ]
    StageSpan.objects.bulk_create(spans, batch_size=b.ctx.batch)
    pacts = b.insert(
        Practice.partnerships.through,
        ("practice_id", "partnership_id"),
        [
            (p.pk, b.pacts[j].p.pk)
            for p, plan in zip(practices, plans, strict=True)
            for j in plan["pacts"]
        ],
    )
    practice_areas = b.insert(
        Practice.areas.through,
        ("practice_id", "cooperationarea_id"),
        [(p.pk, plan["area"].pk) for p, plan in zip(practices, plans, strict=True) if plan["area"]],
    )
    b.ctx.count(Activity, len(adoptions))
    b.ctx.count(Outcome, len(outcomes))
    b.ctx.count(Activity.partnerships.through, links)
    b.ctx.count(Activity.areas.through, areas)
    b.ctx.count(Practice, len(practices))
    b.ctx.count(StageSpan, len(spans))
    b.ctx.count(Practice.partnerships.through, pacts)
    b.ctx.count(Practice.areas.through, practice_areas)
