"""Re-encrypt every stored stream URL with the newest key of CCTV_STREAM_KEYS."""

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from cctv_bridge.models import Camera
from cctv_bridge.stream_vault import StreamKeyError, reseal


class Command(BaseCommand):
    help = (
        "After putting a new key first in CCTV_STREAM_KEYS, re-encrypt the cameras' stream "
        "URLs with it; then the old key can be removed."
    )

    def handle(self, *args, **options):
        done = 0
        with transaction.atomic():
            for camera in Camera.objects.select_for_update().exclude(stream_url_sealed=""):
                try:
                    sealed = reseal(camera.stream_url_sealed)
                except StreamKeyError as error:
                    raise CommandError(
                        f"camera {camera.code}: no key in CCTV_STREAM_KEYS opens its URL"
                    ) from error
                Camera.objects.filter(pk=camera.pk).update(stream_url_sealed=sealed)
                done += 1
        self.stdout.write(f"Re-encrypted {done} stream URL(s) with the newest key.")
