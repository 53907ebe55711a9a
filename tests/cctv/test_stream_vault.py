"""Stream URLs are encrypted at rest with keys kept outside the database, and can be rotated."""

import pytest
from cryptography.fernet import Fernet
from django.core.management import call_command
from django.db import connection

from cctv_bridge.models import Camera
from cctv_bridge.stream_vault import StreamKeyError
from tests.cctv.camera_helpers import SECRET, camera

pytestmark = pytest.mark.django_db


def test_a_database_dump_does_not_reveal_the_password(settings):
    settings.CCTV_STREAM_KEYS = [Fernet.generate_key().decode()]
    cam = camera("rtsp://192.168.7.7:554/live")
    with connection.cursor() as cursor:
        cursor.execute("SELECT * FROM cctv_bridge_camera WHERE id = %s", [cam.pk])
        row = " ".join(str(value) for value in cursor.fetchone())
    assert SECRET not in row and "192.168.7.7" not in row
    assert Camera.objects.get(pk=cam.pk).stream_url.endswith("@192.168.7.7:554/live")


def test_keys_rotate_without_losing_a_url(settings):
    old, new = Fernet.generate_key().decode(), Fernet.generate_key().decode()
    settings.CCTV_STREAM_KEYS = [old]
    cam = camera("rtsp://192.168.7.8:554/live")
    settings.CCTV_STREAM_KEYS = [new, old]
    call_command("rotate_stream_keys")
    settings.CCTV_STREAM_KEYS = [new]
    assert Camera.objects.get(pk=cam.pk).stream_url.endswith("@192.168.7.8:554/live")
    settings.CCTV_STREAM_KEYS = [Fernet.generate_key().decode()]
    with pytest.raises(StreamKeyError):
        Camera.objects.get(pk=cam.pk).stream_url  # noqa: B018
