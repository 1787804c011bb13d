using Stepwise.Text.Tokens;

namespace Stepwise.Text.Sentiment;

/// <summary>
/// Fits a <see cref="SentimentModel"/> on labelled comments, deterministically from a seed:
/// <list type="number">
/// <item>features: the lexicon's scores and the words and word pairs found in at least
/// <see cref="SentimentCalibrationOptions.MinDocuments"/> comments (see <see cref="SentimentFeatures"/>);</item>
/// <item>a logistic regression of positive against negative comments (neutral ones are left out of the fit), by
/// stochastic gradient descent with an L2 penalty chosen among candidates on a validation fifth of the data;</item>
/// <item>the extra weight of the lexicon's balance in short comments (<see cref="SentimentModel.LexiconWeight"/>):
/// fading to nothing after <see cref="SentimentCalibrationOptions.ShortCommentMaxWords"/> words, and at its largest
/// the weight of least log-loss on the positive and negative comments of at most that many words, scored out of fold
/// (five folds, so that no comment is scored by a model that saw it);</item>
/// <item>the two thresholds on the score (with that weight), chosen on the same out-of-fold scores to make the shares
/// of negative, neutral and positive match the labelled shares: the largest share error over the groups (e.g. data
/// sets) is minimised, so that no one source dominates.</item>
/// </list>
/// </summary>
public static class SentimentCalibration
{
    /// <summary>Fits a model on <paramref name="texts"/> with their <paramref name="labels"/>.</summary>
    /// <param name="texts">The comments.</param>
    /// <param name="labels">The label of each comment (e.g. from stars: 1-2 negative, 3 neutral, 4-5 positive).</param>
    /// <param name="groups">The source of each comment, whose shares are matched separately (null: one group).</param>
    /// <param name="options">Seed, penalties, passes and pruning (defaults when null).</param>
    /// <param name="lexicon">The lexicon whose scores are features (the default when null).</param>
    /// <exception cref="ArgumentException">The lists differ in length, or there are no positive or no negative comments.</exception>
    public static SentimentModel Fit(IReadOnlyList<string?> texts, IReadOnlyList<SentimentLabel> labels, IReadOnlyList<string>? groups = null, SentimentCalibrationOptions? options = null, SentimentLexicon? lexicon = null)
    {
        ArgumentNullException.ThrowIfNull(texts);
        ArgumentNullException.ThrowIfNull(labels);
        options ??= new SentimentCalibrationOptions();
        lexicon ??= SentimentLexicon.Default;
        int n = texts.Count;
        if (labels.Count != n || (groups is not null && groups.Count != n))
        {
            throw new ArgumentException($"There are {n} comments, {labels.Count} labels and {groups?.Count ?? n} groups; one of each per comment is needed.");
        }

        var analyzer = new SentimentAnalyzer(lexicon, model: null);
        var docs = new Document[n];
        for (int i = 0; i < n; i++)
        {
            var tokens = string.IsNullOrWhiteSpace(texts[i]) ? [] : Tokenizer.Tokenize(texts[i]!);
            var cues = new List<string>();
            var score = analyzer.LexiconScore(tokens, cues);
            docs[i] = new Document(SentimentFeatures.Words(tokens, lexicon, cues), SentimentFeatures.Lexicon(score), labels[i], SentimentAnalyzer.WordCount(tokens));
        }

        var polar = Enumerable.Range(0, n).Where(i => labels[i] != SentimentLabel.Neutral && docs[i].Words.Count > 0).ToArray();
        if (!polar.Any(i => labels[i] == SentimentLabel.Positive) || !polar.Any(i => labels[i] == SentimentLabel.Negative))
        {
            throw new ArgumentException("Calibration needs both positive and negative comments with text.");
        }

        // Vocabulary: features in enough comments (counted over every labelled comment, neutral too).
        var df = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var d in docs)
        {
            foreach (string w in d.Words)
            {
                df[w] = df.GetValueOrDefault(w) + 1;
            }
        }

        var vocabulary = df.Where(kv => kv.Value >= options.MinDocuments).Select(kv => kv.Key).Order(StringComparer.Ordinal).ToArray();
        var index = new Dictionary<string, int>(vocabulary.Length, StringComparer.Ordinal);
        for (int k = 0; k < vocabulary.Length; k++)
        {
            index[vocabulary[k]] = k;
        }

        var vectors = docs.Select(d => Vectorise(d, index)).ToArray();
        var order = Shuffle(polar, options.Seed);

        // The penalty: fit on four fifths of the polar comments, keep the candidate with the best validation log-loss.
        int validationSize = order.Length / 5;
        var validation = order[..validationSize];
        var fit = order[validationSize..];
        double bestPenalty = options.Penalties[0], bestLoss = double.PositiveInfinity;
        foreach (double penalty in options.Penalties)
        {
            var w = Train(vectors, docs, fit, vocabulary.Length, penalty, options);
            double loss = validation.Average(i => LogLoss(w, vectors[i], docs[i].Label == SentimentLabel.Positive));
            if (loss < bestLoss - 1e-12)
            {
                (bestLoss, bestPenalty) = (loss, penalty);
            }
        }

        // Out-of-fold linear predictors of every comment with text (neutral ones included), for the short-comment weight
        // and the thresholds.
        var scored = Enumerable.Range(0, n).Where(i => docs[i].Words.Count > 0).ToArray();
        var folds = Shuffle(scored, options.Seed + 1);
        var modelOutOfFold = new double[n];
        for (int f = 0; f < 5; f++)
        {
            var held = new HashSet<int>(folds.Where((_, k) => k % 5 == f));
            var train = order.Where(i => !held.Contains(i)).ToArray();
            var w = Train(vectors, docs, train, vocabulary.Length, bestPenalty, options);
            foreach (int i in held)
            {
                modelOutOfFold[i] = Dot(w, vectors[i]);
            }
        }

        // The lexicon's extra weight in short comments, fitted on the polar comments that are short, with their labels
        // (for reviews, from the reviewers' own stars, which the lexicon was not written from); the thresholds are then
        // chosen on the scores with that weight, as the analyser scores.
        var shortComments = polar.Where(i => docs[i].WordCount <= options.ShortCommentMaxWords)
            .Select(i => (modelOutOfFold[i], docs[i].Lexicon.Compound, docs[i].WordCount, labels[i] == SentimentLabel.Positive)).ToArray();
        var (shortWords, shortLexicon) = ShortCommentWeight(shortComments, options.ShortCommentMaxWords);
        var shortWeight = new SentimentModel(0, new Dictionary<string, double>(), 0, 0, null, shortWords, shortLexicon);
        var outOfFold = new double[n];
        foreach (int i in scored)
        {
            outOfFold[i] = shortWeight.Score(modelOutOfFold[i], docs[i].Lexicon.Compound, docs[i].WordCount);
        }

        var (negativeBelow, positiveAbove) = Thresholds(scored, outOfFold, labels, groups);
        var final = Train(vectors, docs, order, vocabulary.Length, bestPenalty, options);
        var weights = new Dictionary<string, double>(StringComparer.Ordinal);
        var kept = Enumerable.Range(0, vocabulary.Length).Where(k => Math.Abs(final.Words[k]) >= options.MinWeight)
            .OrderByDescending(k => Math.Abs(final.Words[k])).ThenBy(k => vocabulary[k], StringComparer.Ordinal).Take(options.MaxFeatures);
        foreach (int k in kept)
        {
            weights[vocabulary[k]] = Math.Round(final.Words[k], 5);
        }

        weights[SentimentFeatures.LexiconPositive] = Math.Round(final.Lexicon[0], 5);
        weights[SentimentFeatures.LexiconNegative] = Math.Round(final.Lexicon[1], 5);
        weights[SentimentFeatures.LexiconCompound] = Math.Round(final.Lexicon[2], 5);
        string description = string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"Fitted by SentimentCalibration on {n:N0} labelled comments ({polar.Length:N0} positive or negative), seed {options.Seed}, L2 penalty {bestPenalty}, {options.Passes} passes, features in at least {options.MinDocuments} comments; short comments: the lexicon's balance weighs {shortLexicon} more with no words, fading to nothing at {shortWords} words, fitted on {shortComments.Length:N0} positive or negative comments of at most {options.ShortCommentMaxWords} words.");
        return new SentimentModel(Math.Round(final.Bias, 5), weights, Math.Round(negativeBelow, 4), Math.Round(positiveAbove, 4), description, shortWords, shortLexicon);
    }

    /// <summary>
    /// The lexicon's extra weight in short comments (<see cref="SentimentModel.LexiconWeight"/>) of least log-loss on
    /// <paramref name="comments"/> (each with its out-of-fold linear predictor, lexicon balance, number of words and
    /// label). The weight fades linearly to nothing at <paramref name="maxWords"/> + 1 words, so that exactly the
    /// comments it is fitted on get some; its size is tried from 0 to 10 in steps of 0.05 (the log-loss is convex in it;
    /// the bound keeps comments the lexicon separates perfectly, as in a small sample of one's own, from pushing the
    /// weight, and the scores, to the limits: at 10, a one-word comment of balance 0.5 gains 5 in log-odds).
    /// A fade length fitted too was tried on the shipped data (206 reviews of at most 15 words): the loss kept falling as
    /// the weight grew without bound at a fade of 10 words, a fit to the two or three reviews the model misreads, so the
    /// length is the definition of a short comment and only the weight is fitted. A mixture of the two readings'
    /// probabilities instead (the lexicon's read as (1 + balance) / 2) was tried too: any share of the lexicon raised
    /// the log-loss, the lexicon's reading never being confident enough. With the shipped data and seed the weight is
    /// 4.15 (at four words, a balance of 0.5 adds 1.6 to the log-odds). None (0, 0) unless a weight lowers the log-loss.
    /// </summary>
    internal static (int Words, double Lexicon) ShortCommentWeight(IReadOnlyList<(double Logit, double Lexicon, int Words, bool Positive)> comments, int maxWords)
    {
        int length = maxWords + 1;
        double Loss(double weight)
        {
            double loss = 0;
            foreach (var (logit, balance, words, positive) in comments)
            {
                double z = logit + (weight * Math.Max(0, 1 - (words / (double)length)) * balance);
                double p = Math.Clamp(Sigmoid(z), 1e-12, 1 - 1e-12);
                loss -= positive ? Math.Log(p) : Math.Log(1 - p);
            }

            return loss;
        }

        double best = Loss(0), bestWeight = 0;
        for (int step = 1; step <= 200; step++)
        {
            double weight = step / 20.0;
            double loss = Loss(weight);
            if (loss < best - 1e-9)
            {
                (best, bestWeight) = (loss, weight);
            }
        }

        return bestWeight == 0 ? (0, 0) : (length, bestWeight);
    }

    /// <summary>Chooses the thresholds whose label shares are nearest the labelled shares, group by group.</summary>
    internal static (double NegativeBelow, double PositiveAbove) Thresholds(int[] scored, double[] scores, IReadOnlyList<SentimentLabel> labels, IReadOnlyList<string>? groups)
    {
        var groupOf = scored.Select(i => groups?[i] ?? string.Empty).ToArray();
        var names = groupOf.Distinct(StringComparer.Ordinal).ToArray();
        var candidates = scored.Select(i => scores[i]).Order().ToArray();
        // Candidate cuts at every 0.5% quantile of the scores.
        var cuts = Enumerable.Range(0, 201).Select(q => candidates[Math.Min(candidates.Length - 1, (int)(q / 200.0 * (candidates.Length - 1)))]).Distinct().ToArray();
        var labelled = new Dictionary<string, double[]>(StringComparer.Ordinal);
        foreach (string g in names)
        {
            var members = scored.Where((_, k) => groupOf[k] == g).ToArray();
            labelled[g] = [.. Enum.GetValues<SentimentLabel>().Select(l => members.Count(i => labels[i] == l) / (double)members.Length)];
        }

        double best = double.PositiveInfinity, bestNegative = 0, bestPositive = 0;
        for (int a = 0; a < cuts.Length; a++)
        {
            for (int b = a; b < cuts.Length; b++)
            {
                double worst = 0, total = 0;
                foreach (string g in names)
                {
                    int neg = 0, pos = 0, count = 0;
                    for (int k = 0; k < scored.Length; k++)
                    {
                        if (groupOf[k] != g)
                        {
                            continue;
                        }

                        double s = scores[scored[k]];
                        count++;
                        neg += s < cuts[a] ? 1 : 0;
                        pos += s > cuts[b] ? 1 : 0;
                    }

                    double[] shares = [neg / (double)count, (count - neg - pos) / (double)count, pos / (double)count];
                    for (int l = 0; l < 3; l++)
                    {
                        double error = Math.Abs(shares[l] - labelled[g][l]);
                        worst = Math.Max(worst, error);
                        total += error;
                    }
                }

                double objective = worst + (1e-3 * total);
                if (objective < best - 1e-12)
                {
                    (best, bestNegative, bestPositive) = (objective, cuts[a], cuts[b]);
                }
            }
        }

        return (bestNegative, bestPositive);
    }

    private static Vector Vectorise(Document d, Dictionary<string, int> index)
    {
        var ids = new List<int>(d.Words.Count);
        foreach (string w in d.Words)
        {
            if (index.TryGetValue(w, out int k))
            {
                ids.Add(k);
            }
        }

        ids.Sort();
        return new Vector([.. ids], d.Words.Count == 0 ? 0 : 1 / Math.Sqrt(d.Words.Count), [d.Lexicon.Positive, d.Lexicon.Negative, d.Lexicon.Compound]);
    }

    private static Weights Train(Vector[] vectors, Document[] docs, int[] rows, int features, double penalty, SentimentCalibrationOptions options)
    {
        var w = new Weights(new double[features], new double[3]);
        var random = new Random((int)(options.Seed & 0x7FFFFFFF));
        var order = (int[])rows.Clone();
        int step = 0;
        for (int pass = 0; pass < options.Passes; pass++)
        {
            // A seeded shuffle per pass; System.Random with a seed is reproducible across runs of one .NET version.
            for (int k = order.Length - 1; k > 0; k--)
            {
                int j = random.Next(k + 1);
                (order[k], order[j]) = (order[j], order[k]);
            }

            foreach (int i in order)
            {
                step++;
                double rate = options.LearningRate / (1 + (options.LearningRate * penalty * step));
                var v = vectors[i];
                double y = docs[i].Label == SentimentLabel.Positive ? 1 : 0;
                double g = Sigmoid(Dot(w, v)) - y;
                foreach (int k in v.Index)
                {
                    w.Words[k] -= rate * ((g * v.Scale) + (penalty * w.Words[k]));
                }

                for (int k = 0; k < 3; k++)
                {
                    w.Lexicon[k] -= rate * ((g * v.Lexicon[k]) + (penalty * w.Lexicon[k]));
                }

                w.Bias -= rate * g;
            }
        }

        return w;
    }

    private static double Dot(Weights w, Vector v)
    {
        double z = w.Bias;
        if (v.Index.Length > 0)
        {
            double sum = 0;
            foreach (int k in v.Index)
            {
                sum += w.Words[k];
            }

            z += sum * v.Scale;
        }

        for (int k = 0; k < 3; k++)
        {
            z += w.Lexicon[k] * v.Lexicon[k];
        }

        return z;
    }

    private static double LogLoss(Weights w, Vector v, bool positive)
    {
        double p = Math.Clamp(Sigmoid(Dot(w, v)), 1e-12, 1 - 1e-12);
        return positive ? -Math.Log(p) : -Math.Log(1 - p);
    }

    private static double Sigmoid(double z) => 1 / (1 + Math.Exp(-z));

    private static int[] Shuffle(int[] items, long seed)
    {
        var copy = (int[])items.Clone();
        var random = new Random((int)(seed & 0x7FFFFFFF));
        for (int k = copy.Length - 1; k > 0; k--)
        {
            int j = random.Next(k + 1);
            (copy[k], copy[j]) = (copy[j], copy[k]);
        }

        return copy;
    }

    private sealed record Document(HashSet<string> Words, (double Positive, double Negative, double Compound) Lexicon, SentimentLabel Label, int WordCount);

    // The unit-length scaling uses the comment's number of distinct features, as the model does when it scores
    // (features outside the vocabulary count too, so fitting and scoring see the same scale).
    private sealed record Vector(int[] Index, double Scale, double[] Lexicon);

    private sealed class Weights(double[] words, double[] lexicon)
    {
        public double[] Words { get; } = words;

        public double[] Lexicon { get; } = lexicon;

        public double Bias { get; set; }
    }
}
