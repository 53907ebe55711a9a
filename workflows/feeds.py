"""RSS and Atom feeds of the tracker's public steps, for all initiatives or one, per language."""

from __future__ import annotations

from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from cms.page_cache import cache_public
from cms.texts import localized
from workflows.engine import TransitionLog
from workflows.models import Initiative
from workflows.public import public_initiatives

LATEST = 30


class StepsRssFeed(Feed):
    feed_type = Rss201rev2Feed

    def get_object(self, request, pk: int | None = None):
        self.language = get_language()  # Django's Feed writes it into the feed
        return get_object_or_404(public_initiatives(), pk=pk) if pk else None

    def title(self, obj):
        return localized(obj, "title") if obj else _("Initiative tracker")

    def link(self, obj):
        return (
            reverse("workflows:initiative", args=[obj.pk]) if obj else reverse("workflows:tracker")
        )

    def description(self, obj):
        return _("Public steps of the initiatives the Safety Coordination Office advocates.")

    def items(self, obj):
        ids = [obj.pk] if obj else list(public_initiatives().values_list("pk", flat=True))
        logs = TransitionLog.objects.filter(
            content_type__model="initiative", object_id__in=ids, public=True
        ).order_by("-at", "-pk")[:LATEST]
        initiatives = Initiative.objects.in_bulk({log.object_id for log in logs})
        for log in logs:
            log.initiative = initiatives[log.object_id]
        return logs

    def item_title(self, log):
        state = Initiative.state_info(log.target)
        return f"{localized(log.initiative, 'title')}: {state.label}"

    def item_description(self, log):
        comment = localized(log, "comment")
        return comment or str(Initiative.state_info(log.target).definition)

    def item_link(self, log):
        return reverse("workflows:initiative", args=[log.object_id]) + f"#step-{log.pk}"

    def item_guid(self, log):
        return f"initiative-step-{log.pk}-{get_language()}"

    item_guid_is_permalink = False

    def item_pubdate(self, log):
        return log.at


class StepsAtomFeed(StepsRssFeed):
    feed_type = Atom1Feed
    subtitle = StepsRssFeed.description


@cache_public(tags=("initiatives",))
def rss(request, pk: int | None = None):
    """A fresh feed object per request: it holds the request's language."""
    return StepsRssFeed()(request, pk=pk)


@cache_public(tags=("initiatives",))
def atom(request, pk: int | None = None):
    return StepsAtomFeed()(request, pk=pk)
