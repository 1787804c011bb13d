namespace Stepwise.Charts.Drawing;

/// <summary>
/// Category labels under a vertical chart: each label wrapped (up to three lines) within its own band, or, when bands
/// are too narrow, every k-th label on one line within k bands. Either way no two labels can overlap.
/// </summary>
internal sealed class CategoryBands
{
    private readonly IReadOnlyList<string> _labels;
    private readonly double _font;
    private readonly List<IReadOnlyList<string>?> _shown = [];

    public CategoryBands(IReadOnlyList<string> labels, double plotWidth, double font, int maxLines = 3)
    {
        _labels = labels;
        _font = font;
        double band = plotWidth / Math.Max(1, labels.Count);
        double widest = labels.Select(l => TextMeasure.Width(l, font)).DefaultIfEmpty(0).Max();
        Step = 1;
        if (band - (font * 0.6) >= Math.Min(widest, font * 2.8))
        {
            foreach (var label in labels)
            {
                _shown.Add(TextWrap.Wrap(label, font, band - (font * 0.6), maxLines, breakWords: false));
            }
        }
        else
        {
            Step = Math.Max(1, (int)Math.Ceiling((widest + font) / band));
            for (int i = 0; i < labels.Count; i++)
            {
                _shown.Add(i % Step == 0 ? [TextWrap.Truncate(labels[i], font, Math.Min((Step * band) - (font * 0.6), band + (font * 6)))] : null);
            }
        }

        Lines = _shown.Where(s => s is not null).Select(s => s!.Count).DefaultIfEmpty(1).Max();
    }

    /// <summary>Every how many categories a label is shown (1: all).</summary>
    public int Step { get; }

    /// <summary>The most lines a label takes.</summary>
    public int Lines { get; }

    /// <summary>Height of the label block.</summary>
    public double Height => (Lines * _font * 1.25) + (_font * 0.7);

    /// <summary>Draws the labels under the plot; <paramref name="centre"/> gives a category's centre x.</summary>
    public void Draw(SvgCanvas canvas, Func<int, double> centre, double plotBottom)
    {
        canvas.BeginGroup("categories");
        for (int i = 0; i < _labels.Count; i++)
        {
            if (_shown[i] is { } lines)
            {
                canvas.Lines(centre(i), plotBottom + (_font * 1.45), lines, _font, TextAnchor.Middle);
            }
        }

        canvas.EndGroup();
    }
}
