from django.db import migrations, models


class Migration(migrations.Migration):
    """The public portal: `is_public` becomes `published` (set only through the publishing
    services), outcomes may be published, and the office chooses whether the portal shows
    health labels."""

    dependencies = [("partnerships", "0011_activity_timeline_index")]

    operations = [
        migrations.RenameField("partnership", "is_public", "published"),
        migrations.AlterField(
            model_name="partnership",
            name="published",
            field=models.BooleanField(default=False, verbose_name="published"),
        ),
        migrations.RenameField("activity", "is_public", "published"),
        migrations.AlterField(
            model_name="activity",
            name="published",
            field=models.BooleanField(default=False, verbose_name="published"),
        ),
        migrations.AddField(
            model_name="outcome",
            name="published",
            field=models.BooleanField(default=False, verbose_name="published"),
        ),
        migrations.AddField(
            model_name="healthsettings",
            name="portal_health",
            field=models.BooleanField(
                default=False, verbose_name="show health labels on the public portal"
            ),
        ),
    ]
