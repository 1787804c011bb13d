using System.Globalization;
using System.Reflection;

namespace Stepwise.Text.Sentiment;

/// <summary>
/// Sentiment words with their valence (-4..4), and the modifiers that act on them: negators, boosters and
/// dampeners (with their strength) and contrast words. The default lexicon ships with Stepwise; users can extend
/// it with lines of the same format (<c>-2: word word</c>, <c>negators: ...</c>, <c>boost 0.3: ...</c>,
/// <c>damp 0.3: ...</c>, <c>contrast: ...</c>).
/// </summary>
public sealed class SentimentLexicon
{
    private readonly Dictionary<string, double> _valence = new(StringComparer.Ordinal);
    private readonly Dictionary<string, double> _modifiers = new(StringComparer.Ordinal);
    private readonly HashSet<string> _negators = new(StringComparer.Ordinal);
    private readonly HashSet<string> _contrast = new(StringComparer.Ordinal);

    private static readonly Lazy<SentimentLexicon> DefaultLexicon = new(() =>
    {
        var lexicon = new SentimentLexicon();
        lexicon.Load(ReadResource("sentiment-lexicon.txt"), "sentiment-lexicon.txt");
        lexicon.Load(ReadResource("sentiment-modifiers.txt"), "sentiment-modifiers.txt");
        return lexicon;
    });

    /// <summary>The lexicon that ships with Stepwise (a shared instance; copy it with <see cref="With"/> to extend it).</summary>
    public static SentimentLexicon Default => DefaultLexicon.Value;

    /// <summary>How many sentiment words it holds.</summary>
    public int WordCount => _valence.Count;

    /// <summary>A copy of this lexicon extended with the lines of <paramref name="text"/>.</summary>
    /// <exception cref="FormatException">A line is not of the format.</exception>
    public SentimentLexicon With(string text, string source = "lexicon")
    {
        var copy = new SentimentLexicon();
        foreach (var (k, v) in _valence)
        {
            copy._valence[k] = v;
        }

        foreach (var (k, v) in _modifiers)
        {
            copy._modifiers[k] = v;
        }

        copy._negators.UnionWith(_negators);
        copy._contrast.UnionWith(_contrast);
        copy.Load(text, source);
        return copy;
    }

    /// <summary>The valence of <paramref name="word"/> (a lower-case word), trying its singular form too; 0 if none.</summary>
    public double Valence(string word)
    {
        if (_valence.TryGetValue(word, out double v))
        {
            return v;
        }

        if (word.Length > 3 && word[^1] == 's' && _valence.TryGetValue(word[..^1], out v))
        {
            return v;
        }

        return 0;
    }

    /// <summary>Whether the word reverses the sentiment after it.</summary>
    public bool IsNegator(string word) => _negators.Contains(word);

    /// <summary>Whether the word marks a contrast between clauses (<c>but</c>).</summary>
    public bool IsContrast(string word) => _contrast.Contains(word);

    /// <summary>The share by which the word strengthens (positive) or weakens (negative) the next sentiment word; 0 if none.</summary>
    public double Modifier(string word) => _modifiers.GetValueOrDefault(word);

    private void Load(string text, string source)
    {
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
                throw new FormatException($"{source}, line {lineNumber}: expected 'VALENCE: words', 'negators: words', 'boost SHARE: words', 'damp SHARE: words' or 'contrast: words'.");
            }

            string head = line[..colon].Trim().ToLowerInvariant();
            var words = line[(colon + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(w => w.ToLowerInvariant());
            if (head == "negators")
            {
                _negators.UnionWith(words);
            }
            else if (head == "contrast")
            {
                _contrast.UnionWith(words);
            }
            else if (head.StartsWith("boost ", StringComparison.Ordinal) || head.StartsWith("damp ", StringComparison.Ordinal))
            {
                bool boost = head[0] == 'b';
                double share = ParseNumber(head[(head.IndexOf(' ', StringComparison.Ordinal) + 1)..], source, lineNumber);
                foreach (string w in words)
                {
                    _modifiers[w] = boost ? share : -share;
                }
            }
            else
            {
                double valence = ParseNumber(head, source, lineNumber);
                if (valence < -4 || valence > 4)
                {
                    throw new FormatException($"{source}, line {lineNumber}: valence {head} is outside -4..4.");
                }

                foreach (string w in words)
                {
                    _valence[w] = valence;
                }
            }
        }
    }

    private static double ParseNumber(string text, string source, int line)
        => double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double v)
            ? v
            : throw new FormatException($"{source}, line {line}: '{text}' is not a number.");

    internal static string ReadResource(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Stepwise.Text." + name)
            ?? throw new InvalidOperationException($"Resource {name} is missing from Stepwise.Text.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
