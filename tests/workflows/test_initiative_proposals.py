"""Residents propose initiatives from the public site: the office sees them, the public does
not until the office accepts them, and robots are dropped."""

import time

import pytest
from django.core import mail

from cms.form_guard import TOKEN_FIELD, TRAP_FIELD, form_token
from tests.workflow_helpers import member
from workflows.engine import TransitionLog
from workflows.models import Initiative, Subscription
from workflows.tasks import send_confirmation
from workflows.worklists import awaiting

pytestmark = pytest.mark.django_db


def proposal(trap: str = "", **values) -> dict:
    data = {
        "title": "Пішохідний перехід біля ліцею",
        "problem": "Діти перебігають дорогу між автівками.",
        "solution": "Намалювати перехід і поставити знаки.",
        "location": "вул. Горького",
        "name": "Олена",
        "email": "Olena@Example.org",
        "consent": "on",
        TRAP_FIELD: trap,
        TOKEN_FIELD: form_token("proposal"),
    }
    data.update(values)
    return data


@pytest.fixture
def confirmations(monkeypatch):
    sent = []
    monkeypatch.setattr(send_confirmation, "send", lambda pk: sent.append(pk))
    return sent


@pytest.mark.parametrize("prefix", ["", "/en"])
def test_the_form_is_offered_in_both_languages(client, demo, prefix):
    html = client.get(f"{prefix}/initiatives/propose/").content.decode()
    assert f'name="{TOKEN_FIELD}"' in html and 'name="consent"' in html
    assert (
        f'href="{prefix}/initiatives/propose/"'
        in client.get(f"{prefix}/initiatives/").content.decode()
    )


def test_a_proposal_lands_submitted_private_and_in_the_office_worklist(client, demo, confirmations):
    before = Initiative.objects.count()
    response = client.post("/initiatives/propose/", proposal())
    assert response.status_code == 200 and "Дякуємо" in response.content.decode()
    assert Initiative.objects.count() == before + 1
    item = Initiative.objects.latest("pk")
    assert item.state == "submitted" and item.origin == "resident"
    assert item.proposer_email == "olena@example.org" and item.initiator is None
    assert item.title_uk == "Пішохідний перехід біля ліцею"
    (log,) = TransitionLog.objects.filter(content_type__model="initiative", object_id=item.pk)
    assert (log.source, log.target, log.public) == ("draft", "submitted", False)
    # Invisible in public…
    assert client.get(f"/initiatives/{item.pk}/").status_code == 404
    assert "Пішохідний" not in client.get("/initiatives/").content.decode()
    assert "Пішохідний" not in client.get("/api/initiatives/?limit=100").content.decode()
    # …and waiting for the office.
    assert item in list(awaiting(member("coordinator")))
    # The proposer is asked to confirm the address before anything else is sent to it.
    subscription = Subscription.objects.get(initiative=item)
    assert subscription.confirmed_at is None and confirmations == [subscription.pk]
    send_confirmation.fn(subscription.pk)
    (message,) = mail.outbox
    assert "Пішохідний перехід біля ліцею" in message.body and "пропозиц" in message.body


def test_an_english_proposal_keeps_a_ukrainian_title_for_the_office(client, demo, confirmations):
    client.post("/en/initiatives/propose/", proposal(title="A crossing by the lyceum"))
    item = Initiative.objects.latest("pk")
    assert item.title_en == item.title_uk == "A crossing by the lyceum"
    assert item.problem_en and not item.problem_uk
    assert Subscription.objects.get(initiative=item).language == "en"


def test_the_office_can_accept_a_proposal_and_then_the_public_sees_it(client, demo, confirmations):
    client.post("/initiatives/propose/", proposal())
    item = Initiative.objects.latest("pk")
    coordinator = member("coordinator")
    item.perform("start_review", coordinator)
    item.perform("accept", member("head"))
    assert client.get(f"/initiatives/{item.pk}/").status_code == 200
    # The proposer's name and address never reach the public page or the API.
    for url in (f"/initiatives/{item.pk}/", f"/api/initiatives/{item.pk}/"):
        body = client.get(url).content.decode().lower()
        assert "olena@example.org" not in body and "олена" not in body


def test_robots_are_refused_and_store_nothing(client, demo, confirmations):
    before = Initiative.objects.count()
    response = client.post("/initiatives/propose/", proposal(trap="bot"))
    assert response.status_code == 400 and "Дякуємо" not in response.content.decode()
    assert Initiative.objects.count() == before and confirmations == []


@pytest.mark.parametrize("unsigned_time", [None, 30], ids=["no token", "unsigned old timestamp"])
def test_a_proposal_without_a_signed_token_stores_nothing(
    client, demo, confirmations, unsigned_time
):
    data = proposal()
    del data[TOKEN_FIELD]
    if unsigned_time:  # what passed the former honeypot
        data["whf_time"] = str(int(time.time()) - unsigned_time)
    before = Initiative.objects.count()
    assert client.post("/initiatives/propose/", data).status_code == 400
    assert Initiative.objects.count() == before and confirmations == []


def test_a_proposal_sent_at_once_is_stored(client, demo, confirmations):
    before = Initiative.objects.count()
    client.get("/initiatives/propose/")
    assert client.post("/initiatives/propose/", proposal()).status_code == 200
    assert Initiative.objects.count() == before + 1


@pytest.mark.parametrize(
    "field, value",
    [("email", "not-an-address"), ("consent", ""), ("title", ""), ("title", "x" * 300)],
)
def test_bad_input_is_explained_and_kept(client, demo, confirmations, field, value):
    before = Initiative.objects.count()
    data = proposal(**{field: value})
    if not value:
        del data[field]
    response = client.post("/en/initiatives/propose/", data)
    assert response.status_code == 400
    html = response.content.decode()
    assert 'class="field__error"' in html
    assert "Children" not in html and "Діти перебігають дорогу між автівками." in html
    assert Initiative.objects.count() == before and confirmations == []
