"""E-mail to followers survives bad input: a title with line breaks or a follower whose stored
address cannot be mailed never stops the e-mails to everyone else."""

from __future__ import annotations

import pytest
from django.core import mail
from django.utils import timezone

from cms.form_guard import TOKEN_FIELD, form_token
from tests.workflow_helpers import member
from workflows.models import Delivery, Initiative, Subscription
from workflows.tasks import notify_followers

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "title", ["Перехід\nBcc: all@example.org", "Перехід\r\nбіля ліцею", "A\tB"]
)
def test_a_proposal_title_must_be_one_line(client, home, title):
    before = Initiative.objects.count()
    response = client.post(
        "/en/initiatives/propose/",
        {
            "title": title,
            "problem": "Діти перебігають дорогу.",
            "solution": "Перехід.",
            "name": "Олена",
            "email": "olena@example.org",
            "consent": "on",
            TOKEN_FIELD: form_token("proposal"),
        },
    )
    assert response.status_code == 400
    assert "single line" in response.content.decode()
    assert Initiative.objects.count() == before


def test_subjects_are_one_line_without_control_characters():
    from workflows.follower_mail import mail_subject

    assert mail_subject("Камери\r\nна\x00 зупинках\u2028\tвул. Миру ") == (
        "Камери на зупинках вул. Миру"
    )


def test_a_bad_title_or_a_bad_recipient_does_not_stop_the_others(home):
    item = Initiative.objects.create(
        title_uk="Камери\r\nна зупинках", title_en="Cameras\nat the stops", state="under_review"
    )
    now = timezone.now()
    # Stored before address validation existed: it cannot be put in a header.
    bad = Subscription.objects.create(
        email="broken\n@example.org", language="uk", initiative=item, confirmed_at=now
    )
    Subscription.objects.create(
        email="uk@example.org", language="uk", initiative=item, confirmed_at=now
    )
    Subscription.objects.create(email="en@example.org", language="en", confirmed_at=now)
    log = item.perform("accept", member("head"), comment_uk="Так", comment_en="Yes")
    mail.outbox = []
    with pytest.raises(Exception, match="1 of 3"):
        notify_followers.fn(log.pk)  # the job is retried for the one that failed…
    by_address = {message.to[0]: message for message in mail.outbox}
    assert sorted(by_address) == ["en@example.org", "uk@example.org"]  # …the others are mailed
    assert by_address["uk@example.org"].subject == "Камери на зупинках"
    assert by_address["en@example.org"].subject == "Cameras at the stops"
    assert not Delivery.objects.filter(log=log, subscription=bad).exists()
    with pytest.raises(Exception, match="1 of 3"):
        notify_followers.fn(log.pk)  # a retry mails nobody twice
    assert len(mail.outbox) == 2
