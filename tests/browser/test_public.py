"""What a visitor does on the public site: switch language, propose an initiative, look at the
cameras' status. Every page visited must show no CSP violation and no JavaScript error."""

from __future__ import annotations

import re
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest
from playwright.sync_api import expect

ARTICLE_UK = "/novyny/94-meshkantsiv-pidtrymuiut-koordynatsiiu-v-pytanniakh-bezpeky/"
ARTICLE_EN = "/en/news/94-of-residents-back-coordination-on-safety/"
TITLE_UK = "94 % мешканців підтримують координацію в питаннях безпеки"
TITLE_EN = "94% of residents back coordination on safety"
#: A demo article that exists only in Ukrainian.
UNTRANSLATED = (
    "/novyny/pered-velykodnem-politsiia-ta-ofis-pospilkuvalysia-z-ponad-200-meshkantsiamy/"
)


def switch_to(page, code: str):
    page.locator(f'nav.language-switcher a[hreflang="{code}"]').click()
    page.wait_for_load_state()


def test_visitor_switches_language_on_an_article(browsing, site):
    page = browsing.visitor()
    page.goto(ARTICLE_UK)
    expect(page.locator("html")).to_have_attribute("lang", "uk")
    expect(page.locator("h1")).to_have_text(TITLE_UK)

    switch_to(page, "en")
    assert page.url == site.url + ARTICLE_EN
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.locator("h1")).to_have_text(TITLE_EN)
    expect(page.locator(".notice--untranslated")).to_have_count(0)

    switch_to(page, "uk")  # and back to the same article
    assert page.url == site.url + ARTICLE_UK
    browsing.console.assert_clean()


def test_visitor_on_an_untranslated_page_sees_the_notice(browsing, site):
    page = browsing.visitor()
    page.goto(UNTRANSLATED)
    title = page.locator("h1").inner_text()
    expect(page.locator('nav.language-switcher a[hreflang="en"]')).to_have_attribute(
        "data-untranslated", "true"
    )

    switch_to(page, "en")
    assert page.url.startswith(site.url + "/en/"), page.url
    expect(page.locator("html")).to_have_attribute("lang", "en")
    notice = page.locator(".notice--untranslated")
    expect(notice).to_be_visible()
    expect(notice).to_contain_text("not translated yet; it exists only in Ukrainian")
    back = notice.get_by_role("link", name=title)
    expect(back).to_have_attribute("href", UNTRANSLATED)
    expect(back).to_have_attribute("lang", "uk")

    back.click()  # the notice leads to the page in the language it exists in
    page.wait_for_load_state()
    assert page.url == site.url + UNTRANSLATED
    browsing.console.assert_clean()


def proposals_titled(database: Path, title: str) -> list[tuple[str, str]]:
    """Read from the server's database: a proposal is private, no public page shows it."""
    with closing(sqlite3.connect(f"file:{database}?mode=ro", uri=True)) as connection:
        return connection.execute(
            "SELECT state, origin FROM workflows_initiative WHERE title_uk = ?", (title,)
        ).fetchall()


PROPOSALS = {
    "uk": {
        "prefix": "",
        "title": "Пандус до входу в міську бібліотеку",
        "problem": "Люди на візках не можуть піднятися до бібліотеки.",
        "solution": "Облаштувати пандус із поручнями біля головного входу.",
        "name": "Оксана Петренко",
        "thanks": "Дякуємо. Офіс розгляне вашу пропозицію.",
    },
    "en": {
        "prefix": "/en",
        "title": "A zebra crossing at the bus station exit",
        "problem": "Buses leave the station where people cross without any marking.",
        "solution": "Paint a zebra crossing and put up a sign at the exit.",
        "name": "Andrii Moroz",
        "thanks": "Thank you. The office will look at your proposal.",
    },
}


@pytest.mark.parametrize("language", PROPOSALS)
def test_resident_proposes_an_initiative(browsing, site, language):
    proposal = PROPOSALS[language]
    page = browsing.visitor()
    page.goto(f"{proposal['prefix']}/initiatives/")
    page.locator(f'a[href="{proposal["prefix"]}/initiatives/propose/"]').first.click()
    page.wait_for_url("**/initiatives/propose/")

    page.locator("#id_title").fill(proposal["title"])
    page.locator("#id_problem").fill(proposal["problem"])
    page.locator("#id_solution").fill(proposal["solution"])
    page.locator("#id_area").select_option(index=1)
    page.locator("#id_location").fill("вул. Лиманська, 93")
    page.locator("#id_name").fill(proposal["name"])
    page.locator("#id_email").fill(f"resident-{language}@example.org")
    page.locator("#id_consent").check()
    # Sent at once, as autofill and a tap would: there is no minimum time to wait.
    page.locator("form.contact-form button[type=submit]").click()
    page.wait_for_load_state()

    thanks = page.locator("main [role=status]")
    expect(thanks).to_contain_text(proposal["thanks"])
    expect(page.locator("form.contact-form")).to_have_count(0)
    # The proposal is private: only the database tells that it was kept.
    assert proposals_titled(site.database, proposal["title"]) == [("submitted", "resident")]
    browsing.console.assert_clean()


def test_camera_status_page_shows_uptime_bars_in_both_languages(browsing):
    page = browsing.visitor()
    for path, heading in (("/cameras/", "Стан мережі камер"), ("/en/cameras/", "Camera network")):
        page.goto(path)
        expect(page.locator("h1")).to_contain_text(heading)
        bars = page.locator("svg.uptime")
        expect(bars.first).to_be_visible()
        assert bars.count() >= 10, f"{path}: {bars.count()} uptime bars"
        # 90 daily bars, each a rect with its day and share in a tooltip title.
        first = bars.first
        assert first.locator("rect").count() == 90
        expect(first).to_have_attribute("role", "img")
        label = first.get_attribute("aria-label")
        assert label and re.search(r"90", label), label
        box = first.bounding_box()
        assert box and box["width"] > 100 and box["height"] > 5, box
    browsing.console.assert_clean()
