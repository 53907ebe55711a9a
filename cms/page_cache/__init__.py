"""Whole-response cache for anonymous visitors, invalidated exactly by what a response shows.

A public GET without a session is answered from the cache when a fresh copy exists. While a
response is rendered, everything it depends on is collected as *tags*:

* every page loaded (``page:<id>``): the page itself, its ancestors (their titles and URLs are
  in it), and pages it links to (rich-text links load the page to build its URL);
* every list of a page type (``model:cms.newspage``), declared by ``.live()`` on a page
  queryset of that type, which every listing calls;
* the language versions it points to (``translations:<key>``), declared by the language
  switcher, the hreflang links and the navigation;
* every snippet, setting, image or document type loaded (``model:<label>``), and whatever an
  app registers for its own models (the tracker: ``initiative:<id>`` and ``initiatives``).

Publishing, unpublishing, moving, translating or deleting a page, and saving or deleting any
other tracked object, *purges* its tags: each tag carries the time of its last purge, a cached
response keeps the times it was stored with, and a response whose tags moved on is a miss.
Purges run at once and again after the transaction commits, so a response rendered from the
old data in between is never kept. Time-dependent parts (upcoming events, camera status)
shorten the lifetime instead (``lifetime``).

Only responses that opt in are stored (Wagtail pages, and views decorated with
``cache_public``), only with status 200 and without cookies: pages with forms set the CSRF
cookie, so they are never cached. Staff carry a session cookie and never get a cached page.
"""

from cms.page_cache.collect import cache_public, cacheable, depends_on, lifetime, lists
from cms.page_cache.invalidation import ignore_models, purge, purge_page, register_model

__all__ = [
    "cache_public",
    "cacheable",
    "depends_on",
    "ignore_models",
    "lifetime",
    "lists",
    "purge",
    "purge_page",
    "register_model",
]
