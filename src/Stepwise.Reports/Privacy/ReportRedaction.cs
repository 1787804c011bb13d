using Stepwise.Text.Privacy;

namespace Stepwise.Reports.Privacy;

/// <summary>
/// Takes personal data out of a document before any format writes it: quotes, comment columns and paragraphs marked
/// as holding personal data go through the redactor (e-mail addresses, phone, card and account numbers, postcodes,
/// the document's known names). A document that opts in (<see cref="ReportDocument.IncludePersonalData"/>) is left
/// as it is. Every format calls this first, so none can forget it.
/// </summary>
public static class ReportRedaction
{
    /// <summary>The document as it may be shown.</summary>
    public static ReportDocument Apply(ReportDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (document.IncludePersonalData)
        {
            return document;
        }

        var redactor = new Redactor(document.KnownNames);
        string Clean(string text) => redactor.Redact(text).Text;
        var sections = document.Sections.Select(s => s with
        {
            Blocks = s.Blocks.Select(b => b switch
            {
                Quote q => q with { Text = Clean(q.Text) },
                Paragraph { HoldsPersonalData: true } p => p with { Text = Clean(p.Text) },
                TableBlock t when t.Table.Columns.Any(c => c.Kind == ColumnKind.Comment) => t with { Table = Redact(t.Table, Clean) },
                _ => b,
            }).ToList(),
        }).ToList();
        return document with { Sections = sections };
    }

    private static ReportTable Redact(ReportTable table, Func<string, string> clean)
    {
        var rows = table.Rows.Select(r => (IReadOnlyList<TableCell>)r.Select((cell, i) =>
            table.Columns[i].Kind == ColumnKind.Comment && cell.Kind == TableCellKind.Text ? TableCell.Of(clean(cell.Text!)) : cell).ToList()).ToList();
        return new ReportTable(table.Caption, table.Columns, rows);
    }
}
