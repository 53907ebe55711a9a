"""Slugs follow Ukraine's national transliteration (CMU resolution No. 55 of 2010)."""

import pytest

from cms.transliteration import slugify_uk, transliterate_uk

# Examples given in the resolution's own table.
OFFICIAL_EXAMPLES = [
    ("Алушта", "Alushta"),
    ("Андрій", "Andrii"),
    ("Борщагівка", "Borshchahivka"),
    ("Вінниця", "Vinnytsia"),
    ("Гадяч", "Hadiach"),
    ("Згорани", "Zghorany"),
    ("Ґалаґан", "Galagan"),
    ("Дон", "Don"),
    ("Рівне", "Rivne"),
    ("Єнакієве", "Yenakiieve"),
    ("Гаєвич", "Haievych"),
    ("Короп'є", "Koropie"),
    ("Житомир", "Zhytomyr"),
    ("Запоріжжя", "Zaporizhzhia"),
    ("Закарпаття", "Zakarpattia"),
    ("Медвин", "Medvyn"),
    ("Михайленко", "Mykhailenko"),
    ("Іванків", "Ivankiv"),
    ("Іващенко", "Ivashchenko"),
    ("Їжакевич", "Yizhakevych"),
    ("Кадиївка", "Kadyivka"),
    ("Мар'їне", "Marine"),
    ("Йосипівка", "Yosypivka"),
    ("Стрий", "Stryi"),
    ("Олексій", "Oleksii"),
    ("Київ", "Kyiv"),
    ("Лебедин", "Lebedyn"),
    ("Миргород", "Myrhorod"),
    ("Ніжин", "Nizhyn"),
    ("Одеса", "Odesa"),
    ("Полтава", "Poltava"),
    ("Ромни", "Romny"),
    ("Суми", "Sumy"),
    ("Тетерів", "Teteriv"),
    ("Ужгород", "Uzhhorod"),
    ("Фастів", "Fastiv"),
    ("Харків", "Kharkiv"),
    ("Біла Церква", "Bila Tserkva"),
    ("Чернівці", "Chernivtsi"),
    ("Шостка", "Shostka"),
    ("Гоща", "Hoshcha"),
    ("Русятин", "Rusiatyn"),
    ("Юрій", "Yurii"),
    ("Корюківка", "Koriukivka"),
    ("Яготин", "Yahotyn"),
    ("Ярошенко", "Yaroshenko"),
    ("Костянтин", "Kostiantyn"),
    ("Знам'янка", "Znamianka"),
    ("Феодосія", "Feodosiia"),
    ("Розгон", "Rozghon"),
]


@pytest.mark.parametrize(("cyrillic", "latin"), OFFICIAL_EXAMPLES)
def test_official_examples(cyrillic, latin):
    assert transliterate_uk(cyrillic) == latin


@pytest.mark.parametrize("apostrophe", ["'", "’", "ʼ"])
def test_every_apostrophe_variant_is_dropped(apostrophe):
    assert slugify_uk(f"Знам{apostrophe}янка") == "znamianka"


def test_word_initial_forms_apply_after_spaces_and_hyphens():
    assert slugify_uk("Юрій Їжак-Єнакієве") == "yurii-yizhak-yenakiieve"
    assert slugify_uk("Поліцейський офіцер громади") == "politseiskyi-ofitser-hromady"


def test_slug_is_ascii_and_lowercase():
    slug = slugify_uk("Координаційний офіс безпеки, 2019!")
    assert slug == "koordynatsiinyi-ofis-bezpeky-2019"
    assert slug.isascii()
