namespace Stepwise.Charts.Drawing;

/// <summary>Breaks labels into lines that fit a width in the bundled font.</summary>
internal static class TextWrap
{
    public const string Ellipsis = "\u2026";

    /// <summary>Breaks <paramref name="text"/> into at most <paramref name="maxLines"/> lines no wider than
    /// <paramref name="maxWidth"/>, at spaces where possible; a cut text ends with an ellipsis.</summary>
    /// <param name="text">The text.</param>
    /// <param name="fontSize">Font size in pixels.</param>
    /// <param name="maxWidth">The widest a line may be.</param>
    /// <param name="maxLines">The most lines.</param>
    /// <param name="bold">Whether the text is bold.</param>
    /// <param name="breakWords">Whether a word too long for a line is split between characters; otherwise it is cut
    /// with an ellipsis (category labels, where a split word reads as two).</param>
    public static IReadOnlyList<string> Wrap(string text, double fontSize, double maxWidth, int maxLines, bool bold = false, bool breakWords = true)
    {
        var lines = new List<string>();
        string current = string.Empty;
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            string candidate = current.Length == 0 ? word : current + " " + word;
            if (TextMeasure.Width(candidate, fontSize, bold) <= maxWidth)
            {
                current = candidate;
                continue;
            }

            if (current.Length > 0)
            {
                lines.Add(current);
            }

            current = breakWords ? word : Truncate(word, fontSize, maxWidth, bold);
            while (current.Length > 1 && TextMeasure.Width(current, fontSize, bold) > maxWidth)
            {
                int cut = Fit(current, fontSize, maxWidth, bold);
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
            lines[^1] = Truncate(lines[^1] + " " + Ellipsis, fontSize, maxWidth, bold, force: true);
        }

        return lines;
    }

    /// <summary>The text cut to fit <paramref name="maxWidth"/>, ending with an ellipsis when cut.</summary>
    public static string Truncate(string text, double fontSize, double maxWidth, bool bold = false, bool force = false)
    {
        if (!force && TextMeasure.Width(text, fontSize, bold) <= maxWidth)
        {
            return text;
        }

        string body = text.EndsWith(" " + Ellipsis, StringComparison.Ordinal) ? text[..^2] : text;
        while (body.Length > 0 && TextMeasure.Width(body.TrimEnd() + Ellipsis, fontSize, bold) > maxWidth)
        {
            body = body[..^1];
            if (body.Length > 0 && char.IsHighSurrogate(body[^1]))
            {
                body = body[..^1];
            }
        }

        return body.TrimEnd() + Ellipsis;
    }

    private static int Fit(string word, double fontSize, double maxWidth, bool bold)
    {
        int cut = word.Length - 1;
        while (cut > 1 && TextMeasure.Width(word[..cut], fontSize, bold) > maxWidth)
        {
            cut--;
        }

        if (char.IsHighSurrogate(word[cut - 1]))
        {
            cut--;
        }

        return Math.Max(1, cut);
    }
}
