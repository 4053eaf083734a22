"""The full-text index of the database in use: FTS5 on SQLite, a tsvector column with a GIN
index and pg_trgm on PostgreSQL (peyvand.search.engines); nothing elsewhere."""

from django.db import migrations


def install(apps, schema_editor):
    from peyvand.search.engines import engine_for

    engine_for(schema_editor.connection.vendor).install(schema_editor)


def uninstall(apps, schema_editor):
    from peyvand.search.engines import engine_for

    engine_for(schema_editor.connection.vendor).uninstall(schema_editor)


class Migration(migrations.Migration):
    dependencies = [("search", "0001_initial")]

    operations = [migrations.RunPython(install, uninstall)]
