import Foundation

/// Forty varied demo readers, built deterministically so that every run gives the same data.
enum DemoReaders {
    private static let kazakh: [(String, String, String?, Bool)] = [
        ("Абенова", "Гульжан", "Маратовна", false), ("Жаксыбеков", "Нурлан", "Ерланович", true),
        ("Касымова", "Айгуль", "Сериковна", false), ("Тулегенов", "Бауыржан", nil, true),
        ("Нурпеисова", "Сауле", "Кайратовна", false), ("Омаров", "Асхат", "Болатович", true),
        ("Ахметова", "Динара", "Жумабековна", false), ("Сейткали", "Ержан", nil, true),
        ("Мукашева", "Алия", "Нурлановна", false), ("Бекмуханов", "Талгат", "Ауэзович", true),
        ("Жумагулова", "Роза", "Ахметовна", false), ("Исабеков", "Канат", "Темирханович", true),
        ("Қасенова", "Әсел", "Берікқызы", false), ("Смагулов", "Мурат", "Есенович", true),
        ("Дуйсенова", "Тамара", "Касымовна", false), ("Кенжебаев", "Арман", nil, true),
        ("Ермекова", "Жанар", "Талгатовна", false), ("Байжанов", "Серик", "Амангельдыевич", true),
        ("Сарсенбаева", "Гульнара", "Муратовна", false), ("Утегенов", "Дархан", "Каиржанович", true),
    ]
    private static let russian: [(String, String, String?, Bool)] = [
        ("Иванова", "Мария", "Петровна", false), ("Ковалёв", "Николай", "Иванович", true),
        ("Смирнова", "Валентина", "Сергеевна", false), ("Фёдоров", "Алексей", "Михайлович", true),
        ("Кузнецова", "Нина", "Васильевна", false), ("Попов", "Виктор", "Андреевич", true),
        ("Соловьёва", "Людмила", "Николаевна", false), ("Морозов", "Геннадий", "Павлович", true),
        ("Волкова", "Галина", "Фёдоровна", false), ("Лебедев", "Юрий", "Степанович", true),
        ("Новикова", "Татьяна", "Александровна", false), ("Зайцев", "Борис", "Евгеньевич", true),
        ("Павлова", "Зинаида", "Ильинична", false), ("Семёнов", "Аркадий", "Борисович", true),
        ("Голубева", "Вера", "Алексеевна", false), ("Виноградов", "Олег", "Игоревич", true),
        ("Богданова", "Лидия", "Григорьевна", false), ("Воробьёв", "Пётр", "Данилович", true),
        ("Михайлова", "Анна", "Константиновна", false), ("Белов", "Станислав", nil, true),
    ]
    private static let semeyStreets = [
        "ул. Абая", "ул. Шакарима", "ул. Ауэзова", "ул. Найманбаева", "ул. Кабанбай батыра", "ул. Уранхаева", "ул. Жамакаева", "ул. Байтурсынова",
    ]
    private static let ukgStreets = [
        "пр. Независимости", "ул. Казахстан", "ул. Протозанова", "ул. Горького", "ул. Бажова", "пр. Абая", "ул. Кирова", "ул. Ушанова",
    ]
    private static let subjects = [
        "История Казахстана", "Поэзия", "Здоровье", "Садоводство", "Краеведение", "Религия", "Путешествия", "Кулинария", "Психология", "Воспоминания",
    ]
    private static let genres = ["Роман", "Детектив", "Исторический роман", "Повесть", "Фантастика", "Юмор", "Сказки", "Биография"]
    private static let authors = [
        "Абай Кунанбаев", "Мухтар Ауэзов", "Шакарим Кудайбердиев", "Лев Толстой", "Антон Чехов", "Ильяс Есенберлин", "Агата Кристи",
        "Константин Паустовский", "Олжас Сулейменов", "Габит Мусрепов",
    ]
    private static let caregivers = [("Дочь", "Ainur"), ("Сын", "Daniyar"), ("Соцработник", "Social"), ("Внучка", "Aruzhan")]

    static func reader(_ i: Int, branches: [UUID], today: LocalDate) -> ReaderPayload {
        let person = i % 2 == 0 ? kazakh[i / 2] : russian[i / 2]
        let branchIndex = i % 3
        let inUKG = branchIndex == 2
        let streets = inUKG ? ukgStreets : semeyStreets
        let disability = [DisabilityGroup.group1, .group2, .group3, .none, .group2, .child, .group1, .none][i % 8]
        let needSets: [[Need]] = [
            [.lowVision], [.blind], [.wheelchair], [.bedridden, .lowVision], [.hearing], [], [.cognitive], [.wheelchair, .hearing],
        ]
        let needs = needSets[i % needSets.count]
        var formats: [MaterialFormat] = [.print]
        if needs.contains(.lowVision) { formats = [.largePrint, .audiobook] }
        if needs.contains(.blind) { formats = i % 4 == 1 ? [.braille, .daisy] : [.audiobook, .daisy] }
        if i % 5 == 0 { formats.append(.periodicals) }
        let languages: [MaterialLanguage] = i % 2 == 0 ? (i % 6 == 0 ? [.kk] : [.kk, .ru]) : (i % 7 == 0 ? [.ru, .en] : [.ru])
        let status: ReaderStatus = i % 13 == 5 ? .paused : (i % 17 == 16 ? .ended : .active)
        let birthYear = disability == .child ? today.year - 8 - i % 6 : 1938 + (i * 7) % 50
        let hasCoords = i % 9 != 4
        let base = inUKG ? (49.9483, 82.6279) : (50.4111, 80.2275)
        let dLat = Double((i * 37) % 41 - 20) / 1000
        let dLon = Double((i * 53) % 47 - 23) / 1000
        let caregiver = i % 3 == 0 ? caregivers[i % caregivers.count] : nil
        let mobile = String(format: "+7 70%d %03d %02d %02d", i % 8, 100 + i * 7, 10 + i, 20 + i % 70)
        let registered = LocalDate(year: today.year - 1 - i % 3, month: 1 + i % 12, day: 1 + (i * 3) % 28)
        var p = ReaderPayload()
        p.family_name = person.0
        p.given_name = person.1
        p.patronymic = person.2
        p.birth_date = LocalDate(year: birthYear, month: 1 + (i * 5) % 12, day: 1 + (i * 11) % 28).iso
        p.card_number = String(format: "%@-%05d", inUKG ? "U" : "S", 1001 + i)
        p.branch_id = branches[branchIndex]
        p.phones =
            [PhoneEntry(label: "mobile", number: mobile)]
            + (i % 4 == 0 ? [PhoneEntry(label: "home", number: String(format: "8 722 2%02d %02d %02d", 30 + i, 10 + i, 40 + i % 50))] : [])
        p.preferred_channel = caregiver != nil ? "caregiver" : ["call", "whatsapp", "telegram", "call"][i % 4]
        if let caregiver {
            p.caregiver_name = (i % 2 == 0 ? kazakh : russian)[(i / 2 + 3) % 20].1 + " " + person.0
            p.caregiver_relation = caregiver.0
            p.caregiver_phone = String(format: "+7 747 %03d %02d %02d", 200 + i, 30 + i, 10 + i)
        }
        p.settlement = inUKG ? "Усть-Каменогорск" : "Семей"
        p.street = streets[i % streets.count]
        p.building = String(3 + (i * 7) % 120)
        p.apartment = i % 5 == 3 ? nil : String(1 + (i * 13) % 140)
        p.entrance = p.apartment == nil ? nil : String(1 + i % 6)
        p.floor = p.apartment == nil ? 1 : 1 + i % 9
        p.intercom = p.apartment == nil ? nil : "\(p.apartment!)В"
        p.has_lift = p.apartment == nil ? nil : (p.floor ?? 0) > 5
        p.access_notes =
            [nil, "Собака во дворе, звонить заранее", "Ключ от подъезда у соседки из кв. 12", nil, "Читатель плохо слышит, стучать громко", nil][
                i % 6]
        if hasCoords {
            p.latitude = ((base.0 + dLat) * 10000).rounded() / 10000
            p.longitude = ((base.1 + dLon) * 10000).rounded() / 10000
        }
        p.disability_group = disability.rawValue
        p.needs = needs.map(\.rawValue)
        p.formats = formats.map(\.rawValue)
        p.languages = languages.map(\.rawValue)
        p.subjects = [subjects[i % subjects.count], subjects[(i + 3) % subjects.count]]
        p.genres = [genres[i % genres.count]]
        p.authors = [authors[i % authors.count], authors[(i + 4) % authors.count]]
        p.excluded_topics = i % 4 == 2 ? ["Войны и катастрофы"] : []
        p.series = i % 10 == 7 ? ["Путь Абая"] : []
        p.items_per_visit = 2 + i % 4
        p.weekdays = [["mon", "thu"], ["tue"], ["wed", "fri"], ["sat"], ["mon", "wed", "fri"]][i % 5]
        p.time_from = ["10:00", "11:00", "14:00", "15:30"][i % 4]
        p.time_to = ["12:00", "13:00", "17:00", "18:00"][i % 4]
        p.frequency = ["weekly", "biweekly", "monthly", "monthly", "on_request"][i % 5]
        p.status = status.rawValue
        if status == .paused {
            p.pause_from = LocalDate(year: today.year, month: max(1, today.month - 1), day: 1).iso
            p.pause_reason = "Больница"
        }
        if status == .ended {
            p.ended_on = LocalDate(year: today.year - 1, month: 6, day: 15).iso
            p.end_reason = "moved"
        }
        p.referral_source = ["social_worker", "relative", "self", "medical", "ngo", "library"][i % 6]
        p.registered_on = registered.iso
        p.consent_date = registered.iso
        p.consent_until = LocalDate(year: registered.year + 5, month: registered.month, day: registered.day).iso
        p.consent_signed_by = caregiver != nil && i % 2 == 0 ? "representative" : "reader"
        p.consent_representative = p.consent_signed_by == "representative" ? p.caregiver_name : nil
        p.consent_third_party = false
        p.consent_publication = i % 4 == 0
        return p
    }
}
