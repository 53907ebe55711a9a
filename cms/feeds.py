"""RSS and Atom feeds of a news index, one per language tree."""

from __future__ import annotations

import datetime

from django.contrib.syndication.views import Feed
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed

FEED_SIZE = 20


class NewsRssFeed(Feed):
    """The latest news of one news index (so of one language)."""

    def __init__(self, index_page):
        super().__init__()
        self.index_page = index_page
        self.language = index_page.locale.language_code  # an attribute in Django's Feed API

    def __call__(self, request, *args, **kwargs):
        self.request = request
        return super().__call__(request, *args, **kwargs)

    def title(self):
        return self.index_page.title

    def link(self):
        return self.index_page.get_full_url(self.request)

    def description(self):
        return self.index_page.intro or self.index_page.title

    def feed_url(self):
        return self.index_page.get_full_url(self.request) + self.index_page.reverse_subpage(
            "atom" if self.feed_type is Atom1Feed else "rss"
        )

    def language(self):
        return self.index_page.locale.language_code

    def items(self):
        # A feed shows no pictures: without the cards' rendition prefetch.
        return self.index_page.news().prefetch_related(None)[:FEED_SIZE]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.intro

    def item_link(self, item):
        return item.get_full_url(self.request)

    def item_pubdate(self, item):
        return timezone.make_aware(datetime.datetime.combine(item.date, datetime.time(9)))

    def item_updateddate(self, item):
        return item.last_published_at

    def item_categories(self, item):
        return [tag.name for tag in item.tags.all()]


class NewsAtomFeed(NewsRssFeed):
    feed_type = Atom1Feed
    subtitle = NewsRssFeed.description
