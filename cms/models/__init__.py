"""Page types and snippets of the public site."""

from cms.models.areas import PriorityAreaIndexPage, PriorityAreaPage
from cms.models.base import SitePage
from cms.models.campaigns import CampaignIndexPage, CampaignNewsLink, CampaignPage, CampaignPartner
from cms.models.contact import ContactFormField, ContactPage
from cms.models.events import EventIndexPage, EventPage
from cms.models.news import (
    NewsIndexPage,
    NewsPage,
    NewsPageAuthor,
    NewsPageRelatedPage,
    NewsPageTag,
)
from cms.models.organisations import MemorandumPage, Organisation, SignatoryTotal
from cms.models.pages import HomePage, StandardPage
from cms.models.people import Person, TeamPage
from cms.models.site_settings import LanguageSettings

__all__ = [
    "CampaignIndexPage",
    "CampaignNewsLink",
    "CampaignPage",
    "CampaignPartner",
    "ContactFormField",
    "ContactPage",
    "EventIndexPage",
    "EventPage",
    "HomePage",
    "LanguageSettings",
    "MemorandumPage",
    "NewsIndexPage",
    "NewsPage",
    "NewsPageAuthor",
    "NewsPageRelatedPage",
    "NewsPageTag",
    "Organisation",
    "Person",
    "PriorityAreaIndexPage",
    "PriorityAreaPage",
    "SignatoryTotal",
    "SitePage",
    "StandardPage",
    "TeamPage",
]
