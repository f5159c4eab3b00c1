import Plot
import Vapor

/// The export's sections about what happened on the reader's visits, in the reader's language.
extension ReaderExportView {
    static func visitItems(_ s: PageContext, _ rows: [ReaderExport.VisitItemRow]) -> Node<HTML.BodyContext> {
        table(
            s, "visit-items", s.t("export.section_visit_items"), [s.t("visits.date"), s.t("export.title_col"), s.t("export.item_state")],
            rows.map { [s.date($0.scheduled_on), $0.title, s.t("item_state." + $0.state)] })
    }

    static func rejections(_ s: PageContext, _ rows: [ReaderExport.RejectionRow]) -> Node<HTML.BodyContext> {
        table(
            s, "rejections", s.t("export.section_rejections"), [s.t("visits.date"), s.t("export.title_col"), s.t("export.refused_at")],
            rows.map { [s.date($0.scheduled_on), $0.title ?? s.t("export.title_gone"), $0.at.map { s.dateTime($0) } ?? "—"] })
    }

    static func visitEvents(_ s: PageContext, _ rows: [ReaderExport.VisitEventRow]) -> Node<HTML.BodyContext> {
        table(
            s, "visit-events", s.t("export.section_visit_events"),
            [s.t("history.when"), s.t("history.who"), s.t("audit.what"), s.t("export.event_change")],
            rows.map { e in
                [
                    s.dateTime(e.at), e.user_name ?? s.t("visit_event.by_system"), s.t("visit_event." + e.kind),
                    VisitView.change(e.kind, e.from_value, e.to_value, s),
                ]
            })
    }
}
