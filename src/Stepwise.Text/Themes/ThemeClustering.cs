using Stepwise.Text.Tokens;

namespace Stepwise.Text.Themes;

/// <summary>
/// Discovers themes by grouping comments: spherical k-means (cosine similarity) over TF-IDF vectors of the comments'
/// content words and word pairs, seeded by k-means++ from a seed, so the same comments, k and seed give the same
/// groups. Each comment belongs to at most one group: the one whose centre it is most like; a comment that shares no
/// term with any group's centre (for example a short comment on a subject nobody else raised) belongs to none, rather
/// than being put in the first group, which would then be named by terms its comments do not share. A group is named
/// by the terms that most set it apart (the share of its comments that use a term minus the share of other comments
/// that do).
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
        var table = new TermTable(excluded);
        var terms = new (int[] Ids, int[] Counts)[n];
        for (int i = 0; i < n; i++)
        {
            terms[i] = table.Terms(comments[i]);
        }

        int minDf = Math.Max(3, (int)Math.Ceiling(0.002 * n));
        var df = table.DocumentFrequencies;
        var vocabulary = Enumerable.Range(0, table.Count).Where(id => df[id] >= minDf && df[id] <= n / 2)
            .OrderBy(id => table.Text(id), StringComparer.Ordinal).ToArray();
        if (groups == 0 || vocabulary.Length == 0)
        {
            return [];
        }

        // The position of each term in the vocabulary (-1: not a feature); dimensions are in the terms' text order.
        var index = new int[table.Count];
        Array.Fill(index, -1);
        for (int v = 0; v < vocabulary.Length; v++)
        {
            index[vocabulary[v]] = v;
        }

        var vectors = new (int[] Terms, double[] Weights)?[n];
        var members = new List<int>();
        var entries = new List<(int Term, double Weight)>();
        for (int i = 0; i < n; i++)
        {
            entries.Clear();
            var (ids, counts) = terms[i];
            for (int t = 0; t < ids.Length; t++)
            {
                if (index[ids[t]] >= 0)
                {
                    entries.Add((index[ids[t]], (1 + Math.Log(counts[t])) * Math.Log((double)n / df[ids[t]])));
                }
            }

            entries.Sort((a, b) => a.Term.CompareTo(b.Term));
            double sumOfSquares = 0;
            foreach (var e in entries)
            {
                sumOfSquares += e.Weight * e.Weight;
            }

            double norm = Math.Sqrt(sumOfSquares);
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

            var names = Name(inGroup, members.Count, terms, index, df, table, table.Text(vocabulary[0]));
            result.Add((new Theme(string.Join(" / ", names), names, Discovered: true), inGroup));
        }

        return [.. result.OrderByDescending(r => r.Item2.Count).ThenBy(r => r.Item1.Name, StringComparer.Ordinal)];
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
            if (assignment[i] < 0)
            {
                continue;
            }

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

    // The group whose centre is most like the comment; -1 when the comment shares no term with any centre (it would
    // otherwise fall into the first group and make it a mixture named by unrelated terms).
    private static int Nearest((int[] Terms, double[] Weights) vector, double[][] centroids)
    {
        int best = -1;
        double bestDot = 1e-12;
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
    private static List<string> Name(List<int> group, int total, (int[] Ids, int[] Counts)[] terms, int[] index, int[] df, TermTable table, string fallback)
    {
        var inside = new Dictionary<int, int>();
        foreach (int i in group)
        {
            foreach (int id in terms[i].Ids)
            {
                if (index[id] >= 0)
                {
                    inside[id] = inside.GetValueOrDefault(id) + 1;
                }
            }
        }

        int others = Math.Max(1, total - group.Count);
        var ranked = inside.Select(kv => (Term: table.Text(kv.Key), Lift: ((double)kv.Value / group.Count) - ((double)(df[kv.Key] - kv.Value) / others)))
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

        return chosen.Count > 0 ? chosen : [fallback];
    }

    /// <summary>
    /// The terms of the comments (content words and pairs of adjacent content words), each with an id and the number
    /// of comments that use it. A term's text is made once, when it is first seen; later occurrences are found from
    /// the comment's own characters, and each word is classed as content or not once.
    /// </summary>
    private sealed class TermTable(HashSet<string> excluded)
    {
        private readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal);
        private readonly List<string> _texts = [];
        private readonly List<int> _df = [];
        private readonly Dictionary<string, int> _words = new(StringComparer.Ordinal); // word -> term id, -1 if not content
        private readonly Dictionary<int, int> _counts = [];
        private readonly List<int> _order = [];
        private char[] _buffer = new char[128];

        public int Count => _texts.Count;

        public int[] DocumentFrequencies => [.. _df];

        public string Text(int id) => _texts[id];

        /// <summary>The distinct terms of a comment (in order of first use) and how often each is used.</summary>
        public (int[] Ids, int[] Counts) Terms(IReadOnlyList<Token> tokens)
        {
            _counts.Clear();
            _order.Clear();
            string? previous = null;
            foreach (var token in tokens)
            {
                if (token.Kind != TokenKind.Word)
                {
                    previous = null;
                    continue;
                }

                string w = token.Text;
                int id = WordId(w);
                if (id < 0)
                {
                    // A word that is not a feature breaks a pair: pairs are of adjacent content words.
                    previous = null;
                    continue;
                }

                Tally(id);
                if (previous is not null)
                {
                    Tally(PairId(previous, w));
                }

                previous = w;
            }

            var ids = _order.ToArray();
            var counts = new int[ids.Length];
            for (int k = 0; k < ids.Length; k++)
            {
                counts[k] = _counts[ids[k]];
                _df[ids[k]]++;
            }

            return (ids, counts);
        }

        private void Tally(int id)
        {
            if (_counts.TryGetValue(id, out int count))
            {
                _counts[id] = count + 1;
            }
            else
            {
                _counts[id] = 1;
                _order.Add(id);
            }
        }

        private int WordId(string word)
        {
            if (!_words.TryGetValue(word, out int id))
            {
                id = StopWords.Value.Contains(word) || excluded.Contains(word) || !IsContentWord(word) ? -1 : IdOf(word);
                _words[word] = id;
            }

            return id;
        }

        private int PairId(string first, string second)
        {
            int length = first.Length + 1 + second.Length;
            if (_buffer.Length < length)
            {
                _buffer = new char[Math.Max(length, 2 * _buffer.Length)];
            }

            first.AsSpan().CopyTo(_buffer);
            _buffer[first.Length] = ' ';
            second.AsSpan().CopyTo(_buffer.AsSpan(first.Length + 1));
            var text = _buffer.AsSpan(0, length);
            return _ids.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(text, out int id) ? id : IdOf(new string(text));
        }

        private int IdOf(string text)
        {
            if (!_ids.TryGetValue(text, out int id))
            {
                id = _texts.Count;
                _ids[text] = id;
                _texts.Add(text);
                _df.Add(0);
            }

            return id;
        }
    }
}
