"""News under moderation, in the Wagtail admin: an editor writes and submits, a moderator
approves and publishes, and a visitor then finds the article on the public news index."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

TITLE = "Волонтери чергуватимуть біля автостанції вечорами"
INTRO = "Від понеділка волонтери офісу чергують біля автостанції з 19:00 до 23:00."
SLUG = "volontery-cherhuvatymut-bilia-avtostantsii-vechoramy"
#: Set once the article is in moderation: the server (and its database) lasts the whole run.
SUBMITTED: list[str] = []


def open_actions(page):
    """Wagtail's footer: the primary button and, behind the toggle, the other actions."""
    page.locator("footer .w-dropdown__toggle").click()


def submit_news_for_moderation(browsing, site):
    page = browsing.staff("editor")
    page.goto(f"/admin/pages/{site.seed['news_index']}/")
    # A news index takes only news articles, so "add child page" opens the article form.
    page.locator(f'a[href="/admin/pages/{site.seed["news_index"]}/add_subpage/"]').first.click()
    page.wait_for_url("**/admin/pages/add/cms/newspage/**")
    page.locator("#id_title").fill(TITLE)
    page.locator("#id_intro").fill(INTRO)
    # The slug is filled by a request to the transliteration view as the title is typed;
    # submitting before it answers would send an empty slug (seen on a loaded CI machine).
    expect(page.locator("#id_slug")).to_have_value(SLUG, timeout=30_000)
    open_actions(page)
    page.locator('button[name="action-submit"]').click()  # "Submit to Moderators approval"
    page.wait_for_url(f"**/admin/pages/{site.seed['news_index']}/")
    expect(page.locator(".messages .success")).to_contain_text(TITLE)
    SUBMITTED.append(TITLE)
    return page


@pytest.fixture
def submitted_news(browsing, site):
    """The article test_editor_submits_news_for_moderation left in moderation, or a new one
    when that test did not run first (a selection with -k)."""
    if not SUBMITTED:
        submit_news_for_moderation(browsing, site)
    return TITLE


def test_editor_submits_news_for_moderation(browsing, site):
    page = submit_news_for_moderation(browsing, site)
    # The explorer lists the article as a draft in moderation; the public cannot see it yet.
    row = page.locator("tr", has_text=TITLE)
    expect(row).to_have_count(1)
    expect(row).to_contain_text(re.compile("на модерації", re.IGNORECASE))  # "in moderation"
    browsing.admin_console.assert_clean()
    browsing.show(page)

    visitor = browsing.visitor()
    browsing.console.allow(r"status of 404 \(Not Found\)")  # the one expected answer
    response = visitor.goto(f"/novyny/{SLUG}/")
    assert response.status == 404
    browsing.console.assert_clean()


def test_moderator_publishes_submitted_news(browsing, site, submitted_news):
    page = browsing.staff("moderator")
    # The dashboard lists what awaits the moderator's review.
    page.get_by_role("link", name=submitted_news).first.click()
    page.wait_for_url("**/admin/pages/*/edit/")
    open_actions(page)
    approve = page.locator(
        'button[data-workflow-action-name="approve"]:not([data-workflow-action-modal-url])'
    )
    approve.click()  # "Approve and publish": the workflow's only task, so it publishes
    page.wait_for_url(f"**/admin/pages/{site.seed['news_index']}/")
    expect(page.locator(".messages .success")).to_contain_text(submitted_news)
    browsing.admin_console.assert_clean()

    visitor = browsing.visitor()
    visitor.goto("/novyny/")
    link = visitor.get_by_role("link", name=submitted_news)
    expect(link).to_have_attribute("href", f"/novyny/{SLUG}/")
    link.click()
    visitor.wait_for_load_state()
    expect(visitor.locator("h1")).to_have_text(submitted_news)
    expect(visitor.locator("main")).to_contain_text(INTRO)
    browsing.console.assert_clean()
