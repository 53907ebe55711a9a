"""Periodic content jobs."""

import dramatiq
from django.core.management import call_command
from dramatiq_crontab import cron


@cron("* * * * *")
@dramatiq.actor(queue_name="default", max_retries=0, time_limit=5 * 60 * 1000)
def publish_scheduled_pages() -> None:
    """Publish revisions whose go-live time has come and unpublish expired pages.

    Without this, Wagtail's scheduled publishing only happens when someone runs the command.
    """
    call_command("publish_scheduled", verbosity=0)


@dramatiq.actor(queue_name="default", max_retries=5)
def send_contact_notification(submission_id: int) -> None:
    """E-mail a contact-form message to the addresses its page names (retried if SMTP fails).

    Only the submission's id travels through the broker: the message itself, which may hold
    personal data, stays in the database.
    """
    from django.core.mail import send_mail
    from wagtail.contrib.forms.models import FormSubmission

    submission = FormSubmission.objects.filter(pk=submission_id).select_related("page").first()
    if submission is None:
        return
    page = submission.page.specific
    lines = [f"{label}: {value}" for label, value in submission_lines(page, submission)]
    addresses = [a.strip() for a in page.to_address.split(",") if a.strip()]
    send_mail(page.subject, "\n".join(lines), page.from_address or None, addresses)


def submission_lines(page, submission) -> list[tuple[str, str]]:
    """The submitted values under their field labels, in the form's order."""
    data = submission.get_data()
    lines = []
    for field in page.get_form_fields():
        value = data.get(field.clean_name, "")
        if isinstance(value, list):
            value = ", ".join(value)
        lines.append((field.label, str(value)))
    return lines


@dramatiq.actor(queue_name="default", max_retries=3, time_limit=10 * 60 * 1000)
def prepare_picture_renditions(image_ids: list[int]) -> None:
    """Make the renditions ``{% picture %}`` needs for these images (AVIF takes most of a
    second per image), so that the first visitor of a page showing them does not wait."""
    from wagtail.images import get_image_model

    from cms.renditions import prepare_pictures

    prepare_pictures(get_image_model().objects.filter(pk__in=image_ids).order_by("pk"))
