"""Demo pages: the office's story, restated from its 2017–2019 report in our own words.

Each entry gives the Ukrainian page and, where it exists, its English translation. The
Memorandum page is deliberately Ukrainian-only, to show how the site treats a page that is
not translated yet.
"""

HOME = {
    "uk": {
        "title": "Координаційний офіс безпеки",
        "intro": (
            "<p>Офіс у Татарбунарах з 2017 року збирає за одним столом поліцію, міську раду, "
            "рятувальників, громадські організації та мешканців, щоб разом робити громаду "
            "безпечнішою: від дорожнього руху й пляжного сезону до камер відеоспостереження.</p>"
        ),
    },
    "en": {
        "title": "Safety Coordination Office",
        "intro": (
            "<p>Since 2017 the office in Tatarbunary has brought the police, the city council, "
            "rescuers, civic groups and residents to one table to make the community safer, "
            "from road traffic and the beach season to the city's CCTV cameras.</p>"
        ),
    },
}

PAGES = [
    {
        "uk": {
            "title": "Про офіс",
            "intro": (
                "Неформальний центр, де різні служби й мешканці домовляються про спільні кроки "
                "з безпеки громади."
            ),
            "body": [
                ("heading", "Як усе почалося"),
                (
                    "paragraph",
                    "<p>На початку 2017 року Одеська обласна організація Комітету виборців "
                    "України заснувала офіс як інформаційно-координаційний хаб. Його завдання "
                    "та спосіб роботи закріпив Меморандум, який тоді підписали 16 державних і "
                    "громадських інституцій; до кінця 2018 року їх стало 20.</p>",
                ),
                (
                    "paragraph",
                    "<p>Приміщення з окремим входом у центрі міста надала міська рада. "
                    "Опитування середини 2017 року показало: 94 % мешканців міста й району "
                    "підтримують узгоджену роботу всіх, хто відповідає за безпеку.</p>",
                ),
                ("heading", "Крок до самоврядування"),
                (
                    "paragraph",
                    "<p>30 серпня 2019 року виконавчий комітет міської ради рішенням № 131 "
                    "утворив консультативно-дорадчу раду з дев'яти осіб, куди увійшли й "
                    "представники офісу.</p>",
                ),
            ],
        },
        "en": {
            "title": "About the office",
            "intro": (
                "An informal hub where public services and residents agree on joint steps "
                "for the community's safety."
            ),
            "body": [
                ("heading", "How it began"),
                (
                    "paragraph",
                    "<p>Early in 2017 the Odesa regional branch of the Committee of Voters of "
                    "Ukraine set the office up as a hub for information and coordination. A "
                    "Memorandum, signed then by 16 public and civic bodies, set out its aims and "
                    "ways of working; by the end of 2018 there were 20 signatories.</p>",
                ),
                (
                    "paragraph",
                    "<p>The city council provided premises with their own entrance in the town "
                    "centre. A survey in mid-2017 found 94% of residents of the town and district "
                    "in favour of everyone responsible for safety working in concert.</p>",
                ),
                ("heading", "Towards local ownership"),
                (
                    "paragraph",
                    "<p>On 30 August 2019 the city's executive committee, by decision No. 131, "
                    "set up a nine-member consultative and advisory council that includes "
                    "representatives of the office.</p>",
                ),
            ],
        },
    },
    {
        "uk": {
            "title": "Меморандум",
            "intro": "Документ, на якому тримається співпраця: хто підписав і навіщо.",
            "body": [
                (
                    "paragraph",
                    "<p>Меморандум про створення Координаційного офісу безпеки визначає його "
                    "мету, завдання та спосіб роботи. Серед підписантів — районна та міська "
                    "ради, районна державна адміністрація, місцевий підрозділ ДСНС і сектор "
                    "міграційної служби.</p>",
                ),
            ],
        },
    },
]

AREA_INDEX = {
    "uk": {
        "title": "Напрями роботи",
        "intro": "Шість напрямів, у яких офіс об’єднує зусилля служб, влади та мешканців.",
    },
    "en": {
        "title": "Areas of work",
        "intro": (
            "Six areas in which the office brings services, authorities and residents together."
        ),
    },
}

NEWS_INDEX = {
    "uk": {"title": "Новини", "intro": "Що відбувається в офісі та громаді."},
    "en": {"title": "News", "intro": "What is happening at the office and in the community."},
}
