using Stepwise.Charts.Drawing;

namespace Stepwise.Charts;

/// <summary>
/// Before and after, side by side per item: two bars (before light, after dark, so the pair reads in print and
/// without colour) with their confidence intervals and values.
/// </summary>
public sealed record BeforeAfterChart : Chart
{
    /// <summary>The measure compared.</summary>
    public required Measure Value { get; init; }

    /// <summary>The items, top to bottom.</summary>
    public required IReadOnlyList<BeforeAfterItem> Items { get; init; }

    /// <summary>The name of the first state (e.g. <c>As-is</c>).</summary>
    public string BeforeName { get; init; } = "Before";

    /// <summary>The name of the second state (e.g. <c>Option A</c>).</summary>
    public string AfterName { get; init; } = "After";

    /// <summary>The heading of the item column.</summary>
    public string ItemName { get; init; } = "Measure";

    /// <inheritdoc />
    private protected override Figure Draw(ChartSize size, string id)
    {
        var legend = new List<LegendItem> { new(BeforeName, Palette.LightBlue, LegendSymbol.Box), new(AfterName, Palette.Blue, LegendSymbol.Box) };
        if (Items.Any(i => i.Before.HasInterval || i.After.HasInterval))
        {
            legend.Add(new("95% confidence interval", Palette.Text, LegendSymbol.Line));
        }

        var frame = new ChartFrame(size, Title, Subtitle, legend, Notes);
        double f = frame.Font;
        var values = Items.SelectMany(i => new[] { i.Before.Value, i.Before.Lower, i.Before.Upper, i.After.Value, i.After.Lower, i.After.Upper })
            .Where(double.IsFinite).Append(0.0).ToList();
        double labelWidth = Items.SelectMany(i => new[] { i.Before.Value, i.After.Value }).Select(v => TextMeasure.Width(Value.Format(v), f * 0.9)).DefaultIfEmpty(0).Max() + (f * 0.5);
        var layout = HorizontalBands.Create(frame, Items.Select(i => i.Label).ToList(), Value, values.Min(), values.Max(), labelWidth, minBand: 3.2);
        var canvas = new SvgCanvas();
        frame.Draw(canvas, layout.Height);
        layout.DrawAxes(canvas, frame, Value);
        double bar = Math.Min(layout.Band * 0.34, f * 1.5);
        for (int i = 0; i < Items.Count; i++)
        {
            var item = Items[i];
            double y = layout.BandY(i);
            canvas.BeginGroup("pair", $"{item.Label}: {BeforeName} {Describe(item.Before)}, {AfterName} {Describe(item.After)}");
            DrawBar(canvas, layout, item.Before, y - (bar * 0.55), bar, Palette.LightBlue, f);
            DrawBar(canvas, layout, item.After, y + (bar * 0.55), bar, Palette.Blue, f);
            canvas.EndGroup();
        }

        string description = $"{BeforeName} and {AfterName} compared on {Value.Title}: " + string.Join("; ", Items.Select(i => $"{i.Label} {Describe(i.Before)} then {Describe(i.After)}")) + ".";
        return new Figure(id, Title, description, canvas.Document(id, size.Width, layout.Height, Title, description), size.Width, layout.Height, Table(), canvas.Labels, layout.Box);
    }

    private void DrawBar(SvgCanvas canvas, HorizontalBands layout, ValueInterval value, double y, double height, string color, double f)
    {
        if (!double.IsFinite(value.Value))
        {
            return;
        }

        double x0 = layout.X(0), x1 = layout.X(value.Value);
        canvas.Rect(Math.Min(x0, x1), y - (height / 2), Math.Abs(x1 - x0), height, color);
        double end = Math.Max(x0, x1);
        if (value.HasInterval)
        {
            BarChart.Whisker(canvas, layout.X(value.Lower), layout.X(value.Upper), y, height * 0.4);
            end = Math.Max(end, layout.X(value.Upper));
        }

        canvas.Text(end + (f * 0.4), y + (f * 0.3), Value.Format(value.Value), f * 0.9);
    }

    private string Describe(ValueInterval v) =>
        v.HasInterval ? $"{Value.Format(v.Value)} ({Value.Format(v.Lower)} to {Value.Format(v.Upper)})" : Value.Format(v.Value);

    private ChartTable Table()
    {
        var columns = new List<ChartColumn>
        {
            ChartColumn.Text(ItemName),
            ChartColumn.Of(Value.Named(BeforeName)), ChartColumn.Of(Value.Named($"{BeforeName} lower bound")), ChartColumn.Of(Value.Named($"{BeforeName} upper bound")),
            ChartColumn.Of(Value.Named(AfterName)), ChartColumn.Of(Value.Named($"{AfterName} lower bound")), ChartColumn.Of(Value.Named($"{AfterName} upper bound")),
        };
        var rows = Items.Select(i => (IReadOnlyList<ChartCell>)
        [
            ChartCell.Of(i.Label), ChartCell.Of(i.Before.Value), ChartCell.Of(i.Before.Lower), ChartCell.Of(i.Before.Upper),
            ChartCell.Of(i.After.Value), ChartCell.Of(i.After.Lower), ChartCell.Of(i.After.Upper),
        ]).ToList();
        return new ChartTable(Title, columns, rows);
    }
}
