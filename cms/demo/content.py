"""Demo pages: the office's story, restated from its 2017–2019 report in our own words.

Each entry gives the Ukrainian page and, where it exists, its English translation. The
volunteers' page is deliberately Ukrainian-only, to show how the site treats a page that is
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
    # Deliberately Ukrainian-only: the demo's example of a page without an English version.
    {
        "uk": {
            "title": "Волонтерам",
            "intro": "Як долучитися до роботи офісу: чергування, заходи, допомога з навчанням.",
            "body": [
                (
                    "paragraph",
                    "<p>Офіс тримається на людях, які готові витратити кілька годин на "
                    "тиждень заради спільної безпеки. Волонтери допомагають готувати зустрічі "
                    "з мешканцями, чергують біля моніторів ситуаційного центру та супроводжують "
                    "літні кампанії на курортах.</p>",
                ),
                (
                    "paragraph",
                    "<p>Напишіть нам через сторінку контактів або зайдіть до офісу в години "
                    "прийому — розкажемо, де зараз найбільше потрібна допомога.</p>",
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

#: The reception, as the report describes it: since June 2018 the district police officer,
#: with the head of the office, receives residents twice a week in the office's own premises in
#: the town centre. The report names neither the days, the hours nor the street: those below
#: are placeholders, and the pages say so.
RECEPTION_DAYS = [
    {"type": "slot", "value": {"weekday": "1", "starts": "10:00:00", "ends": "13:00:00"}},
    {"type": "slot", "value": {"weekday": "3", "starts": "14:00:00", "ends": "17:00:00"}},
]
RECEPTION = {
    "uk": {
        "street_address": "вул. Центральна, 1 (демонстраційна адреса)",
        "locality": "м. Татарбунари, Одеська область",
        "reception_schedule": RECEPTION_DAYS,
        "reception_note": (
            "Двічі на тиждень дільничний офіцер поліції разом із керівником офісу приймає "
            "мешканців у приміщенні офісу в центрі міста, з окремим входом, поруч з органами "
            "влади, ринком і автостанцією. Демонстраційний сайт: дні, години й адреса — "
            "приклад, не справжній розклад."
        ),
    },
    "en": {
        "street_address": "1 Tsentralna St (demo address)",
        "locality": "Tatarbunary, Odesa oblast",
        "reception_schedule": RECEPTION_DAYS,
        "reception_note": (
            "Twice a week the district police officer, with the head of the office, receives "
            "residents in the office's premises in the town centre, with its own entrance, a "
            "short walk from the authorities, the market and the bus station. Demo site: the "
            "days, hours and address are an example, not the real schedule."
        ),
    },
}

CONTACT = {
    "uk": {
        "title": "Контакти",
        "intro": (
            "<p>Напишіть нам про будь-яку проблему безпеки в громаді: від темної вулиці до "
            "ідеї нового заходу. Відповідаємо протягом кількох робочих днів.</p>"
        ),
        "thank_you_text": "<p>Дякуємо! Ваше повідомлення отримано, ми відповімо якнайшвидше.</p>",
        "subject": "Повідомлення з сайту",
        **RECEPTION["uk"],
        "fields": [
            ("Ваше ім’я", "singleline", True),
            ("Електронна пошта", "email", True),
            ("Повідомлення", "multiline", True),
        ],
    },
    "en": {
        "title": "Contact",
        "intro": (
            "<p>Write to us about any safety problem in the community, from an unlit street to "
            "an idea for a new event. We answer within a few working days.</p>"
        ),
        "thank_you_text": "<p>Thank you! We have received your message and will reply soon.</p>",
        "subject": "Message from the website",
        **RECEPTION["en"],
        "fields": ["Your name", "E-mail", "Message"],
    },
}

LANGUAGE_SETTINGS = {
    "uk": {
        "site_name": "Координаційний офіс безпеки",
        "address": "м. Татарбунари, Одеська область\nприміщення в центрі міста, окремий вхід",
        "reception_hours": (
            "Дільничний офіцер поліції приймає мешканців в офісі двічі на тиждень."
        ),
        "footer_text": (
            "<p>Координаційний офіс безпеки — спільний простір поліції, міської ради, "
            "рятувальників, громадських організацій і мешканців Татарбунар.</p>"
        ),
    },
    "en": {
        "site_name": "Safety Coordination Office",
        "address": "Tatarbunary, Odesa oblast\npremises in the town centre, own entrance",
        "reception_hours": "The district police officer sees residents at the office twice a week.",
        "footer_text": (
            "<p>The Safety Coordination Office is a shared space for the police, the city "
            "council, rescuers, civic groups and the residents of Tatarbunary.</p>"
        ),
    },
}

#: The main navigation: the home page's children in this order (by Ukrainian title).
NAVIGATION = [
    "Про офіс",
    "Напрями роботи",
    "Новини",
    "Кампанії",
    "Події",
    "Меморандум",
    "Команда",
    "Контакти",
]
