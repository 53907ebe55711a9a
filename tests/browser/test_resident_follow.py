"""A resident on a phone follows one initiative: the form on its page, the e-mailed link, a
button on the page it opens; and a proposal sent right after the page loads is kept."""

from __future__ import annotations

import re
import sqlite3
import time
from contextlib import closing
from pathlib import Path

from playwright.sync_api import expect

PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}


def query(database: Path, sql: str, *params) -> list[tuple]:
    """Read the server's database (the e-mail address is on no public page)."""
    with closing(sqlite3.connect(f"file:{database}?mode=ro", uri=True)) as connection:
        return connection.execute(sql, params).fetchall()


def confirmation_link(log: Path, address: str) -> str:
    """The link in the e-mail to ``address``: the demo server prints e-mails to its log."""
    deadline = time.monotonic() + 30  # the e-mail is sent by a job after the commit
    while time.monotonic() < deadline:
        for message in log.read_text(errors="replace").split("-" * 79):
            if f"To: {address}" in message:
                return re.search(r"http://\S+/initiatives/follow/confirm/\S+/", message).group(0)
        time.sleep(0.2)
    raise AssertionError(f"no confirmation e-mail to {address} in {log}")


def test_resident_follows_one_initiative_on_a_phone(browsing, site):
    page = browsing.visitor(**PHONE)
    page.goto("/en/initiatives/")
    hrefs = [
        href
        for href in page.locator("main a[href]").evaluate_all(
            "links => links.map(link => link.getAttribute('href'))"
        )
        if re.fullmatch(r"/en/initiatives/\d+/", href)
    ]
    assert hrefs, "the tracker lists no initiative"
    page.goto(hrefs[0])
    pk = int(re.search(r"\d+", hrefs[0]).group(0))

    form = page.locator("form.subscribe-form")
    expect(form).to_have_attribute("action", f"/en/initiatives/{pk}/follow/")
    form.locator("input[type=email]").fill("phone.follower@example.org")
    form.locator("button[type=submit]").click()  # at once, as after autofill
    page.wait_for_load_state()
    expect(page.locator("main")).to_contain_text("a message with a confirmation link")

    rows = "SELECT initiative_id, confirmed_at FROM workflows_subscription WHERE email = ?"
    assert query(site.database, rows, "phone.follower@example.org") == [(pk, None)]

    link = confirmation_link(site.log, "phone.follower@example.org")
    page.goto(link)
    assert query(site.database, rows, "phone.follower@example.org") == [(pk, None)]  # a GET
    button = page.get_by_role("button", name="Confirm and follow")
    expect(button).to_be_visible()
    button.click()
    page.wait_for_load_state()
    expect(page.locator("main")).to_contain_text("Confirmed")
    ((followed, confirmed_at),) = query(site.database, rows, "phone.follower@example.org")
    assert followed == pk and confirmed_at is not None  # that initiative only
    browsing.console.assert_clean()


def test_resident_proposal_sent_right_after_loading_is_kept(browsing, site):
    page = browsing.visitor(**PHONE)
    page.goto("/initiatives/propose/")
    title = "Лавка біля зупинки на вулиці Миру"
    page.locator("#id_title").fill(title)
    page.locator("#id_problem").fill("Літні люди чекають автобус стоячи.")
    page.locator("#id_solution").fill("Поставити лавку з навісом.")
    page.locator("#id_name").fill("Марія")
    page.locator("#id_email").fill("maria.phone@example.org")
    page.locator("#id_consent").check()
    page.locator("form.contact-form button[type=submit]").click()
    page.wait_for_load_state()
    expect(page.locator("main [role=status]")).to_contain_text("Дякуємо")
    stored = "SELECT state FROM workflows_initiative WHERE title_uk = ?"
    assert query(site.database, stored, title) == [("submitted",)]
    browsing.console.assert_clean()
