# -*- coding: utf-8 -*-
"""Messages of home delivery: visits, selection, outcomes, the run sheet. Imported by l10n_source.py."""

def add(t):
    # errors and rules
    t("visit.not_open", "Визит уже состоялся или отменён; его нельзя изменить.", "Бару өтіп кеткен немесе болдырылмаған; оны өзгертуге болмайды.", "This visit has already happened or was cancelled; it cannot be changed.")
    t("visit.is_cancelled", "Визит отменён: отметить его выполненным нельзя.", "Бару болдырылмаған: оны орындалды деп белгілеуге болмайды.", "This visit was cancelled: it cannot be marked done.")
    t("visit.already_recorded", "Результат этого визита уже записан.", "Бұл барудың нәтижесі жазылып қойған.", "This visit's outcome has already been recorded.")
    t("visit.reader_not_active", "Читатель не обслуживается: визит назначить нельзя.", "Оқырманға қызмет көрсетілмейді: бару тағайындауға болмайды.", "The reader is not being served: no visit can be planned.")
    t("visit.reader_ended", "Обслуживание читателя завершено: визит назначить нельзя.", "Оқырманға қызмет көрсету аяқталған: бару тағайындауға болмайды.", "The reader's service has ended: no visit can be planned.")
    t("visit.reader_paused", "Обслуживание читателя на паузе: визит назначить нельзя.", "Оқырманға қызмет көрсету үзілісте: бару тағайындауға болмайды.", "The reader's service is paused: no visit can be planned.")
    t("visit.reader_paused_on_date", "На эту дату у читателя пауза в обслуживании.", "Бұл күні оқырманға қызмет көрсетуде үзіліс бар.", "The reader's service is paused on this date.")
    t("visit.carrier_invalid", "Выберите активного книгоношу этого филиала.", "Осы филиалдың белсенді кітап тасушысын таңдаңыз.", "Choose an active carrier of this branch.")
    t("visit.weeks_range", "Укажите от 1 до 26 недель.", "1-ден 26 аптаға дейін көрсетіңіз.", "Give between 1 and 26 weeks.")
    t("visit.range_too_long", "Слишком длинный период.", "Кезең тым ұзақ.", "The period is too long.")
    t("validation.not_past", "Дата не может быть в прошлом.", "Күн өткен уақытта бола алмайды.", "The date cannot be in the past.")
    t("validation.weekday", "День недели — число от 1 (понедельник) до 7 (воскресенье).", "Апта күні — 1-ден (дүйсенбі) 7-ге (жексенбі) дейінгі сан.", "A weekday is a number from 1 (Monday) to 7 (Sunday).")
    t("validation.duplicate_weekday", "Этот день недели уже указан.", "Бұл апта күні көрсетілген.", "This weekday is already listed.")
    t("validation.time_order", "Время окончания должно быть позже начала.", "Аяқталу уақыты басталудан кейін болуы керек.", "The end time must be after the start.")
    t("validation.period_order", "Конец периода не может быть раньше начала.", "Кезеңнің соңы басынан бұрын бола алмайды.", "The end of the period cannot be before its start.")
    t("selection.no_copy", "В филиале нет свободного экземпляра этого издания.", "Филиалда бұл басылымның бос данасы жоқ.", "No copy of this title is available at the branch.")
    t("selection.copy_taken", "Этот экземпляр уже зарезервирован для другого читателя.", "Бұл дана басқа оқырманға брондалып қойған.", "This copy has already been reserved for another reader.")
    t("selection.already_chosen", "Это издание уже выбрано для визита.", "Бұл басылым баруға таңдалып қойған.", "This title is already chosen for the visit.")
    t("copy.wrong_state", "Состояние экземпляра изменилось; обновите страницу.", "Дананың күйі өзгерді; бетті жаңартыңыз.", "The copy's state has changed; reload the page.")
    t("loan.not_on_loan", "Это издание не числится выданным читателю.", "Бұл басылым оқырманға берілген болып саналмайды.", "This item is not on loan to the reader.")
    t("outcome.key_reused", "Этот ключ уже использован для другого визита.", "Бұл кілт басқа баруға қолданылған.", "This key was already used for another visit.")
    t("outcome.rating_range", "Оценка — от 1 до 5.", "Баға — 1-ден 5-ке дейін.", "A rating is from 1 to 5.")
    t("outcome.rating_not_returned", "Оценить можно только возвращённое издание.", "Тек қайтарылған басылымды бағалауға болады.", "Only a returned item can be rated.")
    t("outcome.minutes_range", "Укажите от 0 до 600 минут.", "0-ден 600 минутқа дейін көрсетіңіз.", "Give between 0 and 600 minutes.")
    t("outcome.not_on_visit", "Этого издания нет в визите.", "Бұл басылым баруда жоқ.", "This item is not part of the visit.")

    t("nav.visits", "Визиты", "Барулар", "Visits")
    t("nav.run", "Мой маршрут", "Менің бағытым", "My run")
    t("run.title", "Маршрут на день", "Күндік бағыт", "Today's run")
    t("run.empty", "На этот день визитов нет.", "Бұл күнге бару жоқ.", "No visits on this day.")
    t("run.print", "Печать маршрутного листа", "Бағыт парағын басып шығару", "Print the route sheet")
    t("run.apartment", "кв.", "пәтер", "apt")
    t("run.entrance", "Подъезд", "Кіреберіс", "Entrance")
    t("run.floor", "Этаж", "Қабат", "Floor")
    t("run.no_lift", "без лифта", "лифтсіз", "no lift")
    t("run.intercom", "Домофон", "Домофон", "Intercom")
    t("run.no_coordinates", "Нет координат: остановка поставлена в конец маршрута.", "Координаттар жоқ: аялдама бағыттың соңына қойылды.", "No coordinates: this stop is placed at the end of the run.")
    t("run.caregiver", "Помощник", "Көмекші", "Caregiver")
    t("run.record_for", "Результат визита:", "Бару нәтижесі:", "Outcome of the visit:")
    t("run.details", "Оценки, время и комментарий (необязательно)", "Бағалар, уақыт және пікір (міндетті емес)", "Ratings, time and comment (optional)")
    t("run.rating_for", "Оценка читателя:", "Оқырман бағасы:", "Reader's rating of")
    t("run.minutes", "Сколько минут заняло", "Қанша минут кетті", "Minutes spent")
    t("run.comment", "Комментарий", "Пікір", "Comment")
    t("run.done", "Выполнен", "Орындалды", "Done")
    t("run.no_answer", "Не застали дома", "Үйден таппады", "Not at home")
    t("run.start", "В пути", "Жолдамын", "On my way")
    t("run.started", "Отмечено: вы в пути.", "Белгіленді: сіз жолдасыз.", "Marked: you are on your way.")
    t("visits.next_visit_on", "Дата следующего визита (вместо расчётной)", "Келесі бару күні (есептелгеннің орнына)", "Next visit on (instead of the computed date)")
    t("visits.next_visit_hint", "Используется при следующем планировании один раз; пусто — по графику.", "Келесі жоспарлауда бір рет қолданылады; бос болса — кесте бойынша.", "Used once at the next planning; leave empty to follow the rhythm.")
    t("visits.next_saved", "Дата следующего визита сохранена.", "Келесі бару күні сақталды.", "Next visit date saved.")
    t("run.recorded", "Результат записан.", "Нәтиже жазылды.", "Outcome recorded.")
    t.plural("run.stops", {"one": "{count} остановка", "few": "{count} остановки", "many": "{count} остановок", "other": "{count} остановки"},
             {"one": "{count} аялдама", "other": "{count} аялдама"}, {"one": "{count} stop", "other": "{count} stops"})
    t.plural("run.deliver_count", {"one": "Привезти: {count} издание", "few": "Привезти: {count} издания", "many": "Привезти: {count} изданий", "other": "Привезти: {count} издания"},
             {"one": "Апару: {count} басылым", "other": "Апару: {count} басылым"}, {"one": "Deliver: {count} item", "other": "Deliver: {count} items"})
    t.plural("run.collect_count", {"one": "Забрать: {count} издание", "few": "Забрать: {count} издания", "many": "Забрать: {count} изданий", "other": "Забрать: {count} издания"},
             {"one": "Алу: {count} басылым", "other": "Алу: {count} басылым"}, {"one": "Collect: {count} item", "other": "Collect: {count} items"})


    # the coordinator's visit pages
    t("catalog.search", "Найти", "Табу", "Search")
    t("visits.title", "Визиты", "Барулар", "Visits")
    t("visits.period_nav", "Период", "Кезең", "Period")
    t("visits.prev_week", "← Предыдущая неделя", "← Алдыңғы апта", "← Previous week")
    t("visits.next_week", "Следующая неделя →", "Келесі апта →", "Next week →")
    t("visits.prev_day", "← Предыдущий день", "← Алдыңғы күн", "← Previous day")
    t("visits.next_day", "Следующий день →", "Келесі күн →", "Next day →")
    t("visits.today", "Сегодня", "Бүгін", "Today")
    t("visits.day_view", "По дням", "Күн бойынша", "Day view")
    t("visits.week_view", "По неделям", "Апта бойынша", "Week view")
    t("visits.date", "Дата", "Күні", "Date")
    t("visits.branch", "Филиал", "Филиал", "Branch")
    t("visits.all_branches", "Все филиалы", "Барлық филиалдар", "All branches")
    t("visits.carrier", "Книгоноша", "Кітап тасушы", "Carrier")
    t("visits.all_carriers", "Все книгоноши", "Барлық кітап тасушылар", "All carriers")
    t("visits.show", "Показать", "Көрсету", "Show")
    t("visits.time", "Время", "Уақыты", "Time")
    t("visits.reader", "Читатель", "Оқырман", "Reader")
    t("visits.status", "Состояние", "Күйі", "Status")
    t("visits.items", "Отобрано", "Таңдалды", "Chosen")
    t("visits.unassigned", "Не назначен", "Тағайындалмаған", "Not assigned")
    t("visits.work", "Планирование и отбор", "Жоспарлау және іріктеу", "Planning and selection")
    t("visits.new_request", "Визит по запросу", "Сұраныс бойынша бару", "Visit on request")
    t("visits.pick_list", "Список для подбора с полок", "Сөрелерден іріктеу тізімі", "Pick list")
    t("visits.plan_weeks", "На сколько недель вперёд", "Неше аптаға алға", "Weeks ahead")
    t("visits.plan", "Запланировать визиты", "Баруларды жоспарлау", "Plan visits")
    t("visits.select_week", "Подобрать книги на неделю", "Аптаға кітап іріктеу", "Prepare selections for the week")
    t("visits.select_day", "Подобрать книги на день", "Күнге кітап іріктеу", "Prepare selections for the day")
    t("visits.select_branch", "Выберите филиал.", "Филиалды таңдаңыз.", "Choose a branch.")
    t("visits.planned", "Визиты запланированы.", "Барулар жоспарланды.", "Visits planned.")
    t("visits.selected", "Книги подобраны, экземпляры зарезервированы.", "Кітаптар іріктелді, даналар брондалды.", "Selections prepared and copies reserved.")
    t("visits.request_saved", "Запрос записан, визит запланирован.", "Сұраныс жазылды, бару жоспарланды.", "Request logged and visit planned.")
    t("visits.saved", "Визит сохранён.", "Бару сақталды.", "Visit saved.")
    t("visits.selection_saved", "Подборка изменена.", "Іріктеу өзгертілді.", "Selection changed.")
    t("visits.outcome_saved", "Результат визита записан.", "Бару нәтижесі жазылды.", "Outcome recorded.")
    t("visits.reader_id", "Читатель", "Оқырман", "Reader")
    t("visits.requested_by", "Кто обратился", "Кім хабарласты", "Who asked")
    t("visits.request_channel", "Как обратились", "Қалай хабарласты", "How they asked")
    t("visits.request_text", "Что просили", "Не сұрады", "What was asked for")
    t("visits.scheduled_on", "Дата визита", "Бару күні", "Visit date")
    t("visits.time_from", "С", "Бастап", "From")
    t("visits.time_to", "До", "Дейін", "To")
    t("visits.carrier_id", "Книгоноша", "Кітап тасушы", "Carrier")
    t("visits.carrier_auto", "Назначить автоматически", "Автоматты түрде тағайындау", "Assign automatically")
    t("visits.visit_title", "Визит: {name}, {date}", "Бару: {name}, {date}", "Visit: {name}, {date}")
    t("visits.kind", "Вид", "Түрі", "Kind")
    t("visits.slip", "Памятка для читателя (крупный шрифт)", "Оқырманға жадынама (ірі қаріп)", "Slip for the reader (large print)")
    t("visits.change_plan", "Дата, время и книгоноша", "Күні, уақыты және кітап тасушы", "Date, time and carrier")
    t("visits.selection", "Подборка", "Іріктеу", "Selection")
    t("visits.selection_empty", "Книги ещё не подобраны.", "Кітаптар әлі іріктелмеген.", "No titles chosen yet.")
    t("visits.title_col", "Издание", "Басылым", "Title")
    t("visits.state", "Состояние", "Күйі", "State")
    t("visits.why", "Почему", "Неліктен", "Why")
    t("visits.accept", "Принять", "Қабылдау", "Accept")
    t("visits.swap", "Заменить", "Ауыстыру", "Swap")
    t("visits.remove", "Убрать", "Алып тастау", "Remove")
    t("visits.suggest", "Предложить книги", "Кітап ұсыну", "Suggest titles")
    t("visits.suggest_and_reserve", "Предложить и зарезервировать", "Ұсыну және брондау", "Suggest and reserve")
    t("visits.add_title", "Добавить издание из каталога", "Каталогтан басылым қосу", "Add a title from the catalogue")
    t("visits.nothing_available", "Свободных экземпляров в филиале не найдено.", "Филиалда бос даналар табылмады.", "No available copies found at the branch.")
    t("visits.add", "Добавить", "Қосу", "Add")
    t("visits.due", "вернуть", "қайтару", "due")
    t("visits.outcome", "Результат визита", "Бару нәтижесі", "Outcome")
    t("visits.reason", "Причина отмены", "Болдырмау себебі", "Reason for cancelling")
    t("visits.reason_note", "Пояснение", "Түсініктеме", "Note")
    t("visits.cancel_visit", "Отменить визит", "Баруды болдырмау", "Cancel the visit")
    t("visits.reschedule_to", "Новая дата", "Жаңа күні", "New date")
    t("visits.reschedule", "Перенести", "Ауыстыру", "Reschedule")
    t("visits.history", "История визита", "Бару тарихы", "History of the visit")
    t("visit_event.created", "Запланирован", "Жоспарланды", "Planned")
    t("visit_event.status", "Состояние", "Күйі", "Status")
    t("visit_event.assigned", "Книгоноша", "Кітап тасушы", "Carrier")
    t("visit_event.date", "Дата", "Күні", "Date")
    t("reason.subject", "Тема", "Тақырып", "Subject")
    t("reason.genre", "Жанр", "Жанр", "Genre")
    t("reason.author", "Автор", "Автор", "Author")
    t("reason.series", "Следующая книга серии", "Сериядағы келесі кітап", "Next in series")
    t("reason.rating", "Похоже на то, что читатель высоко оценил", "Оқырман жоғары бағалағанға ұқсас", "Like what the reader rated highly")
    t("reason.fit", "Подходит по формату и языку", "Пішімі мен тілі бойынша сәйкес", "Fits the reader's formats and languages")
    t("reason.manual", "Выбрано координатором", "Үйлестіруші таңдады", "Chosen by the coordinator")
    t("slip.title", "Памятка читателю", "Оқырманға жадынама", "Note for the reader")
    t("slip.left", "Вам оставили", "Сізге қалдырылды", "Left with you")
    t("slip.next", "Следующий визит", "Келесі бару", "Next visit")
    t("slip.next_by_phone", "Мы позвоним, чтобы договориться.", "Келісу үшін қоңырау шаламыз.", "We will call to arrange it.")
    t("slip.phone_note", "Книгоноша — библиотека имени Абая, Семей. Телефон: +7 7222 52-33-44", "Кітап тасушы — Абай атындағы кітапхана, Семей. Телефон: +7 7222 52-33-44", "Knigonosha — Abai Library, Semey. Phone: +7 7222 52-33-44")
    t("slip.print", "Напечатать памятку", "Жадынаманы басып шығару", "Print the slip")
    t.plural("visits.count", {"one": "{count} визит", "few": "{count} визита", "many": "{count} визитов", "other": "{count} визита"},
             {"one": "{count} бару", "other": "{count} бару"}, {"one": "{count} visit", "other": "{count} visits"})
    t.plural("visits.pick_count", {"one": "{count} экземпляр", "few": "{count} экземпляра", "many": "{count} экземпляров", "other": "{count} экземпляра"},
             {"one": "{count} дана", "other": "{count} дана"}, {"one": "{count} copy", "other": "{count} copies"})
    t.plural("visits.items_count", {"one": "{count} издание", "few": "{count} издания", "many": "{count} изданий", "other": "{count} издания"},
             {"one": "{count} басылым", "other": "{count} басылым"}, {"one": "{count} title", "other": "{count} titles"})
    t.plural("visits.wanted", {"one": "читатель просит {count}", "few": "читатель просит {count}", "many": "читатель просит {count}", "other": "читатель просит {count}"},
             {"one": "оқырман {count} сұрайды", "other": "оқырман {count} сұрайды"}, {"one": "the reader wants {count}", "other": "the reader wants {count}"})
    t.plural("visits.returned_count", {"one": "Возвращено: {count} издание", "few": "Возвращено: {count} издания", "many": "Возвращено: {count} изданий", "other": "Возвращено: {count} издания"},
             {"one": "Қайтарылды: {count} басылым", "other": "Қайтарылды: {count} басылым"}, {"one": "Returned: {count} item", "other": "Returned: {count} items"})

    # loans, settings, calendar
    t("nav.loans", "Выдачи", "Берілімдер", "Loans")
    t("nav.delivery_settings", "Доставка: настройки", "Жеткізу баптаулары", "Delivery settings")
    t("reader.service_history", "Визиты и выдачи", "Барулар мен берілімдер", "Visits and loans")
    t("catalog.who_had", "Кто брал это издание", "Бұл басылымды кім алды", "Who had this title")
    t("catalog.nobody_had", "Это издание ещё никому не выдавалось.", "Бұл басылым әлі ешкімге берілмеген.", "Nobody has had this title yet.")
    t("loan.renewals_used", "Продлевать больше нельзя: издание нужно вернуть.", "Бұдан әрі ұзартуға болмайды: басылымды қайтару керек.", "No more renewals: the item has to come back.")
    t("loans.title", "Книги на руках", "Оқырмандардағы кітаптар", "Items on loan")
    t("loans.overdue_title", "Просроченные", "Мерзімі өткендер", "Overdue")
    t("loans.filter", "Какие выдачи показать", "Қандай берілімдерді көрсету", "Which loans to show")
    t("loans.issued", "Выдано", "Берілді", "Issued")
    t("loans.due", "Вернуть до", "Қайтару мерзімі", "Due")
    t("loans.rating", "Оценка", "Баға", "Rating")
    t("loans.overdue_mark", "просрочено", "мерзімі өтті", "overdue")
    t("loans.renew", "Продлить", "Ұзарту", "Renew")
    t("loans.lost", "Утеряно", "Жоғалды", "Lost")
    t("loans.renewed", "Срок продлён.", "Мерзімі ұзартылды.", "Loan renewed.")
    t("loans.marked_lost", "Экземпляр отмечен утерянным.", "Дана жоғалды деп белгіленді.", "The copy is marked lost.")
    t.plural("loans.count", {"one": "{count} выдача", "few": "{count} выдачи", "many": "{count} выдач", "other": "{count} выдачи"},
             {"one": "{count} беріл", "other": "{count} беріл"}, {"one": "{count} loan", "other": "{count} loans"})
    t("settings.title", "Настройки доставки", "Жеткізу баптаулары", "Delivery settings")
    t("settings.resend_after_months", "Повторно отправлять издание читателю через (месяцев)", "Басылымды оқырманға қайта жіберу (айдан кейін)", "Send a title to the same reader again after (months)")
    t("settings.resend_hint", "0 — никогда не отправлять повторно.", "0 — ешқашан қайта жібермеу.", "0 means never send it again.")
    t("settings.months_range", "Укажите от 0 до 120 месяцев.", "0-ден 120 айға дейін көрсетіңіз.", "Give between 0 and 120 months.")
    t("settings.horizon_weeks", "Планировать визиты на (недель вперёд)", "Баруларды жоспарлау (апта алға)", "Plan visits ahead (weeks)")
    t("settings.saved", "Настройки сохранены.", "Баптаулар сақталды.", "Settings saved.")
    t("settings.holidays", "Праздничные дни", "Мереке күндері", "Public holidays")
    t("settings.holiday_day", "Дата", "Күні", "Date")
    t("settings.holiday_name", "Название", "Атауы", "Name")
    t("settings.holiday_add", "Добавить праздник", "Мереке қосу", "Add a holiday")
    t("settings.holiday_added", "Праздник добавлен.", "Мереке қосылды.", "Holiday added.")
    t("settings.holiday_deleted", "Праздник удалён.", "Мереке жойылды.", "Holiday removed.")
    t("settings.holiday_exists", "Эта дата уже в списке.", "Бұл күн тізімде бар.", "This date is already in the list.")
    t("settings.holidays_added", "Праздники Казахстана добавлены.", "Қазақстан мерекелері қосылды.", "Kazakhstan's holidays added.")
    t("settings.add_year", "Добавить праздники Казахстана на {year} год", "Қазақстанның {year} жылғы мерекелерін қосу", "Add Kazakhstan's holidays for {year}")
    t("settings.delete", "Удалить", "Жою", "Delete")
    t("settings.carriers", "Рабочие дни книгонош", "Кітап тасушылардың жұмыс күндері", "Carriers' working days")
    t("settings.inactive", "отключён", "өшірілген", "inactive")
    t("settings.hours_title", "Рабочие дни: {name}", "Жұмыс күндері: {name}", "Working days: {name}")
    t("settings.hours_hint", "Визиты назначаются книгоноше только в его рабочие дни. Если ничего не отмечено — с понедельника по пятницу.", "Барулар кітап тасушыға тек жұмыс күндері тағайындалады. Ештеңе белгіленбесе — дүйсенбіден жұмаға дейін.", "Visits are assigned to a carrier on their working days only; with none ticked, Monday to Friday.")
    t("settings.works", "Работает в этот день", "Осы күні жұмыс істейді", "Works on this day")
    t("settings.hours_saved", "Рабочие дни сохранены.", "Жұмыс күндері сақталды.", "Working days saved.")
    t.plural("settings.holiday_count", {"one": "{count} праздничный день", "few": "{count} праздничных дня", "many": "{count} праздничных дней", "other": "{count} праздничного дня"},
             {"one": "{count} мереке күні", "other": "{count} мереке күні"}, {"one": "{count} holiday", "other": "{count} holidays"})
    t("calendar.title", "Маршруты в календаре телефона", "Бағыттар телефон күнтізбесінде", "Runs in your phone's calendar")
    t("calendar.explain", "Личный адрес календаря (iCalendar) показывает ваши дни с визитами: число остановок и ссылку на маршрут, без имён и адресов читателей.", "Жеке күнтізбе мекенжайы (iCalendar) бару күндеріңізді көрсетеді: аялдамалар саны және бағытқа сілтеме, оқырмандардың аты мен мекенжайынсыз.", "A private calendar address (iCalendar) shows your days with visits: the number of stops and a link to the run, without readers' names or addresses.")
    t("calendar.copy_now", "Скопируйте адрес сейчас и добавьте его в календарь телефона: больше он показан не будет.", "Мекенжайды қазір көшіріп, телефон күнтізбесіне қосыңыз: ол қайта көрсетілмейді.", "Copy the address now and add it to your phone's calendar: it will not be shown again.")
    t("calendar.exists", "Адрес календаря создан {date}.", "Күнтізбе мекенжайы {date} жасалды.", "Calendar address created {date}.")
    t("calendar.create", "Создать адрес календаря", "Күнтізбе мекенжайын жасау", "Create a calendar address")
    t("calendar.replace", "Заменить адрес (старый перестанет работать)", "Мекенжайды ауыстыру (ескісі жұмыс істемейді)", "Replace the address (the old one stops working)")
    t("calendar.revoke", "Отключить адрес календаря", "Күнтізбе мекенжайын өшіру", "Revoke the calendar address")
    t("calendar.revoked", "Адрес календаря отключён.", "Күнтізбе мекенжайы өшірілді.", "Calendar address revoked.")

    codes = {
        "visit_status": [("planned", "Запланирован", "Жоспарланған", "Planned"), ("in_progress", "В пути", "Жолда", "In progress"),
                         ("done", "Выполнен", "Орындалды", "Done"), ("no_answer", "Не застали дома", "Үйден таппады", "No answer / not at home"),
                         ("cancelled", "Отменён", "Болдырылмады", "Cancelled"), ("rescheduled", "Перенесён", "Ауыстырылды", "Rescheduled")],
        "visit_kind": [("planned", "По графику", "Кесте бойынша", "Scheduled"), ("request", "По запросу", "Сұраныс бойынша", "On request")],
        "cancel_reason": [("reader_ill", "Читатель болен", "Оқырман науқас", "The reader is ill"), ("reader_away", "Читателя нет в городе", "Оқырман қалада жоқ", "The reader is away"),
                          ("reader_declined", "Читатель отказался", "Оқырман бас тартты", "The reader declined"),
                          ("carrier_unavailable", "Книгоноша не может", "Кітап тасушы бара алмайды", "The carrier is unavailable"),
                          ("weather", "Погода", "Ауа райы", "Weather"), ("other", "Другое", "Басқа", "Other")],
        "requester": [("reader", "Читатель", "Оқырман", "The reader"), ("caregiver", "Родственник или помощник", "Туысы немесе көмекші", "A relative or caregiver"),
                      ("social_worker", "Социальный работник", "Әлеуметтік қызметкер", "A social worker"), ("other", "Другой", "Басқа", "Someone else")],
        "request_channel": [("call", "Звонок", "Қоңырау", "Phone call"), ("whatsapp", "WhatsApp", "WhatsApp", "WhatsApp"), ("telegram", "Telegram", "Telegram", "Telegram"),
                            ("sms", "SMS", "SMS", "SMS"), ("in_person", "Лично", "Жеке өзі", "In person")],
        "item_state": [("suggested", "Предложено", "Ұсынылды", "Suggested"), ("accepted", "Отобрано, экземпляр зарезервирован", "Таңдалды, дана брондалды", "Chosen, copy reserved"),
                       ("delivered", "Выдано", "Берілді", "Delivered"), ("not_delivered", "Не выдано", "Берілмеді", "Not delivered")],
        "loan_status": [("on_loan", "На руках", "Оқырманда", "On loan"), ("returned", "Возвращено", "Қайтарылды", "Returned"), ("lost", "Утеряно", "Жоғалды", "Lost")],
        "outcome": [("done", "Выполнен", "Орындалды", "Done"), ("no_answer", "Не застали", "Таппады", "Not at home"), ("cancelled", "Отменён", "Болдырылмады", "Cancelled"),
                    ("rescheduled", "Перенесён", "Ауыстырылды", "Rescheduled")],
        "holiday": [("new_year", "Новый год", "Жаңа жыл", "New Year"), ("orthodox_christmas", "Рождество Христово", "Православиелік Рождество", "Orthodox Christmas"),
                    ("womens_day", "Международный женский день", "Халықаралық әйелдер күні", "International Women's Day"), ("nauryz", "Наурыз мейрамы", "Наурыз мейрамы", "Nauryz"),
                    ("unity_day", "Праздник единства народа Казахстана", "Қазақстан халқының бірлігі мерекесі", "Day of Unity of the People of Kazakhstan"),
                    ("defender_day", "День защитника Отечества", "Отан қорғаушы күні", "Defender of the Fatherland Day"), ("victory_day", "День Победы", "Жеңіс күні", "Victory Day"),
                    ("capital_day", "День Столицы", "Астана күні", "Capital City Day"), ("constitution_day", "День Конституции", "Конституция күні", "Constitution Day"),
                    ("republic_day", "День Республики", "Республика күні", "Republic Day"), ("independence_day", "День Независимости", "Тәуелсіздік күні", "Independence Day")],
    }
    for prefix, rows in codes.items():
        for code, ru, kk, en in rows:
            t(f"{prefix}.{code}", ru, kk, en)
