"""Purging: what each kind of change makes stale, wired to Django's and Wagtail's signals."""

from __future__ import annotations

from collections.abc import Iterable

from django.db import transaction
from django.db.models import Model
from django.db.models.signals import post_delete, post_init, post_save
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

from cms.page_cache import store
from cms.page_cache.collect import record_loaded
from cms.page_cache.rules import ignore_models, page_change_tags, register_model, rule_for

__all__ = ["ignore_models", "purge", "purge_page", "register_model"]

#: Every cached response carries it: purging it empties the cache (a view restriction, a site
#: or a language was changed, which touches every page).
EVERYTHING = "all"


def purge(tags: Iterable[str]) -> None:
    """Make every cached response that depends on one of ``tags`` stale.

    Done at once, and again when the surrounding transaction commits: a response rendered in
    between from the not yet committed, old data would otherwise be kept.
    """
    tags = set(tags)
    if not tags:
        return
    store.purge_tags(tags)
    if transaction.get_connection().in_atomic_block:
        transaction.on_commit(lambda: store.purge_tags(tags), robust=True)


def purge_page(page: Page) -> None:
    purge(page_change_tags(page))


def _page_changed(sender, instance, **kwargs) -> None:
    purge_page(instance)


def _page_moved(sender, instance, **kwargs) -> None:
    # Every descendant's URL changed too, and other pages may link to them.
    descendants = Page.objects.descendant_of(instance).values_list("pk", flat=True)
    purge([*page_change_tags(instance), *(f"page:{pk}" for pk in descendants)])


def _object_changed(sender, instance, **kwargs) -> None:
    if isinstance(instance, Page):
        return  # pages: published, unpublished, moved or deleted (below), not every draft save
    rule = rule_for(sender)
    if rule is not None:
        purge(rule[1](instance))


def _page_deleted(sender, instance, **kwargs) -> None:
    if isinstance(instance, Page):
        purge_page(instance)


def _everything(obj: Model) -> tuple[str, ...]:
    return (EVERYTHING,)


def connect() -> None:
    post_init.connect(record_loaded, dispatch_uid="page-cache-loaded")
    post_save.connect(_object_changed, dispatch_uid="page-cache-saved")
    post_delete.connect(_object_changed, dispatch_uid="page-cache-deleted")
    post_delete.connect(_page_deleted, dispatch_uid="page-cache-page-deleted")
    page_published.connect(_page_changed, dispatch_uid="page-cache-published")
    page_unpublished.connect(_page_changed, dispatch_uid="page-cache-unpublished")
    page_slug_changed.connect(_page_moved, dispatch_uid="page-cache-slug")
    post_page_move.connect(_page_moved, dispatch_uid="page-cache-moved")
    # Which pages are public, which site and languages exist: every response may change.
    for model in (PageViewRestriction, Site):
        register_model(model, loaded=lambda obj: (), changed=_everything)
