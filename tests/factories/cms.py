"""Pages and snippets of the site: a Ukrainian home page as the default site's root, its
English translation, and the sections under it, like the demo builds them."""

from __future__ import annotations

import datetime

import factory
import wagtail_factories
from wagtail.models import Locale, Page, Site

from cms.models import (
    HomePage,
    NewsIndexPage,
    NewsPage,
    Organisation,
    Person,
    PriorityAreaIndexPage,
    PriorityAreaPage,
    StandardPage,
)
from cms.transliteration import slugify_uk


class SitePageFactory(wagtail_factories.PageFactory):
    """A page created under ``parent=`` and published with a revision, as editors publish."""

    class Meta:
        abstract = True
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Сторінка {n}")
    slug = factory.LazyAttribute(lambda page: slugify_uk(page.title))
    locale = factory.LazyFunction(Locale.get_default)

    @factory.post_generation
    def published(self, create: bool, extracted: bool | None, **kwargs) -> None:
        if create and extracted is not False:
            self.save_revision().publish()


class HomePageFactory(SitePageFactory):
    class Meta:
        model = HomePage

    title = "Координаційний офіс безпеки"


class StandardPageFactory(SitePageFactory):
    class Meta:
        model = StandardPage

    intro = "Коротко про сторінку."


class NewsIndexPageFactory(SitePageFactory):
    class Meta:
        model = NewsIndexPage

    title = "Новини"


class AreaIndexPageFactory(SitePageFactory):
    class Meta:
        model = PriorityAreaIndexPage

    title = "Пріоритетні напрями"


class AreaPageFactory(SitePageFactory):
    class Meta:
        model = PriorityAreaPage

    intro = "Що робить офіс у цьому напрямі."


class NewsPageFactory(SitePageFactory):
    class Meta:
        model = NewsPage

    intro = "Одне-два речення для списків."
    date = factory.LazyFunction(datetime.date.today)


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    name = factory.Sequence(lambda n: f"Організація {n}")
    kind = Organisation.Kind.LOCAL
    locale = factory.LazyFunction(Locale.get_default)


class PersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Person

    name = factory.Sequence(lambda n: f"Особа {n}")
    group = Person.Group.LEADERSHIP
    locale = factory.LazyFunction(Locale.get_default)


def site_home(**fields) -> HomePage:
    """A published Ukrainian home page that is the default site's root, as the demo's is."""
    home = HomePageFactory(parent=Page.get_first_root_node(), **fields)
    site = Site.objects.get(is_default_site=True)
    old_root = site.root_page
    site.root_page = home
    site.save()
    if old_root.specific_class is Page:
        old_root.delete()
    return home


def bilingual_home() -> tuple[HomePage, HomePage]:
    """The site's Ukrainian home page and its English translation, with nothing under them."""
    home = site_home()
    return home, translate(home, title="Safety Coordination Office")


def translate(page: Page, language_code: str = "en", **fields) -> Page:
    """A published translation of ``page`` with these field values (slug from its title)."""
    translation = page.copy_for_translation(
        Locale.objects.get(language_code=language_code), copy_parents=False
    )
    for name, value in fields.items():
        setattr(translation, name, value)
    if not translation.is_site_root() and "title" in fields:
        translation.slug = slugify_uk(fields["title"])
    translation.save()
    translation.save_revision().publish()
    return translation
