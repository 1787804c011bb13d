namespace Stepwise.Maps.Rendering;

/// <summary>
/// Estimates the width of text in the map's sans-serif font without a font engine, from Helvetica's published
/// advance widths, widened by a margin so that wider fallbacks (DejaVu Sans) still fit their boxes. Deterministic
/// by construction, which a font engine would not be across machines.
/// </summary>
internal static class TextMetrics
{
    private const double Margin = 1.12;

    // Advance widths of ASCII 32..126 per 1000 units of em (Helvetica).
    private static readonly short[] Widths =
    [
        278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, // space .. /
        556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556, // 0 .. ?
        1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778, // @ .. O
        667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556, // P .. _
        333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, // ` .. o
        556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584,       // p .. ~
    ];

    /// <summary>The width of <paramref name="text"/> at <paramref name="fontSize"/> pixels.</summary>
    public static double Width(string text, double fontSize, bool bold = false)
    {
        double units = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            int c = rune.Value;
            units += c switch
            {
                >= 32 and <= 126 => Widths[c - 32],
                < 0x2E80 => 600,
                _ => 1000, // CJK and other wide scripts
            };
        }

        return units / 1000 * fontSize * Margin * (bold ? 1.07 : 1.0);
    }

    /// <summary>Breaks <paramref name="text"/> into at most <paramref name="maxLines"/> lines no wider than
    /// <paramref name="maxWidth"/>, at spaces where possible; the last line ends with an ellipsis if text is cut.</summary>
    public static List<string> Wrap(string text, double fontSize, double maxWidth, int maxLines, bool bold = false)
    {
        var lines = new List<string>();
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        string current = string.Empty;
        foreach (var word in words)
        {
            string candidate = current.Length == 0 ? word : current + " " + word;
            if (Width(candidate, fontSize, bold) <= maxWidth)
            {
                current = candidate;
                continue;
            }

            if (current.Length > 0)
            {
                lines.Add(current);
            }

            // A word too long for a line is broken between characters.
            current = word;
            while (Width(current, fontSize, bold) > maxWidth && current.Length > 1)
            {
                int cut = current.Length - 1;
                while (cut > 1 && Width(current[..cut], fontSize, bold) > maxWidth)
                {
                    cut--;
                }

                if (char.IsHighSurrogate(current[cut - 1]))
                {
                    cut--;
                }

                lines.Add(current[..cut]);
                current = current[cut..];
            }
        }

        if (current.Length > 0 || lines.Count == 0)
        {
            lines.Add(current);
        }

        if (lines.Count > maxLines)
        {
            lines.RemoveRange(maxLines, lines.Count - maxLines);
            string last = lines[^1];
            while (last.Length > 1 && Width(last + "\u2026", fontSize, bold) > maxWidth)
            {
                last = last[..^1];
            }

            lines[^1] = last + "\u2026";
        }

        return lines;
    }
}
