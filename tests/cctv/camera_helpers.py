"""Cameras in the registry pointing at the camera simulator, for the Django-side tests."""

from __future__ import annotations

import itertools

from cctv_bridge.models import Camera

_numbers = itertools.count(1)
SECRET = "s3cret-Pa55word"


def camera(url: str, source: str = "snapshot", **values) -> Camera:
    number = next(_numbers)
    made = Camera(
        code=values.pop("code", f"test-{number:03d}"),
        name_uk=values.pop("name_uk", f"Тестова камера {number}"),
        name_en=values.pop("name_en", f"Test camera {number}"),
        address_uk=values.pop("address_uk", "Татарбунари, вул. Тестова, 1"),
        source=source,
        public=values.pop("public", True),
        public_delay_minutes=values.pop("public_delay_minutes", 0),
        **values,
    )
    made.stream_url = with_credentials(url)
    made.save()
    return made


def with_credentials(url: str) -> str:
    scheme, rest = url.split("://", 1)
    return f"{scheme}://viewer:{SECRET}@{rest}"
