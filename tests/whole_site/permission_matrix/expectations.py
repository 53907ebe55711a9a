"""The expected outcome of a GET on every URL pattern, for every role.

A row is one outcome per role, in the order of ``roles.ROLES``::

    anonymous  editor  moderator  secretariat  operator  administrator  superuser

Outcomes (``outcomes.OUTCOMES``): ``ok``, ``password`` (a password form), ``login`` (sent to
sign in), ``denied`` (the admin's refusal: back to the dashboard with an error), ``redirect``
(any other), and status codes ``400 401 403 404 405 500``.

``rule(key, row)`` is one pattern; its key is the route the failure message prints. The
project's own views and every address outside ``/admin/`` need such an exact rule.
``group(glob, row)`` covers Wagtail's own screens (``*`` within a path segment, ``**`` across);
the first matching group wins, and exact rules win over groups. A keyword argument of ``rule``
gives the row of a sample variant (``private=…``: a private initiative; see url_samples.py).

Rows name *who*, not *how*: a role that should not get in must see ``login``/``denied``/
``404``, never ``ok``. Change a row only when the access rule changed on purpose.
"""

from tests.whole_site.permission_matrix.rules import group, rule

# fmt: off
#                           anonymous editor  moderator secretariat operator administrator superuser
PUBLIC                  = "ok       ok       ok        ok          ok       ok            ok"
NOT_FOUND               = "404      404      404       404         404      404           404"
REDIRECTS               = "redirect redirect redirect  redirect    redirect redirect      redirect"
PASSWORD_FORM           = "password password password  password    password password      password"
STAFF                   = "login    ok       ok        ok          ok       ok            ok"
STAFF_404               = "login    404      404       404         404      404           404"
STAFF_REDIRECT          = "login    redirect redirect  redirect    redirect redirect      redirect"
POST_ONLY               = "login    405      405       405         405      405           405"
PAGE_EDITORS            = "login    ok       ok        denied      denied   ok            ok"
PAGE_EDITORS_REDIRECT   = "login    redirect redirect  denied      denied   redirect      redirect"
#: Let in as page editors are, then "not found" (the feature is not set up, no such object).
PAGE_EDITORS_404        = "login    404      404       denied      denied   404           404"
PUBLISHERS              = "login    denied   ok        denied      denied   ok            ok"
#: The "Moderators approval" task belongs to the Moderators group alone.
MODERATORS              = "login    denied   ok        denied      denied   denied        ok"
OPERATORS               = "login    denied   denied    denied      ok       ok            ok"
INITIATIVES             = "login    denied   denied    ok          denied   ok            ok"
ADMINS                  = "login    denied   denied    denied      denied   ok            ok"
#: Editors and moderators keep signatories and people (cms 0006); only moderators delete.
SNIPPET_EDITORS         = "login    ok       ok        denied      denied   ok            ok"
SNIPPET_DELETERS        = "login    denied   ok        denied      denied   ok            ok"
SNIPPET_VIEWS = (
    "",
    "results/",
    "add/",
    "edit/<int:pk>/",
    "delete/<int:pk>/",
    "usage/<int:pk>/",
    "history/<int:pk>/",
    "history-results/<int:pk>/",
    "copy/<int:pk>/",
)
ADMINS_REDIRECT         = "login    denied   denied    denied      denied   redirect      redirect"
SUPERUSER               = "login    denied   denied    denied      denied   denied        ok"
NOBODY                  = "login    denied   denied    denied      denied   denied        denied"
# fmt: on

RULES = [
    # --- The public site: the same for everyone, signed in or not --------------------------
    # Wagtail's pages, and their feeds and calendars; "members only" is restricted to
    # signed-in users, "password" to those who know its password.
    rule(
        r"(en/)((?:[\w\-]+/)*)$",
        PUBLIC,
        draft=NOT_FOUND,
        missing=NOT_FOUND,
        password=PASSWORD_FORM,
        **{"members only": STAFF},  # every role here is staff
    ),
    rule("(en/)_util/login/", PUBLIC),
    rule(
        "(en/)_util/authenticate_with_password/<int:page_view_restriction_id>/<int:page_id>/",
        PASSWORD_FORM,
    ),
    rule("(en/)search/", PUBLIC),
    rule("^(?:ua|uk)(?:/(?P<rest>.*))?$", REDIRECTS),
    rule("sitemap.xml", PUBLIC),
    rule("healthz/", PUBLIC),
    #: No METRICS_TOKEN in the tests: the endpoint does not exist, for a session neither.
    rule("metrics", NOT_FOUND),
    rule(r"documents/(\d+)/(.*)$", PUBLIC, private=PASSWORD_FORM),
    rule("documents/authenticate_with_password/<int:restriction_id>/", PASSWORD_FORM),
    # Cameras: listed cameras only, as of their public delay.
    rule("(en/)cameras/", PUBLIC),
    rule("(en/)cameras/incidents/rss/", PUBLIC),
    rule("(en/)cameras/incidents/atom/", PUBLIC),
    rule("api/cameras/", PUBLIC),
    # Initiatives: a private one (submitted, under review…) does not exist in public.
    rule("(en/)initiatives/", PUBLIC),
    rule("(en/)initiatives/how/", PUBLIC),
    rule("(en/)initiatives/propose/", PUBLIC),
    rule("(en/)initiatives/<int:pk>/", PUBLIC, private=NOT_FOUND),
    rule("(en/)initiatives/<int:pk>/rss/", PUBLIC, private=NOT_FOUND),
    rule("(en/)initiatives/<int:pk>/atom/", PUBLIC, private=NOT_FOUND),
    rule("(en/)initiatives/rss/", PUBLIC),
    rule("(en/)initiatives/atom/", PUBLIC),
    rule("(en/)initiatives/export.csv", PUBLIC),
    rule("api/initiatives/", PUBLIC),
    rule("api/initiatives/<int:pk>/", PUBLIC, private=NOT_FOUND),
    # Following by e-mail: the form is POSTed; a GET goes back to the initiative or tracker.
    rule("(en/)initiatives/follow/", REDIRECTS),
    rule("(en/)initiatives/<int:pk>/follow/", REDIRECTS, private=NOT_FOUND),
    rule("(en/)initiatives/follow/confirm/<str:token>/", PUBLIC),  # a button; the POST confirms
    rule("(en/)initiatives/follow/stop/<str:token>/", PUBLIC),  # a button; the POST stops
    # --- Situational centre (cctv_bridge): operators and administrators --------------------
    rule("admin/cctv/", OPERATORS),
    rule("admin/cctv/board/", OPERATORS),  # the console's refresh (an HTML fragment)
    rule("admin/cctv/roster/", OPERATORS),
    rule("admin/cctv/camera/<int:pk>/", OPERATORS),
    rule("admin/cctv/snapshot/<int:pk>/", OPERATORS),  # each look is logged (checked below)
    rule("admin/cctv/incident/<int:pk>/acknowledge/", POST_ONLY),
    rule("admin/cctv/coverage/", OPERATORS),
    # The registry: operators read it (view_camera), administrators change it.
    rule("admin/cameras/", OPERATORS),
    rule("admin/cameras/results/", OPERATORS),
    rule("admin/cameras/inspect/<int:pk>/", OPERATORS),
    rule("admin/cameras/new/", ADMINS),
    rule("admin/cameras/edit/<int:pk>/", ADMINS),
    rule("admin/cameras/delete/<int:pk>/", ADMINS),
    rule("admin/cameras/history/<int:pk>/", ADMINS),
    rule("admin/cameras/history-results/<int:pk>/", ADMINS),
    rule("admin/cameras/usage/<int:pk>/", ADMINS),
    rule("admin/cameras/<int:pk>/commission/", POST_ONLY),
    rule("admin/camera-maintenance/", OPERATORS),
    rule("admin/camera-maintenance/results/", OPERATORS),
    rule("admin/camera-maintenance/new/", ADMINS),
    rule("admin/camera-maintenance/edit/<int:pk>/", ADMINS),
    rule("admin/camera-maintenance/delete/<int:pk>/", ADMINS),
    rule("admin/camera-maintenance/history/<int:pk>/", ADMINS),
    rule("admin/camera-maintenance/history-results/<int:pk>/", ADMINS),
    rule("admin/camera-maintenance/usage/<int:pk>/", ADMINS),
    rule("admin/duty-roster/", OPERATORS),
    rule("admin/duty-roster/results/", OPERATORS),
    rule("admin/duty-roster/new/", ADMINS),
    rule("admin/duty-roster/edit/<int:pk>/", ADMINS),
    rule("admin/duty-roster/delete/<int:pk>/", ADMINS),
    rule("admin/duty-roster/history/<int:pk>/", ADMINS),
    rule("admin/duty-roster/history-results/<int:pk>/", ADMINS),
    rule("admin/duty-roster/usage/<int:pk>/", ADMINS),
    # The snapshot access log: read by administrators; nobody writes a row by hand.
    rule("admin/snapshot-access/", ADMINS),
    rule("admin/snapshot-access/results/", ADMINS),
    rule("admin/snapshot-access/inspect/<int:pk>/", ADMINS),
    rule("admin/snapshot-access/new/", NOBODY),
    rule("admin/snapshot-access/edit/<int:pk>/", NOBODY),
    rule("admin/snapshot-access/delete/<int:pk>/", NOBODY),
    rule("admin/snapshot-access/history/<int:pk>/", NOBODY),
    rule("admin/snapshot-access/history-results/<int:pk>/", NOBODY),
    rule("admin/snapshot-access/usage/<int:pk>/", NOBODY),
    # --- Initiatives (workflows): the role groups; a private one only for the office --------
    rule("admin/initiatives/", INITIATIVES),  # the list leaves out what the user may not view
    rule("admin/initiatives/results/", INITIATIVES),
    rule("admin/initiatives/new/", INITIATIVES),
    rule("admin/initiatives/edit/<int:pk>/", INITIATIVES, private=ADMINS),
    rule("admin/initiatives/history/<int:pk>/", INITIATIVES, private=ADMINS),
    rule("admin/initiatives/history-results/<int:pk>/", INITIATIVES, private=ADMINS),
    rule("admin/initiatives/usage/<int:pk>/", INITIATIVES, private=ADMINS),
    #: Only superusers delete (no group has delete_initiative).
    rule("admin/initiatives/delete/<int:pk>/", SUPERUSER),
    #: Any staff member sees the form of a public initiative's step, with "You do not have a
    #: role that may take this step"; taking it is refused by the engine.
    rule("admin/initiatives/<int:pk>/step/<str:name>/", STAFF, private=ADMINS),
    rule("admin/initiatives/worklist/", STAFF),  # each sees what awaits their own roles
    rule("admin/initiatives/how/", STAFF),
    rule("admin/initiatives/<int:pk>/follow/", POST_ONLY),
    rule("admin/initiatives/<int:pk>/timeline/", POST_ONLY),
    # Followers' addresses are personal data: administrators list, inspect and remove them.
    rule("admin/initiative-followers/", ADMINS),
    rule("admin/initiative-followers/results/", ADMINS),
    rule("admin/initiative-followers/inspect/<int:pk>/", ADMINS),
    rule("admin/initiative-followers/delete/<int:pk>/", ADMINS),
    rule("admin/initiative-followers/history/<int:pk>/", ADMINS),
    rule("admin/initiative-followers/history-results/<int:pk>/", ADMINS),
    rule("admin/initiative-followers/new/", SUPERUSER),
    rule("admin/initiative-followers/edit/<int:pk>/", SUPERUSER),
    rule("admin/initiative-followers/usage/<int:pk>/", SUPERUSER),
    # --- Operations (config) ---------------------------------------------------------------
    #: The Administrators group holds every permission (accounts/permissions.py).
    rule("admin/failed_jobs/", ADMINS),
    rule("admin/failed_jobs/results/", ADMINS),
    rule("admin/failed_jobs/inspect/<int:pk>/", ADMINS),
    rule("admin/failed_jobs/edit/<int:pk>/", ADMINS),
    rule("admin/failed_jobs/delete/<int:pk>/", ADMINS),
    rule("admin/failed_jobs/history/<int:pk>/", ADMINS),
    rule("admin/failed_jobs/history-results/<int:pk>/", ADMINS),
    rule("admin/failed_jobs/usage/<int:pk>/", ADMINS),
    rule("admin/failed_jobs/new/", NOBODY),
    # Two-factor authentication: everyone's own page; resetting someone's is for user admins.
    rule("admin/two-factor/", STAFF),
    rule("admin/two-factor/verify/", STAFF_REDIRECT),  # no code to give: on to the admin
    #: Whoever can see camera pictures (operators, administrators, superusers) must have a
    #: device and already has a confirmed one, so set-up sends them on.
    rule("admin/two-factor/setup/", "login ok ok ok redirect redirect redirect"),
    rule("admin/two-factor/disable/", POST_ONLY),
    rule("admin/two-factor/reset/<int:user_id>/", ADMINS),
    # --- Content (cms) ---------------------------------------------------------------------
    rule("admin/transliterate-slug/", STAFF),
    #: Signatories and people: editors and moderators (cms 0006); the per-language site
    #: settings: administrators. Choosing one in a page is open to all staff.
    *(
        rule(
            f"admin/snippets/cms/{model}/{view}",
            SNIPPET_DELETERS if "delete" in view else SNIPPET_EDITORS,
        )
        for model in ("organisation", "person")
        for view in SNIPPET_VIEWS
    ),
    *(rule(f"admin/snippets/cms/languagesettings/{view}", ADMINS) for view in SNIPPET_VIEWS),
    *(
        rule(f"admin/snippets/choose/cms/{model}/{view}", STAFF)
        for model in ("organisation", "person", "languagesettings")
        for view in ("", "results/", "chosen/<str:pk>/", "chosen-multiple/")
    ),
    *(
        rule(f"admin/snippets/choose/cms/{model}/create/", SNIPPET_EDITORS)
        for model in ("organisation", "person")
    ),
    rule("admin/snippets/choose/cms/languagesettings/create/", ADMINS),
    # --- Wagtail's own admin: users, groups, sites, locales, settings, page workflows -------
    group("admin/users/**", ADMINS),
    group("admin/groups/**", ADMINS),
    group("admin/sites/**", ADMINS),
    group("admin/locales/**", ADMINS),
    #: No site setting is registered: every settings address is a 404.
    group("admin/settings/**", STAFF_404),
    #: With one task type, choosing it goes straight on.
    rule("admin/workflows/tasks/select_type/", ADMINS_REDIRECT),
    group("admin/workflows/task_chooser/**", STAFF),
    group("admin/workflows/enable/**", POST_ONLY),
    group("admin/workflows/remove/**", POST_ONLY),
    group("admin/workflows/tasks/enable/**", POST_ONLY),
    group("admin/workflows/**", ADMINS),
    #: Collections are managed with per-collection permissions, which no group has.
    rule("admin/collections/<int:pk>/delete/", "login 404 404 404 404 404 ok"),
    group("admin/collections/**", SUPERUSER),
    rule("admin/redirects/import/process/", "login denied denied denied denied 405 405"),
    group("admin/redirects/**", ADMINS),
    rule("admin/snippets/", SNIPPET_EDITORS),
    # --- Wagtail's own admin: pages ----------------------------------------------------------
    rule("admin/", STAFF),  # the dashboard
    rule("admin/test404/", STAFF),
    rule("admin/failwhale/", "login 500 500 500 500 500 500"),  # Wagtail's error test
    rule(r"admin/.*/$", STAFF_404),  # any other admin address
    rule("admin/login/", "ok redirect redirect redirect redirect redirect redirect"),
    #: Wagtail's LogoutView only logs out on POST, but drops the session cookie on the 405
    #: too (see GET_SIDE_EFFECTS).
    rule("admin/logout/", POST_ONLY),
    group("admin/password_reset/**", PUBLIC),
    rule("admin/jsi18n/", PUBLIC),
    rule("admin/sprite/", PUBLIC),
    rule("admin/account/", STAFF),
    rule("admin/dismissibles/", STAFF),
    group("admin/editing-sessions/**", POST_ONLY),
    rule("admin/block-preview/", STAFF_404),  # without a block definition in the query
    #: The bulk confirmation lists the chosen pages, those the user may not act on apart.
    rule("admin/bulk/<str:app_label>/<str:model_name>/<str:action>/", STAFF),
    rule("admin/pages/<int:page_id>/convert_alias/", STAFF_404),  # not an alias
    #: On to the page's history; and, with one page type allowed there, on to its form.
    rule("admin/pages/<int:page_id>/revisions/", STAFF_REDIRECT),
    rule("admin/pages/<int:parent_page_id>/add_subpage/", PAGE_EDITORS_REDIRECT),
    #: Wagtail answers these without a page permission (pickers and confirmations that show
    #: titles; the action itself checks).
    rule("admin/pages/create/<slug:app_label>/<slug:model_name>", STAFF),
    rule("admin/pages/<int:page_to_move_id>/move/<int:destination_id>/confirm/", STAFF),
    rule("admin/pages/workflow/confirm_cancellation/<int:page_id>/", STAFF),
    group("admin/pages/workflow/**", MODERATORS),
    rule("admin/pages/<int:page_id>/delete/", PUBLISHERS),
    rule("admin/pages/<int:page_id>/unpublish/", PUBLISHERS),
    rule("admin/pages/<int:page_to_move_id>/move/", PUBLISHERS),
    rule("admin/pages/<int:page_id>/privacy/", PUBLISHERS),
    rule("admin/pages/<int:page_id>/revisions/<int:revision_id>/unschedule/", PUBLISHERS),
    rule("admin/pages/<int:page_to_move_id>/set_position/", POST_ONLY),
    rule("admin/pages/<int:page_id>/lock/", POST_ONLY),
    rule("admin/pages/<int:page_id>/unlock/", POST_ONLY),
    group("admin/pages/**", PAGE_EDITORS),
    group("admin/reports/locked/**", PUBLISHERS),
    group("admin/reports/site-history/**", STAFF),  # each sees the entries they may see
    group("admin/reports/**", PAGE_EDITORS),
    #: Contact-form submissions: whoever may edit the contact page reads them.
    group("admin/forms/**", PAGE_EDITORS),
    group("admin/choose-**", STAFF),
    group("admin/tag-autocomplete/**", STAFF),
    group("admin/embeds/**", STAFF),
    rule("admin/api/main/pages/<int:pk>/", "login ok ok 404 404 ok ok"),
    group("admin/api/main/*/find/", STAFF_404),
    group("admin/api/main/pages/<int:pk>/action/**", POST_ONLY),
    group("admin/api/main/**", STAFF),
    # --- Wagtail's own admin: images and documents (collection permissions) ----------------
    group("admin/images/multiple/<int:image_id>/**", POST_ONLY),
    group("admin/images/multiple/*/<int:uploaded_file_id>/", POST_ONLY),
    #: The URL generator needs Wagtail's dynamic image serve view, which is not mounted.
    group("admin/images/<int:image_id>/generate_url/**", PAGE_EDITORS_404),
    rule("admin/images/chooser/", STAFF),
    rule("admin/images/chooser/results/", STAFF),
    rule("admin/images/chooser/chosen-multiple/", STAFF),
    group("admin/images/**", PAGE_EDITORS),
    group("admin/documents/multiple/<int:doc_id>/**", POST_ONLY),
    group("admin/documents/multiple/*/<int:uploaded_file_id>/", POST_ONLY),
    rule("admin/documents/chooser/", STAFF),
    rule("admin/documents/chooser/results/", STAFF),
    rule("admin/documents/chooser/chosen-multiple/", STAFF),
    group("admin/documents/**", PAGE_EDITORS),
    # --- wagtail-localize --------------------------------------------------------------------
    group("admin/localize/translate/<int:translation_id>/strings/**", POST_ONLY),
    group("admin/localize/translate/<int:translation_id>/overrides/**", POST_ONLY),
    rule("admin/localize/translate/<int:translation_id>/pofile/upload/", POST_ONLY),
    rule("admin/localize/translate/<int:translation_id>/machine_translate/", POST_ONLY),
    rule("admin/localize/translate/<int:translation_id>/disable/", POST_ONLY),
    #: "default" is no preview mode of the page: a 404 once allowed in.
    rule("admin/localize/translate/<int:translation_id>/preview/<str:mode>/", PAGE_EDITORS_404),
    group("admin/localize/translate/**", PAGE_EDITORS),
    rule("admin/localize/page/<int:page_id>/convert_to_alias/", PAGE_EDITORS_404),  # no alias
    group("admin/localize/submit/**", PAGE_EDITORS),
    group("admin/localize/update/**", PAGE_EDITORS),
    group("admin/localize/**", STAFF),
]

#: GETs that change something, each with why that is acceptable. The matrix requests them like
#: any other and then checks the effect (or its absence) itself.
GET_SIDE_EFFECTS = {
    "admin/logout/": "Wagtail's LogoutView deletes the session cookie even on the 405 it "
    "answers a GET with (the session itself stays valid); the matrix signs in again.",
    "admin/cctv/snapshot/<int:pk>/": "every look at a camera picture is written to the access "
    "log, on purpose; the matrix checks one row per role that got the picture.",
}
