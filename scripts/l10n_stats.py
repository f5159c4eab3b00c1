# -*- coding: utf-8 -*-
"""Messages of the delivery statistics, the library totals and the annual report.
Imported by l10n_source.py."""

def add(t):
    t("stats.title", "Статистика надомного обслуживания", "Үйде қызмет көрсету статистикасы", "Home delivery statistics")
    t("stats.lead", "Показатели за период {period}. Каждое число ведёт к списку, из которого оно посчитано.",
      "{period} кезеңіндегі көрсеткіштер. Әр сан өзі есептелген тізімге апарады.",
      "Figures for {period}. Each number leads to the list it was counted from.")
    t("stats.drill_own_branch", "Списки читателей, визитов и выдач за цифрами открывают администраторы и координаторы (своего филиала: выберите его в фильтре).",
      "Сандардың артындағы оқырмандар, сапарлар мен берулер тізімдерін әкімшілер мен үйлестірушілер ашады (өз филиалының: оны сүзгіде таңдаңыз).",
      "The lists of readers, visits and loans behind the figures open for administrators, and for coordinators at their own branch (choose it in the filter).")
    t("stats.whole_library", "Вся библиотека", "Бүкіл кітапхана", "The whole library")
    t("stats.presets", "Быстрый выбор периода", "Кезеңді жылдам таңдау", "Quick periods")
    t("stats.this_month", "Этот месяц", "Осы ай", "This month")
    t("stats.this_quarter", "Этот квартал", "Осы тоқсан", "This quarter")
    t("stats.this_year", "Этот год", "Осы жыл", "This year")
    t("stats.last_year", "Прошлый год", "Өткен жыл", "Last year")
    t("stats.trend", "По месяцам", "Айлар бойынша", "By month")
    t("stats.visits_done_by_month", "Выполненные визиты по месяцам", "Айлар бойынша орындалған сапарлар", "Visits done by month")
    t("stats.issued_by_month", "Книговыдача по месяцам", "Айлар бойынша кітап беру", "Items issued by month")
    t("stats.by_month_table", "Читатели, визиты и книговыдача по месяцам (данные графиков)", "Айлар бойынша оқырмандар, сапарлар және кітап беру (график деректері)",
      "Readers, visits and items issued by month (the charts' data)")
    t("stats.section", "Раздел", "Бөлім", "Section")
    t("stats.indicator", "Показатель", "Көрсеткіш", "Figure")
    t("stats.value", "Значение", "Мәні", "Value")
    t("stats.library_total", "Всего по библиотеке", "Кітапхана бойынша барлығы", "Library total")
    t("stats.share_col", "Доля, %", "Үлесі, %", "Share, %")
    t("stats.readers", "Читатели, обслуженные на дому", "Үйде қызмет көрсетілген оқырмандар", "Readers served at home")
    t("stats.readers_served", "Обслужено читателей", "Қызмет көрсетілген оқырмандар", "Readers served")
    t("stats.readers_new", "Из них новых (записаны в периоде)", "Оның ішінде жаңалары (кезеңде тіркелген)", "Of them new (registered in the period)")
    t("stats.by_disability", "Читатели по группе инвалидности", "Мүгедектік тобы бойынша оқырмандар", "Readers by disability group")
    t("stats.by_age", "Читатели по возрасту", "Жасы бойынша оқырмандар", "Readers by age")
    t("stats.visits", "Визиты", "Сапарлар", "Visits")
    t("stats.visits_planned", "Запланировано визитов", "Жоспарланған сапарлар", "Visits planned")
    t("stats.visits_done", "Выполнено визитов", "Орындалған сапарлар", "Visits done")
    t("stats.visits_failed", "Не состоялось", "Өтпеді", "Did not happen")
    t("stats.visits_open", "Ещё предстоит", "Әлі алда", "Still to come")
    t("stats.failures", "Несостоявшиеся визиты по причинам", "Себептері бойынша өтпеген сапарлар", "Visits that did not happen, by reason")
    t("stats.cancelled_because", "Отменён: {reason}", "Болдырылмады: {reason}", "Cancelled: {reason}")
    t("stats.items", "Книговыдача", "Кітап беру", "Items issued")
    t("stats.issued", "Выдано изданий", "Берілген басылымдар", "Items issued")
    t("stats.returned", "Возвращено", "Қайтарылды", "Returned")
    t("stats.overdue", "Просрочено на конец периода", "Кезең соңында мерзімі өткен", "Overdue at the end of the period")
    t("stats.by_format", "Выдача по формату", "Пішімі бойынша беру", "Items issued by format")
    t("stats.by_language", "Выдача по языку", "Тілі бойынша беру", "Items issued by language")
    t("stats.share", "Доля надомного обслуживания", "Үйде қызмет көрсету үлесі", "The home service's share")
    t("stats.share_users", "Читатели: доля от всех пользователей", "Оқырмандар: барлық пайдаланушылардан үлесі", "Readers: share of all users")
    t("stats.share_visits", "Визиты: доля от всех посещений", "Сапарлар: барлық келулерден үлесі", "Visits: share of all visits")
    t("stats.share_issued", "Книговыдача: доля от всей выдачи", "Кітап беру: барлық берілімнен үлесі", "Items issued: share of all issues")
    t("stats.sheet_figures", "Показатели", "Көрсеткіштер", "Figures")
    t("stats.sheet_months", "По месяцам", "Айлар бойынша", "By month")
    t("stats.list_readers", "Читатели", "Оқырмандар", "Readers")
    t("stats.list_visits", "Визиты", "Сапарлар", "Visits")
    t("stats.list_loans", "Выдачи", "Берулер", "Loans")
    t("stats.list_lead", "Строки, из которых посчитан показатель «{subset}».", "«{subset}» көрсеткіші есептелген жолдар.", "The rows the figure “{subset}” was counted from.")
    t("stats.back", "К статистике", "Статистикаға", "Back to the statistics")
    for key, ru, kk, en in [("reader", "Читатель", "Оқырман", "Reader"), ("card", "Билет", "Билет", "Card"),
                            ("disability", "Группа инвалидности", "Мүгедектік тобы", "Disability group"), ("age", "Возраст", "Жасы", "Age"),
                            ("date", "Дата", "Күні", "Date"), ("outcome", "Итог", "Нәтиже", "Outcome"), ("title", "Издание", "Басылым", "Title"),
                            ("issued", "Выдано", "Берілді", "Issued"), ("due", "Вернуть до", "Қайтару мерзімі", "Due"), ("returned", "Возвращено", "Қайтарылды", "Returned")]:
        t("stats.col_" + key, ru, kk, en)
    for code, ru, kk, en in [("0_14", "До 14 лет", "14 жасқа дейін", "Up to 14"), ("15_30", "15–30 лет", "15–30 жас", "15–30"),
                             ("31_59", "31–59 лет", "31–59 жас", "31–59"), ("60_plus", "60 лет и старше", "60 жас және одан үлкен", "60 and over"),
                             ("unknown", "Возраст не указан", "Жасы көрсетілмеген", "Age not given")]:
        t("age_band." + code, ru, kk, en)
    # Library totals
    t("totals.title", "Итоги библиотеки", "Кітапхана қорытындылары", "Library totals")
    t("totals.lead", "Общие показатели библиотеки из её статистических форм. Для периода и филиала с итогами отчёт показывает долю надомного обслуживания.",
      "Кітапхананың статистикалық нысандарынан жалпы көрсеткіштері. Қорытындысы бар кезең мен филиал үшін есеп үйде қызмет көрсету үлесін көрсетеді.",
      "The library's overall figures from its statistics forms. For a period and branch with totals, the report shows the home service's share.")
    t("totals.entered", "Введённые итоги", "Енгізілген қорытындылар", "Totals entered")
    t("totals.add", "Ввести итоги за период", "Кезең қорытындысын енгізу", "Enter the totals for a period")
    t("totals.hint", "Итоги за тот же период и филиал заменяются.", "Сол кезең мен филиалдың қорытындылары ауыстырылады.", "Totals for the same period and branch are replaced.")
    t("totals.period", "Период", "Кезең", "Period")
    t("totals.from", "С", "Бастап", "From")
    t("totals.to", "По", "Дейін", "To")
    t("totals.branch_id", "Филиал", "Филиал", "Branch")
    t("totals.users", "Пользователей всего", "Барлық пайдаланушылар", "All users")
    t("totals.visits", "Посещений всего", "Барлық келулер", "All visits")
    t("totals.issued", "Книговыдача всего", "Барлық кітап беру", "All items issued")
    t("totals.one_required", "Введите хотя бы один итог.", "Кемінде бір қорытынды енгізіңіз.", "Enter at least one total.")
    t("totals.saved", "Итоги сохранены.", "Қорытындылар сақталды.", "The totals were saved.")
    t("totals.deleted", "Итоги удалены.", "Қорытындылар жойылды.", "The totals were removed.")
    # Annual report
    t("annual.title", "Годовой отчёт за {year} год", "{year} жылғы жылдық есеп", "Annual report for {year}")
    t("annual.link", "Годовой отчёт", "Жылдық есеп", "Annual report")
    t("annual.year", "Год", "Жыл", "Year")
    t("annual.print_hint", "Чтобы сохранить отчёт в PDF, воспользуйтесь печатью браузера.", "Есепті PDF-ке сақтау үшін браузердің басып шығаруын пайдаланыңыз.",
      "To save the report as PDF, use the browser's Print.")
    t("annual.lead", "Надомное обслуживание, мероприятия и социальные проекты: {where}, {period}.", "Үйде қызмет көрсету, іс-шаралар және әлеуметтік жобалар: {where}, {period}.",
      "Home delivery, events and social projects: {where}, {period}.")
    t("annual.figures", "Надомное обслуживание", "Үйде қызмет көрсету", "Home delivery")
    t("annual.events", "Мероприятия", "Іс-шаралар", "Events")
    t("annual.projects", "Социальные проекты", "Әлеуметтік жобалар", "Social projects")
    t("annual.compiled", "Отчёт составлен {date} по данным системы «Книгоноша».", "Есеп «Книгоноша» жүйесінің деректері бойынша {date} жасалды.",
      "Compiled on {date} from the data of Knigonosha.")
