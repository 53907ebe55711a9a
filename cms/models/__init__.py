"""Page types and snippets of the public site."""

from cms.models.areas import PriorityAreaIndexPage, PriorityAreaPage
from cms.models.base import SitePage
from cms.models.news import NewsIndexPage, NewsPage, NewsPageRelatedPage, NewsPageTag
from cms.models.pages import HomePage, StandardPage

__all__ = [
    "HomePage",
    "NewsIndexPage",
    "NewsPage",
    "NewsPageRelatedPage",
    "NewsPageTag",
    "PriorityAreaIndexPage",
    "PriorityAreaPage",
    "SitePage",
    "StandardPage",
]
