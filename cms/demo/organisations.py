"""Demo organisations: the Memorandum signatories named in the office's 2017–2019 report, and the
Memorandum itself, restated from the report in our own words.

The report says the Memorandum had 16 state and non-state signatories when the office was set up
in early 2017 and 20 by the end of 2018, but it names only eight of them and does not say which
four joined later. All eight therefore carry the same signing date, 2017-02-01: the report gives
only "early 2017", so the day is the demo's assumption. MEMORANDUM_TOTALS records the two totals.
No signatory's website is given in the report, so every "website" is empty.
"""

ORGANISATIONS = [
    {
        "key": "tatarbunary-district-council",
        "kind": "local",
        "joined": "2017-02-01",  # the report says only "early 2017"
        "website": "",
        "uk": {
            "name": "Татарбунарська районна рада",
            "description": (
                "Підписала Меморандум про створення офісу й представляє серед його партнерів "
                "районний рівень місцевого самоврядування."
            ),
        },
        "en": {
            "name": "Tatarbunary District Council",
            "description": (
                "A signatory of the Memorandum establishing the office, bringing the district "
                "tier of local self-government into the partnership."
            ),
        },
    },
    {
        "key": "tatarbunary-district-state-administration",
        "kind": "state",
        "joined": "2017-02-01",  # the report says only "early 2017"
        "website": "",
        "uk": {
            "name": "Татарбунарська районна державна адміністрація",
            "description": (
                "Підписала Меморандум; завдяки їй до спільної роботи долучена місцева виконавча "
                "влада."
            ),
        },
        "en": {
            "name": "Tatarbunary District State Administration",
            "description": (
                "Signed the Memorandum, bringing local state executive authority into the joint "
                "work."
            ),
        },
    },
    {
        "key": "tatarbunary-city-council",
        "kind": "local",
        "joined": "2017-02-01",  # the report says only "early 2017"
        "website": "",
        "uk": {
            "name": "Татарбунарська міська рада",
            "description": (
                "Надала офісові приміщення в центрі міста, а її виконавчий комітет 30 серпня 2019 "
                "року утворив консультативно-дорадчу раду «Координаційний офіс безпеки»."
            ),
        },
        "en": {
            "name": "Tatarbunary City Council",
            "description": (
                "Gave the office its premises in the town centre; on 30 August 2019 its executive "
                "committee set up the ‘Safety Coordination Office’ advisory council."
            ),
        },
    },
    {
        "key": "tatarbunary-police-station",
        "kind": "police",
        "joined": "2017-02-01",  # the report says only "early 2017"
        "website": "",
        "uk": {
            "name": "Татарбунарське відділення поліції",
            "description": (
                "Дільничні офіцери відділення приймають мешканців в офісі й приходять на «Каву з "
                "поліцейським», а його працівники пройшли курс «Поліцейська академія»."
            ),
        },
        "en": {
            "name": "Tatarbunary Police Station",
            "description": (
                "The station’s district officers see residents at the office and join ‘Coffee "
                "with a police officer’, and its staff took the ‘Police Academy’ course."
            ),
        },
    },
    {
        "key": "state-emergency-service-department",
        "kind": "emergency",
        "joined": "2017-02-01",  # the report says only "early 2017"
        "website": "",
        "uk": {
            "name": "Відділ Державної служби України з надзвичайних ситуацій",
            "description": (
                "Рятувальники разом з офісом пояснюють дітям і відпочивальникам, як безпечно "
                "провести літо, а на фестивалі ретроавтомобілів показували мешканцям спецтехніку."
            ),
        },
        "en": {
            "name": "State Emergency Service of Ukraine department",
            "description": (
                "Its rescuers help the office teach children and holidaymakers to stay safe in "
                "summer, and showed their special vehicles at the retro-car festival."
            ),
        },
    },
    {
        "key": "state-migration-service-sector",
        "kind": "state",
        "joined": "2017-02-01",  # the report says only "early 2017"
        "website": "",
        "uk": {
            "name": "Районний сектор Державної міграційної служби України",
            "description": "Районний підрозділ міграційної служби, що підписав Меморандум.",
        },
        "en": {
            "name": "District sector of the State Migration Service of Ukraine",
            "description": "The migration service’s district unit, a signatory of the Memorandum.",
        },
    },
    {
        "key": "probation-department",
        "kind": "state",
        "joined": "2017-02-01",  # the report says only "early 2017"
        "website": "",
        "uk": {
            "name": "Відділ пробації",
            "description": (
                "Підписант Меморандуму; в офісі проводять профілактичні зустрічі з людьми, які "
                "перебувають на пробації."
            ),
        },
        "en": {
            "name": "Probation department",
            "description": (
                "A signatory of the Memorandum; the office hosts preventive meetings with people "
                "on probation."
            ),
        },
    },
    {
        "key": "legal-aid-bureau",
        "kind": "state",
        "joined": "2017-02-01",  # the report says only "early 2017"
        "website": "",
        "uk": {
            "name": "Бюро правової допомоги",
            "description": (
                "Установа, що надає правову допомогу й входить до кола підписантів Меморандуму."
            ),
        },
        "en": {
            "name": "Legal aid bureau",
            "description": "The legal aid office, one of the signatories of the Memorandum.",
        },
    },
]

MEMORANDUM_TOTALS = [
    {
        "date": "2017-02-01",
        "count": 16,
        "uk": "під час підписання, на початку 2017 року",
        "en": "at signing, early 2017",
    },
    {
        "date": "2018-12-31",
        "count": 20,
        "uk": "станом на кінець 2018 року",
        "en": "end of 2018",
    },
]

MEMORANDUM = {
    "uk": {
        "title": "Меморандум",
        "intro": (
            "Документ, у якому партнери домовилися, навіщо існує Координаційний офіс безпеки, що "
            "він робить і як працює."
        ),
        "body": [
            (
                "paragraph",
                "<p>Меморандум про створення Координаційного офісу безпеки закріплює мету офісу, "
                "його завдання та формат роботи. Коли на початку 2017 року офіс тільки з’явився, "
                "документ підписали 16 державних і недержавних організацій; до кінця 2018 року "
                "коло підписантів розширилося до 20.</p>",
            ),
            (
                "figures",
                [
                    {"value": "16", "label": "підписантів на початку 2017 року"},
                    {"value": "20", "label": "підписантів на кінець 2018 року"},
                ],
            ),
            (
                "paragraph",
                "<p>Офіс виходить із широкого розуміння безпеки. Ідеться не лише про правопорядок "
                "і боротьбу зі злочинами, а й про рух на дорогах, здоров’я людей, стан довкілля, "
                "надійну інфраструктуру — про все, від чого залежить, чи почуваються мешканці "
                "захищеними.</p>",
            ),
            (
                "paragraph",
                "<p>Не менш важливий для офісу принцип — спільна відповідальність: за безпеку "
                "громади відповідає не тільки поліція, а й інші державні органи, органи місцевого "
                "самоврядування та самі жителі. Офіс як неформальний інформаційно-координаційний "
                "хаб допомагає їм обмінюватися відомостями й діяти узгоджено.</p>",
            ),
        ],
    },
    "en": {
        "title": "Memorandum",
        "intro": (
            "The document in which the partners agreed why the Safety Coordination Office exists, "
            "what it does and how it works."
        ),
        "body": [
            (
                "paragraph",
                "<p>The Memorandum establishing the Safety Coordination Office lays down the "
                "office’s aim, its tasks and the way it operates. When the office first opened in "
                "early 2017, 16 state and non-state organisations put their names to it; by the "
                "end of 2018 the number of signatories had grown to 20.</p>",
            ),
            (
                "figures",
                [
                    {"value": "16", "label": "signatories in early 2017"},
                    {"value": "20", "label": "signatories at the end of 2018"},
                ],
            ),
            (
                "paragraph",
                "<p>The office takes a broad view of safety. It is not only about law and order "
                "and fighting crime, but also about traffic on the roads, people’s health, the "
                "state of the environment and sound infrastructure: everything that decides "
                "whether residents feel protected.</p>",
            ),
            (
                "paragraph",
                "<p>Just as important to the office is the principle of shared responsibility: "
                "the police are not alone in answering for the community’s safety, which is also "
                "a matter for other state bodies, local government and residents themselves. As "
                "an informal hub for information and coordination, the office helps them share "
                "what they know and act in step.</p>",
            ),
        ],
    },
}
