import Fluent
import MARCKit
import Stemming
import Vapor

/// A small demo catalogue: classics in Kazakh, Russian and English in every format the service
/// delivers, with copies at the demo branches.
enum DemoCatalog {
    struct Book {
        let title: String
        let author: String
        let year: Int
        let language: String
        let form: String
        let subject: String
        let branches: [String]
    }

    static let books: [Book] = [
        Book(
            title: "Қара сөздер", author: "Абай Құнанбайұлы", year: 2015, language: "kaz", form: "large_print", subject: "Қазақ философиясы",
            branches: ["SEM-C", "SEM-2"]),
        Book(
            title: "Путь Абая", author: "Ауэзов, Мухтар", year: 2012, language: "rus", form: "large_print", subject: "Казахская литература",
            branches: ["SEM-C", "UKG"]),
        Book(
            title: "Абай жолы", author: "Әуезов, Мұхтар", year: 2017, language: "kaz", form: "audiobook", subject: "Қазақ әдебиеті",
            branches: ["SEM-C", "SEM-2", "UKG"]),
        Book(
            title: "Война и мир", author: "Толстой, Лев", year: 2010, language: "rus", form: "print", subject: "Исторический роман",
            branches: ["SEM-C", "UKG"]),
        Book(
            title: "Анна Каренина", author: "Толстой, Лев", year: 2014, language: "rus", form: "audiobook", subject: "Русская литература",
            branches: ["SEM-2"]),
        Book(
            title: "Рассказы", author: "Чехов, Антон", year: 2016, language: "rus", form: "large_print", subject: "Русская литература",
            branches: ["SEM-C", "SEM-2", "UKG"]),
        Book(
            title: "Кочевники", author: "Есенберлин, Ильяс", year: 2008, language: "rus", form: "print", subject: "История Казахстана",
            branches: ["UKG"]),
        Book(
            title: "Көшпенділер", author: "Есенберлин, Ілияс", year: 2011, language: "kaz", form: "print", subject: "Қазақстан тарихы",
            branches: ["SEM-C"]),
        Book(
            title: "Стихотворения", author: "Кудайбердиев, Шакарим", year: 2009, language: "rus", form: "large_print", subject: "Поэзия",
            branches: ["SEM-C"]),
        Book(title: "Аз и Я", author: "Сулейменов, Олжас", year: 1975, language: "rus", form: "print", subject: "Тюркология", branches: ["UKG"]),
        Book(
            title: "Убийство в «Восточном экспрессе»", author: "Кристи, Агата", year: 2018, language: "rus", form: "large_print", subject: "Детектив",
            branches: ["SEM-2", "UKG"]),
        Book(
            title: "Murder on the Orient Express", author: "Christie, Agatha", year: 2003, language: "eng", form: "large_print",
            subject: "Detective and mystery stories", branches: ["UKG"]),
        Book(
            title: "Повесть о жизни", author: "Паустовский, Константин", year: 2007, language: "rus", form: "print", subject: "Воспоминания",
            branches: ["SEM-C"]),
        Book(
            title: "Ұлпан", author: "Мүсірепов, Ғабит", year: 2013, language: "kaz", form: "audiobook", subject: "Қазақ әдебиеті", branches: ["SEM-2"]
        ),
        Book(
            title: "Евгений Онегин", author: "Пушкин, Александр", year: 2005, language: "rus", form: "braille", subject: "Поэзия", branches: ["SEM-C"]
        ),
        Book(
            title: "Мёртвые души", author: "Гоголь, Николай", year: 2012, language: "rus", form: "daisy", subject: "Русская литература",
            branches: ["SEM-C", "UKG"]),
        Book(
            title: "Өлеңдер", author: "Жабаев, Жамбыл", year: 2016, language: "kaz", form: "large_print", subject: "Қазақ поэзиясы",
            branches: ["SEM-2"]),
        Book(
            title: "Записки охотника", author: "Тургенев, Иван", year: 2011, language: "rus", form: "audiobook", subject: "Русская литература",
            branches: ["UKG"]),
        Book(title: "Ботагөз", author: "Мұқанов, Сәбит", year: 2010, language: "kaz", form: "print", subject: "Қазақ әдебиеті", branches: ["SEM-C"]),
        Book(
            title: "Простор: литературно-художественный журнал", author: "Редакция журнала «Простор»", year: 2024, language: "rus",
            form: "periodical", subject: "Литература", branches: ["SEM-C", "UKG"]),
    ]

    static func record(_ index: Int, _ b: Book) -> MARCRecord {
        let typeOfRecord: Character = b.form == "audiobook" || b.form == "daisy" ? "i" : "a"
        let level: Character = b.form == "periodical" ? "s" : "m"
        let formOfItem: Character = b.form == "large_print" ? "d" : b.form == "braille" ? "f" : " "
        // 008: date entered, type of date and year, place, illustrations, audience, form of item (23), language (35–37).
        let fixed = "240101s\(b.year)    kz      \(formOfItem)     000 1 \(b.language) d"
        var fields = [
            MARCField(tag: "001", value: String(format: "demo-%04d", index + 1)), MARCField(tag: "003", value: "KNIGO"),
            MARCField(tag: "008", value: fixed),
            MARCField(tag: "041", indicator1: "0", indicator2: " ", subfields: [MARCSubfield("a", b.language)]),
            MARCField(tag: "100", indicator1: "1", indicator2: " ", subfields: [MARCSubfield("a", b.author)]),
            MARCField(tag: "245", indicator1: "1", indicator2: "0", subfields: [MARCSubfield("a", b.title)]),
            MARCField(tag: "264", indicator1: " ", indicator2: "1", subfields: [MARCSubfield("c", String(b.year))]),
            MARCField(tag: "650", indicator1: " ", indicator2: "7", subfields: [MARCSubfield("a", b.subject)]),
        ]
        if b.form == "daisy" { fields.append(MARCField(tag: "538", indicator1: " ", indicator2: " ", subfields: [MARCSubfield("a", "DAISY 2.02")])) }
        for (n, branch) in b.branches.enumerated() {
            fields.append(
                MARCField(
                    tag: "852", indicator1: " ", indicator2: " ",
                    subfields: [MARCSubfield("b", branch), MARCSubfield("h", "84"), MARCSubfield("p", String(format: "D%04d-%d", index + 1, n + 1))]
                )
            )
        }
        return MARCRecord(leader: "00000n\(typeOfRecord)\(level) a2200000 i 4500", fields: fields)
    }

    static func load(on db: any Database) async throws {
        let importer = try await CatalogImporter(db: db)
        let analyzer = SearchAnalyzer()
        for (i, book) in books.enumerated() {
            try await importer.add(try PreparedRecord(number: i + 1, record: record(i, book), flavor: .marc21, analyzer: analyzer))
        }
        _ = try await importer.finish()
    }
}
