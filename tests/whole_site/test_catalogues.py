"""Every user-visible string is translated into Ukrainian and English."""

import json
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import polib
import pytest
from django.template import Context, Template
from django.utils import translation

from tests.two_factor_helpers import verified_login

ROOT = Path(__file__).resolve().parents[2]
CATALOGUES = {lang: ROOT / "locale" / lang / "LC_MESSAGES" / "django.po" for lang in ("uk", "en")}
PLURAL_FORMS = {"uk": 4, "en": 2}
#: What makemessages reads: every app, the templates, the catalogues and manage.py.
SOURCES = (
    "cms",
    "config",
    "ops",
    "accounts",
    "workflows",
    "cctv_bridge",
    "site",
    "locale",
    "manage.py",
)


@pytest.mark.parametrize("lang", CATALOGUES)
def test_catalogue_has_no_untranslated_fuzzy_or_obsolete_entries(lang):
    po = polib.pofile(str(CATALOGUES[lang]))
    assert [e.msgid for e in po.untranslated_entries()] == []
    assert [e.msgid for e in po.fuzzy_entries()] == []
    assert [e.msgid for e in po.obsolete_entries()] == []
    assert not po.metadata_is_fuzzy
    # A "#| msgid" line is left by msgmerge's fuzzy guess; reviewing the entry removes it.
    assert [e.msgid for e in po if e.previous_msgid] == []


@pytest.mark.parametrize("lang", CATALOGUES)
def test_plural_entries_have_every_form(lang):
    po = polib.pofile(str(CATALOGUES[lang]))
    assert f"nplurals={PLURAL_FORMS[lang]};" in po.metadata["Plural-Forms"]
    plurals = [e for e in po if e.msgid_plural]
    assert plurals, "the catalogue should exercise plural forms"
    for entry in plurals:
        forms = [entry.msgstr_plural.get(i, "") for i in range(PLURAL_FORMS[lang])]
        assert all(forms), entry.msgid


@pytest.mark.skipif(shutil.which("msgfmt") is None, reason="GNU gettext is not installed")
@pytest.mark.parametrize("lang", CATALOGUES)
def test_msgfmt_check_passes(lang, tmp_path):
    subprocess.run(
        ["msgfmt", "--check", "-o", str(tmp_path / "out.mo"), str(CATALOGUES[lang])], check=True
    )


@pytest.mark.skipif(shutil.which("xgettext") is None, reason="GNU gettext is not installed")
def test_catalogues_contain_every_source_string(tmp_path):
    """Extract strings from a copy of the sources and compare with the committed catalogues."""
    for name in SOURCES:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, tmp_path / name, ignore=shutil.ignore_patterns("*.mo"))
        else:
            shutil.copy(source, tmp_path / name)
    # The test settings install a test-only app (a model on the workflow engine, no strings).
    shutil.copytree(
        ROOT / "tests" / "workflows" / "engine_app",
        tmp_path / "tests" / "workflows" / "engine_app",
        ignore=shutil.ignore_patterns("__pycache__"),
    )
    subprocess.run(
        [sys.executable, "manage.py", "makemessages", "-l", "uk", "-l", "en", "--no-obsolete"],
        cwd=tmp_path,
        check=True,
        capture_output=True,
    )
    for lang, committed in CATALOGUES.items():
        extracted = polib.pofile(str(tmp_path / "locale" / lang / "LC_MESSAGES" / "django.po"))
        known = {(e.msgctxt, e.msgid) for e in polib.pofile(str(committed))}
        missing = [e.msgid for e in extracted if (e.msgctxt, e.msgid) not in known]
        assert missing == [], f"run `make messages` and translate them in locale/{lang}"


def test_ukrainian_plural_forms_at_runtime():
    msg = (
        "Demo content ready: %(count)d new page; home at %(home)s, English home at %(en)s.",
        "Demo content ready: %(count)d new pages; home at %(home)s, English home at %(en)s.",
    )
    with translation.override("uk"):
        words = [translation.ngettext(*msg, n).split()[4] for n in (1, 3, 5, 11, 21)]
    assert words == ["нова", "нові", "нових", "нових", "нова"]


@pytest.mark.parametrize(("lang", "expected"), [("uk", "30 серпня 2019"), ("en", "30 August 2019")])
def test_dates_read_naturally(lang, expected):
    with translation.override(lang):
        rendered = Template("{{ day|date }}").render(Context({"day": date(2019, 8, 30)}))
    assert rendered == expected


@pytest.mark.django_db
def test_admin_speaks_ukrainian(client, admin_user):
    verified_login(client, admin_user)
    html = client.get("/admin/").content.decode()
    assert '<html lang="uk"' in html
    assert "Перейти до основного вмісту" in html  # Wagtail's own catalogue
    # The menu travels as JSON with escaped non-ASCII characters.
    assert json.dumps("Невдалі завдання")[1:-1] in html  # our own admin menu item
