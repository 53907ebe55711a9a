from django.db import migrations


def install(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        from cms.search_config import install_search_configuration

        install_search_configuration(schema_editor.connection)


def uninstall(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        from cms.search_config import CONFIG_NAME, HUNSPELL_DICTIONARY, STEM_DICTIONARY

        with schema_editor.connection.cursor() as cursor:
            cursor.execute(f"DROP TEXT SEARCH CONFIGURATION IF EXISTS {CONFIG_NAME}")
            cursor.execute(f"DROP TEXT SEARCH DICTIONARY IF EXISTS {HUNSPELL_DICTIONARY}")
            cursor.execute(f"DROP TEXT SEARCH DICTIONARY IF EXISTS {STEM_DICTIONARY}")


class Migration(migrations.Migration):
    dependencies = [("cms", "0004_campaigns_events_memorandum_people_contact")]

    operations = [migrations.RunPython(install, uninstall)]
