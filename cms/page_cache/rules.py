"""Which tags a loaded object adds to a response, and which tags a change to it purges.

Pages have their own rule (``page:<id>``, and the list tags of their type). An app registers
rules for its models (``register_model``) or declares them irrelevant to public responses
(``ignore_models``: camera probes change every few seconds and the camera pages have a short
lifetime instead). Any other model is tracked as a whole: loading one adds ``model:<label>``,
saving or deleting any row of it purges that tag.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from django.db.models import Model
from wagtail.models import Page

TagsOf = Callable[[Model], Iterable[str]]

#: Apps whose rows are never part of a public response, or change on their own account
#: (sessions, log entries, search index, renditions made on first use, the job queue).
IGNORED_APPS = {
    "admin",
    "auth",
    "axes",
    "contenttypes",
    "django_dramatiq",
    "django_tasks",
    "dramatiq_crontab",
    "health_check",
    "otp_static",
    "otp_totp",
    "sessions",
    "wagtail_localize",
    "wagtailadmin",
    "wagtailembeds",
    "wagtailforms",
    "wagtailredirects",
    "wagtailsearch",
    "wagtailusers",
}
IGNORED_MODELS = {
    "wagtailcore.revision",
    "wagtailcore.pagelogentry",
    "wagtailcore.modellogentry",
    "wagtailcore.workflowstate",
    "wagtailcore.taskstate",
    "wagtailcore.pagesubscription",
    "wagtailcore.comment",
    "wagtailcore.commentreply",
    "wagtailcore.groupapprovaltask",
    "wagtailcore.grouppagepermission",
    "wagtailcore.groupcollectionpermission",
    "wagtailcore.referenceindex",
    "wagtailcore.uploadedfile",
    "wagtailimages.rendition",
    "wagtailimages.uploadedimage",
}

_registered: dict[type[Model], tuple[TagsOf, TagsOf]] = {}
_ignored: set[type[Model]] = set()
_rules: dict[type[Model], tuple[TagsOf, TagsOf] | None] = {}


def register_model(model: type[Model], loaded: TagsOf, changed: TagsOf) -> None:
    """``loaded(obj)``: tags a response that loaded ``obj`` depends on; ``changed(obj)``: tags
    to purge when ``obj`` is saved or deleted."""
    _registered[model] = (loaded, changed)
    _rules.clear()


def ignore_models(*models: type[Model]) -> None:
    """Rows of these models never make a cached response stale (or are covered by lifetime)."""
    _ignored.update(models)
    _rules.clear()


def model_tag(model: type[Model]) -> str:
    return f"model:{model._meta.label_lower}"


def list_tag(model: type[Model], language: str | None) -> str:
    """A list of pages of one type is a list of one language tree (any page: both)."""
    if model is Page or not _is_page_model(model) or not language:
        return model_tag(model)
    return f"{model_tag(model)}:{language}"


_languages: dict[int, str] = {}


def language_of(locale_id: int | None) -> str | None:
    if locale_id is None:
        return None
    if locale_id not in _languages:
        from wagtail.models import Locale

        _languages.update(Locale.objects.values_list("pk", "language_code"))
    return _languages.get(locale_id)


def page_change_tags(page: Page) -> list[str]:
    """What a change to ``page`` (published, unpublished, moved, deleted) makes stale: its own
    responses and those that loaded it, the lists of its type and of its parent types, and
    the language switchers of its translation group."""
    language = language_of(page.locale_id)
    tags = [f"page:{page.pk}", f"translations:{page.translation_key}"]
    tags += [list_tag(model, language) for model in type(page).__mro__ if _is_page_model(model)]
    return tags


def _is_page_model(model) -> bool:
    return isinstance(model, type) and issubclass(model, Page) and not model._meta.abstract


def _whole_model(model: type[Model]) -> tuple[TagsOf, TagsOf]:
    tag = (model_tag(model),)
    return (lambda obj: tag), (lambda obj: tag)


def rule_for(model: type[Model]) -> tuple[TagsOf, TagsOf] | None:
    """(loaded, changed) for ``model``, None when it is ignored; pages are handled apart."""
    try:
        return _rules[model]
    except KeyError:
        pass
    rule = _find_rule(model)
    _rules[model] = rule
    return rule


def _find_rule(model: type[Model]) -> tuple[TagsOf, TagsOf] | None:
    from taggit.models import ItemBase

    meta = model._meta
    if model in _registered:
        return _registered[model]
    if (
        model in _ignored
        or meta.app_label in IGNORED_APPS
        or meta.label_lower in IGNORED_MODELS
        or issubclass(model, ItemBase)  # tag links change when their page or object is saved
        or meta.auto_created  # many-to-many tables
    ):
        return None
    return _whole_model(model)
