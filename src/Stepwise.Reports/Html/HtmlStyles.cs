namespace Stepwise.Reports.Html;

/// <summary>The report's stylesheet: readable on screen, and on paper (A4, 20 mm margins, no split figures or rows).</summary>
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
        table.data th, table.data td { border-bottom: 1px solid var(--rule); padding: .25rem .5rem; text-align: left; vertical-align: top; }
        table.data th { border-bottom: 2px solid var(--text); }
        .num { text-align: right !important; font-variant-numeric: tabular-nums; white-space: nowrap; }
        .hash { font-family: 'DejaVu Sans Mono', monospace; font-size: .7rem; word-break: break-all; }
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
        }
        """;
}
