"""The PostgreSQL text-search configuration the site indexes and searches with.

PostgreSQL ships no Ukrainian configuration. Where Debian's ``hunspell-uk`` dictionary is
installed (``apt-get install hunspell-uk`` puts ``uk_ua.affix``/``uk_ua.dict`` into
PostgreSQL's ``tsearch_data``), Cyrillic words are reduced to their dictionary form by it
("рятувальників" → "рятувальник"); words it does not know go to the Snowball stemmer for the
closest language PostgreSQL has, which strips common endings ("поліцейським" and
"поліцейський" → "поліцейськ"). Without the dictionary (managed databases) Cyrillic words are
indexed as they are, like the ``simple`` configuration does. Latin words always get the English
stemmer. Either way the configuration exists under one name, so settings never change.

After installing the dictionary run ``manage.py setup_search``, which rebuilds the
configuration and the index.
"""

from __future__ import annotations

from django.db import DatabaseError, transaction
from django.db.backends.base.base import BaseDatabaseWrapper

CONFIG_NAME = "safe_community"
HUNSPELL_DICTIONARY = "safe_community_uk_hunspell"
STEM_DICTIONARY = "safe_community_uk_stem"
CYRILLIC_TOKENS = "word, hword, hword_part"
LATIN_TOKENS = "asciiword, asciihword, hword_asciipart"


def install_search_configuration(connection: BaseDatabaseWrapper) -> bool:
    """(Re)create the configuration; return whether the Ukrainian dictionary is in use."""
    with connection.cursor() as cursor:
        cursor.execute(f"DROP TEXT SEARCH CONFIGURATION IF EXISTS {CONFIG_NAME}")
        cursor.execute(f"DROP TEXT SEARCH DICTIONARY IF EXISTS {HUNSPELL_DICTIONARY}")
        cursor.execute(f"DROP TEXT SEARCH DICTIONARY IF EXISTS {STEM_DICTIONARY}")
        try:
            with transaction.atomic(using=connection.alias):
                cursor.execute(
                    f"CREATE TEXT SEARCH DICTIONARY {HUNSPELL_DICTIONARY} "
                    "(TEMPLATE = ispell, DictFile = uk_ua, AffFile = uk_ua)"
                )
            has_hunspell = True
        except DatabaseError:  # the dictionary files are not installed on this server
            has_hunspell = False
        cursor.execute(f"CREATE TEXT SEARCH CONFIGURATION {CONFIG_NAME} (COPY = simple)")
        if has_hunspell:
            cursor.execute(
                f"CREATE TEXT SEARCH DICTIONARY {STEM_DICTIONARY} "
                "(TEMPLATE = snowball, Language = russian)"
            )
            cursor.execute(
                f"ALTER TEXT SEARCH CONFIGURATION {CONFIG_NAME} ALTER MAPPING FOR "
                f"{CYRILLIC_TOKENS} WITH {HUNSPELL_DICTIONARY}, {STEM_DICTIONARY}"
            )
        cursor.execute(
            f"ALTER TEXT SEARCH CONFIGURATION {CONFIG_NAME} ALTER MAPPING FOR "
            f"{LATIN_TOKENS} WITH english_stem"
        )
    return has_hunspell


def uses_hunspell(connection: BaseDatabaseWrapper) -> bool:
    """Whether the installed configuration maps Cyrillic words to the Ukrainian dictionary."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_ts_dict WHERE dictname = %s", [HUNSPELL_DICTIONARY])
        return cursor.fetchone() is not None
