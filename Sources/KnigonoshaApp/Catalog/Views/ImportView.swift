import Plot
import Vapor

/// The upload form, the list of recent imports, and one import's progress and report.
enum ImportView {
    static func form(
        _ ctx: PageContext, jobs: [ImportJob], syncs: [CatalogSync], errors: FieldErrors, status: HTTPResponseStatus = .ok
    )
        -> Response
    {
        let any = [("", ctx.t("import.detect"))]
        return Layout.page(
            ctx, title: ctx.t("import.title"), status: status,
            Forms.errorSummary(ctx, errors, labelPrefix: "import."),
            .p(.class("hint"), .text(ctx.t("import.explain"))),
            .element(
                named: "form",
                nodes: [
                    .attribute(named: "method", value: "post"), .attribute(named: "action", value: SiteRoute.catalogImport.path),
                    .attribute(named: "enctype", value: "multipart/form-data"), .attribute(named: "novalidate"),
                    .input(.type(.hidden), .name(CSRFMiddleware.fieldName), .value(ctx.csrf)),
                    Forms.input(
                        ctx,
                        .init(
                            name: "file", label: ctx.t("import.file"), error: errors["file"], required: true, type: "file",
                            hint: ctx.t("import.file_hint"), extra: [("accept", ".mrc,.marc,.iso,.xml,.dat,.csv")]
                        )
                    ),
                    .div(
                        .class("grid"),
                        Forms.select(
                            ctx, .init(name: "syntax", label: ctx.t("import.syntax"), error: errors["syntax"]),
                            options: any + [("iso2709", "ISO 2709"), ("marcxml", "MARCXML"), ("csv", "CSV")]
                        ),
                        Forms.select(
                            ctx, .init(name: "flavor", label: ctx.t("import.flavor"), error: errors["flavor"]),
                            options: any + [("marc21", "MARC 21 / KazMARC"), ("unimarc", "UNIMARC / RUSMARC")]
                        ),
                        Forms.select(
                            ctx, .init(name: "encoding", label: ctx.t("import.encoding"), error: errors["encoding"]),
                            options: any + [("utf-8", "UTF-8"), ("marc-8", "MARC-8"), ("windows-1251", "Windows-1251")]
                        )
                    ),
                    .div(.class("actions"), Forms.submit(ctx.t("import.submit"))),
                ]
            ),
            .h2(.text(ctx.t("import.recent"))),
            jobs.isEmpty
                ? .p(.class("muted"), .text(ctx.t("import.none")))
                : .ul(
                    .forEach(jobs) { job in
                        .li(
                            .a(.href(SiteRoute.catalogImportJob(job.id!).path), .text(job.fileName)),
                            .text(" — " + ctx.t("import_status." + job.status) + ", " + ctx.dateTime(job.createdAt))
                        )
                    }
                ),
            SyncView.recent(ctx, syncs)
        )
    }

    static func percent(_ job: ImportJob) -> Int {
        if job.status == ImportStatus.done.rawValue || job.status == ImportStatus.failed.rawValue { return 100 }
        // A cancelled job shows how far it got.
        return job.totalBytes > 0 ? Swift.min(100, job.processedBytes * 100 / job.totalBytes) : 0
    }

    static func job(_ ctx: PageContext, job: ImportJob, issues: [ImportIssue]) -> Response {
        let running = job.status == ImportStatus.queued.rawValue || job.status == ImportStatus.running.rawValue
        let pct = percent(job)
        return Layout.page(
            ctx, title: ctx.t("import.job_title", ["file": job.fileName]),
            .div(
                .id("import-status"), .attribute(named: "data-status-url", value: SiteRoute.catalogImportJob(job.id!).path + "/status"),
                .attribute(named: "data-running", value: running ? "1" : "0"),
                .p(
                    .attribute(named: "aria-live", value: "polite"),
                    .strong(.id("status-label"), .text(ctx.t("import_status." + job.status))),
                    .text(" "),
                    .span(
                        .id("status-counts"),
                        .text(
                            ctx.t(
                                "import.counts", ["imported": String(job.imported), "updated": String(job.updated), "skipped": String(job.skipped)])))
                ),
                .element(
                    named: "progress",
                    nodes: [
                        .id("status-progress"), .attribute(named: "max", value: "100"), .attribute(named: "value", value: String(pct)),
                        .attribute(named: "aria-label", value: ctx.t("import.progress")), .text("\(pct)%"),
                    ]
                ),
                // A finished job's message is advice (no copies to deliver); a failed one's is the error.
                .unwrap(job.messageText { ctx.t($0) }) {
                    .p(.class(job.status == ImportStatus.done.rawValue ? "warning-box" : "field-error"), .text($0))
                }
            ),
            .if(running, .p(.a(.href(SiteRoute.catalogImportJob(job.id!).path), .text(ctx.t("import.refresh"))))),
            .if(
                running,
                Forms.post(
                    ctx, SiteRoute.catalogImportCancel(job.id!), class: "actions",
                    .p(.class("hint"), .text(ctx.t("import.cancel_hint"))),
                    .button(.type(.submit), .class("secondary"), .text(ctx.t("import.cancel")))
                )
            ),
            .script(.src("/static/import-progress.js"), .defer()),
            ImportIssuesView.tables(ctx, skipped: job.skipped, issues: issues),
            .p(.a(.href(SiteRoute.catalog.path), .text(ctx.t("nav.catalog"))))
        )
    }

    /// Polls the job's status and updates the page while it runs; the page works without it.
    static let script = """
        (function () {
          var box = document.getElementById("import-status");
          if (!box || box.getAttribute("data-running") !== "1") return;
          var url = box.getAttribute("data-status-url");
          function tick() {
            fetch(url, { credentials: "same-origin", headers: { "Accept": "application/json" } })
              .then(function (r) { return r.json(); })
              .then(function (s) {
                document.getElementById("status-label").textContent = s.status_label;
                var bar = document.getElementById("status-progress");
                bar.value = s.percent; bar.textContent = s.percent + "%";
                if (s.status === "done" || s.status === "failed" || s.status === "cancelled") { window.location.reload(); } else { setTimeout(tick, 1500); }
              })
              .catch(function () { setTimeout(tick, 5000); });
          }
          setTimeout(tick, 1500);
        })();
        """
}
