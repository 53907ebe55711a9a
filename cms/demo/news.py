"""Demo news and priority areas, restated in our own words from the office's 2017–2019 report.

Three news items deliberately have no English version, so that the demo exercises the
untranslated path (a Ukrainian page with no English counterpart): "district-officer-reception",
"easter-street-meetings-2019" and "summer-camp-zorka-2019". They are small local notices of
interest mainly to residents; each is marked with a comment below.
"""

AREAS = [
    {
        "key": "space",
        "uk": {
            "title": "Простір для активностей",
            "intro": (
                "Приміщення офісу в центрі Татарбунар стало нейтральним місцем, куди мешканці "
                "приходять до дільничного, на неформальні зустрічі та навчальні заходи."
            ),
            "activities": [
                "Дільничний офіцер поліції приймає мешканців в офісі",
                "Неформальні зустрічі «Кава з поліцейським»",
                "Профілактичні розмови з особами, які перебувають на пробації",
                "Навчальні й просвітницькі заходи для жителів громади",
                "Зустрічі з медиками у форматі «Кава з лікарем»",
            ],
            "body": [
                (
                    "paragraph",
                    "<p>Приміщення з окремим входом просто з вулиці офісові надала міська рада. "
                    "Воно розташоване в самому центрі: звідси недалеко пішки до органів влади, "
                    "ринку й автостанції. Великий світловий короб біля входу не дає пройти повз і "
                    "повідомляє, що тут працюють над безпекою громади. Та головне — мешканці "
                    "довіряють цьому місцю.</p>",
                ),
                (
                    "paragraph",
                    "<p>Від червня 2018 року двічі на тиждень тут разом із керівником офісу "
                    "приймає людей дільничний офіцер поліції. Мешканці отримують поради з питань "
                    "безпеки та допомогу в конкретних справах, а заодно мають нагоду "
                    "поспілкуватися з поліцією без зайвих формальностей.</p>",
                ),
                (
                    "paragraph",
                    "<p>За 2018–2019 роки в офісі відбулося 16 зустрічей «Кава з поліцейським». "
                    "Вони дали поштовх кільком ініціативам — зокрема, домовленості про ромського "
                    "радника міського голови та школі самооборони для жінок і дівчат. Восени 2019 "
                    "року до розмов із громадою долучилися й медики: так з’явився формат «Кава з "
                    "лікарем».</p>",
                ),
            ],
        },
        "en": {
            "title": "A space for activities",
            "intro": (
                "The office’s premises in the centre of Tatarbunary have become neutral ground "
                "where residents come to see their district police officer, to talk informally "
                "and to take part in learning events."
            ),
            "activities": [
                "The district police officer sees residents at the office",
                "Informal ‘Coffee with a police officer’ meetings",
                "Preventive conversations with people on probation",
                "Learning and awareness events for local residents",
                "‘Coffee with a doctor’ meetings with medical staff",
            ],
            "body": [
                (
                    "paragraph",
                    "<p>The city council gave the office premises with their own entrance "
                    "straight from the street. They are right in the centre, within easy walking "
                    "distance of the local authorities, the market and the bus station. A large "
                    "illuminated sign by the door makes it impossible to walk past without "
                    "noticing that this is where people work on community safety. Most "
                    "importantly, residents trust the place.</p>",
                ),
                (
                    "paragraph",
                    "<p>Since June 2018 a district police officer, together with the head of the "
                    "office, has seen residents here twice a week. People get advice on safety "
                    "and help with specific problems, and they also get a chance to talk to the "
                    "police without unnecessary formality.</p>",
                ),
                (
                    "paragraph",
                    "<p>In 2018–2019 the office hosted 16 ‘Coffee with a police officer’ "
                    "meetings. They set off several initiatives, among them the agreement on a "
                    "Roma adviser to the mayor and the self-defence school for women and girls. "
                    "In the autumn of 2019 medical staff joined the conversation with residents "
                    "too, and ‘Coffee with a doctor’ was born.</p>",
                ),
            ],
        },
    },
    {
        "key": "coordination",
        "uk": {
            "title": "Координація безпекових ініціатив",
            "intro": (
                "Офіс підтримує зв’язок між усіма, хто в громаді відповідає за безпеку, і "
                "допомагає їм діяти разом — від прес-конференцій до літніх кампаній для дітей."
            ),
            "activities": [
                "Горизонтальні зв’язки з усіма організаціями, що опікуються безпекою",
                "Регулярні спільні прес-конференції про безпечне середовище",
                "Правова просвіта молоді з питань безпеки",
                "Безпечний відпочинок дітей під час канікул",
                "Робота з ромською громадою та іншими вразливими групами",
                "Масові заходи на підтримку безпеки дорожнього руху",
            ],
            "body": [
                (
                    "paragraph",
                    "<p>22 серпня 2017 року офіс зібрав у міській раді першу для регіону спільну "
                    "прес-конференцію про безпечне середовище; відтоді такі зустрічі з пресою "
                    "відбуваються двічі на рік. Того ж року 1 156 учнів відвідали 50 занять "
                    "правового факультативу, присвяченого безпеці.</p>",
                ),
                (
                    "paragraph",
                    "<p>З ініціативи офісу кожен дільничний офіцер отримав іменну візитівку з "
                    "особистими контактами, а мешканцям підготували буклет «Твій дільничний». "
                    "Поліцейські разом із представниками офісу регулярно говорять з людьми просто "
                    "на вулиці: обходять квартири й приватні будинки, приходять на автостанцію та "
                    "до магазинів.</p>",
                ),
                (
                    "paragraph",
                    "<p>Через усю роботу офісу проходить одна думка: безпечна громада має "
                    "враховувати потреби вразливих груп і нікого не залишати осторонь. Тому офіс "
                    "працює з ромською громадою, а наприкінці листопада 2019 року започаткував "
                    "безкоштовну школу самооборони для жінок і дівчат «Татарбунарські "
                    "амазонки».</p>",
                ),
            ],
        },
        "en": {
            "title": "Coordinating safety initiatives",
            "intro": (
                "The office keeps everyone responsible for safety in the community in touch with "
                "one another and helps them act together, from press conferences to summer "
                "campaigns for children."
            ),
            "activities": [
                "Horizontal links with every organisation that deals with safety",
                "Regular joint press conferences on a safe environment",
                "Legal education for young people on safety",
                "Safe holidays for children during the school break",
                "Work with the Roma community and other vulnerable groups",
                "Public events in support of road safety",
            ],
            "body": [
                (
                    "paragraph",
                    "<p>On 22 August 2017 the office held the region’s first joint press "
                    "conference on a safe environment at the city council; since then such "
                    "meetings with the press have taken place twice a year. In the same year "
                    "1,156 students attended 50 lessons of an elective law course devoted to "
                    "safety.</p>",
                ),
                (
                    "paragraph",
                    "<p>At the office’s suggestion every district police officer received a "
                    "personal business card with direct contact details, and a booklet called "
                    "‘Your district police officer’ was produced for residents. Police officers "
                    "and office staff regularly talk to people in the street: they go from flat "
                    "to flat and house to house, and visit the bus station and the shops.</p>",
                ),
                (
                    "paragraph",
                    "<p>One idea runs through all of the office’s work: a safe community must "
                    "take the needs of vulnerable groups into account and leave no one out. That "
                    "is why the office works with the Roma community, and why at the end of "
                    "November 2019 it launched ‘Tatarbunarski Amazonky’, a free self-defence "
                    "school for women and girls.</p>",
                ),
            ],
        },
    },
    {
        "key": "analytics",
        "uk": {
            "title": "Інформаційно-аналітичний центр",
            "intro": (
                "Офіс збирає й аналізує відомості про безпеку в громаді, щоб рішення ухвалювали "
                "на підставі фактів, а не здогадок."
            ),
            "activities": [
                "Локальний аналіз безпекової ситуації в громаді",
                "Розроблення та застосування «безпекового паспорта громади»",
                "Вивчення конфліктів і миротворчий підхід до їх розв’язання",
                "Експертна підтримка ОТГ, які створюють власні центри безпеки",
                "Підготовка місцевих безпекових програм і стратегій",
            ],
            "body": [
                (
                    "paragraph",
                    "<p>До 2017 року ніхто не вивчав, чого потребують мешканці Татарбунарського "
                    "району, щоб почуватися в безпеці, і їхньої думки ніхто не питав. Офіс першим "
                    "провів такий аналіз. Найбільше на безпеку, за його результатами, впливають "
                    "неосвітлені вулиці, небезпека на дорогах і вуличні крадіжки.</p>",
                ),
                (
                    "paragraph",
                    "<p>У 2018 році на прикладі Татарбунар була розроблена модельна методика "
                    "«безпекового паспорта громади». Цей інструмент охоплює весь спектр "
                    "безпекових проблем і водночас оцінює, на що здатні місцеві органи та "
                    "організації. Згодом підхід застосували в ОТГ Рівненської області, у "
                    "Кам’янці-Подільському та інших громадах.</p>",
                ),
                (
                    "paragraph",
                    "<p>Висновки паспорта вже перетворилися на конкретні кроки: ініціативу "
                    "встановити світлофор і безпечні зупинки, раду ветеранів-наставників, "
                    "адвокацію станцій туристичної поліції та рятувальних пунктів на курортах, а "
                    "також робочу групу, яка готує стратегію безпечної громади й нову безпекову "
                    "програму.</p>",
                ),
            ],
        },
        "en": {
            "title": "Information and analysis centre",
            "intro": (
                "The office gathers and analyses information about safety in the community, so "
                "that decisions rest on facts rather than guesswork."
            ),
            "activities": [
                "Local analysis of the community’s safety situation",
                "Developing and applying the ‘community safety passport’",
                "Studying conflicts and a peace-building approach to resolving them",
                "Expert support for amalgamated communities setting up their own safety centres",
                "Drafting local safety programmes and strategies",
            ],
            "body": [
                (
                    "paragraph",
                    "<p>Before 2017 no one had studied what residents of Tatarbunary district "
                    "needed in order to feel safe, and no one had asked for their views. The "
                    "office was the first to carry out such an analysis. According to its "
                    "findings, the things that affect safety most are unlit streets, danger on "
                    "the roads and street theft.</p>",
                ),
                (
                    "paragraph",
                    "<p>In 2018 a model methodology for a ‘community safety passport’ was "
                    "developed, using Tatarbunary as the example. The tool covers the whole range "
                    "of safety problems and at the same time assesses what local bodies and "
                    "organisations are capable of. The approach was later taken up by an "
                    "amalgamated community in Rivne oblast, by Kamianets-Podilskyi and by other "
                    "communities.</p>",
                ),
                (
                    "paragraph",
                    "<p>The passport’s findings have already turned into concrete steps: a push "
                    "for a set of traffic lights and safe bus stops, a council of veteran "
                    "mentors, advocacy for tourist police stations and rescue posts at the "
                    "resorts, and a working group preparing a safe-community strategy and a new "
                    "safety programme.</p>",
                ),
            ],
        },
    },
    {
        "key": "advocacy",
        "uk": {
            "title": "Адвокація безпекових ініціатив",
            "intro": (
                "Офіс обстоює рішення, які роблять громаду безпечнішою, і показує роботу поліції "
                "зблизька, щоб мешканці більше їй довіряли."
            ),
            "activities": [
                "Рішення для безпечнішого дорожнього руху",
                "Туристична поліція на курортах",
                "Більше довіри до поліції",
                "Ухвалення місцевих безпекових програм",
                "Запровадження муніципальної поліції",
            ],
            "body": [
                (
                    "paragraph",
                    "<p>Улітку 2019 року офіс разом із поліцією та рятувальниками перевіряв, "
                    "наскільки безпечно відпочивати на курортах району. З’ясувалося, що "
                    "приміщення для станцій туристичної поліції стоять порожні, без меблів і "
                    "техніки, а на в’їздах до курортів немає камер відеоспостереження.</p>",
                ),
                (
                    "paragraph",
                    "<p>27 жовтня 2019 року, у День автомобіліста, у Татарбунарах уперше пройшов "
                    "фестиваль ретроавтомобілів, присвячений безпеці на дорогах. Його вирішили "
                    "проводити щороку.</p>",
                ),
                (
                    "paragraph",
                    "<p>Щоб мешканці краще розуміли, як працює поліція, офіс організовує спільні "
                    "патрулювання та інші заходи поліцейських із журналістами й активістами. Одна "
                    "з таких ініціатив — «День з дільничним».</p>",
                ),
            ],
        },
        "en": {
            "title": "Advocacy for safety initiatives",
            "intro": (
                "The office champions decisions that make the community safer and shows police "
                "work up close, so that residents come to trust the police more."
            ),
            "activities": [
                "Measures for safer road traffic",
                "Tourist police at the resorts",
                "Greater trust in the police",
                "Adoption of local safety programmes",
                "Introduction of a municipal police",
            ],
            "body": [
                (
                    "paragraph",
                    "<p>In the summer of 2019 the office, together with the police and rescuers, "
                    "checked how safe it is to holiday at the district’s resorts. It turned out "
                    "that the rooms set aside for tourist police stations stand empty, without "
                    "furniture or equipment, and that there are no CCTV cameras at the roads into "
                    "the resorts.</p>",
                ),
                (
                    "paragraph",
                    "<p>On 27 October 2019, Motorist Day, Tatarbunary held its first retro-car "
                    "festival, dedicated to road safety. It was decided to make it a yearly "
                    "event.</p>",
                ),
                (
                    "paragraph",
                    "<p>To help residents understand how the police work, the office organises "
                    "joint patrols and other activities that bring police officers together with "
                    "journalists and activists. One such initiative is ‘A day with the district "
                    "police officer’.</p>",
                ),
            ],
        },
    },
    {
        "key": "leadership",
        "uk": {
            "title": "Лідерство та людський потенціал",
            "intro": (
                "Офіс навчає поліцейських, посадовців і активістів та залучає досвід людей, які "
                "вже багато років працюють для громади."
            ),
            "activities": [
                "Навчальний курс «Поліцейська академія» для місцевої поліції",
                "Навчання місцевих посадовців і депутатів з питань безпеки",
                "Підтримка громадських активістів, які розбудовують безпечну громаду",
                "Участь експертів офісу в міжвідомчих групах та ініціативах",
            ],
            "body": [
                (
                    "paragraph",
                    "<p>Успіх офісу значною мірою тримається на його керівникові Леонідові "
                    "Семененку, якого в громаді знають і поважають. Він прийшов у систему МВС "
                    "1974 року, почавши інспектором дитячої кімнати міліції, і дослужився до "
                    "заступника начальника районного відділу; 1998 року вийшов у відставку "
                    "підполковником. До 2015 року очолював районне управління юстиції, потім став "
                    "громадським активістом і представником Одеської обласної організації "
                    "Комітету виборців України.</p>",
                ),
                (
                    "quote",
                    {
                        "text": (
                            "Коли я працював у правоохоронних органах, то завжди спирався на "
                            "співпрацю з людьми й був поруч із ними, тож і сьогодні мені нема "
                            "чого соромитися. Громадська робота відкрила мені нові можливості "
                            "змінювати життя на краще, і я роблю все, що можу, аби в Татарбунарах "
                            "жилося безпечно й затишно."
                        ),
                        "attribution": "Леонід Семененко, керівник Координаційного офісу безпеки",
                    },
                ),
                (
                    "paragraph",
                    "<p>На початку 2018 року при офісі з’явилася рада ветеранів-наставників, а "
                    "згодом того ж року місцеві поліцейські вперше пройшли навчальний курс "
                    "«Поліцейська академія».</p>",
                ),
            ],
        },
        "en": {
            "title": "Leadership and human potential",
            "intro": (
                "The office trains police officers, officials and activists, and draws on the "
                "experience of people who have served the community for many years."
            ),
            "activities": [
                "The ‘Police Academy’ training course for the local police",
                "Safety training for local officials and councillors",
                "Support for civic activists building a safe community",
                "The office’s experts taking part in inter-agency groups and initiatives",
            ],
            "body": [
                (
                    "paragraph",
                    "<p>Much of the office’s success rests on its head, Leonid Semenenko, who is "
                    "known and respected in the community. He joined the internal affairs system "
                    "in 1974, starting as an inspector in a juvenile unit of the militia and "
                    "rising to deputy head of the district department; he retired in 1998 as a "
                    "lieutenant colonel. Until 2015 he headed the district justice department; he "
                    "then became a civic activist and a representative of the Odesa regional "
                    "branch of the Committee of Voters of Ukraine.</p>",
                ),
                (
                    "quote",
                    {
                        "text": (
                            "When I worked in law enforcement, I always relied on cooperation "
                            "with people and stayed close to them, so even today I have nothing "
                            "to be ashamed of. Civic work has given me new ways to change life "
                            "for the better, and I am doing all I can to make Tatarbunary a safe "
                            "and pleasant place to live."
                        ),
                        "attribution": "Leonid Semenenko, head of the Safety Coordination Office",
                    },
                ),
                (
                    "paragraph",
                    "<p>In early 2018 a council of veteran mentors was set up at the office, and "
                    "later that year local police officers took the ‘Police Academy’ training "
                    "course, the first of its kind for them.</p>",
                ),
            ],
        },
    },
    {
        "key": "cctv",
        "uk": {
            "title": "Ситуаційний центр відеоспостереження",
            "intro": (
                "З жовтня 2019 року в офісі працює ситуаційний центр, який керує міською системою "
                "відеоспостереження та аналізує її дані."
            ),
            "activities": [
                "Розроблення, випробування та розвиток системи відеоспостереження",
                "Аналіз записів міських і комерційних камер",
                "Використання відео для розкриття правопорушень і запобігання їм",
                "Безпека під час масових заходів",
            ],
            "body": [
                (
                    "paragraph",
                    "<p>Картинка з 12 міських камер надходить на два монітори центру; тривають "
                    "переговори з місцевими підприємцями про підключення їхніх камер. Чергують у "
                    "центрі за графіком волонтери офісу — ветерани органів внутрішніх справ.</p>",
                ),
                (
                    "paragraph",
                    "<p>7 листопада 2019 року центр публічно представили разом із міською радою, "
                    "відділенням поліції та партнерами. Його задумано як пілотну модель для "
                    "невеликих громад, які не мають коштів на дороге обладнання, власних фахівців "
                    "і достатньої кількості поліцейських.</p>",
                ),
            ],
        },
        "en": {
            "title": "CCTV situational centre",
            "intro": (
                "Since October 2019 the office has housed a situational centre that manages the "
                "city’s CCTV system and analyses its data."
            ),
            "activities": [
                "Designing, testing and developing the CCTV system",
                "Analysing footage from municipal and commercial cameras",
                "Using video to solve offences and prevent them",
                "Safety at public events",
            ],
            "body": [
                (
                    "paragraph",
                    "<p>Images from 12 city cameras are shown on the centre’s two monitors, and "
                    "talks are under way with local business owners about connecting their "
                    "cameras too. Volunteers from the office, veterans of the internal affairs "
                    "bodies, take turns on duty at the centre according to a rota.</p>",
                ),
                (
                    "paragraph",
                    "<p>On 7 November 2019 the centre was presented to the public together with "
                    "the city council, the police station and partners. It is intended as a pilot "
                    "model for small communities that lack the money for expensive equipment, "
                    "their own specialists and enough police officers.</p>",
                ),
            ],
        },
    },
]

NEWS = [
    {
        "key": "safety-survey-2017",
        "date": "2017-07-10",
        "area": "analytics",
        "tags": {
            "uk": ["опитування", "аналітика", "громада"],
            "en": ["survey", "analysis", "community"],
        },
        "uk": {
            "title": "94 % мешканців підтримують координацію в питаннях безпеки",
            "intro": (
                "Опитування середини 2017 року показало: переважна більшість жителів Татарбунар і "
                "району хоче, щоб усі, хто відповідає за безпеку, діяли узгоджено."
            ),
            "body": [
                ("figures", [{"value": "94 %", "label": "опитаних за координацію та співпрацю"}]),
                (
                    "paragraph",
                    "<p>Мешканців міста й району запитали, чи потрібно органам і організаціям, "
                    "які займаються безпекою, узгоджувати свої дії та співпрацювати. Ствердно "
                    "відповіли 94 % опитаних. Для офісу це означає, що громада визнає його роботу "
                    "потрібною та підтримує її.</p>",
                ),
                (
                    "paragraph",
                    "<p>2017 рік став першим, коли в Татарбунарському районі взагалі оцінили "
                    "потреби громади в безпеці: раніше думкою людей про це не цікавилися. Аналіз, "
                    "який провів офіс, показав, що найбільше на безпеку впливають неосвітлені "
                    "вулиці, небезпека на дорогах і вуличні крадіжки.</p>",
                ),
            ],
        },
        "en": {
            "title": "94% of residents back coordination on safety",
            "intro": (
                "A survey in mid-2017 showed that the great majority of people in Tatarbunary and "
                "the surrounding district want everyone responsible for safety to act in concert."
            ),
            "body": [
                (
                    "figures",
                    [
                        {
                            "value": "94%",
                            "label": "of respondents in favour of coordination and cooperation",
                        },
                    ],
                ),
                (
                    "paragraph",
                    "<p>Residents of the town and the district were asked whether the bodies and "
                    "organisations that deal with safety should coordinate their actions and work "
                    "together. 94% of respondents said yes. For the office, this means the "
                    "community sees its work as necessary and supports it.</p>",
                ),
                (
                    "paragraph",
                    "<p>2017 was the first year in which anyone in Tatarbunary district assessed "
                    "the community’s safety needs at all: until then, no one had asked people for "
                    "their views. The office’s analysis showed that the things that affect safety "
                    "most are unlit streets, danger on the roads and street theft.</p>",
                ),
            ],
        },
    },
    {
        "key": "first-joint-press-conference",
        "date": "2017-08-22",
        "area": "coordination",
        "tags": {
            "uk": ["прес-конференція", "поліція", "громада"],
            "en": ["press conference", "police", "community"],
        },
        "uk": {
            "title": "Перша спільна прес-конференція про безпечне середовище",
            "intro": (
                "Офіс запросив журналістів до міської ради на спільну прес-конференцію про "
                "безпеку в громаді — першу таку в регіоні."
            ),
            "body": [
                (
                    "paragraph",
                    "<p>22 серпня 2017 року Координаційний офіс безпеки провів у залі засідань "
                    "міської ради спільну прес-конференцію, присвячену безпечному середовищу. "
                    "Досі в регіоні такого формату не було.</p>",
                ),
                (
                    "paragraph",
                    "<p>Відтепер спільні публічні зустрічі з пресою стануть регулярними: офіс "
                    "проводитиме їх раз на пів року. Так мешканці зможуть постійно дізнаватися, "
                    "як у громаді спільно дбають про безпеку.</p>",
                ),
            ],
        },
        "en": {
            "title": "First joint press conference on a safe environment",
            "intro": (
                "The office invited journalists to the city council for a joint press conference "
                "on community safety, the first of its kind in the region."
            ),
            "body": [
                (
                    "paragraph",
                    "<p>On 22 August 2017 the Safety Coordination Office held a joint press "
                    "conference on a safe environment in the city council chamber. Nothing of the "
                    "kind had been held in the region before.</p>",
                ),
                (
                    "paragraph",
                    "<p>From now on, joint public meetings with the press will be a regular "
                    "fixture: the office will hold one every six months. This way residents can "
                    "keep up with how the community is working together on safety.</p>",
                ),
            ],
        },
    },
    {
        "key": "legal-education-classes-2017",
        "date": "2017-12-15",
        "area": "coordination",
        "tags": {
            "uk": ["правова освіта", "молодь", "школи"],
            "en": ["legal education", "young people", "schools"],
        },
        "uk": {
            "title": "Правовий факультатив: 50 занять про безпеку для молоді",
            "intro": (
                "Упродовж 2017 року офіс провів для молоді два цикли факультативних занять з "
                "права, присвячених питанням безпеки."
            ),
            "body": [
                (
                    "paragraph",
                    "<p>Факультатив допомагав молодим людям розібратися в правових питаннях "
                    "безпеки. За рік програма пройшла двічі — загалом 50 занять, на які прийшли "
                    "1 156 учнів.</p>",
                ),
                (
                    "figures",
                    [
                        {"value": "2", "label": "цикли програми"},
                        {"value": "50", "label": "занять"},
                        {"value": "1 156", "label": "учнів"},
                    ],
                ),
                (
                    "paragraph",
                    "<p>Правова просвіта молоді — один із постійних напрямів, у яких офіс "
                    "об’єднує зусилля своїх партнерів.</p>",
                ),
            ],
        },
        "en": {
            "title": "Law electives: 50 safety lessons for young people",
            "intro": (
                "Over the course of 2017 the office ran two cycles of elective law classes for "
                "young people, devoted to safety."
            ),
            "body": [
                (
                    "paragraph",
                    "<p>The elective course helped young people get to grips with the legal side "
                    "of safety. The programme ran twice during the year, 50 lessons in all, "
                    "attended by 1,156 students.</p>",
                ),
                (
                    "figures",
                    [
                        {"value": "2", "label": "programme cycles"},
                        {"value": "50", "label": "lessons"},
                        {"value": "1,156", "label": "students"},
                    ],
                ),
                (
                    "paragraph",
                    "<p>Legal education for young people is one of the lasting strands of work in "
                    "which the office brings its partners’ efforts together.</p>",
                ),
            ],
        },
    },
    {
        "key": "veteran-mentors-council",
        "date": "2018-02-15",
        "area": "leadership",
        "tags": {
            "uk": ["ветерани", "наставництво", "поліція"],
            "en": ["veterans", "mentoring", "police"],
        },
        "uk": {
            "title": "При офісі створено раду ветеранів-наставників",
            "intro": (
                "На початку 2018 року п’ятеро ветеранів органів внутрішніх справ об’єдналися в "
                "раду, щоб на громадських засадах допомагати поліцейським."
            ),
            "body": [
                (
                    "paragraph",
                    "<p>Ідея з’явилася, коли стало зрозуміло: у громаді живе чимало колишніх "
                    "правоохоронців, але їхні знання та досвід ніяк не використовуються. Тепер "
                    "ветерани безоплатно стають наставниками для поліцейських, виходять на "
                    "спільні патрулювання, допомагають проводити просвітницькі й навчальні "
                    "заходи.</p>",
                ),
                ("figures", [{"value": "5", "label": "ветеранів у складі ради"}]),
                (
                    "quote",
                    {
                        "text": (
                            "Рада ветеранів-наставників допомагає поліції краще працювати з "
                            "громадою, а ще поліпшує її репутацію і додає мешканцям довіри до "
                            "поліцейських."
                        ),
                        "attribution": (
                            "Олександр Ковпак, адвокат, колишній начальник кримінальної міліції "
                            "райвідділу"
                        ),
                    },
                ),
            ],
        },
        "en": {
            "title": "A council of veteran mentors set up at the office",
            "intro": (
                "In early 2018 five veterans of the internal affairs bodies formed a council to "
                "help police officers on a voluntary basis."
            ),
            "body": [
                (
                    "paragraph",
                    "<p>The idea came when it became clear that many former law enforcement "
                    "officers live in the community, yet their knowledge and experience were "
                    "going entirely unused. Now the veterans act as unpaid mentors to police "
                    "officers, join them on patrols and help run awareness-raising and training "
                    "events.</p>",
                ),
                ("figures", [{"value": "5", "label": "veterans on the council"}]),
                (
                    "quote",
                    {
                        "text": (
                            "The council of veteran mentors helps the police work better with the "
                            "community; it also improves the police’s reputation and gives "
                            "residents more reason to trust officers."
                        ),
                        "attribution": (
                            "Oleksandr Kovpak, attorney, former head of the district department’s "
                            "criminal police"
                        ),
                    },
                ),
            ],
        },
    },
    # Ukrainian only (deliberately untranslated): a local notice.
    {
        "key": "district-officer-reception",
        "date": "2018-06-14",
        "area": "space",
        "tags": {
            "uk": ["дільничний", "поліція", "прийом громадян"],
            "en": ["district police officer", "police", "office hours"],
        },
        "uk": {
            "title": "Дільничний офіцер приймає мешканців в офісі",
            "intro": (
                "Від червня 2018 року двічі на тиждень у приміщенні Координаційного офісу безпеки "
                "веде прийом дільничний офіцер поліції."
            ),
            "body": [
                (
                    "paragraph",
                    "<p>Дільничний приймає людей разом із керівником офісу. Сюди можна прийти по "
                    "пораду з питань безпеки, попросити допомоги в конкретній справі або просто "
                    "поговорити з поліцією в спокійній обстановці.</p>",
                ),
                (
                    "paragraph",
                    "<p>Офіс розташований у центрі міста, неподалік від органів влади, ринку та "
                    "автостанції, тож дістатися сюди зручно. Запрошуємо мешканців приходити на "
                    "прийом.</p>",
                ),
            ],
        },
    },
    {
        "key": "coffee-with-a-police-officer-first",
        "date": "2018-07-12",
        "area": "space",
        "tags": {
            "uk": ["кава з поліцейським", "жінки", "поліція"],
            "en": ["coffee with a police officer", "women", "police"],
        },
        "uk": {
            "title": "Перша «Кава з поліцейським»: говорили про безпеку жінок",
            "intro": (
                "12 липня 2018 року в офісі вперше відбулася неформальна зустріч мешканок міста з "
                "дільничним офіцером поліції."
            ),
            "body": [
                (
                    "paragraph",
                    "<p>«Кава з поліцейським» — це невимушена розмова, під час якої мешканці за "
                    "чашкою кави обговорюють із поліцією те, що їх турбує. Першу таку зустріч "
                    "присвятили безпеці жінок у громаді.</p>",
                ),
                (
                    "paragraph",
                    "<p>Кожна зустріч у цьому форматі має свою тему. Офіс запрошує мешканців "
                    "пропонувати питання для наступних розмов.</p>",
                ),
            ],
        },
        "en": {
            "title": "The first ‘Coffee with a police officer’: a talk on women’s safety",
            "intro": (
                "On 12 July 2018 the office hosted its first informal meeting between women from "
                "the town and a district police officer."
            ),
            "body": [
                (
                    "paragraph",
                    "<p>‘Coffee with a police officer’ is a relaxed conversation in which "
                    "residents talk over whatever worries them with the police over a cup of "
                    "coffee. The first such meeting was devoted to women’s safety in the "
                    "community.</p>",
                ),
                (
                    "paragraph",
                    "<p>Each meeting in this format has its own theme. The office invites "
                    "residents to suggest topics for the next conversations.</p>",
                ),
            ],
        },
    },
    {
        "key": "roma-community-meeting",
        "date": "2018-08-23",
        "area": "coordination",
        "tags": {
            "uk": ["ромська громада", "кава з поліцейським", "інклюзія"],
            "en": ["roma community", "coffee with a police officer", "inclusion"],
        },
        "uk": {
            "title": "Зустріч із ромською громадою: домовилися про радника міського голови",
            "intro": (
                "23 серпня 2018 року керівники поліції та міста зустрілися з представниками "
                "ромської громади у форматі «Кава з поліцейським»."
            ),
            "body": [
                (
                    "paragraph",
                    "<p>Розмова далася непросто, але виявилася дуже плідною. Головний її підсумок "
                    "— домовленість обрати ромського радника міського голови, який серед іншого "
                    "опікуватиметься й питаннями безпеки.</p>",
                ),
                (
                    "paragraph",
                    "<p>Учасники також окреслили ініціативи, завдяки яким роми активніше "
                    "долучатимуться до культурного, спортивного та громадського життя міста й "
                    "району.</p>",
                ),
                (
                    "paragraph",
                    "<p>Так почалася спільна робота, у якій беруть участь і самі роми, і поліція, "
                    "і міська влада, і громадськість. Її мета — безпечне середовище для всіх і "
                    "повноцінне залучення ромської громади до життя Татарбунар.</p>",
                ),
            ],
        },
        "en": {
            "title": "Meeting with the Roma community: agreement on an adviser to the mayor",
            "intro": (
                "On 23 August 2018 the heads of the local police and the town met representatives "
                "of the Roma community in the ‘Coffee with a police officer’ format."
            ),
            "body": [
                (
                    "paragraph",
                    "<p>The conversation was not an easy one, but it proved very fruitful. Its "
                    "main outcome was an agreement to choose a Roma adviser to the mayor, whose "
                    "remit will include safety, among other matters.</p>",
                ),
                (
                    "paragraph",
                    "<p>The participants also outlined initiatives to help Roma people take a "
                    "more active part in the cultural, sporting and public life of the town and "
                    "the district.</p>",
                ),
                (
                    "paragraph",
                    "<p>This marked the start of joint work involving the Roma themselves, the "
                    "police, the town authorities and the wider public. Its aim is a safe "
                    "environment for everyone and the full inclusion of the Roma community in the "
                    "life of Tatarbunary.</p>",
                ),
            ],
        },
    },
    {
        "key": "community-safety-passport",
        "date": "2018-09-20",
        "area": "analytics",
        "tags": {
            "uk": ["безпековий паспорт", "аналітика", "методика"],
            "en": ["safety passport", "analysis", "methodology"],
        },
        "uk": {
            "title": "«Безпековий паспорт громади»: модельна методика на прикладі Татарбунар",
            "intro": (
                "У 2018 році офіс разом із Мережею правового розвитку підготував методику, яка "
                "допомагає громаді побачити повну картину своїх безпекових проблем і ресурсів."
            ),
            "body": [
                (
                    "paragraph",
                    "<p>«Безпековий паспорт громади» — комплексний інструмент: він охоплює всі "
                    "безпекові проблеми громади та водночас оцінює, наскільки спроможні ті, від "
                    "кого залежить безпечне середовище. Його мета — допомогти ухвалювати виважені "
                    "стратегічні й тактичні рішення. Паспорт має кілька рівнів деталізації, якими "
                    "можна користуватися послідовно або кожним окремо.</p>",
                ),
                ("heading", "П’ять рівнів паспорта"),
                (
                    "paragraph",
                    "<ul><li>загальний огляд громади;</li><li>загрози та "
                    "небезпеки;</li><li>ресурси та потенціал;</li><li>партнерство та "
                    "комунікація;</li><li>картографування.</li></ul>",
                ),
                (
                    "paragraph",
                    "<p>Робота над паспортом проходить п’ять етапів: добір команди й планування, "
                    "збирання інформації спершу з документів («кабінетний» етап), а потім на "
                    "місцях («польовий» етап), узагальнення даних і підготовка звіту, і нарешті — "
                    "перевірка та оновлення результатів.</p>",
                ),
                (
                    "paragraph",
                    "<p>У Татарбунарах паспорт підказав конкретні рішення: ініціювати "
                    "встановлення світлофора та безпечних зупинок, створити раду "
                    "ветеранів-наставників, домагатися станцій туристичної поліції й рятувальних "
                    "пунктів на курортах і підготувати стратегію безпечної громади.</p>",
                ),
            ],
        },
        "en": {
            "title": "The ‘community safety passport’: a model methodology based on Tatarbunary",
            "intro": (
                "In 2018 the office and the Network of Legal Development prepared a methodology "
                "that helps a community see the full picture of its safety problems and resources."
            ),
            "body": [
                (
                    "paragraph",
                    "<p>The ‘community safety passport’ is a comprehensive tool: it covers every "
                    "safety problem in the community and at the same time assesses the capacity "
                    "of those on whom a safe environment depends. Its purpose is to support "
                    "well-founded strategic and tactical decisions. The passport has several "
                    "levels of detail, which can be used one after another or each on its own.</p>",
                ),
                ("heading", "The passport’s five levels"),
                (
                    "paragraph",
                    "<ul><li>an overview of the community;</li><li>threats and "
                    "hazards;</li><li>resources and capacity;</li><li>partnership and "
                    "communication;</li><li>mapping.</li></ul>",
                ),
                (
                    "paragraph",
                    "<p>Work on a passport goes through five stages: putting a team together and "
                    "planning, gathering information first from documents (the ‘desk’ stage) and "
                    "then on the ground (the ‘field’ stage), pulling the data together and "
                    "writing a report, and finally checking and updating the results.</p>",
                ),
                (
                    "paragraph",
                    "<p>In Tatarbunary the passport pointed to concrete decisions: to press for a "
                    "set of traffic lights and safe bus stops, to set up a council of veteran "
                    "mentors, to seek tourist police stations and rescue posts at the resorts, "
                    "and to prepare a safe-community strategy.</p>",
                ),
            ],
        },
    },
    {
        "key": "safe-community-programme-visit",
        "date": "2018-10-11",
        "area": "advocacy",
        "tags": {
            "uk": ["обмін досвідом", "безпечна громада", "партнерство"],
            "en": ["exchange of experience", "safe community", "partnership"],
        },
        "uk": {
            "title": "Учасники програми «Безпечна громада» завітали до Татарбунар",
            "intro": (
                "11–12 жовтня 2018 року офіс приймав поліцейських, представників місцевого "
                "самоврядування, громадських активістів та експертів з різних куточків України."
            ),
            "body": [
                (
                    "paragraph",
                    "<p>Гості приїхали в межах програми «Безпечна громада. Розвиток потенціалу "
                    "стейкхолдерів», яку втілює Інститут миру та порозуміння за підтримки "
                    "Міжнародного фонду «Відродження». Два дні вони знайомилися з роботою "
                    "Координаційного офісу безпеки й обговорювали його досвід.</p>",
                ),
                (
                    "paragraph",
                    "<p>До Татарбунар завітали представники Кам’янця-Подільського, Ірпеня, "
                    "Чернігова, Тростянця, Северинівки, Хмельницького та Києва.</p>",
                ),
                (
                    "paragraph",
                    "<p>Гості в офісі — майже щомісячна подія: тут охоче діляться напрацюваннями "
                    "та разом із відвідувачами планують нові ініціативи.</p>",
                ),
            ],
        },
        "en": {
            "title": "Participants in the ‘Safe community’ programme visit Tatarbunary",
            "intro": (
                "On 11–12 October 2018 the office hosted police officers, local government "
                "representatives, civic activists and experts from various parts of Ukraine."
            ),
            "body": [
                (
                    "paragraph",
                    "<p>The guests came as part of the programme ‘Safe community. Developing "
                    "stakeholders’ capacity’, run by the Institute for Peace and Understanding "
                    "with the support of the International Renaissance Foundation. For two days "
                    "they learned about the work of the Safety Coordination Office and discussed "
                    "its experience.</p>",
                ),
                (
                    "paragraph",
                    "<p>Visitors came from Kamianets-Podilskyi, Irpin, Chernihiv, Trostianets, "
                    "Severynivka, Khmelnytskyi and Kyiv.</p>",
                ),
                (
                    "paragraph",
                    "<p>Guests are an almost monthly occurrence at the office: it is glad to "
                    "share what it has learned and to plan new initiatives together with its "
                    "visitors.</p>",
                ),
            ],
        },
    },
    {
        "key": "students-visit-great-britain",
        "date": "2018-10-26",
        "area": "advocacy",
        "tags": {
            "uk": ["міжнародна співпраця", "муніципальна дипломатія", "молодь"],
            "en": ["international cooperation", "municipal diplomacy", "young people"],
        },
        "uk": {
            "title": "Навчальний візит татарбунарських учнів до Великої Британії",
            "intro": (
                "У жовтні 2018 року учні Татарбунарського навчально-виховного комплексу побували "
                "з навчальним візитом у Великій Британії."
            ),
            "body": [
                (
                    "paragraph",
                    "<p>Поїздка стала одним із результатів муніципальної дипломатії, яку розвиває "
                    "Координаційний офіс безпеки.</p>",
                ),
                (
                    "paragraph",
                    "<p>Ще з 2017 року офіс відвідують представники Посольства Великої Британії, "
                    "щоб ознайомитися з його роботою. Під час цих зустрічей сторони домовилися "
                    "запроваджувати британський досвід Community Policing — співпраці поліції з "
                    "громадою, а також шукати для Татарбунар місто-побратима, яке змогло б "
                    "передати спеціальну техніку.</p>",
                ),
            ],
        },
        "en": {
            "title": "Tatarbunary students on a study visit to Great Britain",
            "intro": (
                "In October 2018 students from the Tatarbunary educational complex went on a "
                "study visit to Great Britain."
            ),
            "body": [
                (
                    "paragraph",
                    "<p>The trip was one of the fruits of the municipal diplomacy that the Safety "
                    "Coordination Office has been developing.</p>",
                ),
                (
                    "paragraph",
                    "<p>Since 2017 representatives of the British Embassy have been visiting the "
                    "office to learn about its work. At these meetings the two sides agreed to "
                    "introduce British community policing practice, in which the police work hand "
                    "in hand with the community, and to look for a sister town for Tatarbunary "
                    "that could pass on specialised equipment.</p>",
                ),
            ],
        },
    },
    {
        "key": "police-academy-community-policing",
        "date": "2018-11-29",
        "area": "leadership",
        "tags": {
            "uk": ["поліцейська академія", "навчання", "поліція"],
            "en": ["police academy", "training", "police"],
        },
        "uk": {
            "title": "«Поліцейська академія»: заняття про співпрацю поліції з громадою",
            "intro": (
                "29 листопада 2018 року слухачі курсу «Поліцейська академія» розбирали підхід "
                "Community Policing — роботу поліції пліч-о-пліч із громадою."
            ),
            "body": [
                (
                    "paragraph",
                    "<p>Поліцейські ознайомилися з міжнародною, українською та місцевою практикою "
                    "взаємодії поліції з мешканцями й розглянули конкретні випадки.</p>",
                ),
                (
                    "paragraph",
                    "<p>«Поліцейська академія» — перший такий курс для місцевої поліції: 10 "
                    "занять загальним обсягом 20 годин. Фахові тренери проводять для працівників "
                    "Татарбунарського відділення поліції тренінги про протидію домашньому "
                    "насильству, взаємодію з громадою, комунікацію, права людини, протидію "
                    "дискримінації та роботу з вразливими групами.</p>",
                ),
                (
                    "figures",
                    [
                        {"value": "10", "label": "занять"},
                        {"value": "20", "label": "годин навчання"},
                    ],
                ),
            ],
        },
        "en": {
            "title": "‘Police Academy’: a class on police–community cooperation",
            "intro": (
                "On 29 November 2018 participants in the ‘Police Academy’ course examined "
                "community policing, an approach in which the police work side by side with the "
                "community."
            ),
            "body": [
                (
                    "paragraph",
                    "<p>The officers learned about international, Ukrainian and local practice in "
                    "cooperation between the police and residents, and worked through specific "
                    "cases.</p>",
                ),
                (
                    "paragraph",
                    "<p>‘Police Academy’ is the first course of its kind for the local police: 10 "
                    "classes totalling 20 hours. Professional trainers run sessions for officers "
                    "of the Tatarbunary police station on countering domestic violence, working "
                    "with the community, communication, human rights, countering discrimination "
                    "and working with vulnerable groups.</p>",
                ),
                (
                    "figures",
                    [
                        {"value": "10", "label": "classes"},
                        {"value": "20", "label": "hours of training"},
                    ],
                ),
            ],
        },
    },
    {
        "key": "human-rights-in-policing-workshop",
        "date": "2018-12-13",
        "area": "leadership",
        "tags": {
            "uk": ["права людини", "навчання", "поліція"],
            "en": ["human rights", "training", "police"],
        },
        "uk": {
            "title": "Адвокатка Юлія Лісова провела для поліцейських заняття з прав людини",
            "intro": (
                "13 грудня 2018 року в межах курсу «Поліцейська академія» відбулося заняття на "
                "тему «Права людини в діяльності поліції»."
            ),
            "body": [
                (
                    "paragraph",
                    "<p>Заняття для поліцейських відбулося в залі засідань Татарбунарського "
                    "відділення поліції. Його провела адвокатка Юлія Лісова.</p>",
                ),
                (
                    "paragraph",
                    "<p>Права людини — одна з тем курсу поряд із протидією домашньому насильству "
                    "й дискримінації, комунікацією та роботою з вразливими групами населення.</p>",
                ),
            ],
        },
        "en": {
            "title": "Attorney Yuliia Lisova runs a human rights class for police officers",
            "intro": (
                "On 13 December 2018 the ‘Police Academy’ course held a workshop on human rights "
                "in police work."
            ),
            "body": [
                (
                    "paragraph",
                    "<p>The workshop took place in the meeting room of the Tatarbunary police "
                    "station and was led by attorney Yuliia Lisova.</p>",
                ),
                (
                    "paragraph",
                    "<p>Human rights is one of the course’s topics, alongside countering domestic "
                    "violence and discrimination, communication, and working with vulnerable "
                    "groups.</p>",
                ),
            ],
        },
    },
    {
        "key": "memorandum-20-signatories",
        "date": "2018-12-20",
        "area": "coordination",
        "tags": {
            "uk": ["меморандум", "партнерство", "місцеве самоврядування"],
            "en": ["memorandum", "partnership", "local government"],
        },
        "uk": {
            "title": "Меморандум про співпрацю підписали вже 20 організацій",
            "intro": (
                "Коло партнерів офісу зростає: на кінець 2018 року Меморандум, який визначає мету "
                "й формат роботи офісу, підписали 20 державних і недержавних організацій."
            ),
            "body": [
                (
                    "paragraph",
                    "<p>У Меморандумі записано мету, завдання та спосіб роботи Координаційного "
                    "офісу безпеки. Коли на початку 2017 року офіс створювали, документ підписали "
                    "16 організацій.</p>",
                ),
                (
                    "figures",
                    [
                        {"value": "16", "label": "підписантів під час створення офісу"},
                        {"value": "20", "label": "підписантів на кінець 2018 року"},
                    ],
                ),
                (
                    "paragraph",
                    "<p>Серед підписантів — Татарбунарська районна рада, районна державна "
                    "адміністрація, міська рада, Татарбунарське відділення поліції, відділ ДСНС, "
                    "районний сектор ДМС, відділ пробації та бюро правової допомоги.</p>",
                ),
                (
                    "paragraph",
                    "<p>Офіс дякує всім партнерам і запрошує до спільної роботи інші організації, "
                    "яким не байдужа безпека громади.</p>",
                ),
            ],
        },
        "en": {
            "title": "The cooperation Memorandum now has 20 signatories",
            "intro": (
                "The office’s circle of partners is growing: by the end of 2018, 20 state and "
                "non-state organisations had signed the Memorandum that sets out the office’s "
                "aims and way of working."
            ),
            "body": [
                (
                    "paragraph",
                    "<p>The Memorandum sets out the aims, tasks and working methods of the Safety "
                    "Coordination Office. When the office was founded in early 2017, 16 "
                    "organisations signed it.</p>",
                ),
                (
                    "figures",
                    [
                        {"value": "16", "label": "signatories when the office was founded"},
                        {"value": "20", "label": "signatories by the end of 2018"},
                    ],
                ),
                (
                    "paragraph",
                    "<p>The signatories include Tatarbunary District Council, the district state "
                    "administration, the city council, the Tatarbunary police station, the State "
                    "Emergency Service department, the district sector of the State Migration "
                    "Service, the probation department and the legal aid bureau.</p>",
                ),
                (
                    "paragraph",
                    "<p>The office thanks all its partners and invites other organisations that "
                    "care about the community’s safety to join in the work.</p>",
                ),
            ],
        },
    },
    # Ukrainian only (deliberately untranslated): a local notice.
    {
        "key": "easter-street-meetings-2019",
        "date": "2019-04-26",
        "area": "coordination",
        "tags": {
            "uk": ["дільничний", "профілактика", "громада"],
            "en": ["district police officer", "crime prevention", "community"],
        },
        "uk": {
            "title": "Перед Великоднем поліція та офіс поспілкувалися з понад 200 мешканцями",
            "intro": (
                "Напередодні великодніх свят 2019 року поліцейські разом із представниками офісу "
                "провели понад 50 зустрічей з людьми просто на вулицях міста та району."
            ),
            "body": [
                (
                    "paragraph",
                    "<p>Говорили про те, як уберегти майно від злочинців у святкові та вихідні "
                    "дні. Такі вуличні розмови стали постійною практикою: поліцейські й "
                    "працівники офісу обходять квартири та приватні будинки, приходять на "
                    "автостанцію й до магазинів. Кожен дільничний має іменну візитівку з "
                    "особистими контактами, а мешканцям роздають буклет «Твій дільничний».</p>",
                ),
                (
                    "figures",
                    [
                        {"value": "понад 50", "label": "вуличних зустрічей"},
                        {"value": "понад 200", "label": "мешканців"},
                    ],
                ),
                (
                    "quote",
                    {
                        "text": (
                            "Для поліції такі зустрічі важливі з двох причин: вони зміцнюють "
                            "довіру людей і допомагають запобігати правопорушенням."
                        ),
                        "attribution": (
                            "Іван Триколіч, начальник Татарбунарського відділення поліції (2018)"
                        ),
                    },
                ),
                (
                    "paragraph",
                    "<p>Ось приклад. Після однієї з таких зустрічей мешканка міста зателефонувала "
                    "до чергової частини й повідомила, що на вулиці з’явилися підозрілі "
                    "незнайомці. Поліцейські виїхали на місце й не дали обікрасти квартиру. "
                    "Зловмисники втекли на автомобілі з європейськими номерами, але завдяки "
                    "пильності жінки сусідська оселя вціліла.</p>",
                ),
            ],
        },
    },
    # Ukrainian only (deliberately untranslated): a local notice.
    {
        "key": "summer-camp-zorka-2019",
        "date": "2019-07-11",
        "area": "coordination",
        "tags": {
            "uk": ["діти", "безпечний відпочинок", "літо"],
            "en": ["children", "safe holidays", "summer"],
        },
        "uk": {
            "title": "У таборі «Зорька» дітям розповіли, як безпечно відпочивати",
            "intro": (
                "11 липня 2019 року офіс провів інформаційну зустріч у літньому таборі «Зорька» "
                "для дітей і дорослих, які там працюють."
            ),
            "body": [
                (
                    "paragraph",
                    "<p>На зустріч прийшли близько 250 дітей, а також 40 вихователів і "
                    "працівників оздоровчого табору. Ішлося про те, як поводитися, щоб відпочинок "
                    "минув безпечно.</p>",
                ),
                (
                    "figures",
                    [
                        {"value": "близько 250", "label": "дітей"},
                        {"value": "40", "label": "вихователів і працівників табору"},
                    ],
                ),
                (
                    "paragraph",
                    "<p>Щоліта під час канікул офіс проводить масштабну кампанію про безпеку "
                    "дітей. До розмов із малечею долучаються поліцейські, рятувальники та інші "
                    "фахівці. У липні 2019 року такі зустрічі відбувалися, зокрема, і на курорті "
                    "Расейка.</p>",
                ),
            ],
        },
    },
    {
        "key": "resort-safety-campaign-2019",
        "date": "2019-08-15",
        "area": "advocacy",
        "tags": {
            "uk": ["курорти", "туристична поліція", "безпечний відпочинок"],
            "en": ["resorts", "tourist police", "safe holidays"],
        },
        "uk": {
            "title": "Курортний сезон: офіс перевірив, наскільки безпечно відпочивати на узбережжі",
            "intro": (
                "Улітку 2019 року офіс разом із поліцією та рятувальниками провів кампанію за "
                "безпечний відпочинок на курортах району."
            ),
            "body": [
                (
                    "paragraph",
                    "<p>Учасники кампанії провели профілактичні бесіди з персоналом баз "
                    "відпочинку та торговельних закладів, а також із відпочивальниками. Вони "
                    "оцінили стан безпеки на курортах і визначили небезпечні об’єкти; у серпні "
                    "спільний моніторинг відбувся, зокрема, на курорті Лебедівка.</p>",
                ),
                ("heading", "Що виявили"),
                (
                    "paragraph",
                    "<ul><li>Приміщення для станцій туристичної поліції не мають ні меблів, ні "
                    "техніки, тож станції фактично не працюють.</li><li>Поліцейських розселено по "
                    "різних базах відпочинку, і відпочивальникам важко до них звернутися навіть у "
                    "нагальній ситуації.</li><li>На курортах немає камер відеоспостереження, "
                    "зокрема на головних в’їздах і виїздах.</li></ul>",
                ),
                (
                    "paragraph",
                    "<p>Офіс виступає за те, щоб на курортах Татарбунарського району запрацювали "
                    "станції туристичної поліції та рятувальні пункти.</p>",
                ),
            ],
        },
        "en": {
            "title": "Holiday season: the office checks how safe the coastal resorts are",
            "intro": (
                "In the summer of 2019 the office, together with the police and rescuers, ran a "
                "campaign for safe holidays at the district’s resorts."
            ),
            "body": [
                (
                    "paragraph",
                    "<p>The campaign team held preventive talks with the staff of holiday centres "
                    "and shops, and with holidaymakers themselves. They assessed safety at the "
                    "resorts and identified hazardous sites; in August, for instance, joint "
                    "monitoring took place at the Lebedivka resort.</p>",
                ),
                ("heading", "What they found"),
                (
                    "paragraph",
                    "<ul><li>The rooms intended for tourist police stations have neither "
                    "furniture nor equipment, so the stations are not really "
                    "working.</li><li>Police officers are lodged at different holiday centres, "
                    "which makes it hard for holidaymakers to reach them even in an "
                    "emergency.</li><li>The resorts have no CCTV cameras, including at the main "
                    "roads in and out.</li></ul>",
                ),
                (
                    "paragraph",
                    "<p>The office is calling for tourist police stations and rescue posts to be "
                    "opened at the resorts of Tatarbunary district.</p>",
                ),
            ],
        },
    },
    {
        "key": "consultative-council-decision-131",
        "date": "2019-08-30",
        "area": "coordination",
        "tags": {
            "uk": ["місцеве самоврядування", "міська рада", "інституціоналізація"],
            "en": ["local government", "city council", "institutionalisation"],
        },
        "uk": {
            "title": (
                "Міськвиконком утворив консультативно-дорадчу раду «Координаційний офіс безпеки»"
            ),
            "intro": (
                "30 серпня 2019 року виконавчий комітет Татарбунарської міської ради ухвалив "
                "рішення № 131 про створення при ньому консультативно-дорадчої ради."
            ),
            "body": [
                (
                    "paragraph",
                    "<p>Нова рада має назву «Координаційний офіс безпеки». До неї увійшли дев’ять "
                    "осіб, серед них — представники офісу Леонід Семененко та Віктор Яременко.</p>",
                ),
                (
                    "figures",
                    [
                        {"value": "№ 131", "label": "рішення виконавчого комітету"},
                        {"value": "9", "label": "членів ради"},
                    ],
                ),
                (
                    "paragraph",
                    "<p>Так завершився перший етап офіційного оформлення офісу. Відтепер "
                    "відповідальність за нього поступово переходитиме до місцевої влади.</p>",
                ),
                (
                    "quote",
                    {
                        "text": (
                            "У Татарбунарах склалося рідкісне партнерство державних і громадських "
                            "структур, а місцеві лідери поєднують фаховість, чесність і активну "
                            "позицію. Наша організація й далі підтримуватиме офіс експертно та "
                            "організаційно, але ми прагнемо поступово передати його громаді — аж "
                            "до створення Офісу місцевого шерифа, який збереже координацію, "
                            "комунікацію та аналітику. Дякуємо програмі «Права людини та "
                            "правосуддя» Міжнародного фонду «Відродження» за підтримку впродовж "
                            "цих трьох складних і водночас прекрасних років."
                        ),
                        "attribution": (
                            "Ігор Бринош, заступник голови Одеської обласної організації ВГО "
                            "«Комітет виборців України»"
                        ),
                    },
                ),
            ],
        },
        "en": {
            "title": (
                "City executive committee sets up the ‘Safety Coordination Office’ advisory council"
            ),
            "intro": (
                "On 30 August 2019 Tatarbunary City Council’s executive committee adopted "
                "decision No. 131, establishing a consultative and advisory council attached to "
                "the committee."
            ),
            "body": [
                (
                    "paragraph",
                    "<p>The new council is called ‘Safety Coordination Office’. It has nine "
                    "members, among them the office’s representatives Leonid Semenenko and Viktor "
                    "Yaremenko.</p>",
                ),
                (
                    "figures",
                    [
                        {"value": "No. 131", "label": "executive committee decision"},
                        {"value": "9", "label": "council members"},
                    ],
                ),
                (
                    "paragraph",
                    "<p>This completes the first stage of putting the office on a formal footing. "
                    "From now on, responsibility for it will gradually pass to the local "
                    "authorities.</p>",
                ),
                (
                    "quote",
                    {
                        "text": (
                            "Tatarbunary has a rare partnership between state and civic bodies, "
                            "and its local leaders combine professionalism, integrity and an "
                            "active stance. Our organisation will keep supporting the office with "
                            "expertise and organisation, but we want to hand it over to the "
                            "community step by step, all the way to a Local Sheriff’s Office that "
                            "keeps the coordination, communication and analysis. We thank the "
                            "Human Rights and Justice Programme of the International Renaissance "
                            "Foundation for its support through these three difficult yet "
                            "wonderful years."
                        ),
                        "attribution": (
                            "Ihor Brynosh, deputy head of the Odesa regional branch of the "
                            "Committee of Voters of Ukraine"
                        ),
                    },
                ),
            ],
        },
    },
    {
        "key": "euam-election-trainings",
        "date": "2019-09-12",
        "area": "leadership",
        "tags": {
            "uk": ["міжнародна співпраця", "вибори", "навчання"],
            "en": ["international cooperation", "elections", "training"],
        },
        "uk": {
            "title": "Разом із EUAM офіс навчав поліцейських протидіяти виборчим порушенням",
            "intro": (
                "У 2019 році Координаційний офіс безпеки розпочав співпрацю з Консультативною "
                "місією Європейського Союзу (EUAM)."
            ),
            "body": [
                (
                    "paragraph",
                    "<p>Спільно з місією офіс провів два цикли навчань для поліцейських Одеської "
                    "області. Вони вчилися розпізнавати виборчі порушення та протидіяти їм під "
                    "час виборів Президента України та позачергових виборів до Верховної Ради.</p>",
                ),
                (
                    "figures",
                    [{"value": "2", "label": "цикли навчань для поліції Одеської області"}],
                ),
                (
                    "paragraph",
                    "<p>Повна назва партнера — Консультативна місія Європейського Союзу з "
                    "реформування сектору цивільної безпеки України.</p>",
                ),
            ],
        },
        "en": {
            "title": "With EUAM, the office trains police officers to counter electoral offences",
            "intro": (
                "In 2019 the Safety Coordination Office began working with the European Union "
                "Advisory Mission (EUAM)."
            ),
            "body": [
                (
                    "paragraph",
                    "<p>Together with the mission, the office ran two training cycles for police "
                    "officers from Odesa oblast. They learned to recognise and counter electoral "
                    "offences during the presidential election and the snap elections to the "
                    "Verkhovna Rada.</p>",
                ),
                ("figures", [{"value": "2", "label": "training cycles for Odesa oblast police"}]),
                (
                    "paragraph",
                    "<p>The partner’s full name is the European Union Advisory Mission for "
                    "Civilian Security Sector Reform Ukraine.</p>",
                ),
            ],
        },
    },
    {
        "key": "coffee-with-a-doctor",
        "date": "2019-10-10",
        "area": "space",
        "tags": {
            "uk": ["кава з лікарем", "здоров’я", "громада"],
            "en": ["coffee with a doctor", "health", "community"],
        },
        "uk": {
            "title": "Перша «Кава з лікарем»: медики поговорили з мешканцями про здоров’я",
            "intro": (
                "10 жовтня 2019 року в офісі вперше відбулася неформальна зустріч мешканців із "
                "медичними працівниками."
            ),
            "body": [
                (
                    "paragraph",
                    "<p>Новий формат продовжує успішну ініціативу «Кава з поліцейським»: тепер у "
                    "невимушеній обстановці з громадою розмовляють не лише поліцейські, а й "
                    "медики. Першу зустріч присвятили охороні здоров’я.</p>",
                ),
                (
                    "paragraph",
                    "<p>Далі офіс планує «вікенд з поліцією» — неформальні заходи вихідного дня: "
                    "футбол та інші спортивні події, квести, творчі акції на відкритому "
                    "повітрі.</p>",
                ),
            ],
        },
        "en": {
            "title": "The first ‘Coffee with a doctor’: medics talk health with residents",
            "intro": (
                "Residents and medical staff met informally at the office for the first time on "
                "10 October 2019."
            ),
            "body": [
                (
                    "paragraph",
                    "<p>The new format follows on from the successful ‘Coffee with a police "
                    "officer’ initiative: now it is not only police officers but also medics who "
                    "sit down with the community in a relaxed setting. The first meeting was "
                    "devoted to health care.</p>",
                ),
                (
                    "paragraph",
                    "<p>Next, the office is planning ‘A weekend with the police’: informal "
                    "weekend events such as football matches and other joint sports, quests and "
                    "open-air arts activities.</p>",
                ),
            ],
        },
    },
    {
        "key": "cctv-situational-centre-test-mode",
        "date": "2019-10-17",
        "area": "cctv",
        "tags": {
            "uk": ["відеоспостереження", "ситуаційний центр", "технології"],
            "en": ["cctv", "situational centre", "technology"],
        },
        "uk": {
            "title": "Ситуаційний центр відеоспостереження запрацював у тестовому режимі",
            "intro": (
                "Із жовтня 2019 року в приміщенні Координаційного офісу безпеки тестують центр, "
                "який керує міською системою відеоспостереження."
            ),
            "body": [
                (
                    "paragraph",
                    "<p>Центр отримує картинку з 12 міських камер і показує її на двох моніторах. "
                    "Офіс веде переговори з місцевими підприємцями, щоб долучити до системи і "
                    "їхні камери.</p>",
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
                    "<p>Центр має три завдання: розробляти, випробовувати й розвивати систему "
                    "відеоспостереження; ефективно використовувати записи, щоб розкривати злочини "
                    "та запобігати правопорушенням; забезпечувати безпеку під час масових "
                    "заходів.</p>",
                ),
            ],
        },
        "en": {
            "title": "The CCTV situational centre starts work in test mode",
            "intro": (
                "In October 2019 a centre managing the city’s CCTV system began working in test "
                "mode at the Safety Coordination Office."
            ),
            "body": [
                (
                    "paragraph",
                    "<p>Images from 12 city cameras are displayed on the centre’s two monitors. "
                    "The office is in talks with local business owners about connecting their "
                    "cameras to the system as well.</p>",
                ),
                (
                    "figures",
                    [{"value": "12", "label": "city cameras"}, {"value": "2", "label": "monitors"}],
                ),
                (
                    "paragraph",
                    "<p>The centre has three tasks: to design, test and develop the CCTV system; "
                    "to make good use of the footage to solve crimes and prevent offences; and to "
                    "keep people safe at public events.</p>",
                ),
            ],
        },
    },
    {
        "key": "cctv-situational-centre-presentation",
        "date": "2019-11-07",
        "area": "cctv",
        "tags": {
            "uk": ["відеоспостереження", "ситуаційний центр", "ветерани"],
            "en": ["cctv", "situational centre", "veterans"],
        },
        "uk": {
            "title": "Ситуаційний центр відеоспостереження представили громаді",
            "intro": (
                "7 листопада 2019 року ситуаційний центр показали громаді; презентацію офіс "
                "підготував спільно з міською радою, відділенням поліції та партнерами."
            ),
            "body": [
                (
                    "paragraph",
                    "<p>На презентацію завітали представники Консультативної місії ЄС: Енн "
                    "Педерсен, яка консультує та навчає з питань взаємодії поліції й громади, і "
                    "Роман Андрушко, фахівець місії з тренінгів.</p>",
                ),
                (
                    "paragraph",
                    "<p>Записи з камер і те, наскільки добре камери справляються із завданням, "
                    "аналізують волонтери офісу — ветерани органів внутрішніх справ, які за "
                    "графіком чергують у центрі. Тестовий режим уже показав, що деякі камери "
                    "варто перенести: частина з них фіксує те саме, а інші принесли б більше "
                    "користі деінде.</p>",
                ),
                (
                    "quote",
                    {
                        "text": (
                            "Відеоспостереження — один із найпопулярніших нині способів зробити "
                            "громаду безпечнішою. Проте нерідко камери працюють без належної "
                            "документальної бази, а записи не вміють як слід аналізувати, "
                            "зберігати, захищати й використовувати. Татарбунарський центр має "
                            "стати пілотним зразком для невеликих громад, де немає великих коштів "
                            "на дорогу техніку, бракує фахівців, а поліції — людей."
                        ),
                        "attribution": (
                            "Ігор Бринош, заступник голови Одеської обласної організації ВГО "
                            "«Комітет виборців України»"
                        ),
                    },
                ),
            ],
        },
        "en": {
            "title": "The CCTV situational centre is presented to the community",
            "intro": (
                "On 7 November 2019 the situational centre was shown to the public at a "
                "presentation the office organised with the city council, the police station and "
                "partners."
            ),
            "body": [
                (
                    "paragraph",
                    "<p>Guests at the presentation included representatives of the EU Advisory "
                    "Mission: Anne Pedersen, an adviser and trainer on police–community "
                    "relations, and Roman Andrushko, the mission’s training specialist.</p>",
                ),
                (
                    "paragraph",
                    "<p>The footage, and how well the cameras do their job, is analysed by the "
                    "office’s volunteers, veterans of the internal affairs bodies who take turns "
                    "on duty at the centre. Test mode has already shown that some cameras should "
                    "be moved: several of them capture the same view, while others would be more "
                    "useful elsewhere.</p>",
                ),
                (
                    "quote",
                    {
                        "text": (
                            "Video surveillance is one of today’s most popular ways of making a "
                            "community safer. Yet cameras often run without a proper documentary "
                            "basis, and the footage is not properly analysed, stored, protected "
                            "or used. The Tatarbunary centre should become a pilot model for "
                            "small communities that have no large budget for expensive equipment, "
                            "lack specialists, and whose police are short of staff."
                        ),
                        "attribution": (
                            "Ihor Brynosh, deputy head of the Odesa regional branch of the "
                            "Committee of Voters of Ukraine"
                        ),
                    },
                ),
            ],
        },
    },
    {
        "key": "a-day-with-the-district-officer",
        "date": "2019-12-11",
        "area": "advocacy",
        "tags": {
            "uk": ["дільничний", "журналістика", "довіра до поліції"],
            "en": ["district police officer", "journalism", "trust in the police"],
        },
        "uk": {
            "title": "«День з дільничним»: робочий день Івана Шевченка зсередини",
            "intro": (
                "11 грудня 2019 року журналістка й представниця офісу Єфросинія Мукієнко провела "
                "цілий робочий день поруч із дільничним офіцером поліції Іваном Шевченком."
            ),
            "body": [
                (
                    "paragraph",
                    "<p>За день вона побачила, з чого складається служба дільничного: порушення "
                    "громадського порядку, профілактичні розмови, побутові конфлікти, нескінченні "
                    "виклики, робочий день без чітких меж і десятки кілометрів пішки. Розповідь "
                    "про цей день вийшла під назвою «Життя на ногах, або Як воно — бути "
                    "дільничним офіцером поліції».</p>",
                ),
                (
                    "figures",
                    [
                        {
                            "value": "понад 50",
                            "label": "мешканців, з якими поспілкувався дільничний",
                        },
                        {"value": "понад 10", "label": "пройдених вулиць"},
                        {"value": "до 35 км", "label": "пішки за день"},
                        {"value": "3", "label": "складені протоколи"},
                    ],
                ),
                (
                    "paragraph",
                    "<p>Пообідати дільничному того дня не вдалося — він лише двічі випив "
                    "«ірландського віскі». Жодного алкоголю: так називається безалкогольний "
                    "кавовий напій, який Іван Шевченко дуже полюбляє.</p>",
                ),
                (
                    "paragraph",
                    "<p>«День з дільничним» — одна з ініціатив, якими офіс разом із поліцією, "
                    "журналістами та активістами показує мешканцям роботу правоохоронців "
                    "зблизька.</p>",
                ),
            ],
        },
        "en": {
            "title": (
                "‘A day with the district police officer’: Ivan Shevchenko’s working day from the "
                "inside"
            ),
            "intro": (
                "On 11 December 2019 journalist and office representative Yefrosyniia Mukiienko "
                "spent a whole working day alongside district police officer Ivan Shevchenko."
            ),
            "body": [
                (
                    "paragraph",
                    "<p>Over the day she saw what a district officer’s job is made of: breaches "
                    "of public order, preventive talks, domestic quarrels, endless call-outs, a "
                    "working day with no clear limits, and walking dozens of kilometres. Her "
                    "account of the day was published as ‘Living on foot, or What it’s like to be "
                    "a district police officer’.</p>",
                ),
                (
                    "figures",
                    [
                        {"value": "50+", "label": "residents the officer spoke to"},
                        {"value": "10+", "label": "streets covered"},
                        {"value": "up to 35 km", "label": "walked in a day"},
                        {"value": "3", "label": "offence reports filed"},
                    ],
                ),
                (
                    "paragraph",
                    "<p>The officer had no time for lunch that day; all he had were two cups of "
                    "‘Irish whiskey’. No alcohol involved: that is the name of a non-alcoholic "
                    "coffee drink of which Ivan Shevchenko is very fond.</p>",
                ),
                (
                    "paragraph",
                    "<p>‘A day with the district police officer’ is one of the initiatives "
                    "through which the office, together with the police, journalists and "
                    "activists, shows residents police work up close.</p>",
                ),
            ],
        },
    },
    {
        "key": "forum-community-policing-innovations",
        "date": "2019-12-19",
        "area": "advocacy",
        "tags": {"uk": ["форум", "поліція", "інновації"], "en": ["forum", "police", "innovation"]},
        "uk": {
            "title": "В Одесі відбувся перший форум інновацій роботи поліції з громадою",
            "intro": (
                "19 грудня 2019 року офіс підбив підсумки року в новому форматі — на "
                "регіональному форумі, який зібрав близько 50 учасників."
            ),
            "body": [
                (
                    "paragraph",
                    "<p>Наприкінці кожного року офіс публічно звітує про зроблене й ділиться "
                    "планами. Від 2018 року ця презентація відбувається 19 грудня в Одесі, в "
                    "Одеській обласній бібліотеці імені Грушевського, яка є партнеркою офісу, у "
                    "межах Мандрівного міжнародного фестивалю документального кіно про права "
                    "людини Docudays UA. Цього року презентація розширилася й перетворилася на "
                    "форум інновацій роботи поліції з громадою.</p>",
                ),
                (
                    "figures",
                    [
                        {"value": "близько 50", "label": "учасників"},
                        {"value": "3", "label": "тематичні напрями"},
                    ],
                ),
                (
                    "paragraph",
                    "<p>Серед учасників були поліцейські, громадські активісти, експерти, "
                    "журналісти, курсанти й викладачі Одеського державного університету "
                    "внутрішніх справ, представники міжнародних організацій. Нові підходи "
                    "обговорювали в трьох напрямах: діяльність дільничних, комунікація з "
                    "мешканцями, а також робота з дітьми й вразливими групами.</p>",
                ),
                (
                    "paragraph",
                    "<p>Головний висновок форуму: співпраця та спілкування з громадою — базова "
                    "цінність, до якої має прагнути кожен поліцейський. Але й мешканці мають "
                    "нести відповідальність — і допомагати поліції, і контролювати її. Досвід "
                    "«малих кроків», представлений на форумі, перегукується з гаслом заходу: "
                    "«Змінюйся сам та змінюй систему!». Форум вирішили проводити щороку.</p>",
                ),
            ],
        },
        "en": {
            "title": "Odesa hosts the first Forum of Innovations in Community Policing",
            "intro": (
                "On 19 December 2019 the office reviewed its year in a new format: a regional "
                "forum that brought together about 50 participants."
            ),
            "body": [
                (
                    "paragraph",
                    "<p>At the end of each year the office reports publicly on what it has done "
                    "and shares its plans. Since 2018 this presentation has taken place on 19 "
                    "December in Odesa, at the office’s partner, the Hrushevsky Odesa Regional "
                    "Library, as part of the Docudays UA travelling international human rights "
                    "documentary film festival. This year the presentation grew into a Forum of "
                    "Innovations in Community Policing.</p>",
                ),
                (
                    "figures",
                    [
                        {"value": "about 50", "label": "participants"},
                        {"value": "3", "label": "themes"},
                    ],
                ),
                (
                    "paragraph",
                    "<p>Participants included police officers, civic activists, experts, "
                    "journalists, cadets and lecturers from Odesa State University of Internal "
                    "Affairs, and representatives of international organisations. New approaches "
                    "were discussed under three headings: what district police officers do, "
                    "communicating with residents, and work with children and vulnerable "
                    "groups.</p>",
                ),
                (
                    "paragraph",
                    "<p>The forum’s main conclusion was that working and communicating with the "
                    "community is a core value that every police officer should strive for. "
                    "Residents, too, have a responsibility: both to help the police and to hold "
                    "them to account. The ‘small steps’ experience presented at the forum echoes "
                    "the event’s motto, ‘Change yourself and change the system!’. The forum is to "
                    "be held every year.</p>",
                ),
            ],
        },
    },
    {
        "key": "tatarbunarski-amazonky-first-month",
        "date": "2019-12-20",
        "area": "coordination",
        "tags": {
            "uk": ["самооборона", "жінки", "протидія насильству"],
            "en": ["self-defence", "women", "preventing violence"],
        },
        "uk": {
            "title": "«Татарбунарські амазонки»: перший місяць школи самооборони",
            "intro": (
                "Наприкінці листопада 2019 року офіс започаткував безкоштовну школу самооборони "
                "для жінок і дівчат, і вона швидко набрала обертів."
            ),
            "body": [
                (
                    "paragraph",
                    "<p>Перший етап — загальна фізична підготовка та основи самозахисту. Жінки, "
                    "студентки й школярки займаються під керівництвом Вадима Короленка, тренера "
                    "спортивного клубу «Skif». Гасло програми учасниці придумали разом: «Краса "
                    "може дати відсіч».</p>",
                ),
                ("figures", [{"value": "6", "label": "місяців триватиме пілотна програма"}]),
                (
                    "paragraph",
                    "<p>Окрім фізичної підготовки й самозахисту, учасниці опанують основи "
                    "поводження із засобами індивідуального захисту, цивільного захисту та першої "
                    "домедичної допомоги, дізнаються про правові аспекти самозахисту й протидію "
                    "домашньому насильству. Заняття проводитимуть психологи, медики, адвокати та "
                    "тренери з єдиноборств.</p>",
                ),
                (
                    "quote",
                    {
                        "text": (
                            "Ми хочемо згуртувати жінок і дівчат, щоб кожна навчилася давати "
                            "відсіч фізичному й психологічному насильству, подолала страх і "
                            "невпевненість та вміла постояти за свої права."
                        ),
                        "attribution": (
                            "Єфросинія Мукієнко, координаторка й учасниця програми "
                            "«Татарбунарські амазонки»"
                        ),
                    },
                ),
                (
                    "quote",
                    {
                        "text": (
                            "Уміти захистити себе варто кожному. Такі курси дають жінкам і "
                            "дівчатам не лише навички, щоб відбити напад, а й упевненість і "
                            "незалежність, а отже — силу протистояти будь-якому насильству, "
                            "фізичному чи психологічному."
                        ),
                        "attribution": (
                            "Андрій Ткачов, помічник голови Національної поліції України"
                        ),
                    },
                ),
            ],
        },
        "en": {
            "title": "‘Tatarbunarski Amazonky’: the self-defence school’s first month",
            "intro": (
                "At the end of November 2019 the office launched a free self-defence school for "
                "women and girls, and it quickly gathered pace."
            ),
            "body": [
                (
                    "paragraph",
                    "<p>The first stage covers general fitness and the basics of self-defence. "
                    "Women, university students and schoolgirls train under Vadym Korolenko, a "
                    "coach at the ‘Skif’ sports club. The participants came up with the "
                    "programme’s motto together: ‘Beauty can strike back’.</p>",
                ),
                ("figures", [{"value": "6", "label": "months of the pilot programme"}]),
                (
                    "paragraph",
                    "<p>Besides fitness and self-defence, participants will learn the basics of "
                    "handling personal protective devices, civil protection and first aid, as "
                    "well as the legal side of self-defence and how to counter domestic violence. "
                    "Classes will be taught by psychologists, medics, lawyers and martial arts "
                    "coaches.</p>",
                ),
                (
                    "quote",
                    {
                        "text": (
                            "We want to bring women and girls together so that each of them "
                            "learns to stand up to physical and psychological violence, overcomes "
                            "fear and self-doubt, and is able to defend her rights."
                        ),
                        "attribution": (
                            "Yefrosyniia Mukiienko, coordinator of and participant in "
                            "‘Tatarbunarski Amazonky’"
                        ),
                    },
                ),
                (
                    "quote",
                    {
                        "text": (
                            "Everyone should be able to protect themselves. Courses like these "
                            "give women and girls not only the skills to fend off an attack but "
                            "also confidence and independence, and with them the strength to "
                            "resist any violence, physical or psychological."
                        ),
                        "attribution": (
                            "Andrii Tkachov, assistant to the Head of the National Police of "
                            "Ukraine"
                        ),
                    },
                ),
            ],
        },
    },
    {
        "key": "coffee-with-a-police-officer-results",
        "date": "2019-12-27",
        "area": "space",
        "tags": {
            "uk": ["кава з поліцейським", "поліція", "громада"],
            "en": ["coffee with a police officer", "police", "community"],
        },
        "uk": {
            "title": "«Кава з поліцейським»: 16 зустрічей і нові ініціативи",
            "intro": (
                "За 2018–2019 роки в офісі відбулося 16 неформальних зустрічей мешканців із "
                "поліцією, і кілька з них дали початок новим справам."
            ),
            "body": [
                ("figures", [{"value": "16", "label": "зустрічей у 2018–2019 роках"}]),
                (
                    "paragraph",
                    "<p>Усе почалося 12 липня 2018 року з розмови дільничного офіцера з "
                    "мешканками міста про безпеку жінок. У серпні того ж року відбулася зустріч "
                    "із ромською громадою, на якій домовилися про обрання ромського радника "
                    "міського голови. Ще одним результатом зустрічей стала школа самооборони для "
                    "жінок і дівчат «Татарбунарські амазонки».</p>",
                ),
                (
                    "paragraph",
                    "<p>Формат так добре прижився, що восени 2019 року офіс запросив до такої ж "
                    "розмови медиків — так з’явилася «Кава з лікарем». Офіс запрошує мешканців "
                    "приходити на наступні зустрічі та пропонувати теми.</p>",
                ),
            ],
        },
        "en": {
            "title": "‘Coffee with a police officer’: 16 meetings and new initiatives",
            "intro": (
                "In 2018–2019 the office hosted 16 informal meetings between residents and the "
                "police, and several of them led to new initiatives."
            ),
            "body": [
                ("figures", [{"value": "16", "label": "meetings in 2018–2019"}]),
                (
                    "paragraph",
                    "<p>It all began on 12 July 2018 with a conversation between a district "
                    "police officer and local women about women’s safety. In August that year "
                    "came the meeting with the Roma community, at which it was agreed to choose a "
                    "Roma adviser to the mayor. Another result of the meetings was ‘Tatarbunarski "
                    "Amazonky’, the self-defence school for women and girls.</p>",
                ),
                (
                    "paragraph",
                    "<p>The format caught on so well that in the autumn of 2019 the office "
                    "invited medics to a similar conversation, and so ‘Coffee with a doctor’ was "
                    "born. The office invites residents to come to future meetings and to suggest "
                    "topics.</p>",
                ),
            ],
        },
    },
]
