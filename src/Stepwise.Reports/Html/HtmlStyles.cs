namespace Stepwise.Reports.Html;

/// <summary>The report's stylesheet: readable on screen, and on paper (A4, 20 mm margins, no split figures or rows).
/// Tables fit the screen they are read on: on a wide screen one of <see cref="HtmlReport.WideColumns"/> columns or more
/// may be wider than the text, up to the screen's width (at most 90 rem, centred under the text); headers wrap, numbers never break and stand right-aligned; on a narrow screen a
/// table of <see cref="HtmlReport.StackedColumns"/> columns or more is read row by row, each cell after its header, and
/// one of <see cref="HtmlReport.CardColumns"/> or more so everywhere (each row a card of its cells); on paper headers
/// and long words wrap and tables print smaller.</summary>
internal static class HtmlStyles
{
    public const string Css =
        """
        :root { --text: #1f2933; --muted: #52606d; --rule: #d9dee3; --accent: #0072b2; --warn: #d55e00; }
        html { font-family: 'DejaVu Sans', Verdana, 'Bitstream Vera Sans', sans-serif; color: var(--text); background: #fff; }
        body { max-width: 46rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.5; font-size: 15px; }
        h1 { font-size: 1.9rem; margin: 0 0 .3rem; line-height: 1.2; }
        h2 { font-size: 1.35rem; margin: 2rem 0 .6rem; border-bottom: 2px solid var(--accent); padding-bottom: .2rem; }
        .subtitle { font-size: 1.1rem; color: var(--muted); margin: 0 0 1rem; }
        .meta { display: grid; grid-template-columns: max-content 1fr; gap: .1rem 1rem; margin: 0 0 1rem; }
        .meta dt { color: var(--muted); }
        .meta dd { margin: 0; }
        .privacy { font-size: .85rem; color: var(--muted); }
        .sources { font-size: .85rem; color: var(--muted); }
        .warning { color: var(--warn); font-weight: bold; }
        .message { font-size: 1.1rem; font-weight: bold; }
        .contents ol { padding-left: 1.4rem; }
        .contents a { color: var(--accent); }
        .figures { display: flex; flex-wrap: wrap; gap: .8rem; margin: 1rem 0; }
        .figure-card { flex: 1 1 10rem; border: 1px solid var(--rule); border-left: 4px solid var(--accent); padding: .6rem .8rem; }
        .figure-card .value { font-size: 1.6rem; font-weight: bold; }
        .figure-card .label { font-size: .95rem; }
        .figure-card .interval { font-size: .8rem; color: var(--muted); }
        figure.chart { margin: 1.2rem 0; }
        figure.chart svg { max-width: 100%; height: auto; display: block; }
        figcaption { font-size: .85rem; color: var(--muted); margin-top: .3rem; }
        details { font-size: .85rem; margin-top: .3rem; }
        summary { cursor: pointer; color: var(--accent); }
        .table-wrap { overflow-x: auto; margin: 1rem 0; }
        table.data { border-collapse: collapse; font-size: .85rem; width: 100%; }
        table.data caption { text-align: left; font-weight: bold; margin-bottom: .3rem; }
        table.data th, table.data td { border-bottom: 1px solid var(--rule); padding: .25rem .5rem; text-align: left; vertical-align: top; overflow-wrap: anywhere; }
        table.data th { border-bottom: 2px solid var(--text); vertical-align: bottom; hyphens: auto; }
        .num { text-align: right !important; font-variant-numeric: tabular-nums; }
        td.num { white-space: nowrap; }
        table.data td:not(.num) { min-width: 5em; }
        .hash { font-family: 'DejaVu Sans Mono', monospace; font-size: .7rem; word-break: break-all; }
        @media screen and (min-width: 52rem) {
          .table-wrap.wide { width: min(100vw - 3rem, 90rem); margin-left: calc(50% - min(100vw - 3rem, 90rem) / 2); }
          .table-wrap.wide table.data { width: auto; min-width: 46rem; margin: 0 auto; }
          .table-wrap.wide table.data caption { max-width: 46rem; }
        }
        @media screen and (max-width: 40rem) {
          table.stack, table.stack tbody, table.stack tr, table.stack caption { display: block; }
          table.stack thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); }
          table.stack tr { border-bottom: 2px solid var(--rule); padding: .3rem 0; }
          table.stack td { display: grid; grid-template-columns: minmax(0, 2fr) minmax(0, 3fr); gap: .6rem; border: 0; padding: .1rem .25rem; text-align: left !important; white-space: normal; }
          table.stack td::before { content: attr(data-label); color: var(--muted); }
        }
        table.cards, table.cards tbody, table.cards caption { display: block; }
        table.cards thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); }
        table.cards tr { display: grid; grid-template-columns: repeat(auto-fill, minmax(15rem, 1fr)); column-gap: 1.2rem; border-bottom: 2px solid var(--rule); padding: .4rem 0; break-inside: auto; }
        table.cards td { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); gap: .6rem; border: 0; border-bottom: 1px dotted var(--rule); padding: .1rem .25rem; text-align: left !important; white-space: normal; }
        table.cards td::before { content: attr(data-label); color: var(--muted); }
        .table-wrap.wide table.cards { width: 100%; }
        blockquote { margin: 1rem 0; padding: .2rem 1rem; border-left: 4px solid var(--rule); }
        blockquote footer { font-size: .85rem; color: var(--muted); }
        .note { font-size: .85rem; color: var(--muted); }
        footer.page { margin-top: 3rem; font-size: .8rem; color: var(--muted); border-top: 1px solid var(--rule); }
        @media print {
          @page { size: A4; margin: 20mm; }
          body { max-width: none; margin: 0; padding: 0; font-size: 10.5pt; }
          a { color: inherit; text-decoration: none; }
          h2 { break-after: avoid; }
          figure.chart, .figure-card, blockquote, tr { break-inside: avoid; }
          details { display: none; }
          .table-wrap { overflow: visible; }
          thead { display: table-header-group; }
          table.data { font-size: 8.5pt; }
          table.data th, table.data td { padding: .2rem .3rem; overflow-wrap: anywhere; }
          table.data td:not(.num) { min-width: 4em; }
        }
        """;
}
