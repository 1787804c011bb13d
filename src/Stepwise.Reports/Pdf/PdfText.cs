using SkiaSharp;
using Stepwise.Rendering.Fonts;

namespace Stepwise.Reports.Pdf;

/// <summary>Text measuring and line breaking in the bundled font, at PDF points.</summary>
internal static class PdfText
{
    private static readonly ThreadLocal<Dictionary<(bool, float), SKFont>> Fonts = new(() => []);

    public static SKFont Font(float size, bool bold = false)
    {
        var cache = Fonts.Value!;
        if (!cache.TryGetValue((bold, size), out var font))
        {
            font = new SKFont(bold ? BundledFonts.Bold : BundledFonts.Regular, size) { Subpixel = true, Hinting = SKFontHinting.None, LinearMetrics = true };
            cache[(bold, size)] = font;
        }

        return font;
    }

    public static float Width(string text, float size, bool bold = false) => Font(size, bold).MeasureText(text);

    /// <summary>Breaks text into lines no wider than <paramref name="width"/>, at spaces; a word wider than the line
    /// splits, after a separator (<c>_ - / . \</c>) in its second half where it has one.</summary>
    public static List<string> Wrap(string text, float size, float width, bool bold = false)
    {
        var lines = new List<string>();
        foreach (var paragraph in text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            string current = string.Empty;
            foreach (var word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                string candidate = current.Length == 0 ? word : current + " " + word;
                if (Width(candidate, size, bold) <= width)
                {
                    current = candidate;
                    continue;
                }

                if (current.Length > 0)
                {
                    lines.Add(current);
                }

                current = word;
                while (current.Length > 1 && Width(current, size, bold) > width)
                {
                    int cut = current.Length - 1;
                    while (cut > 1 && Width(current[..cut], size, bold) > width)
                    {
                        cut--;
                    }

                    // A long name breaks after its own separators where it can (file_name.csv, a/b), else where it must.
                    int soft = current.AsSpan(0, cut).LastIndexOfAny("_-/.\\");
                    if (soft + 1 < cut && soft >= cut / 2)
                    {
                        cut = soft + 1;
                    }

                    if (char.IsHighSurrogate(current[cut - 1]))
                    {
                        cut--;
                    }

                    lines.Add(current[..cut]);
                    current = current[cut..];
                }
            }

            lines.Add(current);
        }

        return lines;
    }
}
