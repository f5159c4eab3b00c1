import Fluent
import Vapor

/// The demo library: one regional library with three branches, staff of every role and 40 readers
/// in Semey and Ust-Kamenogorsk. Loaded only into an empty database.
enum DemoData {
    static let password = "knigonosha-demo"

    struct Account {
        let email: String
        let name: String
        let role: Role
        let branch: Int?
    }

    static let accounts: [Account] = [
        Account(email: "admin@demo.kz", name: "Рахиля Адикаева", role: .admin, branch: nil),
        Account(email: "coordinator@demo.kz", name: "Гульнар Сейтказина", role: .coordinator, branch: 0),
        Account(email: "coordinator2@demo.kz", name: "Марина Кузнецова", role: .coordinator, branch: 1),
        Account(email: "coordinator3@demo.kz", name: "Айгерим Тулегенова", role: .coordinator, branch: 2),
        Account(email: "carrier@demo.kz", name: "Ерлан Жумабаев", role: .carrier, branch: 0),
        Account(email: "carrier2@demo.kz", name: "Ольга Петренко", role: .carrier, branch: 2),
        Account(email: "director@demo.kz", name: "Сауле Ахметова", role: .management, branch: nil),
    ]

    /// Where the server that `serve` is about to start will answer, read from the same options
    /// Vapor's serve command takes (`--hostname`/`-H`, `--port`/`-p`, `--bind`/`-b`).
    static func loginURL(arguments: [String]) -> String {
        var host = "127.0.0.1"
        var port = "8080"
        var i = 0
        while i < arguments.count {
            let parts = arguments[i].split(separator: "=", maxSplits: 1).map(String.init)
            let name = parts[0]
            let value = parts.count == 2 ? parts[1] : (i + 1 < arguments.count ? arguments[i + 1] : nil)
            if parts.count == 1 && ["--hostname", "-H", "--port", "-p", "--bind", "-b"].contains(name) { i += 1 }
            switch (name, value) {
            case ("--hostname", let v?), ("-H", let v?): host = v
            case ("--port", let v?), ("-p", let v?): port = v
            case ("--bind", let v?), ("-b", let v?):
                let hp = v.split(separator: ":", maxSplits: 1).map(String.init)
                host = hp[0]
                if hp.count == 2 { port = hp[1] }
            default: break
            }
            i += 1
        }
        return "http://\(host):\(port)/login"
    }

    /// Returns `false` and changes nothing when the database already has accounts or readers.
    @discardableResult
    static func loadIfEmpty(_ app: Application, arguments: [String] = []) async throws -> Bool {
        let db = app.db
        let existingUsers = try await User.query(on: db).count()
        let existingReaders = try await Reader.query(on: db).count()
        if existingUsers > 0 || existingReaders > 0 {
            app.logger.notice("The database already has data; demo data was not loaded.")
            return false
        }
        let branches = [
            Branch(
                code: "SEM-C", nameRu: "Центральная библиотека имени Абая, Семей", nameKk: "Абай атындағы орталық кітапхана, Семей",
                address: "г. Семей, ул. Абая, 108", phone: "+77222523344"),
            Branch(
                code: "SEM-2", nameRu: "Филиал № 2, Семей", nameKk: "№ 2 филиал, Семей",
                address: "г. Семей, ул. Шакарима, 25", phone: "+77222441020"),
            Branch(
                code: "UKG", nameRu: "Филиал, Усть-Каменогорск", nameKk: "Өскемен филиалы",
                address: "г. Усть-Каменогорск, ул. Казахстан, 62", phone: "+77232255070"),
        ]
        branches[0].latitude = 50.4111
        branches[0].longitude = 80.2275
        branches[1].latitude = 50.4265
        branches[1].longitude = 80.2461
        branches[2].latitude = 49.9483
        branches[2].longitude = 82.6279
        let hash = try await app.password.async.hash(password)
        let admin: User? = try await db.transaction { tx in
            var admin: User?
            try await branches.create(on: tx)
            for a in accounts {
                let user = User(
                    email: a.email, fullName: a.name, role: a.role, branchID: a.branch.map { branches[$0].id! }, passwordHash: hash
                )
                try await user.create(on: tx)
                if a.role == .admin { admin = user }
            }
            return admin
        }
        guard let admin else { return false }
        try await LibraryName(
            ru: "Восточно-Казахстанская областная универсальная библиотека имени Абая",
            kk: "Абай атындағы Шығыс Қазақстан облыстық әмбебап кітапханасы"
        ).save(on: db)
        let today = LocalDate.today(in: app.config.timeZone)
        for i in 0..<40 {
            let payload = DemoReaders.reader(i, branches: branches.map { $0.id! }, today: today)
            let (record, errors) = try await ReaderValidator(user: admin.current, today: today, db: db, readerID: nil).validate(payload)
            guard let record, errors.isEmpty else {
                app.logger.error("demo reader \(i) is invalid: \(errors.items.map { $0.field })")
                continue
            }
            _ = try await ReaderStore.create(record, by: admin.current, on: db)
        }
        try await DemoCatalog.load(on: db)
        try await DemoDelivery.load(on: db, today: today, l10n: app.l10n)
        try await DemoHistory.load(on: db, today: today)
        try await DemoEvents.load(on: db, admin: admin.current, branches: branches, today: today)
        var lines = ["", "Demo data loaded. Sign in at \(loginURL(arguments: arguments)) with any of these (password: \(password)):"]
        for a in accounts {
            lines.append("  \(a.role.rawValue.padding(toLength: 12, withPad: " ", startingAt: 0)) \(a.email)")
        }
        print(lines.joined(separator: "\n") + "\n")
        return true
    }
}
