from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.templatetags.static import static
from django.urls import path, reverse
from django.utils import translation
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.tables import UpdatedAtColumn
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from cms import page_cache
from cms.i18n import is_foreign_alias, nearest_translated_ancestor, notice_url
from cms.models import LanguageSettings, Organisation, Person
from cms.translation_editor import edit_for_moderation, submit_first, tick_single_target
from cms.views import transliterate_slug


@hooks.register("register_admin_urls")
def register_slug_endpoint():
    return [path("transliterate-slug/", transliterate_slug, name="cms_transliterate_slug")]


tick_single_target()

# Before wagtail-localize's hook, which shows its translation editor for the same pages.
hooks.register("before_edit_page", edit_for_moderation, order=-1)
hooks.register("construct_page_action_menu", submit_first)


@hooks.register("insert_editor_js")
def slug_transliteration_js():
    return format_html(
        '<script src="{}" data-url="{}"></script>',
        static("js/admin/slug-transliteration.js"),
        reverse("cms_transliterate_slug"),
    )


@hooks.register("before_serve_page")
def never_serve_another_language(page, request, serve_args, serve_kwargs):
    """Keep each language's URLs to that language's text.

    Wagtail routes ``/en/…`` through the Ukrainian tree when the English home page is missing
    (``Page.localized`` falls back), and an English alias of a Ukrainian page carries Ukrainian
    text. Either way the visitor is sent to the nearest page that exists in the language they
    asked for, with a notice linking to the page they wanted.
    """
    requested = translation.get_language()
    foreign_alias = is_foreign_alias(page)
    if page.locale.language_code == requested and not foreign_alias:
        return None
    source = page.alias_of.specific if foreign_alias else page
    ancestor = nearest_translated_ancestor(source, requested)
    if ancestor is not None:
        return redirect(notice_url(ancestor, source, request))
    return TemplateResponse(
        request,
        "cms/untranslated.html",
        {"missing_page": source, "missing_language": requested},
        status=404,
    )


class OrganisationViewSet(SnippetViewSet):
    model = Organisation
    icon = "group"
    menu_label = _("Organisations")
    list_display = ["name", "kind", "joined", "left", UpdatedAtColumn()]
    list_filter = ["kind", "locale"]
    # No ``search_fields``: the listing searches the model's own index (its name), which works
    # on every backend; naming a field made SQLite's full-text search fail on a missing column.


class PersonViewSet(SnippetViewSet):
    model = Person
    icon = "user"
    menu_label = _("People")
    list_display = ["name", "role", "group", UpdatedAtColumn()]
    list_filter = ["group", "locale"]


class LanguageSettingsViewSet(SnippetViewSet):
    model = LanguageSettings
    icon = "cogs"
    menu_label = _("Language settings")
    list_display = ["site_name", "locale"]


register_snippet(OrganisationViewSet)
register_snippet(PersonViewSet)
register_snippet(LanguageSettingsViewSet)


@hooks.register("before_serve_page")
def keep_pages_for_anonymous_visitors(page, request, serve_args, serve_kwargs):
    """Every page may be cached for anonymous visitors (cms.page_cache); a page with a form
    sets the CSRF cookie and a restricted one answers with a login, so neither is kept."""
    page_cache.cacheable()
