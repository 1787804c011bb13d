using Stepwise.Text.Tokens;

namespace Stepwise.Text.Sentiment;

/// <summary>
/// Sentiment of comments: a lexicon score, read with the comment's words by a calibrated model
/// (<see cref="SentimentModel"/>) into a score from -1 to 1 and a label whose shares match labelled data.
/// In the lexicon score, each sentiment word contributes its valence, strengthened or weakened by
/// boosters and dampeners just before it, reversed and softened by a negator up to three words before it in the same
/// clause (<c>not good</c> is mildly negative, <c>not bad</c> mildly positive), strengthened when shouted in
/// capitals; within a sentence, clauses after a contrast word (<c>but</c>) weigh 1.5 times and those before it half;
/// exclamation marks strengthen their sentence. The compound score is the balance of positive and negative
/// contributions, (P - N) / (P + N + 1), which does not grow with the length of the comment.
/// </summary>
public sealed class SentimentAnalyzer
{
    /// <summary>Below this lexicon balance a comment is negative, above its opposite positive, when no model is used.</summary>
    public const double LexiconThreshold = 0.05;

    /// <summary>How much a negated valence keeps, with its sign reversed.</summary>
    public const double NegationFactor = 0.6;

    private const int NegationWindow = 3;
    private readonly SentimentLexicon _lexicon;
    private readonly SentimentModel? _model;

    /// <summary>Creates an analyser with <paramref name="lexicon"/> (the default lexicon when null) and the default model.</summary>
    public SentimentAnalyzer(SentimentLexicon? lexicon = null)
        : this(lexicon, SentimentModel.Default)
    {
    }

    /// <summary>Creates an analyser with a lexicon (the default when null) and a model (none: the lexicon's balance alone,
    /// labelled at ±<see cref="LexiconThreshold"/>).</summary>
    public SentimentAnalyzer(SentimentLexicon? lexicon, SentimentModel? model)
    {
        _lexicon = lexicon ?? SentimentLexicon.Default;
        _model = model;
    }

    /// <summary>The model used (null when the lexicon's balance is used alone).</summary>
    public SentimentModel? Model => _model;

    /// <summary>The lexicon used.</summary>
    public SentimentLexicon Lexicon => _lexicon;

    /// <summary>The sentiment of <paramref name="text"/> (neutral for null or empty text).</summary>
    public SentimentScore Score(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return new SentimentScore(0, 0, 0, 0, SentimentLabel.Neutral);
        }

        return Score(Tokenizer.Tokenize(text));
    }

    /// <summary>The sentiment of an already tokenised comment (neutral when it has no words).</summary>
    public SentimentScore Score(IReadOnlyList<Token> tokens)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        var lexicon = LexiconScore(tokens);
        if (_model is null)
        {
            return lexicon;
        }

        var words = SentimentFeatures.Words(tokens, _lexicon);
        if (words.Count == 0)
        {
            return new SentimentScore(0, 0, 0, 0, SentimentLabel.Neutral);
        }

        double p = 1 / (1 + Math.Exp(-_model.Logit(words, SentimentFeatures.Lexicon(lexicon))));
        double score = (2 * p) - 1;
        return lexicon with { Compound = score, Category = _model.LabelOf(score) };
    }

    /// <summary>The lexicon's own score of a tokenised comment, labelled at ±<see cref="LexiconThreshold"/>.</summary>
    public SentimentScore LexiconScore(IReadOnlyList<Token> tokens)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        double positive = 0, negative = 0;
        int words = 0;
        var sentence = new List<double>();
        int contrastAt = -1;
        int clauseStart = 0;
        int exclamations = 0;

        void FlushSentence()
        {
            double emphasis = 1 + (0.1 * Math.Min(exclamations, 3));
            for (int k = 0; k < sentence.Count; k++)
            {
                double weight = contrastAt < 0 ? 1 : k < contrastAt ? 0.5 : 1.5;
                double v = sentence[k] * weight * emphasis;
                if (v > 0)
                {
                    positive += v;
                }
                else
                {
                    negative -= v;
                }
            }

            sentence.Clear();
            contrastAt = -1;
            exclamations = 0;
        }

        for (int i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            switch (token.Kind)
            {
                case TokenKind.SentenceEnd:
                    FlushSentence();
                    clauseStart = i + 1;
                    continue;
                case TokenKind.Exclamation:
                    exclamations++;
                    if (i + 1 >= tokens.Count || tokens[i + 1].Kind != TokenKind.Exclamation)
                    {
                        FlushSentence();
                    }

                    clauseStart = i + 1;
                    continue;
                case TokenKind.ClauseBreak:
                    clauseStart = i + 1;
                    continue;
                case TokenKind.Placeholder:
                    continue;
                default:
                    break;
            }

            if (_lexicon.IsContrast(token.Text))
            {
                contrastAt = sentence.Count;
                clauseStart = i + 1;
                continue;
            }

            double valence = _lexicon.Valence(token.Text);
            if (valence == 0)
            {
                continue;
            }

            // Intensity: modifiers directly before the word, nearer ones counting more.
            double scale = 1;
            for (int back = 1, j = i - 1; j >= clauseStart && back <= 2; j--, back++)
            {
                double m = _lexicon.Modifier(tokens[j].Text);
                if (m == 0)
                {
                    break;
                }

                scale += m * (back == 1 ? 1 : 0.8);
            }

            if (token.Shouted)
            {
                scale += 0.25;
            }

            // Negation within the clause, a few words back (skipping modifiers, e.g. "not very good").
            bool negated = false;
            for (int j = i - 1; j >= clauseStart && j >= i - NegationWindow; j--)
            {
                if (_lexicon.IsNegator(tokens[j].Text))
                {
                    negated = true;
                    break;
                }
            }

            double v = valence * Math.Max(0, scale);
            if (negated)
            {
                v *= -NegationFactor;
            }

            sentence.Add(v);
            words++;
        }

        FlushSentence();
        double compound = (positive - negative) / (positive + negative + 1);
        var label = compound > LexiconThreshold ? SentimentLabel.Positive : compound < -LexiconThreshold ? SentimentLabel.Negative : SentimentLabel.Neutral;
        return new SentimentScore(compound, positive, negative, words, label);
    }
}
