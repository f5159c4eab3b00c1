import Fluent
import Vapor

/// The demo's events: the library lesson of the source article, and a few more over the year, so
/// that the register, its filters and its export have something to show.
enum DemoEvents {
    static func load(on db: any Database, admin: CurrentUser, branches: [Branch], today: LocalDate) async throws {
        let project = try await knigonosha(on: db, admin: admin, branches: branches, today: today)
        var lesson = EventPayload(
            title: "Социальные проекты Казахстана: библиотечный урок", type: "lesson", starts_on: "\(today.year)-10-29",
            time_from: "11:00", time_to: "12:30", place: "Восточно-Казахстанская областная универсальная библиотека имени Абая",
            organiser: "Адикаева Р.Х.", branch_id: branches.first?.id, target_groups: ["specialists", "disabled"],
            participants: "специалисты библиотеки", participants_total: 36, adults: 36,
            goal: "Отчет по участию в республиканской практической конференции по вопросам социальных проектов.",
            expected_result: "Повышение интереса к проблемам социальной реабилитации инвалидов и интегрирования их в общество в Казахстане.")
        lesson.actual_result =
            "Специалисты узнали о конференции «Разные – Равные» и о презентации проекта «Книгоноша»; авторы всех 17 проектов награждены нагрудными знаками «Әлеуметтік-еңбек саласының үздігі»."
        let more: [EventPayload] = [
            EventPayload(
                title: "Абай оқулары: громкие чтения для читателей на дому", type: "club", starts_on: "\(today.year)-08-10", time_from: "15:00",
                time_to: "16:00", place: "Читальный зал филиала № 2", organiser: "Клуб «Кітап әлемі»", branch_id: branches.dropFirst().first?.id,
                target_groups: ["elderly", "disabled"], participants: "читатели проекта «Книгоноша» и их родственники", participants_total: 14,
                adults: 14, disabled: 9, goal: "Общение и чтение вслух для читателей, которые редко выходят из дома.",
                expected_result: "Читатели на дому участвуют в жизни библиотеки."),
            EventPayload(
                title: "Книжная выставка «Мир без барьеров»", type: "exhibition", starts_on: "\(today.year)-12-01", ends_on: "\(today.year)-12-10",
                place: "Фойе библиотеки", organiser: "Отдел обслуживания", branch_id: branches.first?.id, target_groups: ["general", "disabled"],
                participants: "посетители библиотеки", participants_total: 120, children: 20, youth: 40, adults: 60, disabled: 12,
                goal: "Показать издания крупным шрифтом, аудиокниги и книги Брайля.",
                expected_result: "Читатели и их близкие узнают о доставке книг на дом."),
        ]
        lesson.project_id = project
        for var payload in [lesson] + more {
            if payload.type == "club" { payload.project_id = project }
            let event = Event()
            let errors = try await EventService.apply(payload, to: event, by: admin, on: db)
            guard errors.isEmpty else { continue }
            try await event.create(on: db)
        }
    }

    /// The Книгоноша project as the source article tells it: presented at «Разные – Равные», its
    /// author awarded, its indicators counted from the delivery data.
    static func knigonosha(on db: any Database, admin: CurrentUser, branches: [Branch], today: LocalDate) async throws -> UUID? {
        let payload = ProjectPayload(
            name: "Книгоноша", name_kk: "Кітап тасушы", branch_id: branches.first?.id,
            organisation: "Восточно-Казахстанская областная универсальная библиотека имени Абая",
            organisation_kk: "Абай атындағы Шығыс Қазақстан облыстық әмбебап кітапханасы",
            target_groups: ["disabled", "elderly"],
            goal: "Социальная реабилитация инвалидов и интеграция их в общество: книги и общение на дому для тех, кто не может прийти в библиотеку.",
            goal_kk:
                "Мүгедектігі бар адамдарды әлеуметтік оңалту және қоғамға кіріктіру: кітапханаға келе алмайтындарға үйде кітап пен қарым-қатынас.",
            description:
                "Сотрудники и волонтёры библиотеки приносят книги читателям на дом: людям с инвалидностью, пожилым, тем, кто временно не выходит из дома. Читатели заказывают книги по телефону или в мессенджере, библиотекарь подбирает издания, книгоноша доставляет их и забирает прочитанные.",
            description_kk:
                "Кітапхана қызметкерлері мен еріктілер оқырмандарға кітапты үйге жеткізеді: мүгедектігі бар адамдарға, егде жастағыларға, уақытша үйден шыға алмайтындарға. Оқырмандар кітапты телефон немесе мессенджер арқылы сұрайды, кітапханашы басылымдарды іріктейді, кітап тасушы оларды жеткізіп, оқылғандарын қайтарып алады.",
            starts_on: "\(today.year - 1)-01-15", status: "active", authors: [.init(name: "Адикаева Р.Х.")],
            presentations: [
                .init(
                    venue: "Республиканская практическая конференция по вопросам социальных проектов, конкурс «Разные – Равные»",
                    venue_kk: "Әлеуметтік жобалар мәселелері бойынша республикалық практикалық конференция, «Әртүрлі – Тең» байқауы",
                    venue_kind: "competition",
                    presented_on: "\(today.year)-10-20", material: "slides", notes: "Презентация со слайд-шоу; один из 17 проектов конференции.")
            ],
            awards: [
                .init(
                    name: "Отличник социально-трудовой сферы", name_kk: "Әлеуметтік-еңбек саласының үздігі",
                    awarded_by: "Министерство труда и социальной защиты населения РК",
                    awarded_by_kk: "ҚР Еңбек және халықты әлеуметтік қорғау министрлігі",
                    awarded_on: "\(today.year)-10-20", recipient: "Адикаева Рахиля")
            ],
            indicators: [
                .init(name: "Читатели, обслуженные на дому", name_kk: "Үйде қызмет көрсетілген оқырмандар", metric: "readers_served", target: 40),
                .init(name: "Выполненные визиты", name_kk: "Орындалған барулар", metric: "visits_done", target: 300),
                .init(name: "Книговыдача на дому", name_kk: "Үйге кітап беру", metric: "items_issued", target: 900),
                .init(name: "Мероприятия проекта", name_kk: "Жобаның іс-шаралары", metric: "events_held", target: 4),
                .init(
                    name: "Волонтёры, привлечённые к доставке", name_kk: "Жеткізуге тартылған еріктілер", metric: "manual", target: 10,
                    manual_value: 6, source: "Журнал волонтёров библиотеки"),
            ])
        let project = Project()
        let (errors, parts) = try await ProjectService.apply(payload, to: project, by: admin, on: db)
        guard errors.isEmpty else { return nil }
        try await ProjectService.save(project, parts, on: db)
        return project.id
    }
}
