"""Demo events: the office's regular meetings and a few past one-off events, restated from its
2017–2019 report in our own words.

Times are local Kyiv time. The report gives no time of day for any event, so every event here,
one-off or recurring, starts at 10:00 and ends at 12:00: those times are the demo's assumption.
One-off events are included only where the report gives the exact day. The rhythm of the
recurring meetings is partly the demo's assumption as well; each case is explained in a comment.
One past event, the human rights class for police officers, deliberately has no English version
(marked with a comment), so that the demo exercises an untranslated event.
"""

EVENT_INDEX = {
    "uk": {
        "title": "Події",
        "intro": (
            "Регулярні зустрічі в офісі, щорічний форум, а також події минулих років, що "
            "запам’яталися громаді."
        ),
    },
    "en": {
        "title": "Events",
        "intro": (
            "Regular meetings at the office, the yearly forum and some memorable events from past "
            "years."
        ),
    },
}

EVENTS = [
    {
        "key": "district-officer-reception",
        # The report says only that since June 2018 the officer has seen residents twice a week.
        # The days (Tuesday and Thursday), the hours (10:00–12:00) and the first day (the first
        # Tuesday of June 2018) are the demo's assumptions.
        "start": "2018-06-05T10:00",
        "end": "2018-06-05T12:00",
        "recurrence": {"freq": "weekly", "interval": 1, "weekdays": ["TU", "TH"], "until": None},
        "area": "space",
        "uk": {
            "title": "Прийом у дільничного офіцера поліції",
            "intro": (
                "Двічі на тиждень дільничний офіцер поліції разом із керівником офісу приймає "
                "мешканців у приміщенні Координаційного офісу безпеки."
            ),
            "location": "Приміщення Координаційного офісу безпеки, центр Татарбунар",
            "body": [
                (
                    "paragraph",
                    "<p>Прийом триває з червня 2018 року. До дільничного можна прийти з питанням "
                    "про безпеку, попросити допомоги в конкретній справі або просто поговорити з "
                    "поліцією без зайвих формальностей.</p>",
                ),
                (
                    "paragraph",
                    "<p>Офіс має окремий вхід з вулиці й розташований у центрі міста, звідки "
                    "недалеко пішки до органів влади, ринку та автостанції.</p>",
                ),
            ],
        },
        "en": {
            "title": "Drop-in hours with the district police officer",
            "intro": (
                "Twice a week the district police officer, together with the head of the office, "
                "sees residents at the Safety Coordination Office."
            ),
            "location": "Safety Coordination Office premises, Tatarbunary town centre",
            "body": [
                (
                    "paragraph",
                    "<p>The drop-in hours have been running since June 2018. Residents can come "
                    "to the district officer with a safety question, ask for help with a "
                    "particular problem or simply talk to the police without formality.</p>",
                ),
                (
                    "paragraph",
                    "<p>The office has its own street entrance in the town centre, within easy "
                    "walking distance of the local authorities, the market and the bus "
                    "station.</p>",
                ),
            ],
        },
    },
    {
        "key": "coffee-with-a-police-officer",
        # The report dates the first meeting (12 July 2018) and counts 16 meetings in 2018–2019,
        # but gives no fixed rhythm: a monthly meeting is the demo's simplification.
        "start": "2018-07-12T10:00",
        "end": "2018-07-12T12:00",
        "recurrence": {"freq": "monthly", "interval": 1, "weekdays": [], "until": None},
        "area": "space",
        "uk": {
            "title": "«Кава з поліцейським»",
            "intro": (
                "Неформальна тематична розмова мешканців із поліцією за чашкою кави в приміщенні "
                "офісу."
            ),
            "location": "Приміщення Координаційного офісу безпеки, Татарбунари",
            "body": [
                (
                    "paragraph",
                    "<p>Уперше дільничний офіцер зустрівся з мешканками міста за кавою 12 липня "
                    "2018 року; говорили про безпеку жінок у громаді. Відтоді формат став "
                    "постійним: кожна зустріч має свою тему.</p>",
                ),
                ("figures", [{"value": "16", "label": "зустрічей у 2018–2019 роках"}]),
                (
                    "paragraph",
                    "<p>Ці розмови дали початок кільком ініціативам. Зокрема, саме тут погодили, "
                    "що роми оберуть свого радника при міському голові, і задумали школу "
                    "самооборони для жінок і дівчат.</p>",
                ),
            ],
        },
        "en": {
            "title": "‘Coffee with a police officer’",
            "intro": (
                "An informal conversation on a chosen topic between residents and the police, "
                "over coffee at the office."
            ),
            "location": "Safety Coordination Office premises, Tatarbunary",
            "body": [
                (
                    "paragraph",
                    "<p>A district officer first sat down over coffee with women from the town on "
                    "12 July 2018 to talk about women’s safety in the community. Since then the "
                    "format has become a fixture, each meeting with its own theme.</p>",
                ),
                ("figures", [{"value": "16", "label": "meetings in 2018–2019"}]),
                (
                    "paragraph",
                    "<p>These conversations set off several initiatives. It was here, for "
                    "instance, that the agreement on a Roma adviser to the mayor was reached and "
                    "the self-defence school for women and girls was conceived.</p>",
                ),
            ],
        },
    },
    {
        "key": "coffee-with-a-doctor",
        # The report dates only the first meeting (10 October 2019): the monthly rhythm is the
        # demo's assumption.
        "start": "2019-10-10T10:00",
        "end": "2019-10-10T12:00",
        "recurrence": {"freq": "monthly", "interval": 1, "weekdays": [], "until": None},
        "area": "space",
        "uk": {
            "title": "«Кава з лікарем»",
            "intro": (
                "Невимушені зустрічі мешканців із медичними працівниками — за зразком «Кави з "
                "поліцейським»."
            ),
            "location": "Приміщення Координаційного офісу безпеки, Татарбунари",
            "body": [
                (
                    "paragraph",
                    "<p>Офіс вирішив, що вдалий формат «Кави з поліцейським» підійде й для розмов "
                    "про здоров’я. Першу таку зустріч із медиками провели 10 жовтня 2019 року, і "
                    "вона стосувалася охорони здоров’я.</p>",
                ),
            ],
        },
        "en": {
            "title": "‘Coffee with a doctor’",
            "intro": (
                "Relaxed meetings between residents and medical staff, modelled on ‘Coffee with a "
                "police officer’."
            ),
            "location": "Safety Coordination Office premises, Tatarbunary",
            "body": [
                (
                    "paragraph",
                    "<p>The office decided that the successful ‘Coffee with a police officer’ "
                    "format would work for conversations about health too. The first meeting with "
                    "medics took place on 10 October 2019 and was about health care.</p>",
                ),
            ],
        },
    },
    {
        "key": "forum-community-policing-innovations",
        # Yearly on 19 December from 2019, as the report says (a photo caption in the English
        # translation wrongly dates the first forum 19/12/2018). Hours are the demo's assumption.
        "start": "2019-12-19T10:00",
        "end": "2019-12-19T12:00",
        "recurrence": {"freq": "yearly", "interval": 1, "weekdays": [], "until": None},
        "area": "advocacy",
        "uk": {
            "title": "Форум інновацій роботи поліції з громадою",
            "intro": (
                "Щорічна подія, на якій офіс звітує про рік, а поліцейські, активісти й експерти "
                "обмінюються новими підходами до співпраці поліції з мешканцями."
            ),
            "location": "Одеса",
            "body": [
                (
                    "paragraph",
                    "<p>Публічний звіт офісу за рік від 2018 року відбувається 19 грудня в Одесі, "
                    "в Одеській обласній бібліотеці імені Грушевського — партнерці офісу, у межах "
                    "фестивалю Docudays UA. У 2019 році звіт розрісся до форуму, який вирішили "
                    "проводити щороку.</p>",
                ),
                (
                    "figures",
                    [
                        {"value": "близько 50", "label": "учасників першого форуму"},
                        {"value": "3", "label": "тематичні напрями"},
                    ],
                ),
                (
                    "paragraph",
                    "<p>Першого разу зібралися поліцейські, громадські активісти, експерти, "
                    "журналісти, курсанти й викладачі Одеського державного університету "
                    "внутрішніх справ, представники міжнародних організацій. Обговорювали роботу "
                    "дільничних, спілкування з громадою, а також роботу з дітьми й вразливими "
                    "групами. Учасники дійшли згоди, що співпраця з громадою — базова цінність "
                    "для поліції, а мешканці мають і допомагати поліції, і контролювати її.</p>",
                ),
            ],
        },
        "en": {
            "title": "Forum of Innovations in Community Policing",
            "intro": (
                "A yearly event at which the office reports on its year and police officers, "
                "activists and experts share new ways for the police to work with residents."
            ),
            "location": "Odesa",
            "body": [
                (
                    "paragraph",
                    "<p>Since 2018 the office’s public report on its year has been held on 19 "
                    "December in Odesa, at its partner the Hrushevsky Odesa Regional Library, as "
                    "part of the Docudays UA festival. In 2019 the report grew into a forum, "
                    "which is now to be held every year.</p>",
                ),
                (
                    "figures",
                    [
                        {"value": "about 50", "label": "participants in the first forum"},
                        {"value": "3", "label": "themes"},
                    ],
                ),
                (
                    "paragraph",
                    "<p>The first forum brought together police officers, civic activists, "
                    "experts, journalists, cadets and lecturers from Odesa State University of "
                    "Internal Affairs, and people from international organisations. They "
                    "discussed what district officers do, how to talk with residents, and how to "
                    "work with children and other vulnerable groups. Participants agreed that "
                    "working with the community is a core value for the police, and that "
                    "residents should both help the police and keep a check on them.</p>",
                ),
            ],
        },
    },
    {
        "key": "first-joint-press-conference",
        "start": "2017-08-22T10:00",
        "end": "2017-08-22T12:00",
        "recurrence": None,
        "area": "coordination",
        "uk": {
            "title": "Перша спільна прес-конференція про безпечне середовище",
            "intro": (
                "Спільна прес-конференція про безпеку в громаді — новий на той час для регіону "
                "формат."
            ),
            "location": "Зала засідань Татарбунарської міської ради",
            "body": [
                (
                    "paragraph",
                    "<p>22 серпня 2017 року офіс організував у міській раді спільну "
                    "прес-конференцію, присвячену безпечному середовищу. Для регіону такий формат "
                    "був новим; відтоді спільні прес-конференції відбуваються раз на пів року.</p>",
                ),
            ],
        },
        "en": {
            "title": "First joint press conference on a safe environment",
            "intro": (
                "The office brought journalists together for the region’s first joint press "
                "conference on community safety."
            ),
            "location": "Meeting hall of Tatarbunary City Council",
            "body": [
                (
                    "paragraph",
                    "<p>On 22 August 2017 the office held a joint press conference on a safe "
                    "environment at the city council. The format was new for the region; since "
                    "then joint press conferences have been held every six months.</p>",
                ),
            ],
        },
    },
    {
        "key": "roma-community-meeting",
        "start": "2018-08-23T10:00",
        "end": "2018-08-23T12:00",
        "recurrence": None,
        "area": "coordination",
        "uk": {
            "title": "Зустріч поліції та міської влади з ромською громадою",
            "intro": (
                "Керівники поліції та міста поспілкувалися з представниками ромської громади у "
                "форматі «Кава з поліцейським»."
            ),
            "location": "Приміщення Координаційного офісу безпеки, Татарбунари",
            "body": [
                (
                    "paragraph",
                    "<p>Розмова 23 серпня 2018 року була однією з найважчих, але й "
                    "найрезультативніших. Учасники погодили, що роми оберуть свого радника при "
                    "міському голові, який серед іншого займатиметься безпекою, і намітили, як "
                    "залучати ромів до культурного, спортивного та громадського життя міста й "
                    "району.</p>",
                ),
                (
                    "paragraph",
                    "<p>З цієї зустрічі почалася спільна робота поліції, міської влади, "
                    "громадськості й самих ромів заради безпечного середовища та повноцінної "
                    "участі ромської громади в житті Татарбунар.</p>",
                ),
            ],
        },
        "en": {
            "title": "Police and town leaders meet the Roma community",
            "intro": (
                "The heads of the police and the town sat down with representatives of the Roma "
                "community over ‘Coffee with a police officer’."
            ),
            "location": "Safety Coordination Office premises, Tatarbunary",
            "body": [
                (
                    "paragraph",
                    "<p>The conversation on 23 August 2018 was one of the hardest and also one of "
                    "the most productive. Participants agreed to choose a Roma adviser to the "
                    "mayor whose remit would include safety, and sketched out ways to involve "
                    "Roma people in the cultural, sporting and public life of the town and the "
                    "district.</p>",
                ),
                (
                    "paragraph",
                    "<p>The meeting became the starting point for cooperation between the Roma, "
                    "the police, the town authorities and the wider public, aimed at a safe "
                    "environment and the full participation of the Roma community in the life of "
                    "Tatarbunary.</p>",
                ),
            ],
        },
    },
    # Ukrainian only (deliberately untranslated): a class for local police officers.
    {
        "key": "human-rights-in-policing-class",
        "start": "2018-12-13T10:00",
        "end": "2018-12-13T12:00",
        "recurrence": None,
        "area": "leadership",
        "uk": {
            "title": "Заняття «Права людини в діяльності поліції»",
            "intro": (
                "Адвокатка Юлія Лісова провела для місцевих поліцейських заняття курсу "
                "«Поліцейська академія»."
            ),
            "location": "Зала засідань Татарбунарського відділення поліції",
            "body": [
                (
                    "paragraph",
                    "<p>13 грудня 2018 року поліцейські Татарбунарського відділення говорили з "
                    "адвокаткою Юлією Лісовою про те, як дотримуватися прав людини в щоденній "
                    "службі.</p>",
                ),
                (
                    "paragraph",
                    "<p>«Поліцейська академія» — перший курс такого роду для місцевої поліції: 10 "
                    "занять, загалом 20 годин. Окрім прав людини, фахові тренери розбирають із "
                    "поліцейськими протидію домашньому насильству й дискримінації, комунікацію, "
                    "взаємодію з громадою та роботу з вразливими групами.</p>",
                ),
            ],
        },
    },
    {
        "key": "retro-car-festival-2019",
        "start": "2019-10-27T10:00",
        "end": "2019-10-27T12:00",
        "recurrence": None,
        "area": "advocacy",
        "uk": {
            "title": "Перший фестиваль ретроавтомобілів",
            "intro": (
                "У День автомобіліста Татарбунари вперше приймали фестиваль ретроавто, "
                "присвячений безпеці на дорогах."
            ),
            "location": "Центральна площа Татарбунар",
            "body": [
                (
                    "paragraph",
                    "<p>Фестиваль 27 жовтня 2019 року задумав офіс, а підтримали міська рада, "
                    "поліцейські й рятувальники. Відбувся парад 11 ретроавтомобілів, а на "
                    "центральній площі мешканці роздивлялися спецтехніку поліції та ДСНС і "
                    "розмовляли з правоохоронцями.</p>",
                ),
                ("figures", [{"value": "11", "label": "ретроавтомобілів у параді"}]),
                (
                    "paragraph",
                    "<p>Свято вирішили проводити щороку; для цього створили організаційний "
                    "комітет.</p>",
                ),
            ],
        },
        "en": {
            "title": "The first retro-car festival",
            "intro": (
                "On Motorist Day Tatarbunary held its first retro-car festival, dedicated to road "
                "safety."
            ),
            "location": "Central square, Tatarbunary",
            "body": [
                (
                    "paragraph",
                    "<p>The festival on 27 October 2019 was the office’s idea, backed by the city "
                    "council, the police and rescuers. Eleven retro cars took part in a parade, "
                    "and on the central square residents looked over the special vehicles of the "
                    "police and the State Emergency Service and talked to officers.</p>",
                ),
                ("figures", [{"value": "11", "label": "retro cars in the parade"}]),
                (
                    "paragraph",
                    "<p>The festival is to be held every year, and an organising committee has "
                    "been set up for it.</p>",
                ),
            ],
        },
    },
    {
        "key": "cctv-situational-centre-presentation",
        "start": "2019-11-07T10:00",
        "end": "2019-11-07T12:00",
        "recurrence": None,
        "area": "cctv",
        "uk": {
            "title": "Презентація ситуаційного центру відеоспостереження",
            "intro": (
                "Офіс разом із міською радою, відділенням поліції та партнерами показав громаді "
                "ситуаційний центр, що працює на його базі."
            ),
            "location": "Ситуаційний центр у приміщенні Координаційного офісу безпеки, Татарбунари",
            "body": [
                (
                    "paragraph",
                    "<p>7 листопада 2019 року відвідувачі побачили, як на два монітори центру "
                    "надходить зображення з 12 міських камер. Почесними гостями стали Енн "
                    "Педерсен, радниця й тренерка Консультативної місії ЄС з питань взаємодії "
                    "поліції та громади, і Роман Андрушко, фахівець місії з тренінгів.</p>",
                ),
                (
                    "figures",
                    [
                        {"value": "12", "label": "міських камер"},
                        {"value": "2", "label": "монітори"},
                    ],
                ),
                (
                    "paragraph",
                    "<p>Центр у тестовому режимі працює з жовтня 2019 року; за графіком у ньому "
                    "чергують волонтери офісу — ветерани органів внутрішніх справ.</p>",
                ),
            ],
        },
        "en": {
            "title": "Presentation of the CCTV situational centre",
            "intro": (
                "Together with the city council, the police station and partners, the office "
                "showed the community the situational centre it houses."
            ),
            "location": "Situational centre at the Safety Coordination Office, Tatarbunary",
            "body": [
                (
                    "paragraph",
                    "<p>On 7 November 2019 visitors saw images from 12 city cameras arriving on "
                    "the centre’s two monitors. The guests of honour were Anne Pedersen, an "
                    "adviser and trainer on police–community relations with the EU Advisory "
                    "Mission, and Roman Andrushko, the mission’s training specialist.</p>",
                ),
                (
                    "figures",
                    [{"value": "12", "label": "city cameras"}, {"value": "2", "label": "monitors"}],
                ),
                (
                    "paragraph",
                    "<p>The centre has been running in test mode since October 2019, with office "
                    "volunteers, veterans of the internal affairs bodies, on duty there to a "
                    "rota.</p>",
                ),
            ],
        },
    },
]
