# -*- coding: utf-8 -*-
"""Messages of the project registry, the delivery statistics and the annual report.
Imported by l10n_source.py."""

def add(t):
    t("nav.projects", "Проекты", "Жобалар", "Projects")
    t("event.project", "Социальный проект", "Әлеуметтік жоба", "Social project")
    t("validation.url", "Введите адрес, начинающийся с https:// или http://.", "https:// немесе http:// деп басталатын мекенжай енгізіңіз.", "Enter an address that starts with https:// or http://.")
    # Projects
    t("project.list_title", "Социальные проекты", "Әлеуметтік жобалар", "Social projects")
    t("project.list_lead", "Проекты библиотеки: авторы, целевые группы, презентации, награды и продвижение к целевым показателям.",
      "Кітапхана жобалары: авторлары, мақсатты топтары, таныстырылымдары, марапаттары және мақсатты көрсеткіштерге жетуі.",
      "The library's projects: authors, target groups, presentations, awards and progress towards their targets.")
    t.plural("project.count", {"one": "{count} проект", "few": "{count} проекта", "many": "{count} проектов", "other": "{count} проекта"},
             {"one": "{count} жоба", "other": "{count} жоба"}, {"one": "{count} project", "other": "{count} projects"})
    t("project.new", "Новый проект", "Жаңа жоба", "New project")
    t("project.edit", "Изменить", "Өзгерту", "Edit")
    t("project.deleted", "Проект удалён; его мероприятия остались в реестре.", "Жоба жойылды; оның іс-шаралары тізілімде қалды.", "The project was removed; its events stay in the register.")
    t("project.delete", "Удалить проект", "Жобаны жою", "Remove the project")
    t("project.delete_hint", "Удаляются презентации, награды и показатели проекта; мероприятия остаются без ссылки на него.", "Жобаның таныстырылымдары, марапаттары мен көрсеткіштері жойылады; іс-шаралар оған сілтемесіз қалады.", "Its presentations, awards and indicators go; its events stay, no longer linked.")
    t("project.saved", "Проект сохранён.", "Жоба сақталды.", "The project was saved.")
    t("project.back_to_list", "К списку проектов", "Жобалар тізіміне", "Back to the projects")
    t("project.section_what", "Проект", "Жоба", "The project")
    t("project.section_who", "Для кого и чей", "Кім үшін және кімдікі", "For whom and by whom")
    t("project.section_why", "Цель и описание", "Мақсаты мен сипаттамасы", "Goal and description")
    t("project.name", "Название", "Атауы", "Name")
    t("project.status", "Состояние", "Күйі", "Status")
    t("project.starts_on", "Начало", "Басталуы", "Start")
    t("project.ends_on", "Окончание", "Аяқталуы", "End")
    t("project.ends_on_hint", "Оставьте пустым, если проект продолжается.", "Жоба жалғасып жатса, бос қалдырыңыз.", "Leave empty while the project goes on.")
    t("project.period", "Период", "Кезең", "Period")
    t("project.ongoing", "по настоящее время", "қазірге дейін", "ongoing")
    t("project.branch", "Филиал", "Филиал", "Branch")
    t("project.branch_id", "Филиал", "Филиал", "Branch")
    t("project.organisation", "Организация", "Ұйым", "Organisation")
    t("project.organisation_hint", "Если проект ведёт не филиал или он совместный.", "Жобаны филиал жүргізбесе немесе ол бірлескен болса.", "When the project is not a branch's own, or is run with partners.")
    t("project.held_by", "Кто реализует", "Кім жүзеге асырады", "Run by")
    t("project.target_groups", "Целевые группы («Разные – Равные»)", "Мақсатты топтар («Разные – Равные»)", "Target groups («Разные – Равные»)")
    t("project.authors", "Авторы", "Авторлары", "Authors")
    t("project.staff_authors", "Авторы из сотрудников", "Қызметкерлерден авторлар", "Authors on the staff")
    t("project.author_ids", "Авторы", "Авторлары", "Authors")
    t("project.authors_hint", "Отметьте сотрудников; других авторов впишите ниже.", "Қызметкерлерді белгілеңіз; басқа авторларды төменде жазыңыз.", "Tick staff members; type other authors below.")
    t("project.other_authors", "Другие авторы", "Басқа авторлар", "Other authors")
    t("project.goal", "Цель", "Мақсаты", "Goal")
    t("project.description", "Описание", "Сипаттамасы", "Description")
    t("project.authors_required", "Укажите хотя бы одного автора.", "Кемінде бір авторды көрсетіңіз.", "Name at least one author.")
    t("project.branch_or_organisation", "Укажите филиал или организацию.", "Филиалды немесе ұйымды көрсетіңіз.", "Give a branch or an organisation.")
    t("project.none_yet", "Пока нет.", "Әзірге жоқ.", "None yet.")
    t("project.indicators", "Показатели", "Көрсеткіштер", "Indicators")
    t("project.indicators_caption", "Целевые и фактические значения", "Мақсатты және нақты мәндер", "Targets and actual values")
    t("project.indicator", "Показатель", "Көрсеткіш", "Indicator")
    t("project.indicator_source", "Откуда значение", "Мән қайдан алынды", "Where the value comes from")
    t("project.metric", "Что считается", "Не есептеледі", "What is counted")
    t("project.target", "Цель", "Мақсат", "Target")
    t("project.actual", "Факт", "Нақты", "Actual")
    t("project.progress", "Выполнение", "Орындалуы", "Progress")
    t("project.from_data", "считается по данным", "деректер бойынша есептеледі", "counted from the data")
    t("project.entered_by_hand", "введено вручную", "қолмен енгізілді", "entered by hand")
    t("project.manual_value", "Фактическое значение", "Нақты мән", "Actual value")
    t("project.manual_value_hint", "Только для показателя «вручную»; остальные считаются сами.", "Тек «қолмен» көрсеткіші үшін; қалғандары өздігінен есептеледі.", "Only for a manual indicator; the others are counted from the data.")
    t("project.source", "Источник", "Дереккөз", "Source")
    t("project.source_hint", "Откуда взято значение, например «журнал волонтёров».", "Мән қайдан алынды, мысалы «волонтерлер журналы».", "Where the value comes from, for example “volunteer log”.")
    t("indicator.computed_no_value", "Этот показатель считается по данным: значение вводить не нужно.", "Бұл көрсеткіш деректер бойынша есептеледі: мәнді енгізудің қажеті жоқ.", "This indicator is counted from the data: leave the value empty.")
    t("indicator.source_required", "Укажите источник значения.", "Мәннің дереккөзін көрсетіңіз.", "Give the value's source.")
    t("project.presentations", "Презентации", "Таныстырылымдар", "Presentations")
    t("project.presented_on", "Дата", "Күні", "Date")
    t("project.venue", "Конференция или конкурс", "Конференция немесе байқау", "Conference or competition")
    t("project.venue_hint", "Например «Разные – Равные».", "Мысалы «Разные – Равные».", "For example «Разные – Равные».")
    t("project.venue_kind", "Вид", "Түрі", "Kind")
    t("project.material", "Материал", "Материал", "Material")
    t("project.link", "Ссылка на материал", "Материалға сілтеме", "Link to the material")
    t("project.link_hint", "Необязательно: адрес видео или слайдов.", "Міндетті емес: бейне немесе слайдтар мекенжайы.", "Optional: where the video or slides are.")
    t("project.open_material", "открыть", "ашу", "open")
    t("project.notes", "Примечания", "Ескертпелер", "Notes")
    t("project.awards", "Награды", "Марапаттар", "Awards")
    t("project.award_name", "Награда", "Марапат", "Award")
    t("project.awarded_by", "Кем вручена", "Кім табыстады", "Awarded by")
    t("project.awarded_on", "Дата", "Күні", "Date")
    t("project.recipient", "Кому", "Кімге", "To whom")
    t("project.recipient_hint", "Проекту, автору или коллективу.", "Жобаға, авторға немесе ұжымға.", "The project, an author or a team.")
    t("project.events", "Мероприятия проекта", "Жоба іс-шаралары", "The project's events")
    t("project.add_event", "Добавить мероприятие", "Іс-шара қосу", "Add an event")
    t("project.add_presentations", "Добавить презентацию", "Таныстырылым қосу", "Add a presentation")
    t("project.add_awards", "Добавить награду", "Марапат қосу", "Add an award")
    t("project.add_indicators", "Добавить показатель", "Көрсеткіш қосу", "Add an indicator")
    for code, ru, kk, en in [("planned", "Планируется", "Жоспарлануда", "Planned"), ("active", "Реализуется", "Жүзеге асырылуда", "Active"),
                             ("finished", "Завершён", "Аяқталды", "Finished"), ("suspended", "Приостановлен", "Тоқтатылды", "Suspended")]:
        t("project_status." + code, ru, kk, en)
    for code, ru, kk, en in [("competition", "Конкурс", "Байқау", "Competition"), ("conference", "Конференция", "Конференция", "Conference"),
                             ("seminar", "Семинар", "Семинар", "Seminar"), ("other", "Другое", "Басқа", "Other")]:
        t("venue_kind." + code, ru, kk, en)
    for code, ru, kk, en in [("video", "Видеоролик", "Бейнеролик", "Video"), ("slides", "Слайд-шоу", "Слайд-шоу", "Slides"),
                             ("talk", "Доклад", "Баяндама", "Talk"), ("poster", "Стендовый доклад", "Стендтік баяндама", "Poster"), ("other", "Другое", "Басқа", "Other")]:
        t("presentation_material." + code, ru, kk, en)
    for code, ru, kk, en in [("readers_served", "Читатели, обслуженные на дому", "Үйде қызмет көрсетілген оқырмандар", "Readers served at home"),
                             ("visits_done", "Выполненные визиты", "Орындалған сапарлар", "Visits done"),
                             ("items_issued", "Выдано изданий", "Берілген басылымдар", "Items issued"),
                             ("events_held", "Проведено мероприятий", "Өткізілген іс-шаралар", "Events held"),
                             ("participants", "Участники мероприятий", "Іс-шаралар қатысушылары", "Event participants"),
                             ("manual", "Вводится вручную", "Қолмен енгізіледі", "Entered by hand")]:
        t("indicator_metric." + code, ru, kk, en)
