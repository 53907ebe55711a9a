"""A demo data entry in one language as the field values of its page or snippet."""

from __future__ import annotations

import datetime
from zoneinfo import ZoneInfo

from django.utils import timezone
from wagtail.models import TranslatableMixin

from cms.demo.pages import stream


def area_fields(texts: dict) -> dict:
    """A priority area's demo texts in one language as page fields."""
    activities = [("activity", text) for text in texts["activities"]]
    return {**texts, "body": stream(texts["body"]), "activities": activities}


def organisation_fields(entry: dict, language: str) -> dict:
    joined = entry.get("joined")
    return {
        "name": entry[language]["name"],
        "description": entry[language].get("description", ""),
        "kind": entry["kind"],
        "website": entry.get("website", ""),
        "joined": datetime.date.fromisoformat(joined) if joined else None,
    }


def person_fields(entry: dict, language: str) -> dict:
    return {
        "name": entry[language]["name"],
        "role": entry[language].get("role", ""),
        "bio": entry[language].get("bio", ""),
        "group": entry["group"],
        "sort_order": entry.get("order", 0),
    }


def items(values: list[str]) -> list[tuple[str, str]]:
    return [("item", value) for value in values]


def campaign_fields(entry: dict, language: str, areas: dict) -> dict:
    texts = entry[language]
    end = entry["end"]
    return {
        "title": texts["title"],
        "intro": texts["intro"],
        "start_date": datetime.date.fromisoformat(entry["start"]),
        "end_date": datetime.date.fromisoformat(end) if end else None,
        "area": areas[entry["area"]][language],
        "places": items(texts["places"]),
        "target_groups": items(texts["target_groups"]),
        "goals": items(texts["goals"]),
        "results": [("figure", figure) for figure in texts["results"]],
        "body": stream(texts["body"]),
    }


def local_time(value: str | None) -> datetime.datetime | None:
    """A demo time written in Kyiv time ("2019-12-19T10:00") as an aware datetime."""
    if not value:
        return None
    return timezone.make_aware(datetime.datetime.fromisoformat(value), ZoneInfo("Europe/Kyiv"))


def event_fields(entry: dict, language: str, areas: dict) -> dict:
    texts = entry[language]
    recurrence = entry.get("recurrence") or {}
    until = recurrence.get("until")
    return {
        "title": texts["title"],
        "intro": texts["intro"],
        "location": texts.get("location", ""),
        "body": stream(texts.get("body", [])),
        "start": local_time(entry["start"]),
        "end": local_time(entry.get("end")),
        "area": areas[entry["area"]][language],
        "frequency": recurrence.get("freq", ""),
        "interval": recurrence.get("interval", 1),
        "weekdays": ",".join(recurrence.get("weekdays", [])),
        "repeat_until": datetime.date.fromisoformat(until) if until else None,
    }


def translation_key_of(loaded: dict, obj: TranslatableMixin) -> str:
    """The demo key of a loaded object, found by its translation key."""
    for key, versions in loaded.items():
        if versions["uk"].translation_key == obj.translation_key:
            return key
    raise KeyError(obj)
