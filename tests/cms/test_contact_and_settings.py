"""The contact form (spam protection, submissions, e-mail by a job) and per-language settings."""

import time

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.contrib.forms.models import FormSubmission

from cms.form_guard import TOKEN_FIELD, TRAP_FIELD, form_token
from cms.models import ContactPage, LanguageSettings, StandardPage
from cms.tasks import send_contact_notification

pytestmark = pytest.mark.django_db


def contact(lang: str) -> ContactPage:
    return ContactPage.objects.get(locale__language_code=lang)


def form_data(page: ContactPage, trap: str = "", **values) -> dict:
    names = [field.clean_name for field in page.get_form_fields()]
    data = dict(
        zip(
            names,
            ["Оксана", "oksana@example.org", "На вулиці Гагаріна не світить ліхтар."],
            strict=True,
        )
    )
    data.update(values)
    data.update({TRAP_FIELD: trap, TOKEN_FIELD: form_token("contact")})
    return data


@pytest.mark.parametrize("lang", ["uk", "en"])
def test_contact_page_shows_address_hours_and_a_protected_form(client, demo, lang):
    html = client.get(contact(lang).url).content.decode()
    assert ("Години прийому" if lang == "uk" else "Reception hours") in html
    assert ("Татарбунари" if lang == "uk" else "Tatarbunary") in html
    assert f'name="{TRAP_FIELD}"' in html and f'name="{TOKEN_FIELD}"' in html
    assert 'name="csrfmiddlewaretoken"' in html


def test_message_is_stored_for_editors_and_mailed_by_a_job(
    client, demo, django_capture_on_commit_callbacks, monkeypatch
):
    page = contact("uk")
    page.to_address = "office@example.org"
    page.save_revision().publish()
    sent_jobs = []
    monkeypatch.setattr(send_contact_notification, "send", lambda *args: sent_jobs.append(args))
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        response = client.post(page.url, form_data(page))
    assert sent_jobs == []  # nothing leaves before the commit
    for callback in callbacks:
        callback()
    assert response.status_code == 200
    assert "Дякуємо" in response.content.decode()
    submission = FormSubmission.objects.get(page=page)
    assert "ліхтар" in submission.form_data[page.get_form_fields()[2].clean_name]
    assert mail.outbox == []  # not sent inside the request
    assert sent_jobs == [(submission.pk,)]  # the job carries the id, not the message
    send_contact_notification.fn(submission.pk)
    (sent,) = mail.outbox
    assert sent.to == ["office@example.org"] and "ліхтар" in sent.body


def test_robots_are_refused_and_told_so(client, demo):
    page = contact("en")
    response = client.post(page.url, form_data(page, trap="http://spam.example"))
    assert response.status_code == 400
    html = response.content.decode()
    assert "could not be sent" in html and "ліхтар" in html  # what was typed is kept
    assert not FormSubmission.objects.filter(page=page).exists()


@pytest.mark.parametrize("unsigned_time", [None, 30], ids=["no token", "unsigned old timestamp"])
def test_a_message_without_a_signed_token_is_refused(client, demo, unsigned_time):
    page = contact("uk")
    data = form_data(page)
    del data[TOKEN_FIELD]
    if unsigned_time:  # what passed the former honeypot
        data["whf_time"] = str(int(time.time()) - unsigned_time)
    assert client.post(page.url, data).status_code == 400
    assert not FormSubmission.objects.filter(page=page).exists()


def test_a_message_sent_at_once_is_kept_and_a_flood_is_limited(client, demo, settings):
    page = contact("en")
    client.get(page.url)
    statuses = [client.post(page.url, form_data(page)).status_code for _ in range(20)]
    allowed = settings.CONTACT_MESSAGES_PER_CLIENT_HOUR
    assert statuses == [200] * allowed + [429] * (20 - allowed)
    assert client.post(page.url, form_data(page))["Retry-After"] == "3600"
    assert FormSubmission.objects.filter(page=page).count() == allowed


def test_bad_input_is_explained_and_kept(client, demo):
    page = contact("en")
    names = [field.clean_name for field in page.get_form_fields()]
    response = client.post(page.url, form_data(page, **{names[1]: "not-an-address"}))
    html = response.content.decode()
    assert response.status_code == 200
    assert "valid email" in html.lower()
    assert "ліхтар" in html  # what the visitor typed is still there
    assert not FormSubmission.objects.filter(page=page).exists()


@pytest.mark.parametrize(
    ("lang", "labels"),
    [
        ("uk", ["Про офіс", "Новини", "Меморандум", "Контакти"]),
        ("en", ["About the office", "News", "Memorandum", "Contact"]),
    ],
)
def test_navigation_and_footer_follow_the_language(client, demo, lang, labels):
    html = client.get("/" if lang == "uk" else "/en/").content.decode()
    nav = html.split('class="site-nav"', 1)[1].split("</nav>")[0]
    for label in labels:
        assert f">{label}</a>" in nav
    footer = html.split('class="site-footer"', 1)[1]
    assert ("Татарбунари" if lang == "uk" else "Tatarbunary") in footer


def test_english_pages_use_ukrainian_settings_until_they_are_translated(client, demo):
    LanguageSettings.objects.filter(locale__language_code="en").delete()
    html = client.get("/en/").content.decode()
    nav = html.split('class="site-nav"', 1)[1].split("</nav>")[0]
    # Links go to the English pages with their English titles; an untranslated page is left out.
    assert ">About the office</a>" in nav and 'href="/en/' in nav
    assert "Про офіс" not in nav


def test_navigation_is_cached_and_follows_publishing(client, demo, no_page_cache):
    client.get("/")
    page = StandardPage.objects.get(locale__language_code="uk", slug="pro-ofis")
    with CaptureQueriesContext(connection) as queries:
        client.get("/pro-ofis/")
    assert not any("cms_languagesettings" in q["sql"] for q in queries.captured_queries)
    page.title = "Про наш офіс"
    page.save_revision().publish()
    nav = client.get("/").content.decode().split('class="site-nav"', 1)[1].split("</nav>")[0]
    assert ">Про наш офіс</a>" in nav
    page.unpublish()
    nav = client.get("/").content.decode().split('class="site-nav"', 1)[1].split("</nav>")[0]
    assert "Про наш офіс" not in nav


def test_private_sections_stay_out_of_listings_and_come_back(client, demo):
    from wagtail.models import PageViewRestriction

    from cms.models import NewsPage

    latest = NewsPage.objects.filter(locale__language_code="uk").order_by("-date", "-pk").first()
    assert latest.title in client.get("/novyny/").content.decode()
    restriction = PageViewRestriction.objects.create(
        page=latest, restriction_type=PageViewRestriction.PASSWORD, password="x"
    )
    assert latest.title not in client.get("/novyny/").content.decode()
    assert latest.title not in client.get("/").content.decode()
    restriction.delete()
    assert latest.title in client.get("/novyny/").content.decode()
