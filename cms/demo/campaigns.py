"""Demo campaigns: four of the office's campaigns, restated from its 2017–2019 report in our own
words.

Dates follow the report. Where it gives only a month or a season, a start is the first day and an
end the last day of that period; "end": None means the report presents the campaign as still
running. Each dated assumption is explained in a comment next to it. The children's summer
safety campaign deliberately has no English version (see the comment on it), so that the demo
exercises an untranslated campaign.
"""

CAMPAIGN_INDEX = {
    "uk": {
        "title": "Кампанії",
        "intro": (
            "Тривалі кампанії, у яких офіс разом із поліцією, рятувальниками, міською радою та "
            "мешканцями робить громаду безпечнішою: від курортного сезону до школи самооборони."
        ),
    },
    "en": {
        "title": "Campaigns",
        "intro": (
            "Longer campaigns in which the office works with the police, rescuers, the city "
            "council and residents to make the community safer, from the holiday season to a "
            "self-defence school."
        ),
    },
}

CAMPAIGNS = [
    {
        "key": "safe-resort-holidays",
        # The report says only "summer 2019": the whole of that summer is used.
        "start": "2019-06-01",
        "end": "2019-08-31",
        "area": "advocacy",
        "partners": ["tatarbunary-police-station", "state-emergency-service-department"],
        "news": ["resort-safety-campaign-2019"],
        "uk": {
            "title": "Безпечний відпочинок на курортах",
            "intro": (
                "Улітку 2019 року офіс разом із поліцією та рятувальниками з’ясовував, наскільки "
                "безпечно відпочивати на узбережжі Татарбунарського району, і добивався змін."
            ),
            "places": ["Курорт Лебедівка", "Курорт Расейка"],
            "target_groups": [
                "Відпочивальники",
                "Персонал баз відпочинку",
                "Працівники торговельних закладів на курортах",
            ],
            "goals": [
                "Зробити відпочинок на курортах району безпечнішим",
                "Оцінити стан безпеки на курортах і виявити небезпечні об’єкти",
                "Домогтися, щоб на курортах діяли станції туристичної поліції та рятувальні пункти",
            ],
            # The report gives no figures for this campaign.
            "results": [],
            "body": [
                (
                    "paragraph",
                    "<p>Протягом літа 2019 року представники офісу, поліцейські й рятувальники "
                    "проводили профілактичні розмови з персоналом баз відпочинку та крамниць, а "
                    "також із самими відпочивальниками. Паралельно команда оцінювала, як на "
                    "курортах дбають про безпеку, і складала перелік небезпечних місць. У серпні "
                    "спільний моніторинг відбувся, зокрема, у Лебедівці, а в липні на курорті "
                    "Расейка команда говорила про безпечний відпочинок із дітьми.</p>",
                ),
                ("heading", "Що з’ясувалося"),
                (
                    "paragraph",
                    "<p>Кімнати, відведені під станції туристичної поліції, стоять порожні — без "
                    "меблів і техніки, тож станції насправді не працюють. Поліцейські перебувають "
                    "на різних базах, і відпочивальникам важко їх знайти навіть тоді, коли "
                    "допомога потрібна негайно. Камер відеоспостереження на курортах немає, "
                    "зокрема на головних дорогах, якими туди в’їжджають і звідки виїжджають, а "
                    "без них підтримувати безпеку значно складніше.</p>",
                ),
                (
                    "paragraph",
                    "<p>Ці висновки офіс використовує в адвокації. Ще «безпековий паспорт "
                    "громади» показав, що в курортний сезон із безпекою відпочивальників серйозні "
                    "проблеми. Тому офіс наполягає, щоб у курортних зонах району відкрили "
                    "рятувальні пункти й станції туристичної поліції.</p>",
                ),
            ],
        },
        "en": {
            "title": "Safe holidays at the resorts",
            "intro": (
                "In the summer of 2019 the office, together with the police and rescuers, looked "
                "into how safe it is to holiday on the coast of Tatarbunary district, and pushed "
                "for change."
            ),
            "places": ["Lebedivka resort", "Raseika resort"],
            "target_groups": [
                "Holidaymakers",
                "Staff of holiday centres",
                "Staff of shops and other businesses at the resorts",
            ],
            "goals": [
                "Make holidays at the district’s resorts safer",
                "Assess safety at the resorts and identify hazardous sites",
                "Get tourist police stations and rescue posts working at the resorts",
            ],
            # The report gives no figures for this campaign.
            "results": [],
            "body": [
                (
                    "paragraph",
                    "<p>Throughout the summer of 2019 office staff, police officers and rescuers "
                    "held preventive talks with the staff of holiday centres and shops and with "
                    "holidaymakers themselves. At the same time the team assessed how well the "
                    "resorts look after safety and drew up a list of hazardous places. In August "
                    "joint monitoring took place at Lebedivka, among other resorts, and in July "
                    "the team talked to children about safe holidays at Raseika.</p>",
                ),
                ("heading", "What they found"),
                (
                    "paragraph",
                    "<p>The rooms set aside for tourist police stations stand empty, with no "
                    "furniture or equipment, so the stations are not really working. Police "
                    "officers are spread across different holiday centres, and holidaymakers "
                    "struggle to find them even when help is needed at once. The resorts have no "
                    "CCTV cameras, not even on the main roads in and out, and without them "
                    "keeping people safe is much harder.</p>",
                ),
                (
                    "paragraph",
                    "<p>The office uses these findings in its advocacy. The ‘community safety "
                    "passport’ had already revealed serious safety problems for holidaymakers in "
                    "the holiday season, so the office is pressing for tourist police stations "
                    "and rescue posts to be opened in the district’s resort areas.</p>",
                ),
            ],
        },
    },
    # Ukrainian only (deliberately untranslated): the English version of this campaign is missing
    # on purpose, so that the demo shows a campaign that has not been translated yet.
    {
        "key": "children-summer-safety",
        # The report describes this as a campaign the office runs every summer holiday but does
        # not say when it began; its earliest dated activity is in July 2019 (Raseika resort), so
        # the start is the first day of that month. It is presented as ongoing: no end.
        "start": "2019-07-01",
        "end": None,
        "area": "coordination",
        "partners": ["tatarbunary-police-station", "state-emergency-service-department"],
        "news": ["summer-camp-zorka-2019"],
        "uk": {
            "title": "Безпечні канікули для дітей",
            "intro": (
                "Щоліта, поки тривають шкільні канікули, офіс разом із поліцейськими, "
                "рятувальниками та іншими фахівцями пояснює дітям, як відпочивати без ризиків."
            ),
            "places": ["Літній табір «Зорька»", "Курорт Расейка"],
            "target_groups": [
                "Діти на літніх канікулах",
                "Вихователі та працівники оздоровчих таборів",
            ],
            "goals": [
                "Навчити дітей правил безпечної поведінки під час відпочинку",
                "Залучити до розмови з дітьми поліцейських, рятувальників та інших фахівців",
                "Поговорити про безпеку дітей і з вихователями та працівниками таборів",
            ],
            "results": [
                {"value": "близько 250", "label": "дітей на зустрічі в таборі «Зорька»"},
                {"value": "40", "label": "вихователів і працівників табору на тій самій зустрічі"},
            ],
            "body": [
                (
                    "paragraph",
                    "<p>Безпечний відпочинок дітей — один із напрямів, у яких офіс координує "
                    "зусилля різних служб. Коли починаються літні канікули, представники офісу "
                    "разом із поліцейськими, рятувальниками та іншими фахівцями вирушають до "
                    "дітей і розповідають, як уберегтися від небезпек на відпочинку.</p>",
                ),
                (
                    "paragraph",
                    "<p>11 липня 2019 року така інформаційна зустріч відбулася в літньому таборі "
                    "«Зорька». На неї прийшли близько 250 дітей, а також 40 вихователів і "
                    "працівників табору.</p>",
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
                    "<p>Того ж липня команда працювала з дітьми й на курорті Расейка. Кампанія "
                    "повторюється щоліта, поки в дітей тривають канікули.</p>",
                ),
            ],
        },
    },
    {
        "key": "road-safety-retro-car-festival",
        # Start: the first festival (27 October 2019); the report does not date the earlier
        # push for a traffic light and safe bus stops. The festival is to be held every year and
        # an organising committee was set up for it, so the campaign is treated as ongoing.
        "start": "2019-10-27",
        "end": None,
        "area": "advocacy",
        "partners": [
            "tatarbunary-city-council",
            "tatarbunary-police-station",
            "state-emergency-service-department",
        ],
        "news": [],
        "uk": {
            "title": "Безпека на дорогах і фестиваль ретроавтомобілів",
            "intro": (
                "Офіс домагається безпечнішого руху в Татарбунарах, а восени 2019 року вперше "
                "зібрав мешканців на фестиваль ретроавтомобілів, присвячений безпеці на дорогах."
            ),
            "places": ["Центральна площа Татарбунар"],
            "target_groups": ["Мешканці Татарбунар", "Водії", "Діти"],
            "goals": [
                "Привернути увагу громади до безпеки дорожнього руху",
                "Дати мешканцям нагоду ближче познайомитися з поліцейськими, рятувальниками та "
                "їхньою технікою",
                "Домогтися встановлення світлофора та облаштування безпечних зупинок",
                "Зробити фестиваль щорічною подією",
            ],
            "results": [
                {"value": "11", "label": "ретроавтомобілів у параді"},
                {"value": "1-й", "label": "фестиваль ретроавто в історії міста"},
                {"value": "щороку", "label": "проводитимуть фестиваль; для цього є оргкомітет"},
            ],
            "body": [
                (
                    "paragraph",
                    "<p>Безпека на дорогах — частина того широкого розуміння безпеки, з якого "
                    "виходить офіс. «Безпековий паспорт громади» засвідчив, що водії в місті "
                    "перевищують швидкість, а діти на дорогах наражаються на небезпеку. Тому офіс "
                    "ініціював встановлення світлофора, облаштування безпечних зупинок та інші "
                    "кроки, які роблять рух безпечнішим.</p>",
                ),
                (
                    "paragraph",
                    "<p>27 жовтня 2019 року, у День автомобіліста, Татарбунари вперше приймали "
                    "фестиваль ретроавтомобілів. Його задумав офіс, а підтримали міська рада, "
                    "поліцейські та рятувальники. Відбувся парад 11 старовинних автомобілів, а на "
                    "центральній площі кожен охочий міг роздивитися спеціальну техніку поліції та "
                    "ДСНС і неформально поговорити з правоохоронцями.</p>",
                ),
                ("figures", [{"value": "11", "label": "ретроавтомобілів у параді"}]),
                (
                    "paragraph",
                    "<p>Фестиваль вирішили зробити традиційним і щорічним; готувати наступні "
                    "свята доручили новоствореному організаційному комітету.</p>",
                ),
            ],
        },
        "en": {
            "title": "Road safety and the retro-car festival",
            "intro": (
                "The office presses for safer traffic in Tatarbunary, and in the autumn of 2019 "
                "it brought residents together for the town’s first retro-car festival, dedicated "
                "to road safety."
            ),
            "places": ["The central square of Tatarbunary"],
            "target_groups": ["Residents of Tatarbunary", "Drivers", "Children"],
            "goals": [
                "Draw the community’s attention to road safety",
                "Give residents a chance to meet police officers and rescuers and see their "
                "vehicles up close",
                "Secure a set of traffic lights and safe bus stops",
                "Make the festival a yearly event",
            ],
            "results": [
                {"value": "11", "label": "retro cars in the parade"},
                {"value": "1st", "label": "retro-car festival in the town’s history"},
                {"value": "every year", "label": "from now on, run by an organising committee"},
            ],
            "body": [
                (
                    "paragraph",
                    "<p>Road safety is part of the broad view of safety that guides the office. "
                    "The ‘community safety passport’ showed that drivers in the town speed and "
                    "that children are at risk on the roads. So the office called for a set of "
                    "traffic lights and safe bus stops, and other measures for safer roads.</p>",
                ),
                (
                    "paragraph",
                    "<p>On 27 October 2019, Motorist Day, Tatarbunary held its first retro-car "
                    "festival. The office came up with the idea, and it had the backing of the "
                    "city council, the police and rescuers. Eleven vintage cars took part in a "
                    "parade, and on the central square anyone could take a look at the special "
                    "vehicles of the police and the State Emergency Service and chat informally "
                    "with officers.</p>",
                ),
                ("figures", [{"value": "11", "label": "retro cars in the parade"}]),
                (
                    "paragraph",
                    "<p>It was agreed to make the festival a yearly tradition, and a newly formed "
                    "organising committee will prepare the next ones.</p>",
                ),
            ],
        },
    },
    {
        "key": "tatarbunarski-amazonky",
        # The report says only "late November 2019": the start is the first day of that month.
        # The Ukrainian text gives the pilot programme six months (the English translation says
        # five); six months from late November 2019 run out in late May 2020, so the end is the
        # last day of May 2020.
        "start": "2019-11-01",
        "end": "2020-05-31",
        "area": "coordination",
        "partners": [],
        "news": ["tatarbunarski-amazonky-first-month"],
        "uk": {
            "title": "Школа самооборони «Татарбунарські амазонки»",
            "intro": (
                "Безкоштовна школа самооборони для жінок і дівчат, яку офіс відкрив наприкінці "
                "листопада 2019 року; ідея народилася на зустрічах «Кава з поліцейським»."
            ),
            "places": ["Татарбунари"],
            "target_groups": ["Жінки", "Студентки", "Школярки"],
            "goals": [
                "Згуртувати жінок і дівчат",
                "Навчити їх давати відсіч фізичному й психологічному насильству",
                "Допомогти подолати страх і невпевненість у собі",
                "Навчити обстоювати свої права",
            ],
            "results": [
                {"value": "6 місяців", "label": "триває пілотна програма"},
                {"value": "безкоштовно", "label": "для всіх учасниць"},
                {
                    "value": "1-й етап",
                    "label": "за перший місяць: фізпідготовка й основи самозахисту",
                },
            ],
            "body": [
                (
                    "paragraph",
                    "<p>Школа, яку назвали «Татарбунарські амазонки», запрацювала наприкінці "
                    "листопада 2019 року й одразу почала швидко зростати. Перший місяць жінки, "
                    "студентки та школярки тренувалися з Вадимом Короленком, тренером спортивного "
                    "клубу «Skif»: цей етап присвятили загальній фізичній підготовці та основам "
                    "самозахисту. Гасло учасниці вигадали разом — «Краса може дати відсіч».</p>",
                ),
                ("figures", [{"value": "6", "label": "місяців триває пілотна програма"}]),
                (
                    "paragraph",
                    "<p>Пілотна програма розрахована на пів року. Крім фізичної підготовки й "
                    "самозахисту, учасниці опанують поводження із засобами індивідуального "
                    "захисту, основи цивільного захисту й першої домедичної допомоги, дізнаються "
                    "про правовий бік самооборони та про те, як протидіяти домашньому насильству. "
                    "Заняття вестимуть тренери з єдиноборств, психологи, медики й адвокати.</p>",
                ),
                (
                    "paragraph",
                    "<p>Як пояснює координаторка й учасниця програми Єфросинія Мукієнко, курс має "
                    "згуртувати жінок і дівчат, допомогти їм позбутися страху й невпевненості та "
                    "навчити захищати себе й свої права. Розвиток цієї ініціативи офіс вписав у "
                    "свої пріоритети на 2020–2021 роки.</p>",
                ),
            ],
        },
        "en": {
            "title": "‘Tatarbunarski Amazonky’ self-defence school",
            "intro": (
                "A free self-defence school for women and girls that the office opened at the end "
                "of November 2019; the idea grew out of the ‘Coffee with a police officer’ "
                "meetings."
            ),
            "places": ["Tatarbunary"],
            "target_groups": ["Women", "University students", "Schoolgirls"],
            "goals": [
                "Bring women and girls together",
                "Teach them to stand up to physical and psychological violence",
                "Help them overcome fear and self-doubt",
                "Teach them to stand up for their rights",
            ],
            "results": [
                {"value": "6 months", "label": "length of the pilot programme"},
                {"value": "free", "label": "for every participant"},
                {
                    "value": "stage 1",
                    "label": "done in the first month: fitness and self-defence basics",
                },
            ],
            "body": [
                (
                    "paragraph",
                    "<p>The school, named ‘Tatarbunarski Amazonky’, opened at the end of November "
                    "2019 and quickly began to grow. For the first month women, university "
                    "students and schoolgirls trained with Vadym Korolenko, a coach at the ‘Skif’ "
                    "sports club; this stage was given over to general fitness and the basics of "
                    "self-defence. The participants came up with their motto together: ‘Beauty "
                    "can strike back’.</p>",
                ),
                ("figures", [{"value": "6", "label": "months of the pilot programme"}]),
                (
                    "paragraph",
                    "<p>The pilot programme is planned to last half a year. Besides fitness and "
                    "self-defence, participants will learn to handle personal protective devices, "
                    "the basics of civil protection and first aid, the legal side of self-defence "
                    "and how to counter domestic violence. Classes will be led by martial arts "
                    "coaches, psychologists, medics and lawyers.</p>",
                ),
                (
                    "paragraph",
                    "<p>As Yefrosyniia Mukiienko, the programme’s coordinator and one of its "
                    "participants, explains, the course is meant to bring women and girls "
                    "together, help them shed fear and self-doubt, and teach them to protect "
                    "themselves and their rights. The office has made developing the initiative "
                    "one of its priorities for 2020–2021.</p>",
                ),
            ],
        },
    },
]
