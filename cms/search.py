"""Site search: published pages in the visitor's language.

Ukrainian words are written with three different apostrophes (' ’ ʼ), and PostgreSQL's parser
splits a word at any of them ("м’ясо" becomes "м" and "ясо"). Pages therefore index their
apostrophe words a second time with the apostrophe removed (:meth:`SitePage.apostrophe_words`),
and the query is normalised the same way, so every variant finds every other.
"""

from __future__ import annotations

import re

from django.core.paginator import Paginator
from django.template.response import TemplateResponse
from django.utils.html import strip_tags
from wagtail.models import Locale, Page

#: Apostrophe-like characters people type inside Ukrainian words.
APOSTROPHES = "'’ʼ`‘"
APOSTROPHE_WORD = re.compile(rf"\w+[{APOSTROPHES}]\w+(?:[{APOSTROPHES}]\w+)*")
APOSTROPHE = re.compile(f"[{APOSTROPHES}]")
#: Longer queries are cut: no one types more, and it bounds the work per request.
MAX_QUERY_LENGTH = 200
PAGE_SIZE = 10


def without_apostrophes(text: str) -> str:
    return APOSTROPHE.sub("", text)


def apostrophe_words(text: str) -> str:
    """The words of ``text`` that contain an apostrophe, with the apostrophe removed."""
    return " ".join(without_apostrophes(w) for w in APOSTROPHE_WORD.findall(strip_tags(text)))


#: A word of the query: letters and digits. Everything else (quotes, operators, brackets,
#: control characters) is a separator; otherwise SQLite's FTS5 would read ``"`` or ``NEAR(`` as
#: its own query syntax and fail on an unbalanced one, and a NUL would end the query early.
QUERY_WORD = re.compile(r"\w+")


def normalise_query(query: str) -> str:
    """The words of ``query``, apostrophes removed, separated by single spaces."""
    return " ".join(QUERY_WORD.findall(without_apostrophes(query[:MAX_QUERY_LENGTH])))


def search_view(request):
    """``/search/?q=…`` and ``/en/search/?q=…``: live public pages of that language."""
    query = normalise_query(request.GET.get("q", ""))
    results = None
    if query:
        pages = Page.objects.live().public().filter(locale=Locale.get_active()).specific()
        results = Paginator(pages.search(query, operator="and"), PAGE_SIZE).get_page(
            request.GET.get("page")
        )
    return TemplateResponse(
        request, "cms/search_results.html", {"search_query": query, "search_results": results}
    )
