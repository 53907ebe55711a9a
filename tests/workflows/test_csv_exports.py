"""Every CSV the site writes opens in a spreadsheet as data: a text that a spreadsheet program
would run as a formula ("CSV injection") starts with an apostrophe."""

import csv
import io

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone

from cms.csv_safety import neutralise_cell
from tests.factories.cctv import CameraFactory
from tests.factories.workflows import InitiativeFactory
from tests.two_factor_helpers import verified_login
from workflows.models import Initiative

pytestmark = pytest.mark.django_db

FORMULA = "=cmd|' /C calc'!A0"


def rows_of(response) -> list[list[str]]:
    body = b"".join(response.streaming_content) if response.streaming else response.content
    return list(csv.reader(io.StringIO(body.decode("utf-8-sig"))))


@pytest.mark.parametrize(
    ("value", "written"),
    [
        (FORMULA, "'" + FORMULA),
        ("+1+cmd", "'+1+cmd"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=1", "'\t=1"),
        ("\r=1", "'\r=1"),
        ("Безпечна громада", "Безпечна громада"),
        ("a=b", "a=b"),
        (-5, -5),
        ("", ""),
        (None, None),
    ],
)
def test_a_cell_a_spreadsheet_would_evaluate_is_neutralised(value, written):
    assert neutralise_cell(value) == written


@pytest.mark.parametrize("prefix", ["", "/en"])
def test_initiative_export_neutralises_formula_titles(client, home, prefix):
    InitiativeFactory(steps=["submit", "start_review", "accept"])
    item = Initiative.objects.exclude(state__in=Initiative.PRIVATE).first()
    Initiative.objects.filter(pk=item.pk).update(title_uk=FORMULA, title_en="@SUM(1+1)*cmd")
    rows = rows_of(client.get(f"{prefix}/initiatives/export.csv"))
    cells = [cell for row in rows for cell in row]
    assert not [cell for cell in cells if cell[:1] in ("=", "+", "-", "@", "\t", "\r")]
    assert ("'" + FORMULA if not prefix else "'@SUM(1+1)*cmd") in cells


def test_contact_message_export_neutralises_formulas(client, demo):
    from wagtail.contrib.forms.models import FormSubmission

    from cms.models import ContactPage

    page = ContactPage.objects.filter(locale__language_code="uk").first()
    name, *_others, message = [field.clean_name for field in page.get_form_fields()]
    FormSubmission.objects.create(
        page=page,
        form_data={name: '=HYPERLINK("http://evil.example","click")', message: "+1+cmd"},
    )
    admin = get_user_model().objects.create_superuser("csv-admin", "csv@example.org", "x-pass-1")
    verified_login(client, admin)
    response = client.get(f"/admin/forms/submissions/{page.pk}/", {"export": "csv"})
    assert response.status_code == 200
    cells = [cell for row in rows_of(response) for cell in row]
    assert '\'=HYPERLINK("http://evil.example","click")' in cells
    assert "'+1+cmd" in cells
    assert not [cell for cell in cells if cell[:1] in ("=", "+", "-", "@")]


def test_snapshot_access_export_neutralises_formulas(client, home):
    from cctv_bridge.models import SnapshotAccess

    camera = CameraFactory()
    viewer = get_user_model().objects.create_user("@SUM(1)", "op@example.org", "x-pass-1")
    SnapshotAccess.objects.create(
        user=viewer, username=viewer.username, camera=camera, snapshot_taken_at=timezone.now()
    )
    admin = get_user_model().objects.create_superuser("csv-admin", "csv@example.org", "x-pass-1")
    verified_login(client, admin)
    response = client.get("/admin/snapshot-access/", {"export": "csv"})
    assert response.status_code == 200
    cells = [cell for row in rows_of(response) for cell in row]
    assert "'@SUM(1)" in cells
    assert not [cell for cell in cells if cell[:1] in ("=", "+", "-", "@")]
