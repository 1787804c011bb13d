using Stepwise.Text.Tokens;

namespace Stepwise.Text.Themes;

/// <summary>
/// Discovers themes by grouping comments: spherical k-means (cosine similarity) over TF-IDF vectors of the comments'
/// content words and word pairs, seeded by k-means++ from a seed, so the same comments, k and seed give the same
/// groups. Each comment with content words belongs to exactly one group; a group is named by the terms that most set
/// it apart (the share of its comments that use a term minus the share of other comments that do).
/// </summary>
/// <remarks>
/// Features: words of three letters or more that are neither stop words nor sentiment words, and pairs of such words
/// next to each other in a clause, found in at least max(3, 0.2% of the comments) comments and in no more than half;
/// redaction placeholders and excluded words (the organisation's own name) are never features. Weights: (1 + ln tf) ×
/// ln(n / df), each comment's vector scaled to unit length. At most 50 iterations, stopping when no comment moves.
/// </remarks>
public static class ThemeClustering
{
    private static readonly Lazy<HashSet<string>> StopWords = new(() =>
        new HashSet<string>(Sentiment.SentimentLexicon.ReadResource("stopwords.txt").Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries), StringComparer.Ordinal));

    /// <summary>Groups <paramref name="comments"/> into at most <paramref name="groups"/> themes.</summary>
    /// <param name="comments">The tokenised (already redacted) comments.</param>
    /// <param name="groups">How many groups (k).</param>
    /// <param name="seed">The seed of the k-means++ start.</param>
    /// <param name="exclude">Words never used (e.g. the organisation's own name).</param>
    /// <returns>The themes, largest first, each with the indexes of its comments.</returns>
    public static IReadOnlyList<(Theme Theme, IReadOnlyList<int> Comments)> Discover(IReadOnlyList<IReadOnlyList<Token>> comments, int groups, long seed = 1, IEnumerable<string>? exclude = null)
    {
        ArgumentNullException.ThrowIfNull(comments);
        ArgumentOutOfRangeException.ThrowIfNegative(groups);
        var excluded = new HashSet<string>(exclude ?? [], StringComparer.Ordinal);
        int n = comments.Count;
        var terms = new List<Dictionary<string, int>>(n);
        var df = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var tokens in comments)
        {
            var counts = Terms(tokens, excluded);
            terms.Add(counts);
            foreach (string t in counts.Keys)
            {
                df[t] = df.GetValueOrDefault(t) + 1;
            }
        }

        int minDf = Math.Max(3, (int)Math.Ceiling(0.002 * n));
        var vocabulary = df.Where(kv => kv.Value >= minDf && kv.Value <= n / 2).Select(kv => kv.Key).Order(StringComparer.Ordinal).ToArray();
        if (groups == 0 || vocabulary.Length == 0)
        {
            return [];
        }

        var index = new Dictionary<string, int>(vocabulary.Length, StringComparer.Ordinal);
        for (int v = 0; v < vocabulary.Length; v++)
        {
            index[vocabulary[v]] = v;
        }

        var vectors = new (int[] Terms, double[] Weights)?[n];
        var members = new List<int>();
        for (int i = 0; i < n; i++)
        {
            var entries = terms[i].Where(kv => index.ContainsKey(kv.Key))
                .Select(kv => (Term: index[kv.Key], Weight: (1 + Math.Log(kv.Value)) * Math.Log((double)n / df[kv.Key])))
                .OrderBy(e => e.Term).ToArray();
            double norm = Math.Sqrt(entries.Sum(e => e.Weight * e.Weight));
            if (norm > 0)
            {
                vectors[i] = ([.. entries.Select(e => e.Term)], [.. entries.Select(e => e.Weight / norm)]);
                members.Add(i);
            }
        }

        int k = Math.Min(groups, members.Count);
        var centroids = Seed(vectors, members, k, vocabulary.Length, seed);
        var assignment = new int[n];
        Array.Fill(assignment, -1);
        for (int iteration = 0; iteration < 50; iteration++)
        {
            bool moved = false;
            foreach (int i in members)
            {
                int best = Nearest(vectors[i]!.Value, centroids);
                if (best != assignment[i])
                {
                    assignment[i] = best;
                    moved = true;
                }
            }

            if (!moved)
            {
                break;
            }

            centroids = Centroids(vectors, members, assignment, k, vocabulary.Length, centroids);
        }

        var result = new List<(Theme, IReadOnlyList<int>)>();
        for (int c = 0; c < k; c++)
        {
            var inGroup = members.Where(i => assignment[i] == c).ToList();
            if (inGroup.Count == 0)
            {
                continue;
            }

            var names = Name(inGroup, members.Count, terms, index, df, vocabulary);
            result.Add((new Theme(string.Join(" / ", names), names, Discovered: true), inGroup));
        }

        return [.. result.OrderByDescending(r => r.Item2.Count).ThenBy(r => r.Item1.Name, StringComparer.Ordinal)];
    }

    /// <summary>Content words and word pairs of a comment, with their counts.</summary>
    internal static Dictionary<string, int> Terms(IReadOnlyList<Token> tokens, HashSet<string> excluded)
    {
        var stop = StopWords.Value;
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        string? previous = null;
        foreach (var token in tokens)
        {
            if (token.Kind != TokenKind.Word)
            {
                previous = null;
                continue;
            }

            string w = token.Text;
            if (stop.Contains(w) || excluded.Contains(w) || !IsContentWord(w))
            {
                // A word that is not a feature breaks a pair: pairs are of adjacent content words.
                previous = null;
                continue;
            }

            counts[w] = counts.GetValueOrDefault(w) + 1;
            if (previous is not null)
            {
                string pair = previous + " " + w;
                counts[pair] = counts.GetValueOrDefault(pair) + 1;
            }

            previous = w;
        }

        return counts;
    }

    private static bool IsContentWord(string word)
    {
        if (word.Length < 3 || Sentiment.SentimentLexicon.Default.Valence(word) != 0)
        {
            return false;
        }

        foreach (char c in word)
        {
            if (!char.IsLetter(c) && c != '\'')
            {
                return false;
            }
        }

        return true;
    }

    // k-means++: the first centre uniformly, each next one with probability proportional to its squared distance
    // (1 - cosine, on unit vectors) from the nearest centre chosen so far.
    private static double[][] Seed((int[] Terms, double[] Weights)?[] vectors, List<int> members, int k, int dimensions, long seed)
    {
        var random = new Random((int)(seed & 0x7FFFFFFF) ^ (int)(seed >> 32));
        var centroids = new List<double[]>(k);
        var distance = new double[members.Count];
        Array.Fill(distance, double.PositiveInfinity);
        int first = members[random.Next(members.Count)];
        centroids.Add(Dense(vectors[first]!.Value, dimensions));
        while (centroids.Count < k)
        {
            double total = 0;
            for (int m = 0; m < members.Count; m++)
            {
                double d = Math.Max(0, 1 - Dot(vectors[members[m]]!.Value, centroids[^1]));
                distance[m] = Math.Min(distance[m], d * d);
                total += distance[m];
            }

            if (total <= 0)
            {
                break;
            }

            double pick = random.NextDouble() * total;
            int chosen = members.Count - 1;
            for (int m = 0; m < members.Count; m++)
            {
                pick -= distance[m];
                if (pick <= 0)
                {
                    chosen = m;
                    break;
                }
            }

            centroids.Add(Dense(vectors[members[chosen]]!.Value, dimensions));
        }

        return [.. centroids];
    }

    private static double[][] Centroids((int[] Terms, double[] Weights)?[] vectors, List<int> members, int[] assignment, int k, int dimensions, double[][] previous)
    {
        var sums = new double[previous.Length][];
        for (int c = 0; c < previous.Length; c++)
        {
            sums[c] = new double[dimensions];
        }

        foreach (int i in members)
        {
            var (terms, weights) = vectors[i]!.Value;
            var sum = sums[assignment[i]];
            for (int t = 0; t < terms.Length; t++)
            {
                sum[terms[t]] += weights[t];
            }
        }

        for (int c = 0; c < sums.Length; c++)
        {
            double norm = Math.Sqrt(sums[c].Sum(x => x * x));
            if (norm == 0)
            {
                // An emptied group keeps its centre (it may win comments back, or stay empty and be dropped).
                sums[c] = previous[c];
                continue;
            }

            for (int d = 0; d < dimensions; d++)
            {
                sums[c][d] /= norm;
            }
        }

        return sums;
    }

    private static int Nearest((int[] Terms, double[] Weights) vector, double[][] centroids)
    {
        int best = 0;
        double bestDot = double.NegativeInfinity;
        for (int c = 0; c < centroids.Length; c++)
        {
            double dot = Dot(vector, centroids[c]);
            if (dot > bestDot + 1e-12)
            {
                (best, bestDot) = (c, dot);
            }
        }

        return best;
    }

    private static double Dot((int[] Terms, double[] Weights) vector, double[] centroid)
    {
        double sum = 0;
        for (int t = 0; t < vector.Terms.Length; t++)
        {
            sum += vector.Weights[t] * centroid[vector.Terms[t]];
        }

        return sum;
    }

    private static double[] Dense((int[] Terms, double[] Weights) vector, int dimensions)
    {
        var dense = new double[dimensions];
        for (int t = 0; t < vector.Terms.Length; t++)
        {
            dense[vector.Terms[t]] = vector.Weights[t];
        }

        return dense;
    }

    // The three terms that most set the group apart; a word already inside a chosen pair is not repeated.
    private static List<string> Name(List<int> group, int total, List<Dictionary<string, int>> terms, Dictionary<string, int> index, Dictionary<string, int> df, string[] vocabulary)
    {
        var inside = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (int i in group)
        {
            foreach (string t in terms[i].Keys)
            {
                if (index.ContainsKey(t))
                {
                    inside[t] = inside.GetValueOrDefault(t) + 1;
                }
            }
        }

        int others = Math.Max(1, total - group.Count);
        var ranked = inside.Select(kv => (Term: kv.Key, Lift: ((double)kv.Value / group.Count) - ((double)(df[kv.Key] - kv.Value) / others)))
            .Where(x => x.Lift > 0).OrderByDescending(x => x.Lift).ThenBy(x => x.Term, StringComparer.Ordinal);
        var chosen = new List<string>(3);
        foreach (var (term, _) in ranked)
        {
            var words = term.Split(' ');
            if (chosen.Any(c => c.Split(' ').Intersect(words, StringComparer.Ordinal).Any()))
            {
                continue;
            }

            chosen.Add(term);
            if (chosen.Count == 3)
            {
                break;
            }
        }

        return chosen.Count > 0 ? chosen : [vocabulary[0]];
    }
}
