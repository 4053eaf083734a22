"""Move the pacts' history into the one history of every app (records.Event), then drop
PartnershipEvent. Every row is copied, oldest first, with its times, actor, version,
changes, note and subject; going back copies them the other way."""

from django.db import migrations

FIELDS = ("office_id", "actor_id", "action", "version", "changes", "note", "subject",
          "subject_version", "created_at", "updated_at")
BATCH = 2000


def _pact_type(apps):
    ContentType = apps.get_model("contenttypes", "ContentType")
    return ContentType.objects.get_or_create(app_label="partnerships", model="partnership")[0]


def forwards(apps, schema_editor):
    Old = apps.get_model("partnerships", "PartnershipEvent")
    Event = apps.get_model("records", "Event")
    pact_type = _pact_type(apps)
    rows = []
    for old in Old.objects.order_by("created_at", "pk").iterator(chunk_size=BATCH):
        rows.append(Event(target_type_id=pact_type.pk, target_id=old.partnership_id,
                          **{f: getattr(old, f) for f in FIELDS}))
        if len(rows) >= BATCH:
            Event.objects.bulk_create(rows)
            rows = []
    Event.objects.bulk_create(rows)
    # bulk_create sets auto_now(_add) fields to now: put the recorded times back.
    if Old.objects.exists():
        _restore_times(apps, Event, pact_type)


def _restore_times(apps, Event, pact_type):
    Old = apps.get_model("partnerships", "PartnershipEvent")
    old_rows = Old.objects.order_by("created_at", "pk").values_list("created_at", "updated_at")
    new_rows = Event.objects.filter(target_type=pact_type).order_by("pk").values_list("pk", flat=True)
    for pk, (created, updated) in zip(new_rows.iterator(), old_rows.iterator(), strict=True):
        Event.objects.filter(pk=pk).update(created_at=created, updated_at=updated)


def backwards(apps, schema_editor):
    Old = apps.get_model("partnerships", "PartnershipEvent")
    Event = apps.get_model("records", "Event")
    pact_type = _pact_type(apps)
    for event in Event.objects.filter(target_type=pact_type).order_by("pk").iterator():
        old = Old.objects.create(partnership_id=event.target_id,
                                 **{f: getattr(event, f) for f in FIELDS})
        Old.objects.filter(pk=old.pk).update(created_at=event.created_at,
                                             updated_at=event.updated_at)
    Event.objects.filter(target_type=pact_type).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("partnerships", "0004_item_versions"),
        ("records", "0001_initial"),
    ]

    operations = [
        migrations.RunPython(forwards, backwards),
        migrations.DeleteModel(name="PartnershipEvent"),
    ]
