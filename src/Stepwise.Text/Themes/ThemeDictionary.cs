namespace Stepwise.Text.Themes;

/// <summary>
/// A user-editable list of themes, each with its terms, in a plain text format: one theme per line,
/// <c>Name: term, term phrase, stem*</c>; blank lines and lines starting with # are ignored.
/// </summary>
public sealed class ThemeDictionary
{
    /// <summary>Creates a dictionary of <paramref name="themes"/>.</summary>
    public ThemeDictionary(IReadOnlyList<Theme> themes)
    {
        ArgumentNullException.ThrowIfNull(themes);
        Themes = themes;
    }

    /// <summary>The themes, in order.</summary>
    public IReadOnlyList<Theme> Themes { get; }

    /// <summary>The customer-service themes that ship with Stepwise.</summary>
    public static ThemeDictionary Default { get; } = Parse(Sentiment.SentimentLexicon.ReadResource("themes-customer-service.txt"), "themes-customer-service.txt");

    /// <summary>Reads a dictionary file.</summary>
    /// <exception cref="FormatException">A line is not <c>Name: terms</c>; the message names the file and line.</exception>
    public static ThemeDictionary Read(string path) => Parse(File.ReadAllText(path), Path.GetFileName(path));

    /// <summary>Parses dictionary text; <paramref name="source"/> names it in errors.</summary>
    /// <exception cref="FormatException">A line is not <c>Name: terms</c>, or a theme has no terms.</exception>
    public static ThemeDictionary Parse(string text, string source = "themes")
    {
        ArgumentNullException.ThrowIfNull(text);
        var themes = new List<Theme>();
        int lineNumber = 0;
        foreach (string raw in text.Split('\n'))
        {
            lineNumber++;
            string line = raw.Trim();
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            int colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                throw new FormatException($"{source}, line {lineNumber}: expected 'Theme name: term, term, stem*'.");
            }

            var terms = line[(colon + 1)..].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(t => t.ToLowerInvariant()).Where(t => t.Length > 0).ToArray();
            if (terms.Length == 0)
            {
                throw new FormatException($"{source}, line {lineNumber}: theme '{line[..colon].Trim()}' has no terms.");
            }

            themes.Add(new Theme(line[..colon].Trim(), terms));
        }

        return new ThemeDictionary(themes);
    }
}
