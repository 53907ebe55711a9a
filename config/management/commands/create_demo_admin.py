"""Create the demo administrator of the embedded set-up (refuses outside debug mode)."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

DEMO_USERNAME = "admin"
DEMO_PASSWORD = "safe-community-demo"  # noqa: S105 - printed to the developer on purpose


class Command(BaseCommand):
    help = "Create (once) the demo administrator account and print how to log in."

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError(_("The demo administrator is only for the embedded debug set-up."))
        User = get_user_model()
        if not User.objects.filter(username=DEMO_USERNAME).exists():
            User.objects.create_superuser(
                DEMO_USERNAME, "admin@example.org", DEMO_PASSWORD, first_name="Demo"
            )
        message = _("Admin: %(url)s  login: %(username)s  password: %(password)s") % {
            "url": "http://127.0.0.1:8000/admin/",
            "username": DEMO_USERNAME,
            "password": DEMO_PASSWORD,
        }
        self.stdout.write(self.style.SUCCESS(message))
