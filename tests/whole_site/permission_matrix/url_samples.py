"""Real URLs for every pattern: parameters filled with rows of the demo (plus the few rows the
demo does not have, made here: an image, a document, a snapshot, an incident, a follower…).

A pattern's URL is found in this order:

1. ``Samples.urls[key]``: whole paths for patterns that cannot be reversed (unnamed, or with
   positional groups) or that need several cases (Wagtail's page serving);
2. ``Samples.by_name[name]``, then ``Samples.by_namespace[namespace]``: parameter values for
   that view or viewset, possibly in several *variants* (a public and a private initiative);
3. ``Samples.params[parameter]``: a default value per parameter name (``page_id`` → a page).

Patterns inside ``i18n_patterns`` are requested at the Ukrainian and the English address.
Every URL is resolved again and must land on the pattern it was made for.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.urls import resolve, reverse
from django.utils import timezone, translation
from wagtail.admin.models import EditingSession
from wagtail.contrib.redirects.models import Redirect
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import (
    Collection,
    CollectionViewRestriction,
    Locale,
    Page,
    PageViewRestriction,
    Site,
    UploadedFile,
)
from wagtail_localize.models import StringSegment, Translation, TranslationSource

from cctv_bridge.models import (
    Camera,
    DutyShift,
    Incident,
    Maintenance,
    Probe,
    Snapshot,
    SnapshotAccess,
)
from cms.models import (
    ContactPage,
    EventIndexPage,
    EventPage,
    HomePage,
    LanguageSettings,
    NewsIndexPage,
    NewsPage,
    Organisation,
    Person,
    StandardPage,
)
from ops.models import FailedJob
from ops.tasks import scheduler_heartbeat
from tests.whole_site.permission_matrix.patterns import I18N_PREFIX, Pattern
from workflows.models import Initiative, Subscription

#: Variant label of the ordinary case; other labels name what differs ("private").
DEFAULT = ""


@dataclass
class Samples:
    """Where the matrix finds the URL of each pattern (see the module's docstring)."""

    urls: dict[str, dict[str, str]] = field(default_factory=dict)
    by_name: dict[str, dict[str, dict]] = field(default_factory=dict)
    by_namespace: dict[str, dict[str, dict]] = field(default_factory=dict)
    params: dict[str, object] = field(default_factory=dict)
    #: Rows the checks look at afterwards (e.g. the snapshot whose every look is logged).
    rows: dict[str, object] = field(default_factory=dict)

    def keep_alive(self) -> None:
        """What /healthz/ wants to have happened lately: a scheduler heartbeat, a probe."""
        scheduler_heartbeat.fn()
        now = timezone.now()
        for camera in Camera.objects.filter(active=True):
            Probe.objects.create(
                camera=camera, at=now, reachable=True, duration=0.1, status="online"
            )

    def for_pattern(self, pattern: Pattern) -> dict[str, str]:
        """Variant label → path, for one pattern (raises if a parameter has no sample)."""
        if pattern.key in self.urls:
            found = dict(self.urls[pattern.key])
        else:
            if pattern.positional or pattern.name is None:
                raise LookupError(f"{pattern.key!r} cannot be reversed: add it to Samples.urls")
            variants = self.by_name.get(pattern.name) or self.by_namespace.get(
                pattern.namespace, {DEFAULT: {}}
            )
            found, seen = {}, set()
            for label, values in variants.items():
                kwargs = {}
                for param in pattern.params:
                    if param in values:
                        kwargs[param] = values[param]
                    elif param in self.params:
                        kwargs[param] = self.params[param]
                    else:
                        raise LookupError(
                            f"No sample for {param!r} of {pattern.key!r} ({pattern.name}): "
                            "add one to tests/whole_site/permission_matrix/url_samples.py"
                        )
                with translation.override("uk"):
                    path = reverse(pattern.name, kwargs=kwargs)
                if path not in seen:  # a variant that changes none of this pattern's values
                    seen.add(path)
                    found[label] = path
            if pattern.i18n:
                for label, path in list(found.items()):
                    found[f"{label} en".strip()] = "/en" + path
        for path in found.values():
            prefix = "en/" if path.startswith("/en/") else ""
            with translation.override("en" if prefix else "uk"):
                route = resolve(path.split("?")[0]).route
            if pattern.i18n and route[len(prefix) :].startswith("^"):
                route = prefix + route[len(prefix) + 1 :]  # joined without the "^"
            expected = pattern.key.replace(I18N_PREFIX, prefix, 1)
            assert route == expected, f"{path} resolves to {route!r}, not {expected!r}"
        return found


def build_samples(demo_user) -> Samples:
    """The demo's rows for every parameter; makes the rows the demo lacks.

    ``demo_user`` owns what needs an owner (a duty shift, an access-log row, an editing
    session) and is the account the user screens open; no role of the matrix is it.
    """
    now = timezone.now()
    uk, en = Locale.objects.get(language_code="uk"), Locale.objects.get(language_code="en")
    home = HomePage.objects.get(locale=uk)
    page = StandardPage.objects.get(locale=uk, slug="pro-ofis")
    english_page = page.get_translation(en)
    news_index = NewsIndexPage.objects.get(locale=uk)
    news = NewsPage.objects.live().filter(locale=uk).first()
    event_index = EventIndexPage.objects.get(locale=en)
    event = EventPage.objects.live().filter(locale=uk).first()
    contact = ContactPage.objects.get(locale=uk)

    # A page waiting for a moderator: the workflow screens need a task in progress.
    moderated = home.add_child(
        instance=StandardPage(title="Матриця: на погодженні", slug="matrix-moderated", live=False)
    )
    moderated.save_revision(user=demo_user)
    workflow = moderated.get_workflow()
    workflow_state = workflow.start(moderated, demo_user)
    task_state = workflow_state.current_task_state
    draft = home.add_child(
        instance=StandardPage(title="Матриця: чернетка", slug="matrix-draft", live=False)
    )
    draft.save_revision(user=demo_user)
    members_only = home.add_child(
        instance=StandardPage(title="Матриця: для своїх", slug="matrix-members")
    )
    PageViewRestriction.objects.create(page=members_only, restriction_type="login")
    with_password = home.add_child(
        instance=StandardPage(title="Матриця: з паролем", slug="matrix-password")
    )
    page_password = PageViewRestriction.objects.create(
        page=with_password, restriction_type="password", password="matrix"
    )

    root_collection = Collection.get_first_root_node()
    collection = root_collection.add_child(name="Матриця")
    private_collection = root_collection.add_child(name="Матриця: з паролем")
    collection_password = CollectionViewRestriction.objects.create(
        collection=private_collection, restriction_type="password", password="matrix"
    )
    Image = get_image_model()
    image = Image.objects.create(title="Матриця", file=get_test_image_file(), collection=collection)
    Document = get_document_model()
    document = make_document(Document, "matrix", collection)
    private_document = make_document(Document, "matrix-private", private_collection)
    upload = UploadedFile.objects.create(
        file=ContentFile(b"matrix", name="matrix.txt"), uploaded_by_user=demo_user
    )
    redirect = Redirect.objects.create(old_path="/matrix-old", redirect_link="/")
    source, _created = TranslationSource.get_or_create_from_instance(news)
    localization = Translation.objects.create(source=source, target_locale=en)
    segment = StringSegment.objects.filter(source=source).first()

    public_initiative = Initiative.objects.filter(state="drafting").first()
    private_initiative = Initiative.objects.filter(state__in=Initiative.PRIVATE).first()
    follower = Subscription.objects.create(
        email="matrix.follower@example.org", language="uk", initiative=public_initiative
    )

    camera = Camera.objects.get(code="tb-01")
    snapshot = Snapshot.objects.create(
        camera=camera, taken_at=now, image=b"\xff\xd8\xff\xd9", width=1, height=1
    )
    incident = Incident.objects.create(camera=camera, status="offline", started_at=now)
    maintenance = Maintenance.objects.create(
        camera=camera, starts_at=now, ends_at=now + datetime.timedelta(hours=1)
    )
    shift = DutyShift.objects.create(
        operator=demo_user, starts_at=now, ends_at=now + datetime.timedelta(hours=8)
    )
    access = SnapshotAccess.objects.create(
        user=demo_user, username=demo_user.username, camera=camera, snapshot_taken_at=now
    )
    failed_job = FailedJob.objects.create(
        message_id="matrix-1", queue_name="default", actor_name="matrix_job", error="Boom."
    )
    session = EditingSession.objects.create(
        user=demo_user,
        content_type=ContentType.objects.get_for_model(Page),
        object_id=str(page.pk),
        last_seen_at=now,
    )
    revision = page.latest_revision
    task = task_state.task
    samples = Samples()
    samples.rows = {"snapshot": snapshot, "incident": incident, "follower": follower}
    samples.params = {
        "page_id": page.pk,
        "parent_page_id": home.pk,
        "page_to_move_id": page.pk,
        "destination_id": home.pk,
        "revision_id": revision.pk,
        "content_type_app_name": "cms",
        "content_type_model_name": "standardpage",
        "app_label": "cms",
        "model_name": "standardpage",
        "task_state_id": task_state.pk,
        "task_id": task.pk,
        "workflow_state_id": workflow_state.pk,
        "action_name": "approve",
        "collection_id": collection.pk,
        "page_pk": page.pk,
        "workflow_pk": workflow.pk,
        "session_id": session.pk,
        "object_id": str(page.pk),
        "document_id": document.pk,
        "doc_id": document.pk,
        "image_id": image.pk,
        "uploaded_file_id": upload.pk,
        "filter_spec": "fill-80x80",
        "redirect_id": redirect.pk,
        "translation_source_id": source.pk,
        "translation_id": localization.pk,
        "string_segment_id": segment.pk,
        "overridable_segment_id": segment.pk,
        "mode": "default",
        "user_id": demo_user.pk,
    }
    samples.by_namespace = {
        "wagtailadmin_api:pages": {DEFAULT: {"pk": page.pk, "action_name": "copy"}},
        "wagtailadmin_api:documents": {DEFAULT: {"pk": document.pk}},
        "wagtailadmin_api:images": {DEFAULT: {"pk": image.pk}},
        "wagtailadmin_collections": {DEFAULT: {"pk": collection.pk}},
        "wagtailadmin_workflows": {DEFAULT: {"pk": workflow.pk}},
        "wagtailadmin_editing_sessions": {
            DEFAULT: {"app_label": "wagtailcore", "model_name": "page"}
        },
        "wagtail_localize": {
            DEFAULT: {
                "app_label": "cms",
                "model_name": "organisation",
                "pk": str(Organisation.objects.filter(locale=uk).first().pk),
            }
        },
        "wagtailsettings": {
            DEFAULT: {
                "app_name": "cms",
                "model_name": "languagesettings",
                "pk": LanguageSettings.objects.first().pk,
            }
        },
        "wagtailforms": {DEFAULT: {"page_id": contact.pk}},
        "wagtaildocs_chooser": {DEFAULT: {"pk": document.pk}},
        "wagtailimages_chooser": {DEFAULT: {"pk": image.pk}},
        "failed_jobs": {DEFAULT: {"pk": failed_job.pk}},
        "initiatives": {
            DEFAULT: {"pk": public_initiative.pk, "name": "submit_to_council"},
            "private": {"pk": private_initiative.pk, "name": "accept"},
        },
        "initiative_followers": {DEFAULT: {"pk": follower.pk}},
        "cameras": {DEFAULT: {"pk": camera.pk}},
        "camera_maintenance": {DEFAULT: {"pk": maintenance.pk}},
        "duty_roster": {DEFAULT: {"pk": shift.pk}},
        "snapshot_access": {DEFAULT: {"pk": access.pk}},
        "wagtaillocales": {DEFAULT: {"pk": en.pk}},
        "wagtailsites": {DEFAULT: {"pk": Site.objects.get(is_default_site=True).pk}},
        "wagtailusers_users": {DEFAULT: {"pk": demo_user.pk}},
        "wagtailusers_groups": {DEFAULT: {"pk": Group.objects.get(name="Editors").pk}},
    }
    for snippet in (Organisation, Person, LanguageSettings):
        name = snippet._meta.model_name
        row = {DEFAULT: {"pk": snippet.objects.filter(locale=uk).first().pk}}
        samples.by_namespace[f"wagtailsnippets_cms_{name}"] = row
        samples.by_namespace[f"wagtailsnippetchoosers_cms_{name}"] = row
    samples.by_name = {
        "wagtailadmin_pages:workflow_action": {DEFAULT: {"page_id": moderated.pk}},
        "wagtailadmin_pages:collect_workflow_action_data": {DEFAULT: {"page_id": moderated.pk}},
        "wagtailadmin_pages:confirm_workflow_cancellation": {DEFAULT: {"page_id": moderated.pk}},
        "wagtailadmin_pages:workflow_preview": {DEFAULT: {"page_id": moderated.pk}},
        "wagtailadmin_pages:workflow_history_detail": {DEFAULT: {"page_id": moderated.pk}},
        "wagtailadmin_pages:revisions_compare": {
            DEFAULT: {"pk": page.pk, "revision_id_a": "earliest", "revision_id_b": "latest"}
        },
        "wagtailadmin_workflows:add_task": {
            DEFAULT: {"app_label": "wagtailcore", "model_name": "groupapprovaltask"}
        },
        "wagtailadmin_tag_model_autocomplete": {
            DEFAULT: {"app_name": "taggit", "model_name": "tag"}
        },
        "wagtaildocs_authenticate_with_password": {
            DEFAULT: {"restriction_id": collection_password.pk}
        },
        "wagtailcore_authenticate_with_password": {
            DEFAULT: {"page_view_restriction_id": page_password.pk, "page_id": with_password.pk}
        },
        "wagtailadmin_password_reset_confirm": {DEFAULT: {"uidb64": "MQ", "token": "set-password"}},
        "cctv_operator_camera": {DEFAULT: {"pk": camera.pk}},
        "cctv_snapshot": {DEFAULT: {"pk": snapshot.pk}},
        "cctv_acknowledge": {DEFAULT: {"pk": incident.pk}},
        "workflows_api:initiative": {
            DEFAULT: {"pk": public_initiative.pk},
            "private": {"pk": private_initiative.pk},
        },
        "workflows:follow_confirm": {DEFAULT: {"token": follower.token}},
        "workflows:follow_stop": {DEFAULT: {"token": follower.token}},
    }
    for name in ("initiative", "initiative_rss", "initiative_atom", "follow_initiative"):
        samples.by_name[f"workflows:{name}"] = samples.by_name["workflows_api:initiative"]
    samples.urls = {
        "admin/test404/": {DEFAULT: "/admin/test404/"},
        "admin/bulk/<str:app_label>/<str:model_name>/<str:action>/": {
            DEFAULT: f"/admin/bulk/wagtailcore/page/delete/?id={page.pk}"
        },
        "admin/.*/$": {DEFAULT: "/admin/no-such-screen/"},
        r"documents/(\d+)/(.*)$": {
            DEFAULT: f"/documents/{document.pk}/{document.filename}",
            "private": f"/documents/{private_document.pk}/{private_document.filename}",
        },
        "^(?:ua|uk)(?:/(?P<rest>.*))?$": {
            DEFAULT: "/ua/pro-ofis/",
            "uk": "/uk/",
        },
        r"(en/)((?:[\w\-]+/)*)$": {
            DEFAULT: "/",
            "page": page.url,
            "page en": english_page.url,
            "news feed": news_index.url + "rss/",
            "event calendar en": event_index.url + "ical/",
            "event calendar": event.url + "ical/",
            "draft": draft.url or "/matrix-draft/",
            "members only": members_only.url,
            "password": with_password.url,
            "missing": "/no-such-page/",
        },
    }
    return samples


def make_document(Document, name: str, collection):
    document = Document(title=name, collection=collection)
    document.file.save(f"{name}.txt", ContentFile(b"matrix"), save=False)
    document.save()
    return document
