"""The contact page: the office's address and hours, and a form whose messages editors read
under Forms in the admin."""

from __future__ import annotations

import logging

from django.conf import settings
from django.db import models, transaction
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.forms.forms import WagtailAdminFormPageForm
from wagtail.contrib.forms.models import AbstractEmailForm, AbstractFormField
from wagtail.contrib.forms.panels import FormSubmissionsPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.search import index
from wagtail_honeypot.models import HoneypotFormMixin

from cms import form_guard
from cms.models.base import LatinSlugMixin, SitePage
from cms.models.reception import ReceptionSlotBlock, reception_rows

logger = logging.getLogger(__name__)
CONTACT_FORM = "contact"


class ContactFormField(AbstractFormField):
    page = ParentalKey("cms.ContactPage", related_name="form_fields", on_delete=models.CASCADE)


class ContactPageForm(LatinSlugMixin, WagtailAdminFormPageForm):
    pass


class ContactPage(HoneypotFormMixin, AbstractEmailForm, SitePage):
    """Where and when the office receives residents (street address and weekly schedule, kept
    on the page of each language, also shown in the footer) and a form.

    Spam protection (``cms.form_guard``, switched by the page's ``honeypot`` field): a signed
    form token, a hidden field that people leave empty, and a few messages an hour per client
    address. A refused message is told so and keeps what was typed; there is no minimum time,
    so a quick person is never dropped. Messages are stored as form submissions; e-mail to the
    office is sent by a background job after the commit.
    """

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])
    thank_you_text = RichTextField(
        _("thank-you text"), blank=True, features=["bold", "italic", "link"]
    )
    street_address = models.CharField(
        _("street address"),
        max_length=200,
        blank=True,
        help_text=_("Where residents come to the reception, e.g. street, building, entrance."),
    )
    locality = models.CharField(
        _("town and region"),
        max_length=120,
        blank=True,
        help_text=_("E.g. Tatarbunary, Odesa oblast."),
    )
    reception_schedule = StreamField(
        [("slot", ReceptionSlotBlock())], verbose_name=_("reception days"), blank=True
    )
    reception_note = models.TextField(
        _("reception note"), blank=True, help_text=_("Who receives residents, what to bring.")
    )

    base_form_class = ContactPageForm
    content_panels = [
        *SitePage.content_panels,
        FormSubmissionsPanel(),
        FieldPanel("intro"),
        MultiFieldPanel(
            [
                FieldPanel("street_address"),
                FieldPanel("locality"),
                FieldPanel("reception_schedule"),
                FieldPanel("reception_note"),
            ],
            heading=_("Reception"),
        ),
        InlinePanel("form_fields", heading=_("Form fields"), label=_("Field")),
        FieldPanel("thank_you_text"),
        FieldPanel("honeypot"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("from_address"), FieldPanel("to_address")]),
                FieldPanel("subject"),
            ],
            heading=_("E-mail to the office"),
        ),
    ]
    search_fields = [*SitePage.search_fields, index.SearchField("intro")]
    parent_page_types = ["cms.HomePage"]
    subpage_types: list[str] = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("contact page")
        verbose_name_plural = _("contact pages")

    @property
    def reception_hours(self) -> list[dict]:
        """The reception schedule as it reads (``cms.models.reception.reception_rows``)."""
        return reception_rows(self.reception_schedule)

    def serve(self, request, *args, **kwargs):
        if request.method != "POST":
            return super().serve(request, *args, **kwargs)
        form = self.get_form(request.POST, request.FILES, page=self, user=request.user)
        refusal = form_guard.check_form(request.POST, CONTACT_FORM) if self.honeypot else None
        if refusal is None and form.is_valid():
            refusal = form_guard.check_limits(
                form_guard.per_client(
                    request, CONTACT_FORM, settings.CONTACT_MESSAGES_PER_CLIENT_HOUR
                )
            )
            if refusal is None:
                submission = self.process_form_submission(form)
                return self.render_landing_page(request, submission, *args, **kwargs)
        if refusal is not None:
            logger.info("Contact form message refused (page %s): %s", self.pk, refusal.status)
            form.add_error(None, refusal.message)
        context = self.get_context(request)
        context["form"] = form
        return TemplateResponse(
            request,
            self.get_template(request),
            context,
            status=refusal.status if refusal else 200,
            headers=refusal.headers if refusal else None,
        )

    def process_form_submission(self, form):
        submission = self.get_submission_class().objects.create(
            form_data=form.cleaned_data, page=self
        )
        if self.to_address:
            from cms.tasks import send_contact_notification

            transaction.on_commit(lambda: send_contact_notification.send(submission.pk))
        return submission
