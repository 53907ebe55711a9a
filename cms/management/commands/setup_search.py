"""Rebuild the PostgreSQL search configuration (after installing hunspell-uk) and the index."""

from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import connection

from cms.search_config import CONFIG_NAME, install_search_configuration


class Command(BaseCommand):
    help = "Create the Ukrainian/English text-search configuration and rebuild the search index."

    def handle(self, *args, **options):
        if connection.vendor != "postgresql":
            self.stdout.write("Not PostgreSQL: the database search backend needs no set-up.")
        else:
            with_dictionary = install_search_configuration(connection)
            self.stdout.write(
                f"Configuration {CONFIG_NAME}: "
                + ("hunspell-uk dictionary." if with_dictionary else "no dictionary (simple).")
            )
        call_command("update_index", verbosity=options["verbosity"])
