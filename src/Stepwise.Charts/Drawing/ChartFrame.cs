namespace Stepwise.Charts.Drawing;

/// <summary>
/// The parts every chart shares: the title (and subtitle) at the top, the legend under them, notes at the bottom.
/// Places them for a width, so the chart knows where its plot may start and how much room the notes need.
/// </summary>
internal sealed class ChartFrame
{
    private readonly IReadOnlyList<string> _titleLines;
    private readonly IReadOnlyList<string> _subtitleLines;
    private readonly List<(double X, double Row, LegendItem Item, string Text)> _legend = [];
    private readonly IReadOnlyList<string> _noteLines;
    private readonly double _legendTop;

    /// <summary>Places the parts for <paramref name="size"/>; each note wraps to at most <paramref name="noteLines"/>
    /// lines.</summary>
    public ChartFrame(ChartSize size, string title, string? subtitle, IReadOnlyList<LegendItem> legend, IReadOnlyList<string> notes, int noteLines = 4)
    {
        Size = size;
        Font = size.FontSize;
        Margin = Math.Round(Font * 1.1, 2);
        double inner = size.Width - (2 * Margin);
        _titleLines = TextWrap.Wrap(title, TitleSize, inner, 2, bold: true);
        _subtitleLines = string.IsNullOrWhiteSpace(subtitle) ? [] : TextWrap.Wrap(subtitle, Font, inner, 2);
        double y = Margin + (_titleLines.Count * TitleSize * 1.25) + (_subtitleLines.Count * Font * 1.25);
        _legendTop = y + (Font * 0.5);
        double x = 0;
        int row = 0;
        foreach (var item in legend)
        {
            string text = TextWrap.Truncate(item.Label, Font, inner - SymbolWidth - 6);
            double width = SymbolWidth + 6 + TextMeasure.Width(text, Font) + (Font * 1.5);
            if (x > 0 && x + width - (Font * 1.5) > inner)
            {
                x = 0;
                row++;
            }

            _legend.Add((Margin + x, row, item, text));
            x += width;
        }

        int rows = legend.Count == 0 ? 0 : row + 1;
        Top = _legendTop + (rows * Font * 1.5) + Font;
        _noteLines = notes.SelectMany(n => TextWrap.Wrap(n, Font * 0.9, inner, noteLines)).ToList();
        NotesHeight = _noteLines.Count == 0 ? Font * 0.6 : (_noteLines.Count * Font * 0.9 * 1.25) + (Font * 0.8);
    }

    public ChartSize Size { get; }

    public double Font { get; }

    public double Margin { get; }

    public double TitleSize => Math.Round(Font * 1.25, 2);

    /// <summary>Where the plot block may start.</summary>
    public double Top { get; }

    /// <summary>Room the notes take at the bottom, with the margin.</summary>
    public double NotesHeight { get; }

    private double SymbolWidth => Font * 1.6;

    /// <summary>Draws the title, legend and notes on a chart <paramref name="height"/> high.</summary>
    public void Draw(SvgCanvas canvas, double height)
    {
        double y = Margin + (TitleSize * SvgCanvas.Ascent);
        foreach (var line in _titleLines)
        {
            canvas.Text(Margin, y, line, TitleSize, bold: true);
            y += TitleSize * 1.25;
        }

        y += (Font * SvgCanvas.Ascent) - (TitleSize * SvgCanvas.Ascent) + (TitleSize * 0.25) - (Font * 0.25);
        foreach (var line in _subtitleLines)
        {
            canvas.Text(Margin, y, line, Font, fill: Palette.MutedText);
            y += Font * 1.25;
        }

        if (_legend.Count > 0)
        {
            canvas.BeginGroup("legend");
            foreach (var (x, row, item, text) in _legend)
            {
                double baseline = _legendTop + (row * Font * 1.5) + (Font * SvgCanvas.Ascent);
                double mid = baseline - (Font * 0.35);
                Symbol(canvas, item, x, mid);
                canvas.Text(x + SymbolWidth + 6, baseline, text, Font);
            }

            canvas.EndGroup();
        }

        double noteY = height - NotesHeight + (Font * 0.8) + (Font * 0.9 * SvgCanvas.Ascent) - (Font * 0.3);
        foreach (var line in _noteLines)
        {
            canvas.Text(Margin, noteY, line, Font * 0.9, fill: Palette.MutedText);
            noteY += Font * 0.9 * 1.25;
        }
    }

    private void Symbol(SvgCanvas canvas, LegendItem item, double x, double mid)
    {
        double w = SymbolWidth;
        switch (item.Symbol)
        {
            case LegendSymbol.Box:
                canvas.Rect(x, mid - (Font * 0.4), w, Font * 0.8, item.Color);
                break;
            case LegendSymbol.Line:
                canvas.Line(x, mid, x + w, mid, item.Color, 2, item.Dash);
                break;
            case LegendSymbol.LineWithMarker:
                canvas.Line(x, mid, x + w, mid, item.Color, 2, item.Dash);
                canvas.Marker(item.Shape, x + (w / 2), mid, Font * 0.3, item.Color);
                break;
            case LegendSymbol.Ring:
                canvas.Ring(x + (w / 2), mid, Font * 0.4, item.Color);
                break;
            default:
                canvas.Marker(item.Shape, x + (w / 2), mid, Font * 0.35, item.Color);
                break;
        }
    }
}
