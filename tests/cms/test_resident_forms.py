"""Residents' forms (follow, propose, contact): a person who sends at once is accepted, a robot
or a flood is refused and told so, and no form makes the site mail anyone without limit."""

from __future__ import annotations

import re
import time

import dramatiq
import pytest
from django.core import mail, signing

from cms.form_guard import TOKEN_FIELD, TRAP_FIELD, form_token
from workflows.models import Initiative, Subscription

pytestmark = pytest.mark.django_db


def token_in(html: str) -> str:
    return re.search(rf'name="{TOKEN_FIELD}" value="([^"]+)"', html).group(1)


def old_token(purpose: str, seconds_ago: int) -> str:
    """A token the server itself signed ``seconds_ago``."""

    class Then(signing.TimestampSigner):
        def timestamp(self):
            return signing.b62_encode(int(time.time()) - seconds_ago)

    return Then(salt="cms.form_guard").sign(purpose)


def proposal(**values) -> dict:
    data = {
        "title": "Освітлення на вулиці Миру",
        "problem": "Увечері темно, люди падають.",
        "solution": "Поставити ліхтарі.",
        "name": "Олена",
        "email": "olena@example.org",
        "consent": "on",
        TOKEN_FIELD: form_token("proposal"),
    }
    data.update(values)
    return data


def run_jobs(callbacks) -> list[str]:
    """Run the jobs a commit sent (straight, or through the outbox on Redis) with the real
    actors, in this thread; the names of the jobs run."""
    from ops.models import OutboxMessage

    messages = [
        cb.args[0]
        for cb in callbacks
        if getattr(cb, "args", None) and isinstance(cb.args[0], dramatiq.Message)
    ]
    messages += [dramatiq.Message.decode(bytes(row.payload)) for row in OutboxMessage.objects.all()]
    # Wagtail's own background tasks (search index updates) are not what this file counts.
    messages = [message for message in messages if message.actor_name != "run_django_task"]
    broker = dramatiq.get_broker()
    for message in messages:
        broker.get_actor(message.actor_name).fn(*message.args, **message.kwargs)
    return [message.actor_name for message in messages]


def test_the_follow_form_on_an_initiative_follows_that_initiative_only(client, demo):
    item = Initiative.objects.get(state="adopted")
    html = client.get(f"/en/initiatives/{item.pk}/").content.decode()
    action = re.search(r'<form class="contact-form subscribe-form"[^>]* action="([^"]+)"', html)
    assert action.group(1) == f"/en/initiatives/{item.pk}/follow/"
    response = client.post(
        action.group(1), {"email": "olena@example.org", TOKEN_FIELD: token_in(html)}
    )
    assert response.status_code == 200
    (subscription,) = Subscription.objects.filter(email="olena@example.org")
    assert subscription.initiative == item


@pytest.mark.parametrize("prefix", ["", "/en"])
def test_a_follow_sent_right_after_the_page_loads_is_accepted(
    client, demo, django_capture_on_commit_callbacks, prefix
):
    html = client.get(f"{prefix}/initiatives/").content.decode()
    with django_capture_on_commit_callbacks() as callbacks:
        response = client.post(
            f"{prefix}/initiatives/follow/", {"email": "a@example.org", TOKEN_FIELD: token_in(html)}
        )
    assert response.status_code == 200
    assert Subscription.objects.filter(email="a@example.org", initiative=None).exists()
    assert run_jobs(callbacks) == ["send_confirmation"] and len(mail.outbox) == 1


def test_a_proposal_sent_right_after_the_page_loads_is_stored(client, demo):
    html = client.get("/initiatives/propose/").content.decode()
    before = Initiative.objects.count()
    response = client.post("/initiatives/propose/", proposal(**{TOKEN_FIELD: token_in(html)}))
    assert response.status_code == 200
    assert Initiative.objects.count() == before + 1


@pytest.mark.parametrize(
    "case", ["no token", "forged old timestamp", "expired token", "another form's token", "trap"]
)
def test_robots_are_refused_and_told_so_and_the_text_is_kept(client, demo, case):
    data = proposal()
    if case == "no token":
        del data[TOKEN_FIELD]
    elif case == "forged old timestamp":
        data[TOKEN_FIELD] = "proposal:" + signing.b62_encode(int(time.time()) - 3600) + ":forged"
        data.update(whf_time=str(int(time.time()) - 3600))
    elif case == "expired token":
        data[TOKEN_FIELD] = old_token("proposal", seconds_ago=2 * 24 * 3600)
    elif case == "another form's token":
        data[TOKEN_FIELD] = form_token("contact")
    else:
        data[TRAP_FIELD] = "http://spam.example"
    before = Initiative.objects.count()
    response = client.post("/en/initiatives/propose/", data)
    assert response.status_code == 400
    html = response.content.decode()
    assert 'role="alert"' in html
    assert "send it again" in html or "could not be sent" in html
    assert "Увечері темно, люди падають." in html  # nothing typed is lost
    assert token_in(html)  # a fresh token to send it again with
    assert Initiative.objects.count() == before


def test_a_token_from_a_cached_page_is_still_accepted_hours_later(client, demo):
    data = proposal(**{TOKEN_FIELD: old_token("proposal", seconds_ago=6 * 3600)})
    assert client.post("/initiatives/propose/", data).status_code == 200


def test_an_expired_follow_form_keeps_the_address(client, demo):
    response = client.post(
        "/en/initiatives/follow/",
        {"email": "kept@example.org", TOKEN_FIELD: old_token("follow", 3 * 24 * 3600)},
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert 'value="kept@example.org"' in html and "expired" in html
    assert not Subscription.objects.exists()


def test_fifty_follow_requests_for_one_address_send_one_email(
    client, demo, django_capture_on_commit_callbacks
):
    item = Initiative.objects.get(state="adopted")
    statuses = []
    with django_capture_on_commit_callbacks() as callbacks:
        for n in range(50):
            response = client.post(
                f"/en/initiatives/{item.pk}/follow/",
                {"email": "victim@example.org", TOKEN_FIELD: form_token("follow")},
                REMOTE_ADDR=f"198.51.100.{n}",  # a different client every time
            )
            statuses.append(response.status_code)
    assert run_jobs(callbacks) == ["send_confirmation"]
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["victim@example.org"]
    assert Subscription.objects.filter(email="victim@example.org").count() == 1
    assert set(statuses) == {200}
    assert "already on its way" in response.content.decode()


def test_fifty_follow_requests_from_one_client_are_limited(
    client, demo, settings, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks() as callbacks:
        responses = [
            client.post(
                "/en/initiatives/follow/",
                {"email": f"person{n}@example.org", TOKEN_FIELD: form_token("follow")},
            )
            for n in range(50)
        ]
    allowed = settings.FOLLOW_REQUESTS_PER_CLIENT_HOUR
    run_jobs(callbacks)
    assert len(mail.outbox) == allowed == Subscription.objects.count()
    refused = responses[allowed:]
    assert {r.status_code for r in refused} == {429}
    assert refused[0]["Retry-After"] == "3600"  # the limits count per hour
    assert "Too many" in refused[0].content.decode()
    assert 'value="person49@example.org"' in refused[-1].content.decode()


def test_fifty_proposals_from_one_client_are_limited(
    client, demo, settings, django_capture_on_commit_callbacks
):
    before = Initiative.objects.count()
    with django_capture_on_commit_callbacks() as callbacks:
        responses = [
            client.post("/en/initiatives/propose/", proposal(email=f"p{n}@example.org"))
            for n in range(50)
        ]
    allowed = settings.PROPOSALS_PER_CLIENT_HOUR
    run_jobs(callbacks)
    assert Initiative.objects.count() == before + allowed
    assert len(mail.outbox) == allowed
    assert {r.status_code for r in responses[allowed:]} == {429}
    assert responses[-1]["Retry-After"] == "3600"
    html = responses[-1].content.decode()
    assert "Too many" in html and "Увечері темно, люди падають." in html


def test_fifty_proposals_to_one_address_are_limited(
    client, demo, settings, django_capture_on_commit_callbacks
):
    before = Initiative.objects.count()
    with django_capture_on_commit_callbacks() as callbacks:
        for n in range(50):
            client.post("/initiatives/propose/", proposal(), REMOTE_ADDR=f"203.0.113.{n}")
    allowed = settings.PROPOSALS_PER_ADDRESS_HOUR
    run_jobs(callbacks)
    assert Initiative.objects.count() == before + allowed
    assert len(mail.outbox) == allowed


def test_confirming_releases_the_pending_confirmation(client, demo):
    first = client.post(
        "/initiatives/follow/", {"email": "b@example.org", TOKEN_FIELD: form_token("follow")}
    )
    assert first.status_code == 200
    subscription = Subscription.objects.get(email="b@example.org")
    client.post(f"/initiatives/follow/confirm/{subscription.token}/")
    item = Initiative.objects.get(state="adopted")
    client.post(
        f"/initiatives/{item.pk}/follow/",
        {"email": "b@example.org", TOKEN_FIELD: form_token("follow")},
    )
    assert Subscription.objects.filter(email="b@example.org", initiative=item).exists()


def test_the_confirmation_link_shows_a_button_and_only_a_post_confirms(client, demo):
    item = Initiative.objects.get(state="adopted")
    subscription = Subscription.objects.create(
        email="c@example.org", language="en", initiative=item
    )
    url = f"/en/initiatives/follow/confirm/{subscription.token}/"
    response = client.get(url)
    assert response.status_code == 200
    assert re.search(
        r'<form method="post"[^>]*>.*<button type="submit"', response.content.decode(), re.S
    )
    subscription.refresh_from_db()
    assert subscription.confirmed_at is None  # a mail scanner's GET changes nothing
    response = client.post(url)
    assert response.status_code == 200 and "Confirmed" in response.content.decode()
    subscription.refresh_from_db()
    assert subscription.confirmed_at is not None
    assert client.post("/initiatives/follow/confirm/unknown/").status_code == 404


def test_the_contact_form_uses_the_same_guard(client, demo):
    from cms.models import ContactPage

    page = ContactPage.objects.live().filter(locale__language_code="uk").first()
    html = client.get(page.url).content.decode()
    assert token_in(html)
    fields = {field.clean_name: "Текст" for field in page.form_fields.all()}
    emails = page.form_fields.filter(field_type="email")
    fields.update({field.clean_name: "a@example.org" for field in emails})
    submissions = page.get_submission_class().objects.filter(page=page)
    before = submissions.count()
    refused = client.post(page.url, {**fields, TOKEN_FIELD: "bad"})
    assert refused.status_code == 400 and submissions.count() == before
    accepted = client.post(page.url, {**fields, TOKEN_FIELD: token_in(html)})
    assert accepted.status_code == 200 and submissions.count() == before + 1
