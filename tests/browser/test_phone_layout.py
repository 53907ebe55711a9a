"""On a phone (390×844 CSS px) every main public page fits the screen, its chart and diagram
labels are readable, and what a thumb must hit is big enough (WCAG 2.5.5/2.5.8: 44×44 px)."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

PHONE = {"width": 390, "height": 844}
SMALLEST_LABEL = 12  # CSS px, as rendered: an SVG scaled down shrinks its text with it
TOUCH = 44  # CSS px

PAGES = {
    "uk": {
        "home": "/",
        "news": "/novyny/",
        "article": "/novyny/94-meshkantsiv-pidtrymuiut-koordynatsiiu-v-pytanniakh-bezpeky/",
        "tracker": "/initiatives/",
        "how": "/initiatives/how/",
        "propose": "/initiatives/propose/",
        "cameras": "/cameras/",
        "contact": "/kontakty/",
        "memorandum": "/memorandum/",
    },
    "en": {
        "home": "/en/",
        "news": "/en/news/",
        "article": "/en/news/94-of-residents-back-coordination-on-safety/",
        "tracker": "/en/initiatives/",
        "how": "/en/initiatives/how/",
        "propose": "/en/initiatives/propose/",
        "cameras": "/en/cameras/",
        "contact": "/en/contact/",
        "memorandum": "/en/memorandum/",
    },
}

#: What the page measures of itself: how wide it is, how big its SVG text renders, and which
#: controls a person taps are smaller than a fingertip. A checkbox counts with its label, which
#: toggles it too. Controls kept out of people's way (the robots' trap field) are left out.
MEASURE = """(touch) => {
  const labelOf = (el) =>
    el.closest('label') || (el.id && document.querySelector(`label[for="${el.id}"]`));
  const rendered = (text) => parseFloat(getComputedStyle(text).fontSize) * text.getScreenCTM().a;
  const small = [];
  const targets = document.querySelectorAll(
    'button, input:not([type=hidden]), select, textarea, .site-nav a, .language-switcher a');
  for (const el of targets) {
    if (el.getAttribute('aria-hidden') === 'true' || el.closest('[aria-hidden="true"]')) continue;
    const box = el.getBoundingClientRect();
    if (box.width === 0 || box.right <= 0 || box.left >= innerWidth) continue;
    let height = box.height;
    if (el.type === 'checkbox' || el.type === 'radio') {
      const label = labelOf(el);
      height = Math.max(height, label ? label.getBoundingClientRect().height : 0);
    }
    const name = (el.name || el.textContent).trim().slice(0, 30);
    if (height < touch) small.push(`${el.tagName} “${name}”: ${Math.round(height)} px`);
  }
  return {
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: innerWidth,
    labels: [...document.querySelectorAll('svg text')]
      .map((text) => [text.textContent.trim(), rendered(text)]),
    small: small,
  };
}"""


@pytest.mark.parametrize("lang", ["uk", "en"])
def test_main_pages_fit_a_phone_with_readable_labels_and_touch_sized_controls(browsing, site, lang):
    page = browsing.visitor(viewport=PHONE, is_mobile=True, has_touch=True)
    pages = dict(PAGES[lang])
    page.goto(pages["tracker"])
    pages["initiative"] = page.locator("main a").evaluate_all(
        "(links) => links.map((a) => a.getAttribute('href'))"
        ".find((href) => /\\/initiatives\\/\\d+\\/$/.test(href))"
    )
    assert pages["initiative"], "the tracker links no initiative"
    problems = []
    labels_seen = 0
    for name, path in pages.items():
        page.goto(path)
        measured = page.evaluate(MEASURE, TOUCH)
        if measured["scrollWidth"] > measured["innerWidth"]:
            problems.append(f"{name} {path}: {measured['scrollWidth']} px wide on a 390 px screen")
        for text, size in measured["labels"]:
            labels_seen += 1
            if size < SMALLEST_LABEL:
                problems.append(f"{name} {path}: label “{text}” renders at {size:.1f} px")
        problems += [f"{name} {path}: {what}" for what in measured["small"]]
    assert labels_seen, "no chart or diagram was measured"
    assert not problems, "\n".join(problems)
    browsing.console.assert_clean()


@pytest.mark.parametrize(
    ("path", "query", "found"),
    [("/cameras/", "автостанція", "Автостанція"), ("/en/cameras/", "bus station", "Bus station")],
)
def test_a_resident_on_a_phone_finds_the_bus_station_camera(browsing, site, path, query, found):
    page = browsing.visitor(viewport=PHONE, is_mobile=True, has_touch=True)
    page.goto(path)
    page.locator("form.camera-search input[name=q]").fill(query)
    page.locator("form.camera-search button[type=submit]").click()
    page.wait_for_load_state()
    names = page.locator("table.cameras .camera__name")
    expect(names).to_have_count(1)
    expect(names.first).to_have_text(found)
    assert page.evaluate("document.documentElement.scrollWidth <= innerWidth")
    browsing.console.assert_clean()
