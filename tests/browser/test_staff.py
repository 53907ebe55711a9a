"""Staff steps outside the page editor: the council secretariat records an adoption in the
initiative tracker, an operator of the situational centre acknowledges a camera incident."""

from __future__ import annotations

import datetime

from playwright.sync_api import expect

DECISION = "217-VIII"


def open_from_worklist(page, pk: int) -> None:
    """The dashboard's worklist names the initiatives awaiting the user."""
    page.locator(f'a[href="/admin/initiatives/edit/{pk}/"]').first.click()
    page.wait_for_url(f"**/admin/initiatives/edit/{pk}/")


def test_edit_page_offers_the_adoption_step(browsing, site):
    pk = site.seed["initiative_on_agenda"]
    page = browsing.staff("secretariat")
    open_from_worklist(page, pk)
    expect(page.locator(f'a[href="/admin/initiatives/{pk}/step/adopt/"]')).to_be_visible(
        timeout=3_000
    )


def test_secretariat_records_an_adoption(browsing, site):
    pk = site.seed["initiative"]
    page = browsing.staff("secretariat")
    open_from_worklist(page, pk)
    page.locator(f'a[href="/admin/initiatives/{pk}/step/adopt/"]').click()
    page.wait_for_url(f"**/admin/initiatives/{pk}/step/adopt/")

    today = datetime.date.today()
    page.locator("#id_decision_number").fill(DECISION)
    page.locator("#id_decision_date").fill(today.isoformat())
    page.locator("#id_decision_date").press("Escape")  # close the date picker
    page.locator("#id_votes_for").fill("19")
    page.locator("#id_votes_against").fill("2")
    page.locator("#id_votes_abstained").fill("3")
    page.locator("#id_acting_body").fill("Татарбунарська міська рада")
    page.locator("#id_comment_uk").fill("Рішення ухвалено на сесії міської ради.")
    page.locator("#id_public").check()
    page.locator("form button[type=submit].button").click()
    page.wait_for_url(f"**/admin/initiatives/edit/{pk}/")
    expect(page.locator(".messages .success")).to_be_visible()
    expect(page.locator("#initiative-state")).not_to_contain_text("порядку денному")
    browsing.admin_console.assert_clean()

    visitor = browsing.visitor()
    visitor.goto(f"/en/initiatives/{pk}/")
    expect(visitor.locator("main")).to_contain_text(f"Council decision No. {DECISION} of")
    expect(visitor.locator("main")).to_contain_text("for 19, against 2, abstained 3")
    visitor.goto(f"/initiatives/{pk}/")
    expect(visitor.locator("main")).to_contain_text(DECISION)
    expect(visitor.locator("main")).to_contain_text("Ухвалено")
    browsing.console.assert_clean()


def test_operator_acknowledges_a_camera_incident(browsing, site):
    camera, incident = site.seed["camera"], site.seed["incident"]
    note = "Виїхав технік, кабель живлення пошкоджено"
    page = browsing.staff("operator")
    page.goto("/admin/cctv/")
    row = page.locator("tr", has_text=camera).filter(has=page.locator("form"))
    expect(row).to_have_count(1)
    row.locator(f"#note-{incident}").fill(note)
    row.locator("button[type=submit]").click()
    page.wait_for_url("**/admin/cctv/")
    expect(page.locator(".messages .success")).to_be_visible()
    acknowledged = page.locator("tr", has_text=camera).filter(has_text=note)
    expect(acknowledged).to_have_count(1)
    expect(acknowledged).to_contain_text("Operator")  # who acknowledged (first name)
    expect(acknowledged.locator("form")).to_have_count(0)
    browsing.admin_console.assert_clean()


def test_admin_pages_show_no_csp_violation(browsing):
    """The other staff tests overlook the Gravatar messages (known, reported); this one does not."""
    page = browsing.staff("operator")
    problems = []
    page.on(
        "console",
        lambda message: (
            problems.append(message.text)
            if message.type == "error" and "Content Security Policy" in message.text
            else None
        ),
    )
    page.goto("/admin/")
    page.goto("/admin/cctv/")
    page.wait_for_load_state("networkidle")
    assert not problems, "\n".join(problems)
