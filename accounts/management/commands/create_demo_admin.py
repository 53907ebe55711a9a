"""Create the demo administrator of the embedded set-up (refuses outside debug mode).

The demo administrator is a superuser, and superusers must use two-factor authentication
(accounts/two_factor.py), so the account comes with an authenticator app already set up: the
command prints its key for a real app, and ``--code`` prints the code it shows now, for trying
the demo without a phone.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts.two_factor import confirmed_device, secret_for_manual_entry, two_factor_required

DEMO_USERNAME = "admin"
DEMO_PASSWORD = "safe-community-demo"  # noqa: S105 - printed to the developer on purpose


def current_code(device: TOTPDevice) -> str:
    """The code an authenticator app with ``device``'s key shows now."""
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    return f"{totp.token():0{device.digits}d}"


class Command(BaseCommand):
    help = "Create (once) the demo administrator account and print how to log in."

    def add_arguments(self, parser):
        parser.add_argument(
            "--code",
            action="store_true",
            help="Only print the two-factor code the demo administrator's app shows now.",
        )

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError(_("The demo administrator is only for the embedded debug set-up."))
        User = get_user_model()
        admin = User.objects.filter(username=DEMO_USERNAME).first()
        if admin is None:
            admin = User.objects.create_superuser(
                DEMO_USERNAME, "admin@example.org", DEMO_PASSWORD, first_name="Demo"
            )
        device = confirmed_device(admin)
        if device is None and two_factor_required(admin):
            device = TOTPDevice.objects.create(
                user=admin, name=_("Authenticator app"), confirmed=True
            )
        if options["code"]:
            if device is None:
                raise CommandError(_("The demo administrator has no authenticator app."))
            self.stdout.write(current_code(device))
            return
        message = _("Admin: %(url)s  login: %(username)s  password: %(password)s") % {
            "url": "http://127.0.0.1:8000/admin/",
            "username": DEMO_USERNAME,
            "password": DEMO_PASSWORD,
        }
        self.stdout.write(self.style.SUCCESS(message))
        if device is not None:
            self.stdout.write(
                _(
                    "Two-factor code: add the key %(key)s to an authenticator app, or print "
                    "the current code with: %(command)s"
                )
                % {
                    "key": secret_for_manual_entry(device),
                    "command": "python manage.py create_demo_admin --code",
                }
            )
