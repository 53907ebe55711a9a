"""The duty volunteer's console in a real browser: a camera's state changes in the database and
the open page shows it without a reload, a note being typed survives the refresh, and a failed
refresh says so, all without a console error."""

from __future__ import annotations

import datetime
import sqlite3
from contextlib import closing

from playwright.sync_api import expect

#: The seed's quiet camera (tests/browser/seed.py) and the board's refresh endpoint.
BOARD = "**/admin/cctv/board/"
URGENCY = {"offline": 0, "degraded": 1, "unstable": 1, "unknown": 2, "maintenance": 3, "online": 4}


def set_status(database, code: str, status: str) -> None:
    """Change a camera's state as a probe would, straight in the site's database."""
    since = datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M:%S.%f")
    with closing(sqlite3.connect(database, timeout=20)) as connection, connection:
        changed = connection.execute(
            "UPDATE cctv_bridge_camera SET status = ?, status_since = ? WHERE code = ?",
            (status, since, code),
        ).rowcount
    assert changed == 1


def test_the_console_shows_a_state_change_without_reloading(browsing, site):
    code = site.seed["quiet_camera"]
    page = browsing.staff("operator")
    page.goto("/admin/cctv/")
    row = page.locator(f'tr[data-camera="{code}"]')
    expect(row).to_have_attribute("data-state", "online")
    page.evaluate("window.notReloaded = true")

    set_status(site.database, code, "offline")

    expect(row).to_have_attribute("data-state", "offline")
    # In words too, not by colour alone: the row's badge names the state as the counts do.
    label = page.locator('.cctv-counts [data-state="offline"] .cctv-count__label').inner_text()
    expect(row.locator(".cctv-badge").first).to_contain_text(label)
    # The count follows the board it was rendered with. (Other demo cameras may go offline
    # meanwhile: their probes find nothing serving their streams in the test server.)
    counted, rows = page.evaluate(
        """() => [
            Number(document.querySelector(
                '.cctv-counts [data-state="offline"] .cctv-count__number').textContent),
            document.querySelectorAll('tr[data-camera][data-state="offline"]').length,
        ]"""
    )
    assert counted == rows  # which includes the camera that just went offline
    # Problems first: the rows are in the order of urgency.
    states = page.locator("tr[data-camera]").evaluate_all("rows => rows.map(r => r.dataset.state)")
    ranks = [URGENCY[state] for state in states]
    assert ranks == sorted(ranks) and "offline" in states
    assert page.evaluate("window.notReloaded") is True
    set_status(site.database, code, "online")
    expect(row).to_have_attribute("data-state", "online")
    browsing.admin_console.assert_clean()


def test_a_note_being_typed_survives_the_refresh(browsing, site):
    incident = site.seed["incident"]
    page = browsing.staff("operator")
    page.goto("/admin/cctv/")
    note = page.locator(f"#note-{incident}")
    expect(page.locator(f'label[for="note-{incident}"]')).to_be_visible()
    note.fill("Телефоную черговому електрику")
    updated = page.locator("[data-updated]")
    first = updated.get_attribute("datetime")
    expect(updated).not_to_have_attribute("datetime", first)  # a refresh came in
    expect(note).to_have_value("Телефоную черговому електрику")
    expect(note).to_be_focused()
    browsing.admin_console.assert_clean()


def test_a_failed_refresh_is_shown_and_clears_when_it_works_again(browsing, site):
    page = browsing.staff("operator")
    page.goto("/admin/cctv/")
    warning = page.locator("[data-refresh-warning]")
    expect(warning).to_be_hidden()
    browsing.admin_console.allow(r"status of 503")
    page.route(BOARD, lambda route: route.fulfill(status=503, body="down"))
    expect(warning).to_be_visible()
    expect(page.locator("tr[data-camera]").first).to_be_visible()  # the last board stays
    page.unroute(BOARD)
    expect(warning).to_be_hidden()
    browsing.admin_console.assert_clean()
