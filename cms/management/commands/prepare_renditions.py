"""Make the picture renditions of every image now (after a restore, or before a benchmark)."""

from django.core.management.base import BaseCommand
from wagtail.images import get_image_model

from cms.renditions import prepare_pictures


class Command(BaseCommand):
    help = "Create the AVIF, WebP and JPEG renditions the site's pictures use, for every image."

    def handle(self, *args, **options):
        count = prepare_pictures(get_image_model().objects.order_by("pk").iterator())
        self.stdout.write(f"Picture renditions ready for {count} images.")
