/// The single stylesheet, served from memory. Colours meet WCAG AA contrast (4.5:1 for text);
/// focus is always visible; motion is removed for people who ask for less.
enum Stylesheet {
    static let css = """
        :root { --ink:#1b1b1b; --muted:#4a4a4a; --bg:#ffffff; --brand:#0b3a5e; --link:#0a4d85; --accent:#0a4d85;
          --error:#a4001d; --ok-bg:#e6f4ea; --ok-ink:#0f4a25; --line:#767676; --soft:#f3f5f7; --focus:#ffdd00; }
        *, *::before, *::after { box-sizing: border-box; }
        [hidden] { display: none !important; }
        html { font-size: 100%; -webkit-text-size-adjust: 100%; }
        html.text-large { font-size: 125%; }
        body { margin: 0; font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", Arial, sans-serif;
          line-height: 1.5; color: var(--ink); background: var(--bg); }
        a { color: var(--link); text-decoration: underline; text-underline-offset: 2px; }
        a:hover { text-decoration-thickness: 3px; }
        :focus-visible, a:focus, button:focus, input:focus, select:focus, textarea:focus, main:focus {
          outline: 3px solid var(--ink); outline-offset: 2px; box-shadow: 0 0 0 6px var(--focus); }
        main:focus:not(:focus-visible) { box-shadow: none; outline: none; }
        .skip-link { position: absolute; left: 0.5rem; top: -4rem; background: var(--focus); color: var(--ink);
          padding: 0.5rem 1rem; z-index: 10; font-weight: 700; }
        .skip-link:focus { top: 0.5rem; }
        .site-header { background: var(--brand); color: #fff; padding: 0.5rem 1rem; }
        .site-header a, .site-header .who { color: #fff; }
        .site-header .bar { display: flex; flex-wrap: wrap; gap: 0.5rem 1rem; align-items: center; justify-content: space-between; }
        .brand { font-weight: 700; font-size: 1.25rem; text-decoration: none; }
        .site-header nav ul { list-style: none; display: flex; flex-wrap: wrap; gap: 0.25rem 1.25rem; margin: 0.5rem 0 0; padding: 0; align-items: center; }
        .site-header nav a[aria-current="page"] { font-weight: 700; text-decoration-thickness: 3px; }
        .site-header .account { margin-left: auto; display: flex; gap: 0.75rem; align-items: center; flex-wrap: wrap; }
        .prefs { display: flex; flex-wrap: wrap; gap: 0.5rem; }
        .prefs form { display: flex; gap: 0.25rem; margin: 0; }
        .prefs button { background: transparent; color: #fff; border: 1px solid #fff; border-radius: 4px; padding: 0.25rem 0.5rem;
          font: inherit; font-size: 0.875rem; cursor: pointer; min-height: 2.25rem; }
        .prefs button[aria-pressed="true"] { background: #fff; color: var(--brand); font-weight: 700; }
        .link-button { background: none; border: none; color: inherit; text-decoration: underline; font: inherit; cursor: pointer; padding: 0.25rem; min-height: 2.25rem; }
        form.inline { display: inline; margin: 0; }
        main { max-width: 60rem; margin: 0 auto; padding: 1rem; }
        main.wide { max-width: 80rem; }
        h1 { font-size: 1.75rem; line-height: 1.25; margin: 0.5rem 0 1rem; }
        h1, h2, p, li, dd { overflow-wrap: break-word; }
        h2 { font-size: 1.35rem; margin: 1.5rem 0 0.5rem; }
        .site-footer { border-top: 1px solid var(--line); color: var(--muted); padding: 1rem; text-align: center; font-size: 0.875rem; }
        .queue-banner.active { position: sticky; top: 0; z-index: 5; background: var(--soft); border-left: 6px solid var(--brand);
          padding: 0.5rem 1rem; margin-bottom: 1rem; font-weight: 600; }
        .queue-banner p { margin: 0.25rem 0; }
        .queue-note { background: var(--soft); border-left: 6px solid var(--brand); padding: 0.5rem 0.75rem; margin: 0.5rem 0; }
        .queue-note.refused { border-left-color: var(--error); }
        .queue-note p { margin: 0 0 0.5rem; font-weight: 600; }
        .flash { background: var(--ok-bg); color: var(--ok-ink); border-left: 6px solid var(--ok-ink); padding: 0.75rem 1rem; font-weight: 600; }
        .warning-box { border-left: 6px solid var(--error); background: var(--soft); padding: 0.5rem 1rem; margin: 1rem 0; }
        .removed-banner { border-left: 6px solid #595959; background: var(--soft); padding: 0.5rem 1rem; font-weight: 600; }
        .error-summary { border: 4px solid var(--error); padding: 0.75rem 1rem; margin-bottom: 1.5rem; }
        .error-summary h2 { margin-top: 0; color: var(--error); }
        .error-summary a { color: var(--error); font-weight: 600; }
        .field { margin: 0 0 1rem; }
        .field label, legend { display: block; font-weight: 600; margin-bottom: 0.25rem; }
        .hint { color: var(--muted); margin: 0 0 0.25rem; font-size: 0.95rem; }
        .field-error { color: var(--error); font-weight: 700; margin: 0 0 0.25rem; }
        .has-error input, .has-error select, .has-error textarea { border-color: var(--error); border-width: 3px; }
        .choices.has-error { border-left: 4px solid var(--error); padding-left: 0.75rem; }
        input[type=text], input[type=email], input[type=password], input[type=tel], input[type=date], input[type=number],
        input[type=search], input[type=time], select, textarea {
          font: inherit; width: 100%; max-width: 32rem; padding: 0.5rem; border: 2px solid var(--line); border-radius: 4px;
          background: #fff; color: var(--ink); min-height: 2.75rem; }
        textarea { max-width: 40rem; }
        fieldset { border: 1px solid var(--line); border-radius: 6px; margin: 0 0 1.25rem; padding: 0.75rem 1rem 0.25rem; min-width: 0; }
        fieldset fieldset { border-style: dashed; }
        legend { font-size: 1.1rem; padding: 0 0.25rem; }
        .choice { display: flex; align-items: center; gap: 0.5rem; margin: 0.25rem 0; min-height: 2.25rem; }
        .choice input { width: 1.4rem; height: 1.4rem; margin: 0; }
        .choices { border: none; padding: 0; margin: 0 0 1rem; }
        .choices-row { display: flex; flex-wrap: wrap; gap: 0 1.5rem; }
        .grid { display: grid; grid-template-columns: repeat(auto-fit, minmax(14rem, 1fr)); gap: 0 1rem; }
        button, .button { font: inherit; border-radius: 4px; padding: 0.55rem 1.1rem; cursor: pointer; min-height: 2.75rem;
          border: 2px solid var(--accent); background: #fff; color: var(--accent); text-decoration: none; display: inline-block; }
        button.primary, .button.primary { background: var(--accent); color: #fff; font-weight: 700; }
        button.danger, .button.danger { border-color: var(--error); color: var(--error); }
        .actions { display: flex; flex-wrap: wrap; gap: 0.75rem; align-items: center; margin: 1rem 0; }
        table { border-collapse: collapse; width: 100%; margin: 0.5rem 0 1rem; }
        caption { text-align: left; font-weight: 600; padding: 0.25rem 0; }
        th, td { text-align: left; padding: 0.5rem; border-bottom: 1px solid var(--line); vertical-align: top; }
        th { background: var(--soft); }
        /* Positioned, so that visually hidden labels inside a table stay in its scroll box. */
        .table-wrap { overflow-x: auto; position: relative; }
        dl.record { display: grid; grid-template-columns: minmax(10rem, 16rem) 1fr; gap: 0.25rem 1rem; margin: 0 0 1rem; }
        dl.record dt { font-weight: 600; }
        dl.record dd { margin: 0; }
        .filters { background: var(--soft); padding: 0.75rem 1rem; border-radius: 6px; margin-bottom: 1rem; }
        .filters .grid { align-items: end; }
        .pagination ul { list-style: none; display: flex; flex-wrap: wrap; gap: 0.5rem; padding: 0; }
        .pagination a, .pagination span { display: inline-block; padding: 0.4rem 0.75rem; border: 1px solid var(--line); border-radius: 4px; min-width: 2.75rem; text-align: center; }
        .pagination [aria-current] { background: var(--accent); color: #fff; font-weight: 700; }
        .badge { display: inline-block; padding: 0 0.5rem; border-radius: 999px; border: 1px solid currentColor; font-size: 0.9rem; }
        .status-active { color: var(--ok-ink); } .status-paused { color: #7a4a00; } .status-ended { color: var(--muted); } .status-pending { color: #7a4a00; }
        .token { font-family: ui-monospace, monospace; background: var(--soft); padding: 0.5rem; word-break: break-all; display: block; }
        .req { color: var(--error); }
        .muted { color: var(--muted); }
        section.card { border: 1px solid var(--line); border-radius: 6px; padding: 0.25rem 1rem 0.5rem; margin-bottom: 1rem; }
        @media (max-width: 40rem) {
          dl.record { grid-template-columns: 1fr; }
          dl.record dd { margin-bottom: 0.5rem; }
          table.responsive thead { position: absolute; left: -9999px; }
          table.responsive tr { display: block; border-bottom: 2px solid var(--line); padding: 0.5rem 0; }
          table.responsive td { display: block; border: none; padding: 0.15rem 0; }
          table.responsive td[data-label]::before { content: attr(data-label) ": "; font-weight: 600; }
          h1 { font-size: 1.5rem; }
        }
        @media (prefers-reduced-motion: reduce) {
          *, *::before, *::after { animation: none !important; transition: none !important; scroll-behavior: auto !important; }
        }
        .meter { vertical-align: middle; }
        .charts { display: flex; flex-wrap: wrap; gap: 1rem 2rem; }
        .chart-wrap { max-width: 100%; overflow-x: auto; }
        .presets ul { list-style: none; display: flex; flex-wrap: wrap; gap: 0.5rem 1.25rem; padding: 0; }
        .danger-zone { margin-top: 2rem; padding-top: 1rem; border-top: 1px solid #767676; }
        .annual-project { break-inside: avoid; }
        .print-only { display: none; }
        .report-head { border-bottom: 1px solid #767676; margin-bottom: 1rem; }
        .report-library { font-weight: bold; font-size: 1.15em; margin-bottom: 0.2em; }
        .signature { margin-top: 3rem; }
        .signature p { margin: 1.2em 0; }
        .chart-figure { margin: 0; min-width: 0; max-width: 100%; }
        .charts > * { min-width: 0; max-width: 100%; }
        .chart-figure figcaption { display: flex; flex-wrap: wrap; gap: 0.3rem 1.5rem; margin-bottom: 0.3rem; }
        .chart-title { font-weight: bold; }
        .chart-legend .swatch { display: inline-block; width: 1em; height: 1em; background: #1d4f91; margin-right: 0.4em; vertical-align: -0.15em; }
        .scope-note { font-style: italic; }
        .slip { font-size: max(24px, 1.5rem); line-height: 1.5; color: #000; background: #fff; }
        .slip h2 { font-size: 1.35em; margin: 1em 0 0.3em; }
        .slip-reader { font-weight: bold; font-size: 1.2em; }
        .slip-lang { margin-right: 1rem; }
        .route-sketch { display: block; width: 100%; max-width: 26rem; height: auto; margin: 0.5rem 0 1rem; border: 1px solid #595959; background: #fff; color: #0b3d91; }
        .week-plan input[type=checkbox] { width: 1.5rem; height: 1.5rem; }
        @media print {
          .route-sheet + .route-sheet { break-before: page; }
          .route-sketch { max-width: 12cm; }
          .route-sheet .table-wrap { overflow: visible; }
          .route-sheet table { font-size: 9pt; width: 100%; table-layout: auto; }
          .route-sheet th, .route-sheet td { padding: 0.15rem 0.25rem; }
          .route-sheet td { overflow-wrap: anywhere; }
          .route-sheet th { overflow-wrap: normal; hyphens: auto; }
          .route-sheet tr { break-inside: avoid; }
          .site-header, .site-footer, .skip-link, .actions, .filters, .pagination, .no-print { display: none; }
          .meter, .chart { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
          a { color: inherit; text-decoration: none; }
          .slip { font-size: 24pt; }
          main:has(.slip) > h1 { display: none; }
          .slip-title { font-weight: bold; font-size: 1.3em; }
          .print-only { display: block; }
          .chart-legend .swatch { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
        }
        .visually-hidden { position: absolute !important; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
        """
}
