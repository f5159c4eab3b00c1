# -*- coding: utf-8 -*-
"""Messages of the event register. Imported by l10n_source.py."""

def add(t):
    t("nav.events", "Мероприятия", "Іс-шаралар", "Events")
    t("event.list_title", "Мероприятия", "Іс-шаралар", "Events")
    t("event.new", "Новое мероприятие", "Жаңа іс-шара", "New event")
    t("event.edit", "Изменить", "Өзгерту", "Edit")
    t("event.saved", "Мероприятие сохранено.", "Іс-шара сақталды.", "The event was saved.")
    t("event.export_csv", "Скачать CSV", "CSV жүктеу", "Download CSV")
    t("event.back_to_list", "К списку мероприятий", "Іс-шаралар тізіміне", "Back to the events")
    t("event.section_what", "Что, где и когда", "Не, қайда және қашан", "What, where and when")
    t("event.section_who", "Участники", "Қатысушылар", "Participants")
    t("event.section_why", "Цель и результат", "Мақсаты мен нәтижесі", "Goal and result")
    t("event.title", "Название", "Атауы", "Title")
    t("event.type", "Вид мероприятия", "Іс-шара түрі", "Type of event")
    t("event.starts_on", "Дата", "Күні", "Date")
    t("event.ends_on", "Дата окончания", "Аяқталу күні", "End date")
    t("event.ends_on_hint", "Только если мероприятие длится несколько дней.", "Іс-шара бірнеше күнге созылса ғана.", "Only if the event lasts several days.")
    t("event.time_from", "Начало", "Басталуы", "Starts at")
    t("event.time_to", "Окончание", "Аяқталуы", "Ends at")
    t("event.when", "Дата и время", "Күні мен уақыты", "Date and time")
    t("event.place", "Место проведения", "Өткізілетін орны", "Place")
    t("event.organiser", "Организатор", "Ұйымдастырушы", "Organiser")
    t("event.branch", "Филиал", "Филиал", "Branch")
    t("event.target_groups", "Целевые группы", "Мақсатты топтар", "Target groups")
    t("event.target_group", "Целевая группа", "Мақсатты топ", "Target group")
    t("event.participants", "Участники", "Қатысушылар", "Participants")
    t("event.participants_hint", "Кто участвовал, например «специалисты библиотеки».", "Кімдер қатысты, мысалы «кітапхана мамандары».", "Who took part, for example “library specialists”.")
    t("event.participants_total", "Количество участников", "Қатысушылар саны", "Number of participants")
    t("event.children", "Дети до 14 лет", "14 жасқа дейінгі балалар", "Children up to 14")
    t("event.youth", "Молодёжь 15–30 лет", "15–30 жастағы жастар", "Youth 15–30")
    t("event.adults", "Взрослые", "Ересектер", "Adults")
    t("event.disabled", "Люди с инвалидностью", "Мүгедектігі бар адамдар", "People with disabilities")
    t("event.breakdown_hint", "Разбивка необязательна: по возрасту в сумме не больше общего числа.", "Бөлу міндетті емес: жас бойынша жиыны жалпы саннан аспайды.", "The breakdown is optional: the age bands add up to the total at most.")
    t("event.goal", "Цель", "Мақсаты", "Goal")
    t("event.expected_result", "Ожидаемый результат", "Күтілетін нәтиже", "Expected result")
    t("event.actual_result", "Фактический результат", "Нақты нәтиже", "Actual result")
    t("event.notes", "Примечания", "Ескертпелер", "Notes")
    t("event.any_type", "Все виды", "Барлық түрі", "All types")
    t("event.any_group", "Все группы", "Барлық топ", "All groups")
    t("event.filter_from", "С", "Бастап", "From")
    t("event.filter_to", "По", "Дейін", "To")
    t("event.filter_type", "Вид мероприятия", "Іс-шара түрі", "Type of event")
    t("event.filter_group", "Целевая группа", "Мақсатты топ", "Target group")
    t("event.filter_branch_id", "Филиал", "Филиал", "Branch")
    t("event.ends_before_start", "Окончание не может быть раньше начала.", "Аяқталуы басталуынан ерте бола алмайды.", "The end cannot be before the start.")
    t("event.breakdown_over_total", "Разбивка по возрасту ({sum}) больше общего числа участников ({total}).", "Жас бойынша бөлу ({sum}) қатысушылардың жалпы санынан ({total}) көп.", "The age breakdown ({sum}) is more than the number of participants ({total}).")
    t("event.disabled_over_total", "Людей с инвалидностью не может быть больше, чем всех участников ({total}).", "Мүгедектігі бар адамдар барлық қатысушылардан ({total}) көп бола алмайды.", "There cannot be more people with disabilities than participants ({total}).")
    t("event.own_branch_only", "Координатор записывает мероприятия только своего филиала.", "Үйлестіруші тек өз филиалының іс-шараларын жазады.", "A coordinator records only their own branch's events.")
    t("validation.not_negative", "Число не может быть отрицательным.", "Сан теріс бола алмайды.", "The number cannot be negative.")
    t("validation.too_large", "Слишком большое число.", "Сан тым үлкен.", "The number is too large.")
    t("event.calendar_title", "Календарь мероприятий", "Іс-шаралар күнтізбесі", "Events calendar")
    t("event.calendar_nav", "Месяцы", "Айлар", "Months")
    t("event.as_list", "Этот месяц списком", "Осы ай тізім түрінде", "This month as a list")
    for n, (ru, kk, en) in enumerate([
        ("Январь", "Қаңтар", "January"), ("Февраль", "Ақпан", "February"), ("Март", "Наурыз", "March"), ("Апрель", "Сәуір", "April"),
        ("Май", "Мамыр", "May"), ("Июнь", "Маусым", "June"), ("Июль", "Шілде", "July"), ("Август", "Тамыз", "August"),
        ("Сентябрь", "Қыркүйек", "September"), ("Октябрь", "Қазан", "October"), ("Ноябрь", "Қараша", "November"), ("Декабрь", "Желтоқсан", "December"),
    ], start=1):
        t(f"month.{n}", ru, kk, en)
    t("attachment.title", "Фото и презентации", "Фото мен презентациялар", "Photos and slides")
    t("attachment.none", "Файлов пока нет.", "Әзірге файл жоқ.", "No files yet.")
    t("attachment.file", "Файл", "Файл", "File")
    t("attachment.hint", "JPEG, PNG, PDF, PPTX или ODP, до {max} МБ.", "JPEG, PNG, PDF, PPTX немесе ODP, {max} МБ-қа дейін.", "JPEG, PNG, PDF, PPTX or ODP, up to {max} MB.")
    t("attachment.upload", "Загрузить", "Жүктеу", "Upload")
    t("attachment.delete", "Удалить", "Жою", "Delete")
    t("attachment.saved", "Файл добавлен.", "Файл қосылды.", "The file was added.")
    t("attachment.deleted", "Файл удалён.", "Файл жойылды.", "The file was deleted.")
    t("attachment.required", "Выберите файл.", "Файлды таңдаңыз.", "Choose a file.")
    t("attachment.too_large", "Файл больше {max} МБ.", "Файл {max} МБ-тан үлкен.", "The file is larger than {max} MB.")
    t("attachment.forbidden_type", "Можно загрузить только JPEG, PNG, PDF, PPTX или ODP.", "Тек JPEG, PNG, PDF, PPTX немесе ODP жүктеуге болады.", "Only JPEG, PNG, PDF, PPTX or ODP files can be uploaded.")
    t("nav.reports", "Отчёты", "Есептер", "Reports")
    t("report.events_title", "Мероприятия: отчёт", "Іс-шаралар: есеп", "Events report")
    t("report.events_lead", "Каждое число ведёт к списку мероприятий, из которых оно сложено. Мероприятие с несколькими целевыми группами учтено в каждой из них.", "Әр сан өзін құрайтын іс-шаралар тізіміне апарады. Бірнеше мақсатты тобы бар іс-шара әрқайсысында есептеледі.", "Each figure links to the events it is made of. An event with several target groups counts in each of them.")
    t("report.by_type", "По видам мероприятий", "Іс-шара түрлері бойынша", "By type of event")
    t("report.by_group", "По целевым группам", "Мақсатты топтар бойынша", "By target group")
    t("report.events", "Мероприятий", "Іс-шаралар", "Events")
    t("report.participants", "Участников", "Қатысушылар", "Participants")
    t("report.export_xlsx", "Скачать XLSX", "XLSX жүктеу", "Download XLSX")
    t("report.by_month", "Мероприятия по месяцам", "Айлар бойынша іс-шаралар", "Events by month")
    t("report.by_month_table", "Мероприятия и участники по месяцам (данные графика)", "Айлар бойынша іс-шаралар мен қатысушылар (график деректері)", "Events and participants by month (the chart's data)")
    t("report.month", "Месяц", "Ай", "Month")
    t("report.total", "Всего", "Барлығы", "Total")
    t("period.from", "С", "Бастап", "From")
    t("period.to", "По", "Дейін", "To")
    t("period.end_before_start", "Конец периода раньше его начала.", "Кезеңнің соңы басынан ерте.", "The period ends before it starts.")
    for code, ru, kk, en in [
        ("lesson", "Библиотечный урок", "Кітапханалық сабақ", "Library lesson"),
        ("presentation", "Презентация", "Тұсаукесер", "Presentation"),
        ("meeting", "Встреча", "Кездесу", "Meeting"),
        ("exhibition", "Выставка", "Көрме", "Exhibition"),
        ("club", "Заседание клуба", "Клуб отырысы", "Club session"),
        ("other", "Другое", "Басқа", "Other"),
    ]:
        t("event_type." + code, ru, kk, en)
    for code, ru, kk, en in [
        ("youth", "Молодёжь", "Жастар", "Youth"),
        ("children", "Дети и подростки", "Балалар мен жасөспірімдер", "Children and teenagers"),
        ("families", "Семьи (профилактика неблагополучия)", "Отбасылар (отбасылық қолайсыздықтың алдын алу)", "Families (preventing family trouble)"),
        ("crisis", "Женщины и мужчины в кризисной ситуации", "Дағдарыстық жағдайдағы әйелдер мен ерлер", "Women and men in crisis"),
        ("elderly", "Люди пожилого возраста", "Егде жастағы адамдар", "Elderly people"),
        ("deviant", "Люди с девиантным поведением или зависимостью", "Девиантты мінез-құлқы немесе тәуелділігі бар адамдар", "People with deviant behaviour or addiction"),
        ("migrants", "Мигранты", "Көшіп-қонушылар", "Migrants"),
        ("disabled", "Люди с инвалидностью", "Мүгедектігі бар адамдар", "People with disabilities"),
        ("specialists", "Специалисты библиотек", "Кітапхана мамандары", "Library specialists"),
        ("general", "Все желающие", "Барлық ниет білдірушілер", "The general public"),
    ]:
        t("target_group." + code, ru, kk, en)
    t.plural("event.count", {"one": "{count} мероприятие", "few": "{count} мероприятия", "many": "{count} мероприятий", "other": "{count} мероприятия"},
             {"one": "{count} іс-шара", "other": "{count} іс-шара"}, {"one": "{count} event", "other": "{count} events"})
    t.plural("event.participants_count", {"one": "{count} участник", "few": "{count} участника", "many": "{count} участников", "other": "{count} участника"},
             {"one": "{count} қатысушы", "other": "{count} қатысушы"}, {"one": "{count} participant", "other": "{count} participants"})
    t.plural("event.people", {"one": "{count} человек", "few": "{count} человека", "many": "{count} человек", "other": "{count} человека"},
             {"one": "{count} адам", "other": "{count} адам"}, {"one": "{count} person", "other": "{count} people"})
