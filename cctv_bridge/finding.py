"""Finding a camera by what residents call its place: "the camera at the bus station".

The listed cameras are few and already loaded for the status page, so they are matched in
Python: the same on SQLite and PostgreSQL, case-insensitive for Cyrillic too (SQLite's LIKE is
not), and without a query per camera. Both languages' names and addresses are searched, so a
resident may type in either on either language's page.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from cctv_bridge.models import Camera

#: The longest query looked at; the field's maxlength says the same.
MAX_QUERY = 100
#: Words that say nothing about the place: "the camera at the bus station", "камера біля ринку".
NOISE = frozenset(
    {"a", "an", "at", "by", "in", "near", "of", "on", "the", "camera", "cameras", "street", "st"}
    | {"в", "у", "на", "біля", "коло", "поруч", "під", "до", "камера", "камери", "камеру", "камер"}
    | {"вул", "вулиця"}
)
APOSTROPHES = re.compile(r"['’ʼ`]")
WORD = re.compile(r"\w+")


def words(text: str) -> list[str]:
    """Lower-case words of ``text``, apostrophes dropped ("В’їзд" → "вїзд")."""
    return WORD.findall(APOSTROPHES.sub("", text.casefold()))


def stem(word: str) -> str:
    """A word without the ending it may take in a sentence ("автостанції" → "автостанц"), so
    that the place's name in any case finds it; short words and numbers stay whole."""
    if word.isdigit() or len(word) < 5:
        return word
    return word[: max(4, len(word) - 2)]


def query_stems(query: str) -> list[str]:
    return [stem(word) for word in words(query[:MAX_QUERY]) if word not in NOISE]


def place_words(camera: Camera) -> list[str]:
    """The words of the camera's names and addresses in both languages."""
    return words(" ".join((camera.name_uk, camera.name_en, camera.address_uk, camera.address_en)))


def matching_cameras(cameras: Iterable[Camera], query: str) -> list[Camera]:
    """The cameras whose name or address holds every telling word of ``query`` (all of them
    when the query says nothing about a place)."""
    stems = query_stems(query)
    cameras = list(cameras)
    if not stems:
        return cameras
    found = []
    for camera in cameras:
        place = place_words(camera)
        if all(any(word.startswith(s) for word in place) for s in stems):
            found.append(camera)
    return found
