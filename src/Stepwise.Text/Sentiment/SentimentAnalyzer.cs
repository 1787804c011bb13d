using Stepwise.Text.Tokens;

namespace Stepwise.Text.Sentiment;

/// <summary>
/// Sentiment of comments: a lexicon score, read with the comment's words by a calibrated model
/// (<see cref="SentimentModel"/>) into a score from -1 to 1 and a label whose shares match labelled data.
/// In the lexicon score, each sentiment word contributes its valence, strengthened or weakened by
/// boosters and dampeners just before it, and strengthened when shouted in capitals. Negation:
/// <list type="bullet">
/// <item>a negator up to three words before a sentiment word in the same clause (boosters and dampeners between
/// them not counted, a sentiment word of the other direction closing the way) reverses and softens it: <c>not good</c>
/// is mildly negative, <c>no complaints</c>, <c>never had an issue</c>, <c>nothing was too much trouble</c> mildly
/// positive; <c>at all</c> or <c>whatsoever</c> makes the negation emphatic, not softened (<c>no problems at all</c>);
/// two negators cancel (<c>not without its problems</c>); <c>no longer</c> and <c>used to be</c> are negators too
/// (<c>no longer good value</c>, <c>no longer rude</c>, <c>it used to be good</c>; see <see cref="NegationPhrases"/>);</item>
/// <item>a negator that negates no sentiment word is a complaint of absence (<c>no one called me back</c>,
/// <c>nothing was done</c>) and counts <see cref="AbsenceValence"/>, unless it says the writer has no opinion
/// (<c>I don't know</c>, <c>not sure</c>, <c>no idea</c>);</item>
/// <item>after <c>can't</c> or <c>could not</c>, a comparative is the best or worst possible and keeps its direction
/// (<c>couldn't be happier</c>, <c>could not have been worse</c>, <c>nothing could be better</c>, <c>can't thank them
/// enough</c>); without a negator, <c>could have been better</c> is reversed.</item>
/// </list>
/// A comment made only of the words of answers that say nothing (<c>n/a</c>, <c>none</c>, <c>nothing to add</c>,
/// <c>don't know</c>) is neutral, scored 0.
/// Within a sentence, clauses after a contrast word (<c>but</c>) weigh 1.5 times and those before it half; a sentence
/// opening with <c>although</c> weighs its first clause half and the rest 1.5 times; <c>nothing but</c> is neither
/// negation nor contrast. Exclamation marks strengthen their sentence. The compound score is the balance of positive
/// and negative contributions, (P - N) / (P + N + 1), which does not grow with the length of the comment. With a
/// model, the lexicon's balance weighs more in a short comment, by a weight fitted with the model
/// (<see cref="SentimentModel.LexiconWeight"/>).
/// </summary>
public sealed class SentimentAnalyzer
{
    /// <summary>Below this lexicon balance a comment is negative, above its opposite positive, when no model is used.</summary>
    public const double LexiconThreshold = 0.05;

    /// <summary>How much a negated valence keeps, with its sign reversed.</summary>
    public const double NegationFactor = 0.6;

    /// <summary>The valence of a negator that negates no sentiment word ("no one called me back"): a missing service.</summary>
    public const double AbsenceValence = -1;

    /// <summary>How much "couldn't be happier" strengthens the comparative it does not reverse.</summary>
    public const double ComparativeBoost = 0.3;

    private const int NegationWindow = 3;
    /// <summary>How much a negated valence keeps, with its sign reversed, when <c>at all</c> or <c>whatsoever</c> makes the
    /// negation emphatic: <c>no problems at all</c> is not the mild praise <c>no problems</c> is, nor <c>not helpful at
    /// all</c> the mild complaint.</summary>
    public const double EmphaticNegationFactor = 1;

    private static readonly HashSet<string> NothingToSay = new(["add", "comment", "comments", "say", "report", "applicable", "mention", "suggest"], StringComparer.Ordinal);

    // "I don't know", "not sure", "no idea": the writer has no opinion, nothing is missing.
    private static readonly HashSet<string> NoOpinion = new(["know", "sure", "idea", "opinion", "opinions", "remember", "recall", "clue", "preference"], StringComparer.Ordinal);

    // The words a writer may put before such a negator: "I'm not sure", "I really don't know", "honestly no idea".
    private static readonly HashSet<string> Writer = new(["i", "i'm", "im", "i've", "ive", "i'd", "have", "am", "do", "really", "honestly", "just", "still", "genuinely", "frankly"], StringComparer.Ordinal);

    // The words of answers that say nothing about the service: "n/a", "none", "nothing to add", "no comment", "don't
    // know", "not sure", "no idea", "no opinion", "can't remember". A comment made of these words alone is neutral.
    private static readonly HashSet<string> NonAnswer = new(
        ["n", "a", "na", "nil", "none", "nothing", "no", "not", "nope", "nah", "dunno", "idk", "don't", "dont", "do", "can't", "cant", "cannot",
         "i", "i'm", "im", "i've", "ive", "have", "am", "comment", "comments", "add", "applicable", "know", "sure", "idea", "opinion", "opinions",
         "remember", "recall", "say", "else", "further", "additional", "other", "really", "honestly", "just", "to", "this", "time", "moment",
         "present", "thoughts", "anything", "any"],
        StringComparer.Ordinal);
    private static readonly HashSet<string> ModalNegators = new(["can't", "cant", "cannot", "couldn't", "couldnt"], StringComparer.Ordinal);
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
        if (IsNonAnswer(tokens))
        {
            // "N/A", "don't know", "nothing to add": no opinion of the service, whatever the model's prior would make of it.
            return new SentimentScore(0, 0, 0, 0, SentimentLabel.Neutral);
        }
        var cues = _model is null ? null : new List<string>();
        var lexicon = LexiconScore(tokens, cues);
        if (_model is null)
        {
            return lexicon;
        }

        var words = SentimentFeatures.Words(tokens, _lexicon, cues!);
        if (words.Count == 0)
        {
            return new SentimentScore(0, 0, 0, 0, SentimentLabel.Neutral);
        }

        double score = _model.Score(_model.Logit(words, SentimentFeatures.Lexicon(lexicon)), lexicon.Compound, WordCount(tokens));
        return lexicon with { Compound = score, Category = _model.LabelOf(score) };
    }

    /// <summary>Whether every word of the comment (one at least) is a word of an answer that says nothing about the
    /// service: "n/a", "none", "nothing to add", "no comment", "I don't know", "not sure", "no idea", "no opinion".</summary>
    internal static bool IsNonAnswer(IReadOnlyList<Token> tokens)
    {
        bool any = false;
        foreach (var t in tokens)
        {
            if (t.Kind == TokenKind.Word)
            {
                if (!NonAnswer.Contains(t.Text))
                {
                    return false;
                }

                any = true;
            }
        }

        return any;
    }

    /// <summary>How many words a tokenised comment has.</summary>
    internal static int WordCount(IReadOnlyList<Token> tokens)
    {
        int count = 0;
        foreach (var t in tokens)
        {
            count += t.Kind == TokenKind.Word ? 1 : 0;
        }

        return count;
    }

    /// <summary>The lexicon's own score of a tokenised comment, labelled at ±<see cref="LexiconThreshold"/>.</summary>
    public SentimentScore LexiconScore(IReadOnlyList<Token> tokens) => LexiconScore(tokens, null);

    /// <summary>The lexicon's own score, adding to <paramref name="cues"/> how each negation was read (the model's
    /// <see cref="SentimentFeatures"/> cues).</summary>
    internal SentimentScore LexiconScore(IReadOnlyList<Token> tokens, ICollection<string>? cues)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        double positive = 0, negative = 0;
        int words = 0;
        var sentence = new List<double>();
        int contrastAt = -1;
        int clauseStart = 0;
        int sentenceStart = 0;
        int exclamations = 0;
        bool concessive = false;

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
            concessive = false;
        }

        for (int i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            switch (token.Kind)
            {
                case TokenKind.SentenceEnd:
                    FlushSentence();
                    clauseStart = sentenceStart = i + 1;
                    continue;
                case TokenKind.Exclamation:
                    exclamations++;
                    if (i + 1 >= tokens.Count || tokens[i + 1].Kind != TokenKind.Exclamation)
                    {
                        FlushSentence();
                        sentenceStart = i + 1;
                    }

                    clauseStart = i + 1;
                    continue;
                case TokenKind.ClauseBreak:
                    if (concessive)
                    {
                        // "Although the queue was long, the staff were lovely": the main clause after the break weighs more.
                        contrastAt = sentence.Count;
                        concessive = false;
                    }

                    clauseStart = i + 1;
                    continue;
                case TokenKind.Placeholder:
                    continue;
                default:
                    break;
            }

            if (_lexicon.IsContrast(token.Text) && !IsNothingBut(tokens, i))
            {
                if (IsConcessive(token.Text) && i == sentenceStart + (i > sentenceStart && tokens[i - 1].Text == "even" ? 1 : 0))
                {
                    // A sentence opening with "although" or "though": its first clause is the weaker one.
                    concessive = true;
                    contrastAt = -1;
                }
                else
                {
                    contrastAt = sentence.Count;
                    concessive = false;
                }

                clauseStart = i + 1;
                continue;
            }

            if (NegationPhrases.IsContinuation(tokens, i) || NegationPhrases.IsUsedToBe(tokens, i))
            {
                // "Longer" of "no longer" is no complaint of a longer wait; "used to be" negates what follows (see
                // NegatorsBefore) but complains of nothing missing by itself.
                continue;
            }

            if (_lexicon.IsNegator(token.Text))
            {
                if (!IsNothingBut(tokens, i + 1) && !IsNoOpinion(tokens, i, clauseStart) && IsAbsence(tokens, i))
                {
                    // "No one called me back", "nothing was done": nothing good to negate, a complaint that something is missing.
                    sentence.Add(AbsenceValence);
                    cues?.Add(SentimentFeatures.NegationAbsence);
                }

                continue;
            }

            double valence = IsElsewhere(tokens, i) ? -1 : IsLetDown(tokens, i, clauseStart) ? _lexicon.Valence("letdown") : _lexicon.Valence(token.Text);
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

            double v = valence * Math.Max(0, scale);
            var (negators, modal, could, enough) = NegatorsBefore(tokens, i, clauseStart, valence);
            bool comparative = IsComparative(tokens, i) || enough || IsEnoughAfter(tokens, i);
            if (comparative && modal && negators % 2 == 1)
            {
                // "Couldn't be happier", "could not have been worse": the best (or worst) possible, not a reversal.
                v *= 1 + ComparativeBoost;
                cues?.Add(v > 0 ? SentimentFeatures.NegationPositive : SentimentFeatures.NegationNegative);
            }
            else if (negators % 2 == 1)
            {
                // One negator reverses and softens, unless "at all" makes it emphatic; two cancel ("not without its problems").
                v *= -(IsEmphatic(tokens, i, clauseStart) ? EmphaticNegationFactor : NegationFactor);
                cues?.Add(v > 0 ? SentimentFeatures.NegationPositive : SentimentFeatures.NegationNegative);
            }
            else if (comparative && could && negators == 0)
            {
                // "Could have been better": what it was not.
                v *= -NegationFactor;
                cues?.Add(v > 0 ? SentimentFeatures.NegationPositive : SentimentFeatures.NegationNegative);
            }

            sentence.Add(v);
            words++;
        }

        FlushSentence();
        double compound = (positive - negative) / (positive + negative + 1);
        var label = compound > LexiconThreshold ? SentimentLabel.Positive : compound < -LexiconThreshold ? SentimentLabel.Negative : SentimentLabel.Neutral;
        return new SentimentScore(compound, positive, negative, words, label);
    }

    // The negators within the window before the sentiment word at i (modifiers do not count towards the window,
    // "nothing was too much trouble"; a sentiment word of the other direction closes it, "didn't fix the problem"),
    // whether one of them is "can't" or "could not" or comes before "could" (a modal: "nothing could be better"),
    // whether "could" or "should" with "be" or "been" comes before the word without a negator ("could have been
    // better"), and whether "enough" comes between the negator and the word ("can't say enough good things").
    private (int Negators, bool Modal, bool Could, bool Enough) NegatorsBefore(IReadOnlyList<Token> tokens, int i, int clauseStart, double valence)
    {
        int negators = 0, seen = 0;
        bool modal = false, could = false, be = false, enough = false;
        int countedAt = -1;
        for (int j = i - 1; j >= clauseStart && seen < NegationWindow; j--)
        {
            if (tokens[j].Kind != TokenKind.Word)
            {
                continue;
            }

            if (NegationPhrases.IsContinuation(tokens, j))
            {
                // "No longer good value", "used to be good": the rest of the negation phrase does not use up its reach.
                continue;
            }

            string word = tokens[j].Text;
            if (_lexicon.IsNegator(word) || NegationPhrases.IsUsedToBe(tokens, j))
            {
                if (!IsNothingBut(tokens, j + 1) && j != countedAt)
                {
                    negators++;
                    modal |= could || ModalNegators.Contains(word) || (word == "not" && j > clauseStart && tokens[j - 1].Text is "can" or "could");
                }
            }
            else if (_lexicon.Modifier(word) != 0)
            {
                continue;
            }
            else if (_lexicon.Valence(word) * valence < 0)
            {
                // The negator is read with the nearer word of the other direction: "didn't fix the problem".
                break;
            }

            be |= word is "be" or "been";
            if (!could && be && word is "could" or "should" or "might")
            {
                // "Nobody could have been more helpful": a negator just before "could" makes it the best possible.
                could = true;
                for (int k = j - 1; k >= clauseStart && k >= j - 2; k--)
                {
                    if (_lexicon.IsNegator(tokens[k].Text))
                    {
                        negators++;
                        modal = true;
                        countedAt = k;
                        break;
                    }
                }
            }

            enough |= negators == 0 && word == "enough";
            seen++;
        }

        return (negators, modal, could && negators == 0, enough);
    }

    // "Nothing but praise": the "but" at i follows "nothing", and means "only", neither contrast nor negation.
    private static bool IsNothingBut(IReadOnlyList<Token> tokens, int i)
        => i > 0 && i < tokens.Count && tokens[i].Kind == TokenKind.Word && tokens[i].Text == "but" && tokens[i - 1].Text == "nothing";

    // A comparative: "better", "happier", "worse", or a word after "more" ("could not be more helpful").
    private bool IsComparative(IReadOnlyList<Token> tokens, int i)
    {
        string word = tokens[i].Text;
        return (word.Length > 4 && word.EndsWith("er", StringComparison.Ordinal)) || word == "worse" || (i > 0 && tokens[i - 1].Text == "more" && _lexicon.Modifier(word) == 0);
    }

    // "Anywhere else", "someone else": going to another provider, a complaint ("wouldn't go anywhere else" is praise).
    private static bool IsElsewhere(IReadOnlyList<Token> tokens, int i)
        => tokens[i].Text == "else" && i > 0 && tokens[i - 1].Text is "anywhere" or "anyone" or "anybody" or "somewhere" or "someone" or "somebody";

    // "The system let her down", "they let us all down": "down" at i with "let" at most three words before it, in its
    // clause, reads as the lexicon's "letdown"; "down" alone carries nothing.
    private static bool IsLetDown(IReadOnlyList<Token> tokens, int i, int clauseStart)
    {
        if (tokens[i].Text != "down")
        {
            return false;
        }

        for (int j = i - 1; j >= Math.Max(clauseStart, i - 3) && tokens[j].Kind == TokenKind.Word; j--)
        {
            if (tokens[j].Text is "let" or "lets" or "letting")
            {
                return true;
            }
        }

        return false;
    }

    // "No problems at all", "not at all helpful", "no complaints whatsoever": "at all" or "whatsoever" within three words
    // of the sentiment word at i, in its clause.
    private static bool IsEmphatic(IReadOnlyList<Token> tokens, int i, int clauseStart)
    {
        for (int j = Math.Max(clauseStart, i - 3); j < tokens.Count && j <= i + 3 && tokens[j].Kind is TokenKind.Word or TokenKind.Placeholder; j++)
        {
            if (tokens[j].Text == "whatsoever" || (tokens[j].Text == "at" && j + 1 < tokens.Count && tokens[j + 1].Text == "all"))
            {
                return true;
            }
        }

        return false;
    }

    // "I don't know", "I'm not sure", "no idea": the negator at i is followed (modifiers aside) by a word of no opinion
    // and preceded in its clause by nothing but the writer ("I", "I'm", "honestly"); "the staff don't know" complains.
    private bool IsNoOpinion(IReadOnlyList<Token> tokens, int i, int clauseStart)
    {
        for (int j = clauseStart; j < i; j++)
        {
            if (tokens[j].Kind == TokenKind.Word && !Writer.Contains(tokens[j].Text))
            {
                return false;
            }
        }

        for (int j = i + 1; j < tokens.Count && tokens[j].Kind == TokenKind.Word; j++)
        {
            if (_lexicon.Modifier(tokens[j].Text) == 0)
            {
                return NoOpinion.Contains(tokens[j].Text);
            }
        }

        return false;
    }

    // "Can't thank them enough": "enough" later in the clause, after the sentiment word and its object.
    private static bool IsEnoughAfter(IReadOnlyList<Token> tokens, int i)
    {
        for (int j = i + 2; j < tokens.Count && j <= i + 3 && tokens[j].Kind == TokenKind.Word; j++)
        {
            if (tokens[j].Text == "enough")
            {
                return true;
            }
        }

        return false;
    }

    // A negator at i negates no sentiment word when none follows within the window in its clause, and no other
    // negator does (that one is read with the word it negates). "Nothing to add", "no comment", "not applicable"
    // answer the question without complaining.
    private bool IsAbsence(IReadOnlyList<Token> tokens, int i)
    {
        int seen = 0;
        for (int j = i + 1; j < tokens.Count && seen < NegationWindow; j++)
        {
            var t = tokens[j];
            if (t.Kind is TokenKind.SentenceEnd or TokenKind.Exclamation or TokenKind.ClauseBreak || _lexicon.IsContrast(t.Text))
            {
                break;
            }

            if (t.Kind != TokenKind.Word || NegationPhrases.IsContinuation(tokens, j))
            {
                continue;
            }

            if (_lexicon.IsNegator(t.Text) || _lexicon.Valence(t.Text) != 0 || IsElsewhere(tokens, j) || NothingToSay.Contains(t.Text))
            {
                return false;
            }

            if (_lexicon.Modifier(t.Text) == 0)
            {
                seen++;
            }
        }

        // A lone "no" ends its clause: an answer, not a complaint.
        return seen > 0;
    }

    private static bool IsConcessive(string word) => word is "although" or "though" or "whereas";
}
