"""Translating a news article in the Ukrainian admin: an editor translates it into English,
the English address comes from the English title, the editor submits the translation for
moderation, and a moderator is told (in the dashboard, and by e-mail in Ukrainian)."""

from __future__ import annotations

import email
import re
import sqlite3
from email.header import decode_header, make_header

from playwright.sync_api import expect

#: A demo article that exists only in Ukrainian (not the seed's "untranslated" one, which
#: other tests need untranslated).
SOURCE_SLUG = "u-tabori-zorka-ditiam-rozpovily-yak-bezpechno-vidpochyvaty"
TITLE_EN = "At the Zorka camp, children learned how to spend their holidays safely"
SLUG_EN = "at-the-zorka-camp-children-learned-how-to-spend-their-holidays-safely"


def query(site, sql: str, *parameters) -> list[tuple]:
    with sqlite3.connect(site.database) as database:
        return database.execute(sql, parameters).fetchall()


def sent_mail(site) -> list[email.message.Message]:
    """The messages the server wrote to its log (the development console mail backend)."""
    text = site.log.read_text(errors="replace")
    chunks = re.split(r"^-{70,}$", text, flags=re.MULTILINE)
    messages = []
    for chunk in chunks:
        start = chunk.find("Content-Type:")
        if start != -1 and "\nSubject:" in chunk:
            messages.append(email.message_from_string(chunk[start:].lstrip()))
    return messages


def subject(message) -> str:
    return " ".join(str(make_header(decode_header(message["Subject"]))).split())


def test_editor_translates_an_article_and_submits_it_for_moderation(browsing, site):
    [(source_id,)] = query(site, "SELECT id FROM wagtailcore_page WHERE slug = ?", SOURCE_SLUG)
    page = browsing.staff("editor")
    page.goto(f"/admin/pages/{source_id}/edit/")

    # "Translate this page" is in the page header's menu; English is already ticked.
    page.locator("header [data-w-dropdown-target=toggle]").first.click()
    page.locator(f'a[href^="/admin/localize/submit/page/{source_id}/"]').click()
    english = page.get_by_label("Англійська")
    expect(english).to_be_checked()
    page.get_by_role("button", name="Застосувати").click()
    page.wait_for_url(re.compile(r".*/admin/pages/\d+/edit/$"))
    translated_id = int(re.search(r"/pages/(\d+)/edit/", page.url).group(1))

    # The title is translated; the editor leaves the slug (on the promote tab) alone.
    page.get_by_role("button", name="Перекласти").first.click()
    page.locator("textarea").first.fill(TITLE_EN)
    page.get_by_role("button", name="Зберегти").first.click()
    expect(page.get_by_role("button", name="Редагувати").first).to_be_visible()

    # The main action is the submission for moderation, not "Delete".
    main_action = page.locator("footer:visible button").first
    expect(main_action).to_have_attribute("name", "action-submit")
    expect(page.locator("footer:visible")).not_to_contain_text("Видалити")
    main_action.click()
    page.wait_for_url(re.compile(r".*/admin/pages/\d+/$"))
    expect(page.locator(".messages .success")).to_contain_text(TITLE_EN)
    browsing.admin_console.assert_clean()

    [(slug, live)] = query(
        site, "SELECT slug, live FROM wagtailcore_page WHERE id = ?", translated_id
    )
    assert slug == SLUG_EN
    assert not live  # a draft until a moderator approves it

    moderator = browsing.staff("moderator")
    expect(moderator.get_by_role("link", name=TITLE_EN).first).to_be_visible()
    browsing.admin_console.assert_clean()
    browsing.show(moderator)

    [(moderator_email,)] = query(
        site, "SELECT email FROM auth_user WHERE username = ?", site.users("moderator")
    )
    told = [m for m in sent_mail(site) if m["To"] == moderator_email and TITLE_EN in subject(m)]
    assert told, "the moderator was not e-mailed"
    for message in told:
        assert "submitted" not in subject(message)
        assert re.search(r"модерац", subject(message), re.IGNORECASE), subject(message)


def test_the_superuser_s_dashboard_calls_nothing_outside_the_site(browsing):
    """Wagtail's upgrade check would ask wagtail.org from here (blocked by the admin CSP, a
    console error); it is off, and nothing else on the dashboard leaves the site."""
    page = browsing.staff("superuser")
    external = []
    page.on(
        "request",
        lambda request: (
            external.append(request.url)
            if not request.url.startswith((browsing.site.url, "data:", "blob:"))
            else None
        ),
    )
    page.reload()
    page.wait_for_load_state("networkidle")
    assert external == []
    browsing.admin_console.assert_clean()
