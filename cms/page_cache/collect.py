"""What the response being rendered depends on (a context variable, one per request)."""

from __future__ import annotations

import functools
from collections.abc import Callable
from contextvars import ContextVar
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.db.models import Model
from django.utils.translation import get_language
from wagtail.models import Page

from cms.page_cache.rules import language_of, list_tag, model_tag, rule_for

#: Past this many tags a response depends on "any page" instead of each page it loaded
#: (a sitemap loads every page), so that checking a cached copy stays one small read.
MAX_TAGS = 48
ANY_PAGE = model_tag(Page)


@dataclass
class Collector:
    #: The page cache's generation when rendering began (cms.page_cache.store).
    started: int
    tags: set[str] = field(default_factory=set)
    #: Pages loaded: id → the list tag of its type and language (None when unknown).
    pages: dict[int, str | None] = field(default_factory=dict)
    lifetime: int | None = None
    cacheable: bool = False
    #: Parts of the response may be kept and reused (``cms.page_cache.fragments``): a GET of
    #: a public address with only the listings' query parameters.
    fragments: bool = False

    def final_tags(self) -> set[str]:
        tags = set(self.tags)
        for pk, listed_as in self.pages.items():
            # A page of a listed type is covered by the list's tag, which every change to a
            # page of that type (in that language) purges.
            if listed_as is None or listed_as not in tags:
                tags.add(f"page:{pk}")
        if len(tags) > MAX_TAGS:
            tags = {tag for tag in tags if not tag.startswith("page:")} | {ANY_PAGE}
        return tags


current: ContextVar[Collector | None] = ContextVar("page_cache_collector", default=None)


def depends_on(*tags: str) -> None:
    """The response being rendered shows something these tags stand for."""
    collector = current.get()
    if collector is not None:
        collector.tags.update(tags)


def lists(*models: type[Model]) -> None:
    """The response lists rows of these models: any new, changed or removed row makes it stale.

    A list of pages is taken to be of the language being served (a listing walks its own
    language tree); ``Page`` itself stands for every page in both.
    """
    collector = current.get()
    if collector is not None:
        language = get_language()
        collector.tags.update(list_tag(model, language) for model in models)


def lifetime(seconds: int) -> None:
    """The response goes stale by itself after ``seconds`` (camera status, upcoming events)."""
    collector = current.get()
    if collector is not None:
        collector.lifetime = min(seconds, collector.lifetime or seconds)


def cacheable() -> None:
    """The response may be kept for anonymous visitors (if it is a 200 without cookies)."""
    collector = current.get()
    if collector is not None:
        collector.cacheable = True


def cache_public(
    view: Callable | None = None,
    *,
    tags: tuple[str, ...] = (),
    seconds: int | Callable[[], int] | None = None,
):
    """Decorator: a public view whose anonymous responses may be cached; ``tags`` are the
    lists it shows, ``seconds`` a shorter lifetime than ``PAGE_CACHE_SECONDS`` (or a function
    returning it, to read a setting at request time)."""

    def decorate(view_fn: Callable) -> Callable:
        @functools.wraps(view_fn)
        def wrapper(request, *args, **kwargs):
            cacheable()
            depends_on(*tags)
            if seconds is not None:
                lifetime(seconds() if callable(seconds) else seconds)
            return view_fn(request, *args, **kwargs)

        return wrapper

    return decorate(view) if view is not None else decorate


def record_loaded(sender, instance, **kwargs) -> None:
    """post_init receiver: a model instance was loaded while a response was being rendered."""
    collector = current.get()
    if collector is None or instance.pk is None:
        return
    if isinstance(instance, Page):
        collector.pages[instance.pk] = _list_tag_of(instance)
        return
    rule = rule_for(sender)
    if rule is not None:
        collector.tags.update(rule[0](instance))


def _list_tag_of(page: Page) -> str | None:
    """The list tag that covers ``page``, from the fields already loaded (no query)."""
    content_type_id = page.__dict__.get("content_type_id")
    if content_type_id is None:
        return None
    model = ContentType.objects.get_for_id(content_type_id).model_class()
    if model is None:
        return None
    return list_tag(model, language_of(page.__dict__.get("locale_id")))
