"""What an initiative links to (partners, documents, news, tags), staff following from the
admin, timeline entries, and the administrators' list of followers."""

import datetime

import pytest
from django.core import mail
from django.core.files.base import ContentFile
from django.utils import timezone
from wagtail.documents import get_document_model
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from cms.models import NewsPage, Organisation
from tests.two_factor_helpers import verified_login
from tests.workflow_helpers import member
from workflows.models import (
    Initiative,
    InitiativeDocument,
    InitiativePage,
    InitiativePartner,
    Subscription,
    TimelineEvent,
)
from workflows.tasks import notify_followers

pytestmark = pytest.mark.django_db


def adopted() -> Initiative:
    return Initiative.objects.get(state="adopted")


def document(title: str):
    Document = get_document_model()
    doc = Document(title=title)
    doc.file.save(f"{title}.txt", ContentFile(b"decision"), save=False)
    doc.save()
    return doc


def form(item: Initiative, **inlines) -> dict:
    values = {
        "title_uk": item.title_uk,
        "title_en": item.title_en,
        "summary_uk": item.summary_uk,
        "summary_en": item.summary_en,
        "problem_uk": item.problem_uk,
        "problem_en": item.problem_en,
        "solution_uk": item.solution_uk,
        "solution_en": item.solution_en,
        "origin": item.origin,
        "location": item.location,
        "progress": str(item.progress),
        "tags": "",
        "partners": inline_formset([]),
        "documents": inline_formset([]),
        "related_pages": inline_formset([]),
    }
    values.update(inlines)
    return nested_form_data(values)


def test_the_demo_links_partners_authority_tags_and_news(demo):
    item = Initiative.objects.get(title_en="A traffic light and safe bus stops")
    assert item.responsible_authority.name == "Татарбунарська міська рада"
    assert [p.organisation.name for p in item.partners.all()] == [
        "Татарбунарське відділення поліції"
    ]
    assert sorted(t.name for t in item.tags.all()) == ["дороги", "діти"]
    assert item.related_pages.count() == 1


@pytest.mark.parametrize(
    "prefix, partner, news",
    [
        (
            "",
            "Татарбунарська районна рада",
            "Меморандум про співпрацю підписали вже 20 організацій",
        ),
        (
            "/en",
            "Tatarbunary District Council",
            "The cooperation Memorandum now has 20 signatories",
        ),
    ],
)
def test_the_public_page_shows_links_in_the_visitors_language(client, demo, prefix, partner, news):
    item = adopted()
    InitiativePartner.objects.filter(initiative=item).delete()
    InitiativePartner.objects.create(
        initiative=item,
        organisation=Organisation.objects.get(name="Татарбунарська районна рада"),
    )
    InitiativePage.objects.create(
        initiative=item,
        page=NewsPage.objects.get(title="Меморандум про співпрацю підписали вже 20 організацій"),
    )
    InitiativeDocument.objects.create(initiative=item, document=document("Рішення 131"))
    InitiativeDocument.objects.create(
        initiative=item, document=document("Чернетка для офісу"), public=False
    )
    html = client.get(f"{prefix}/initiatives/{item.pk}/").content.decode()
    assert partner in html and news in html and "Рішення 131" in html
    assert "Чернетка для офісу" not in html
    data = client.get(f"/api/initiatives/{item.pk}/").json()
    assert [d["title"] for d in data["documents"]] == ["Рішення 131"]
    assert "Татарбунарська районна рада" in data["partners"]
    assert data["tags"] == [{"uk": "співпраця", "en": ""}]  # a tag exists in Ukrainian only


def test_unpublished_or_private_news_is_not_linked(client, demo):
    item = adopted()
    page = NewsPage.objects.get(title="Меморандум про співпрацю підписали вже 20 організацій")
    InitiativePage.objects.create(initiative=item, page=page)
    page.unpublish()
    assert (
        "Меморандум про співпрацю підписали вже 20 організацій"
        not in client.get(f"/initiatives/{item.pk}/").content.decode()
    )


def test_tracker_filters_by_authority_and_tag(client, demo):
    council = Organisation.objects.get(name="Татарбунарська міська рада")
    police = Organisation.objects.get(name="Татарбунарське відділення поліції")
    html = client.get("/initiatives/", {"authority": police.pk}).content.decode()
    assert "туристичної поліції" in html and "Світлофор" not in html
    # The English translation of the same organisation filters the same.
    english = Organisation.objects.get(
        translation_key=council.translation_key, locale__language_code="en"
    )
    html = client.get("/en/initiatives/", {"authority": english.pk}).content.decode()
    assert "traffic light" in html and "Tatarbunary City Council" in html
    assert "tourist police" not in html.split("</nav>")[-1].split("What each state means")[0]
    html = client.get("/initiatives/", {"tag": "kurorty"}).content.decode()
    assert client.get("/initiatives/", {"tag": "no-such-tag"}).status_code == 404
    assert client.get("/initiatives/", {"authority": "x"}).status_code == 404
    assert client.get("/initiatives/", {"authority": "999999"}).status_code == 404


def test_pagination_keeps_the_filters(client, demo):
    from workflows import public

    area = adopted().area
    for number in range(public.PAGE_SIZE + 1):
        Initiative.objects.create(title_uk=f"Ініціатива {number}", state="accepted", area=area)
    html = client.get("/initiatives/", {"state": "accepted"}).content.decode()
    assert 'href="?state=accepted&amp;page=2"' in html


def test_editing_adds_partners_and_refuses_non_signatories(client, demo):
    item = Initiative.objects.get(title_en="A traffic light and safe bus stops")
    client.force_login(member("coordinator"))
    outsider = Organisation.objects.create(name="Кав’ярня", kind="business")
    signatory = Organisation.objects.get(name="Бюро правової допомоги")
    url = f"/admin/initiatives/edit/{item.pk}/"
    response = client.post(
        url, form(item, partners=inline_formset([{"organisation": outsider.pk}]))
    )
    assert response.status_code == 200  # the form again, with the error
    assert "signatories" in response.content.decode() or "підписантів" in response.content.decode()
    assert item.partners.count() == 1
    response = client.post(
        url,
        form(
            item,
            tags="дороги, світлофор",
            partners=inline_formset([{"organisation": signatory.pk}]),
        ),
    )
    assert response.status_code == 302
    item.refresh_from_db()
    assert sorted(p.organisation.name for p in item.partners.all()) == sorted(
        ["Татарбунарське відділення поліції", signatory.name]
    )
    assert sorted(t.name for t in item.tags.all()) == ["дороги", "світлофор"]


def test_whoever_creates_an_initiative_is_its_initiator(client, demo):
    initiator = member("coordinator")
    client.force_login(initiator)
    item = Initiative(title_uk="Ліхтарі в парку")
    response = client.post("/admin/initiatives/new/", form(item))
    assert response.status_code == 302
    created = Initiative.objects.get(title_uk="Ліхтарі в парку")
    assert created.initiator == initiator and created.state == "draft"


def test_staff_follow_from_the_admin_and_hear_of_public_steps(client, demo):
    item = Initiative.objects.get(title_en="A municipal police (guard)")
    secretary = member("council_secretariat")  # follows what the office prepares
    secretary.email = "secretary@rada.example"
    secretary.save()
    client.force_login(secretary)
    response = client.post(f"/admin/initiatives/{item.pk}/follow/")
    assert response.status_code == 302
    subscription = Subscription.objects.get(user=secretary, initiative=item)
    assert subscription.confirmed_at is not None
    log = item.perform("start_drafting", member("coordinator"))
    notify_followers.fn(log.pk)
    assert "secretary@rada.example" in [m.to[0] for m in mail.outbox]
    client.post(f"/admin/initiatives/{item.pk}/follow/")
    assert not Subscription.objects.filter(user=secretary).exists()


def test_following_needs_an_address(client, demo):
    client.force_login(member("coordinator"))
    item = adopted()
    response = client.post(f"/admin/initiatives/{item.pk}/follow/", follow=True)
    assert not Subscription.objects.filter(initiative=item, user__isnull=False).exists()
    assert response.status_code == 200


def test_timeline_entries_from_the_admin(client, demo):
    item = adopted()
    client.force_login(member("committee_secretary"))
    edit = client.get(f"/admin/initiatives/edit/{item.pk}/").content.decode()
    assert f'action="/admin/initiatives/{item.pk}/timeline/"' in edit
    url = f"/admin/initiatives/{item.pk}/timeline/"
    today = timezone.localdate().isoformat()
    response = client.post(
        url, {"kind": "meeting", "date": today, "text_uk": "Засідання комісії", "public": "on"}
    )
    assert response.status_code == 302
    client.post(url, {"kind": "letter", "date": today, "text_uk": "Службовий лист"})
    html = client.get(f"/initiatives/{item.pk}/").content.decode()
    assert "Засідання комісії" in html and "Службовий лист" not in html
    # A future date or no text: a 400 that says why, and nothing stored.
    future = (timezone.localdate() + datetime.timedelta(days=3)).isoformat()
    count = TimelineEvent.objects.count()
    assert client.post(url, {"kind": "meeting", "date": future, "text_uk": "x"}).status_code == 400
    assert client.post(url, {"kind": "meeting", "date": today}).status_code == 400
    assert TimelineEvent.objects.count() == count


def test_an_initiator_cannot_write_the_timeline(client, demo):
    item = adopted()
    initiator = member("initiator")
    Initiative.objects.filter(pk=item.pk).update(initiator=initiator)
    client.force_login(initiator)
    today = timezone.localdate().isoformat()
    response = client.post(
        f"/admin/initiatives/{item.pk}/timeline/",
        {"kind": "meeting", "date": today, "text_uk": "x"},
    )
    assert response.status_code in (302, 403)  # no admin access at all, or no role here
    assert not TimelineEvent.objects.filter(text_uk="x").exists()


def test_only_administrators_list_followers(client, demo):
    Subscription.objects.create(email="reader@example.org", language="uk")
    client.force_login(member("coordinator"))
    response = client.get("/admin/initiative-followers/")
    assert response.status_code in (302, 403)
    verified_login(client, member("administrator"))
    response = client.get("/admin/initiative-followers/")
    assert response.status_code == 200 and "reader@example.org" in response.content.decode()


def test_the_admin_shows_the_diagram(client, demo):
    client.force_login(member("coordinator"))
    html = client.get("/admin/initiatives/how/").content.decode()
    assert "<svg" in html
