"""Load the demo in both languages: pages, initiatives and cameras. Idempotent: a second run
changes nothing.

It lives in ``config`` because it is the one layer that may import every app; each app loads
its own part (``cms.demo``, ``workflows.demo``, ``cctv_bridge.demo``).
"""

from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils.translation import ngettext

from cctv_bridge.demo import load_cameras
from cctv_bridge.simulator import rtsp_available
from cms.demo.site import DemoSite
from cms.tasks import prepare_picture_renditions
from workflows.demo import load_initiatives


class Command(BaseCommand):
    help = "Create the demo home page and pages in Ukrainian and English (skips what exists)."

    @transaction.atomic
    def handle(self, *args, **options):
        site = DemoSite().load()
        if new_images := site.illustrations.created:
            # A job after the commit: encoding AVIF takes most of a second per picture.
            prepare_picture_renditions.send([image.pk for image in new_images])
        load_initiatives({key: versions["uk"] for key, versions in site.areas.items()})
        load_cameras(rtsp=bool(rtsp_available()))
        message = ngettext(
            "Demo content ready: %(count)d new page; home at %(home)s, English home at %(en)s.",
            "Demo content ready: %(count)d new pages; home at %(home)s, English home at %(en)s.",
            site.created,
        )
        self.stdout.write(
            message % {"count": site.created, "home": site.home.url, "en": site.english_home.url}
        )
