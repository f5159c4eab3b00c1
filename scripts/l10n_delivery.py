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
    t("run.recorded", "Результат записан.", "Нәтиже жазылды.", "Outcome recorded.")
    t.plural("run.stops", {"one": "{count} остановка", "few": "{count} остановки", "many": "{count} остановок", "other": "{count} остановки"},
             {"one": "{count} аялдама", "other": "{count} аялдама"}, {"one": "{count} stop", "other": "{count} stops"})
    t.plural("run.deliver_count", {"one": "Привезти: {count} издание", "few": "Привезти: {count} издания", "many": "Привезти: {count} изданий", "other": "Привезти: {count} издания"},
             {"one": "Апару: {count} басылым", "other": "Апару: {count} басылым"}, {"one": "Deliver: {count} item", "other": "Deliver: {count} items"})
    t.plural("run.collect_count", {"one": "Забрать: {count} издание", "few": "Забрать: {count} издания", "many": "Забрать: {count} изданий", "other": "Забрать: {count} издания"},
             {"one": "Алу: {count} басылым", "other": "Алу: {count} басылым"}, {"one": "Collect: {count} item", "other": "Collect: {count} items"})

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
