using System.Globalization;
using System.Text;

namespace Stepwise.Text.Sentiment;

/// <summary>
/// A calibrated sentiment model: a logistic regression over the lexicon's scores and the comment's words and word
/// pairs (see <see cref="SentimentFeatures"/>), giving the probability that the comment's author is satisfied, and two
/// thresholds on the score (2p - 1, from -1 to 1) that split negative, neutral and positive so that the shares match
/// labelled data. The default model ships with Stepwise and was fitted on labelled reviews (the method and its
/// held-out results are in docs/benchmarks.md); <see cref="SentimentCalibration"/> fits one on a user's own labels.
/// </summary>
/// <remarks>
/// The text format: lines <c>bias VALUE</c>, <c>negative-below VALUE</c>, <c>positive-above VALUE</c>, optionally
/// <c>short-comment-words VALUE</c> and <c>short-comment-lexicon VALUE</c> (the weight of the lexicon in short
/// comments, none when absent), then <c>VALUE&lt;tab&gt;FEATURE</c> per feature; lines starting with # are comments.
/// </remarks>
public sealed class SentimentModel
{
    private static readonly Lazy<SentimentModel> DefaultModel = new(() => Parse(SentimentLexicon.ReadResource("sentiment-model.txt"), "sentiment-model.txt"));

    private readonly Dictionary<string, double> _weights;

    /// <summary>Creates a model.</summary>
    /// <param name="bias">The intercept.</param>
    /// <param name="weights">The weight of each feature.</param>
    /// <param name="negativeBelow">A score below this is negative.</param>
    /// <param name="positiveAbove">A score above this is positive.</param>
    /// <param name="description">Where the model came from.</param>
    /// <param name="shortCommentWords">The length, in words, at which the extra weight of the lexicon in a short
    /// comment fades to nothing (0: none).</param>
    /// <param name="shortCommentLexicon">The extra weight of the lexicon's balance in the linear predictor of a comment
    /// of no words, from 0 to 100 (see <see cref="LexiconWeight"/>).</param>
    /// <exception cref="ArgumentException">The thresholds are not ordered within -1..1, or the short-comment weight is out of range.</exception>
    public SentimentModel(double bias, IReadOnlyDictionary<string, double> weights, double negativeBelow, double positiveAbove, string? description = null, int shortCommentWords = 0, double shortCommentLexicon = 0)
    {
        ArgumentNullException.ThrowIfNull(weights);
        if (!(negativeBelow >= -1 && negativeBelow <= positiveAbove && positiveAbove <= 1))
        {
            throw new ArgumentException($"The thresholds must satisfy -1 <= negative-below ({negativeBelow}) <= positive-above ({positiveAbove}) <= 1.");
        }

        if (shortCommentWords < 0 || !(shortCommentLexicon >= 0 && shortCommentLexicon <= 100))
        {
            throw new ArgumentException($"The short-comment weight must have short-comment-words >= 0 ({shortCommentWords}) and 0 <= short-comment-lexicon ({shortCommentLexicon}) <= 100.");
        }

        ShortCommentWords = shortCommentWords;
        ShortCommentLexicon = shortCommentLexicon;

        Bias = bias;
        _weights = new Dictionary<string, double>(weights, StringComparer.Ordinal);
        NegativeBelow = negativeBelow;
        PositiveAbove = positiveAbove;
        Description = description;
    }

    /// <summary>The model that ships with Stepwise.</summary>
    public static SentimentModel Default => DefaultModel.Value;

    /// <summary>The intercept of the logistic regression.</summary>
    public double Bias { get; }

    /// <summary>A score below this is labelled negative.</summary>
    public double NegativeBelow { get; }

    /// <summary>A score above this is labelled positive; between the two, neutral.</summary>
    public double PositiveAbove { get; }

    /// <summary>The length, in words, at which the extra weight of the lexicon in a short comment fades to nothing
    /// (0: no extra weight at any length). See <see cref="LexiconWeight"/>.</summary>
    public int ShortCommentWords { get; }

    /// <summary>The extra weight of the lexicon's balance in a comment of no words (see <see cref="LexiconWeight"/>).</summary>
    public double ShortCommentLexicon { get; }

    /// <summary>Where the model came from (comment lines of its file).</summary>
    public string? Description { get; }

    /// <summary>How many features carry a weight.</summary>
    public int FeatureCount => _weights.Count;

    /// <summary>The same model with another description (the comment lines of its file).</summary>
    public SentimentModel WithDescription(string? description) => new(Bias, _weights, NegativeBelow, PositiveAbove, description, ShortCommentWords, ShortCommentLexicon);

    /// <summary>
    /// The extra weight of the lexicon's balance in the linear predictor of a comment of <paramref name="words"/> words:
    /// <see cref="ShortCommentLexicon"/> × max(0, 1 - words / <see cref="ShortCommentWords"/>). The model's word
    /// weights are learnt on reviews of a hundred words or so; in a comment of a few words, scaled to unit length, a
    /// handful of them can outweigh what the lexicon reads in it (negations above all). Both numbers are fitted (see
    /// <see cref="SentimentCalibration"/>).
    /// </summary>
    public double LexiconWeight(int words)
        => ShortCommentWords == 0 ? 0 : ShortCommentLexicon * Math.Max(0, 1 - (words / (double)ShortCommentWords));

    /// <summary>The score (2p - 1) of a comment of <paramref name="words"/> words whose linear predictor is
    /// <paramref name="logit"/> and whose lexicon balance is <paramref name="lexiconCompound"/>:
    /// p = 1 / (1 + exp(-(logit + <see cref="LexiconWeight"/> × balance))).</summary>
    public double Score(double logit, double lexiconCompound, int words)
        => (2 / (1 + Math.Exp(-(logit + (LexiconWeight(words) * lexiconCompound))))) - 1;

    /// <summary>The weight of a feature (0 when it has none).</summary>
    public double Weight(string feature) => _weights.GetValueOrDefault(feature);

    /// <summary>The label of a score: negative, neutral or positive.</summary>
    public SentimentLabel LabelOf(double score) => score < NegativeBelow ? SentimentLabel.Negative : score > PositiveAbove ? SentimentLabel.Positive : SentimentLabel.Neutral;

    /// <summary>The linear predictor of a comment's features.</summary>
    internal double Logit(HashSet<string> words, (double Positive, double Negative, double Compound) lexicon)
    {
        double z = Bias + (Weight(SentimentFeatures.LexiconPositive) * lexicon.Positive) + (Weight(SentimentFeatures.LexiconNegative) * lexicon.Negative)
            + (Weight(SentimentFeatures.LexiconCompound) * lexicon.Compound);
        if (words.Count > 0)
        {
            double scale = 1 / Math.Sqrt(words.Count);
            foreach (string w in words)
            {
                if (_weights.TryGetValue(w, out double weight))
                {
                    z += weight * scale;
                }
            }
        }

        return z;
    }

    /// <summary>Reads a model file.</summary>
    /// <exception cref="FormatException">A line is not of the format; the message names the file and line.</exception>
    public static SentimentModel Read(string path) => Parse(File.ReadAllText(path), Path.GetFileName(path));

    /// <summary>Parses a model's text; <paramref name="source"/> names it in errors.</summary>
    /// <exception cref="FormatException">A line is not of the format, or a threshold is missing.</exception>
    public static SentimentModel Parse(string text, string source = "sentiment model")
    {
        ArgumentNullException.ThrowIfNull(text);
        double bias = 0;
        double? negative = null, positive = null;
        double shortWords = 0, shortLexicon = 0;
        var weights = new Dictionary<string, double>(StringComparer.Ordinal);
        var description = new StringBuilder();
        int lineNumber = 0;
        foreach (string raw in text.Split('\n'))
        {
            lineNumber++;
            string line = raw.TrimEnd('\r');
            if (line.Trim().Length == 0)
            {
                continue;
            }

            if (line[0] == '#')
            {
                description.AppendLine(line[1..].Trim());
                continue;
            }

            int tab = line.IndexOf('\t', StringComparison.Ordinal);
            if (tab > 0)
            {
                weights[line[(tab + 1)..]] = Number(line[..tab], source, lineNumber);
                continue;
            }

            int space = line.IndexOf(' ', StringComparison.Ordinal);
            string head = space < 0 ? line : line[..space];
            string value = space < 0 ? string.Empty : line[(space + 1)..];
            switch (head)
            {
                case "bias":
                    bias = Number(value, source, lineNumber);
                    break;
                case "negative-below":
                    negative = Number(value, source, lineNumber);
                    break;
                case "positive-above":
                    positive = Number(value, source, lineNumber);
                    break;
                case "short-comment-words":
                    shortWords = Number(value, source, lineNumber);
                    if (shortWords != Math.Floor(shortWords) || shortWords < 0 || shortWords > 10_000)
                    {
                        throw new FormatException($"{source}, line {lineNumber}: short-comment-words must be a whole number of words from 0 to 10000.");
                    }

                    break;
                case "short-comment-lexicon":
                    shortLexicon = Number(value, source, lineNumber);
                    break;
                default:
                    throw new FormatException($"{source}, line {lineNumber}: expected 'bias N', 'negative-below N', 'positive-above N', 'short-comment-words N', 'short-comment-lexicon N' or 'WEIGHT<tab>FEATURE'.");
            }
        }

        if (negative is null || positive is null)
        {
            throw new FormatException($"{source}: the thresholds 'negative-below' and 'positive-above' are missing.");
        }

        try
        {
            return new SentimentModel(bias, weights, negative.Value, positive.Value, description.Length == 0 ? null : description.ToString().TrimEnd(), (int)shortWords, shortLexicon);
        }
        catch (ArgumentException ex)
        {
            throw new FormatException($"{source}: {ex.Message}");
        }
    }

    /// <summary>Writes the model in its text format (features by descending weight magnitude, then by name).</summary>
    public string Format()
    {
        var text = new StringBuilder();
        if (Description is not null)
        {
            foreach (string line in Description.Split('\n'))
            {
                text.Append("# ").AppendLine(line.TrimEnd('\r'));
            }
        }

        var invariant = CultureInfo.InvariantCulture;
        text.Append("bias ").AppendLine(Bias.ToString("R", invariant));
        text.Append("negative-below ").AppendLine(NegativeBelow.ToString("R", invariant));
        text.Append("positive-above ").AppendLine(PositiveAbove.ToString("R", invariant));
        if (ShortCommentWords > 0)
        {
            text.Append("short-comment-words ").AppendLine(ShortCommentWords.ToString(invariant));
            text.Append("short-comment-lexicon ").AppendLine(ShortCommentLexicon.ToString("R", invariant));
        }

        foreach (var (feature, weight) in _weights.OrderByDescending(kv => Math.Abs(kv.Value)).ThenBy(kv => kv.Key, StringComparer.Ordinal))
        {
            text.Append(weight.ToString("0.#####", invariant)).Append('\t').AppendLine(feature);
        }

        return text.ToString();
    }

    private static double Number(string text, string source, int line)
        => double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out double v) && double.IsFinite(v)
            ? v
            : throw new FormatException($"{source}, line {line}: '{text.Trim()}' is not a number.");
}
