"""Remove a user's two-factor devices (a lost phone) from the command line.

The same as *Users → ⋯ → Reset two-factor authentication* in the admin, for when no
administrator can sign in (an administrator's own phone lost).
"""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from accounts.two_factor import remove_devices, two_factor_required


class Command(BaseCommand):
    help = "Remove the two-factor authentication devices of a user (after a lost phone)."

    def add_arguments(self, parser):
        parser.add_argument("username")

    def handle(self, *args, **options):
        User = get_user_model()
        try:
            user = User.objects.get(**{User.USERNAME_FIELD: options["username"]})
        except User.DoesNotExist as error:
            raise CommandError(
                _("There is no user %(username)s.") % {"username": options["username"]}
            ) from error
        if not remove_devices(user):
            self.stdout.write(
                _("%(username)s had no two-factor device.") % {"username": user.get_username()}
            )
            return
        message = _("Two-factor authentication of %(username)s has been reset.") % {
            "username": user.get_username()
        }
        if two_factor_required(user):
            message += " " + _("They will set up a new authenticator app at their next sign-in.")
        self.stdout.write(self.style.SUCCESS(message))
