"""The admin's sign-in form, with its password field labelled in the user's language."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.auth import LoginForm as WagtailLoginForm


class LoginForm(WagtailLoginForm):
    """Wagtail 8.0's form redefines the password field without a label, so Django shows the
    field's name, "Password", untranslated."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["password"].label = _("Password")
