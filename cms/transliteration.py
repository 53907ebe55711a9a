"""Slugs from Ukrainian titles by the official national transliteration.

Ukraine's Cabinet of Ministers resolution No. 55 of 27 January 2010 fixes the Latin spelling
of Ukrainian (Є → Ye at the start of a word, ie elsewhere; зг → zgh; ь and apostrophes
dropped). ``translitua`` implements that table; this module turns its output into a slug.
"""

from django.utils.text import slugify
from translitua import UkrainianKMU, translit


def transliterate_uk(text: str) -> str:
    """Return ``text`` in Latin letters by the 2010 national transliteration."""
    return translit(text, UkrainianKMU)


def slugify_uk(text: str) -> str:
    """Return an ASCII slug for a (possibly Ukrainian) title or slug."""
    return slugify(transliterate_uk(text))
