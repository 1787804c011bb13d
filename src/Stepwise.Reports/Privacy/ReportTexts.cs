namespace Stepwise.Reports.Privacy;

/// <summary>
/// Every piece of text a document holds, to read or to rewrite: its title and subtitle, the sources, and in each
/// section the heading, the message, paragraphs, list items, key figures' labels and notes, tables' captions, the
/// headers of text columns and text cells, pictures' titles and descriptions, quotes and their attributions, and notes. Charts and the SVG of
/// pictures are left as they are (they draw steps, periods and figures, not free text).
/// </summary>
public static class ReportTexts
{
    /// <summary>The document with <paramref name="rewrite"/> applied to every text it holds.</summary>
    public static ReportDocument Rewrite(ReportDocument document, Func<string, string> rewrite)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(rewrite);
        string? R(string? text) => string.IsNullOrEmpty(text) ? text : rewrite(text);
        return document with
        {
            Title = R(document.Title)!,
            Subtitle = R(document.Subtitle),
            Sources = [.. document.Sources.Select(s => s with { Name = R(s.Name)!, Description = R(s.Description)!, Imported = R(s.Imported) })],
            Sections = [.. document.Sections.Select(s => new ReportSection(R(s.Heading)!, [.. s.Blocks.Select(b => Block(b, R))]) { Message = R(s.Message) })],
        };
    }

    /// <summary>Every text the document holds, in order (what <see cref="Rewrite"/> rewrites).</summary>
    public static IEnumerable<string> All(ReportDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var texts = new List<string>();
        Rewrite(document, t =>
        {
            texts.Add(t);
            return t;
        });
        return texts;
    }

    private static ReportBlock Block(ReportBlock block, Func<string?, string?> r) => block switch
    {
        Paragraph p => p with { Text = r(p.Text)! },
        BulletList l => new BulletList([.. l.Items.Select(i => r(i)!)]),
        KeyFigures k => new KeyFigures([.. k.Figures.Select(f => f with { Label = r(f.Label)!, Note = r(f.Note) })]),
        TableBlock t => t with { Table = Table(t.Table, r) },
        PictureBlock p => p with
        {
            Title = r(p.Title)!,
            Description = r(p.Description)!,
            SlideParts = [.. p.SlideParts.Select(s => s with { Title = r(s.Title)!, Description = r(s.Description)! })],
        },
        Quote q => q with { Text = r(q.Text)!, Attribution = r(q.Attribution) },
        Note n => n with { Text = r(n.Text)! },
        _ => block,
    };

    private static ReportTable Table(ReportTable table, Func<string?, string?> r)
    {
        var columns = table.Columns.Select(c => c.Kind is ColumnKind.Text or ColumnKind.Comment && r(c.Name) is { } name && name != c.Name ? Renamed(c, name) : c).ToList();
        var rows = table.Rows.Select(row => (IReadOnlyList<TableCell>)[.. row.Select(cell => cell.Kind == TableCellKind.Text ? TableCell.Of(r(cell.Text)) : cell)]).ToList();
        return new ReportTable(r(table.Caption)!, columns, rows);
    }

    private static TableColumn Renamed(TableColumn column, string name) => column.Kind == ColumnKind.Comment ? TableColumn.Comment(name) : TableColumn.Text(name);
}
