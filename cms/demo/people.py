"""Demo people and the team page: the people named in the office's 2017–2019 report, restated
from the report in our own words.

Only names and roles the report gives are used. English names follow the national
transliteration (Cabinet of Ministers resolution No. 55 of 2010). The report describes the
council of veteran mentors but names none of its five members, so there is no "mentors" group
in PEOPLE; the council is described in TEAM instead.
"""

PEOPLE = [
    {
        "key": "leonid-semenenko",
        "group": "leadership",
        "order": 1,
        "uk": {
            "name": "Леонід Семененко",
            "role": "Керівник Координаційного офісу безпеки",
            "bio": (
                "Прийшов до системи МВС 1974 року інспектором дитячої кімнати міліції, дослужився "
                "до заступника начальника районного відділу й 1998 року вийшов у відставку "
                "підполковником. До 2015 року керував районним управлінням юстиції, а тепер як "
                "громадський активіст представляє Одеську обласну організацію Комітету виборців "
                "України й входить до консультативно-дорадчої ради при міськвиконкомі."
            ),
        },
        "en": {
            "name": "Leonid Semenenko",
            "role": "Head of the Safety Coordination Office",
            "bio": (
                "He joined the internal affairs system in 1974 as an inspector in a juvenile "
                "militia unit, rose to deputy head of the district department and retired in 1998 "
                "as a lieutenant colonel. He then ran the district justice department until 2015; "
                "today he is a civic activist, represents the Odesa regional branch of the "
                "Committee of Voters of Ukraine and sits on the city’s consultative and advisory "
                "council."
            ),
        },
    },
    {
        "key": "ihor-brynosh",
        "group": "leadership",
        "order": 2,
        "uk": {
            "name": "Ігор Бринош",
            "role": (
                "Координатор офісу; заступник голови Одеської обласної організації Комітету "
                "виборців України"
            ),
            "bio": (
                "Організація, яку він представляє, заснувала офіс і підтримує його як експертно, "
                "так і організаційно. Бринош виступає за те, щоб крок за кроком передати офіс "
                "громаді, а згодом створити на його основі Офіс місцевого шерифа."
            ),
        },
        "en": {
            "name": "Ihor Brynosh",
            "role": (
                "Office coordinator; deputy head of the Odesa regional branch of the Committee of "
                "Voters of Ukraine"
            ),
            "bio": (
                "The organisation he represents set up the office and backs it with expertise and "
                "organisational help. He wants the office handed over to the community step by "
                "step and, in time, turned into a Local Sheriff’s Office."
            ),
        },
    },
    {
        "key": "viktor-yaremenko",
        "group": "council",
        "order": 1,
        "uk": {
            "name": "Віктор Яременко",
            "role": "Представник офісу в консультативно-дорадчій раді при міськвиконкомі",
            "bio": (
                "Разом із Леонідом Семененком представляє Координаційний офіс безпеки в раді з "
                "дев’яти осіб, яку виконком Татарбунарської міської ради утворив рішенням № 131 "
                "від 30 серпня 2019 року."
            ),
        },
        "en": {
            "name": "Viktor Yaremenko",
            "role": "The office’s representative on the city’s consultative and advisory council",
            "bio": (
                "With Leonid Semenenko he represents the Safety Coordination Office on the "
                "nine-member council that Tatarbunary City Council’s executive committee set up "
                "by decision No. 131 of 30 August 2019."
            ),
        },
    },
    {
        "key": "ivan-shevchenko",
        "group": "partners",
        "order": 1,
        "uk": {
            "name": "Іван Шевченко",
            "role": "Дільничний офіцер поліції",
            "bio": (
                "Герой ініціативи «День з дільничним»: 11 грудня 2019 року представниця офісу "
                "ходила з ним увесь робочий день. За той день він поговорив із понад п’ятдесятьма "
                "мешканцями й пройшов пішки до 35 км."
            ),
        },
        "en": {
            "name": "Ivan Shevchenko",
            "role": "District police officer",
            "bio": (
                "The officer at the centre of ‘A day with the district police officer’: on 11 "
                "December 2019 a representative of the office followed him for a whole working "
                "day. That day he talked to more than fifty residents and walked up to 35 km."
            ),
        },
    },
    {
        "key": "yefrosyniia-mukiienko",
        "group": "partners",
        "order": 2,
        "uk": {
            "name": "Єфросинія Мукієнко",
            "role": "Журналістка, представниця офісу, координаторка «Татарбунарських амазонок»",
            "bio": (
                "Координує школу самооборони для жінок і дівчат і сама в ній тренується. У грудні "
                "2019 року провела цілий робочий день поруч із дільничним Іваном Шевченком — з "
                "цього досвіду вийшла публікація «Життя на ногах»."
            ),
        },
        "en": {
            "name": "Yefrosyniia Mukiienko",
            "role": "Journalist, office representative, coordinator of ‘Tatarbunarski Amazonky’",
            "bio": (
                "She coordinates the self-defence school for women and girls and trains there "
                "herself. In December 2019 she spent a full working day alongside district "
                "officer Ivan Shevchenko, an experience that became the article ‘Living on foot’."
            ),
        },
    },
    {
        "key": "vadym-korolenko",
        "group": "partners",
        "order": 3,
        "uk": {
            "name": "Вадим Короленко",
            "role": "Тренер спортивного клубу «Skif»",
            "bio": (
                "Під його керівництвом учасниці «Татарбунарських амазонок» упродовж першого "
                "місяця програми опановували загальну фізичну підготовку й основи самозахисту."
            ),
        },
        "en": {
            "name": "Vadym Korolenko",
            "role": "Coach at the ‘Skif’ sports club",
            "bio": (
                "In the programme’s first month he led the ‘Tatarbunarski Amazonky’ participants "
                "through general fitness training and the basics of self-defence."
            ),
        },
    },
    {
        "key": "yuliia-lisova",
        "group": "partners",
        "order": 4,
        "uk": {
            "name": "Юлія Лісова",
            "role": "Адвокатка, тренерка курсу «Поліцейська академія»",
            "bio": (
                "13 грудня 2018 року провела для працівників Татарбунарського відділення поліції "
                "заняття про права людини в поліцейській роботі."
            ),
        },
        "en": {
            "name": "Yuliia Lisova",
            "role": "Attorney; trainer on the ‘Police Academy’ course",
            "bio": (
                "On 13 December 2018 she gave officers of the Tatarbunary police station a class "
                "on human rights in police work."
            ),
        },
    },
    {
        "key": "ivan-trykolich",
        "group": "partners",
        "order": 5,
        "uk": {
            "name": "Іван Триколіч",
            "role": "Начальник Татарбунарського відділення поліції (2018)",
            "bio": (
                "Наголошував, що спільні з офісом розмови з мешканцями на вулицях допомагають "
                "поліції водночас здобувати довіру людей і запобігати правопорушенням."
            ),
        },
        "en": {
            "name": "Ivan Trykolich",
            "role": "Head of the Tatarbunary police station (2018)",
            "bio": (
                "He stressed that the street conversations with residents held jointly with the "
                "office help the police both to win people’s trust and to prevent offences."
            ),
        },
    },
    {
        "key": "oleksandr-kovpak",
        "group": "partners",
        "order": 6,
        "uk": {
            "name": "Олександр Ковпак",
            "role": "Адвокат, колишній начальник кримінальної міліції райвідділу",
            "bio": (
                "Переконаний, що рада ветеранів-наставників робить співпрацю поліції з громадою "
                "дієвішою, а заразом покращує репутацію поліції та додає їй довіри мешканців."
            ),
        },
        "en": {
            "name": "Oleksandr Kovpak",
            "role": "Attorney; former head of the district department’s criminal police",
            "bio": (
                "He believes the council of veteran mentors makes police work with the community "
                "more effective while also improving the police’s reputation and residents’ trust "
                "in it."
            ),
        },
    },
]

TEAM = {
    "uk": {
        "title": "Команда",
        "intro": (
            "Люди, завдяки яким працює офіс: його керівник і координатор, представники в "
            "консультативно-дорадчій раді, а також поліцейські, тренери й журналісти, з якими "
            "офіс утілює свої ініціативи."
        ),
        "council_text": (
            "<p>30 серпня 2019 року виконавчий комітет Татарбунарської міської ради ухвалив "
            "рішення № 131 і утворив при собі консультативно-дорадчу раду з назвою "
            "«Координаційний офіс безпеки». До неї ввійшли дев’ять осіб, зокрема двоє "
            "представників офісу — Леонід Семененко та Віктор Яременко. Так офіс уперше отримав "
            "документальне оформлення; це перший крок до того, щоб відповідальність за нього "
            "поступово перебрала місцева влада.</p>"
        ),
        "mentors_text": (
            "<p>На початку 2018 року при офісі почала діяти рада ветеранів-наставників, до якої "
            "ввійшли п’ятеро колишніх працівників органів внутрішніх справ. Без жодної оплати "
            "вони наставляють поліцейських, виходять із ними на спільні патрулювання, допомагають "
            "проводити навчальні й просвітницькі заходи. Раду створили, коли стало очевидно, що "
            "досвід ветеранів, які живуть у громаді, ніхто не використовує. Волонтери офісу з "
            "числа ветеранів також чергують за графіком у ситуаційному центрі "
            "відеоспостереження.</p>"
        ),
    },
    "en": {
        "title": "Team",
        "intro": (
            "The people who make the office work: its head and coordinator, its representatives "
            "on the consultative and advisory council, and the police officers, trainers and "
            "journalists with whom it carries out its initiatives."
        ),
        "council_text": (
            "<p>By decision No. 131 of 30 August 2019, Tatarbunary City Council’s executive "
            "committee created a consultative and advisory council attached to it and named "
            "‘Safety Coordination Office’. Its nine members include two of the office’s "
            "representatives, Leonid Semenenko and Viktor Yaremenko. This gave the office a "
            "formal footing for the first time, and is the first step towards the local "
            "authorities gradually taking responsibility for it.</p>"
        ),
        "mentors_text": (
            "<p>Early in 2018 a council of veteran mentors began work at the office, made up of "
            "five former officers of the internal affairs bodies. Unpaid, they mentor police "
            "officers, go out with them on joint patrols and help run training and "
            "awareness-raising events. The council was set up once it became clear that nobody "
            "was drawing on the experience of the veterans living in the community. Office "
            "volunteers who are veterans also take turns on duty at the CCTV situational "
            "centre.</p>"
        ),
    },
}
