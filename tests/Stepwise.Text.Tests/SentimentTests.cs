using Stepwise.Statistics.Feedback;
using Stepwise.Testing;
using Stepwise.Text.Sentiment;

namespace Stepwise.Text.Tests;

public class SentimentTests
{
    // The lexicon's rules are checked on the lexicon alone; the calibrated model is checked against labelled reviews.
    private static readonly SentimentAnalyzer Analyzer = new(null, model: null);

    private static double S(string text) => Analyzer.Score(text).Compound;

    [Fact]
    public void Score_Negation_ReversesAndSoftens()
    {
        Assert.True(S("The staff were good.") > 0);
        Assert.True(S("The staff were not good.") < 0);
        Assert.True(S("The food was not bad.") > 0);
        Assert.True(S("The food was not bad.") < S("The food was good."));
        Assert.True(S("I didn’t enjoy it.") < 0);
    }

    [Fact]
    public void Score_LetDown_ReadsAsADisappointment()
    {
        // "Down" carries nothing alone; after "let" (with up to two words between, in its clause) it is the lexicon's
        // "letdown", and a negator before it reverses it like any other sentiment word.
        Assert.Equal(0, S("The system went down."));
        Assert.Equal(S("A real letdown."), S("A real let down."));
        Assert.True(S("The system let her down.") < 0);
        Assert.True(S("They let us all down.") < 0);
        Assert.True(S("She tried her best, but the system let her down.") < 0);
        Assert.True(S("They have never let me down.") > 0);
        // "Let" in another clause does not reach a later "down".
        Assert.Equal(0, S("Let me know, the line went down."));
    }

    [Fact]
    public void Score_ShameAndPity_AreComplaints()
    {
        Assert.True(S("Shame about the wait.") < 0);
        Assert.True(S("What a pity.") < 0);
        Assert.True(S("Lovely person, shame the process is so slow.") < S("Lovely person, the process is so slow."));
    }

    [Fact]
    public void Score_Intensifiers_StrengthenOrWeaken()
    {
        Assert.True(S("The seat was very good.") > S("The seat was good."));
        Assert.True(S("The seat was slightly good.") < S("The seat was good."));
        Assert.True(S("The seat was very bad.") < S("The seat was bad."));
        Assert.True(S("The crew were GOOD.") > S("The crew were good."));
        Assert.True(S("Great flight!!") > S("Great flight."));
    }

    [Fact]
    public void Score_ContrastClause_WeighsMore()
    {
        Assert.True(S("The food was good but the staff were terrible.") < 0);
        Assert.True(S("The staff were rude, but in the end everything was excellent.") > 0);
    }

    [Fact]
    public void Score_NegationDoesNotCrossClauses()
        => Assert.True(S("No problem, the staff were friendly.") > 0);

    [Fact]
    public void Score_NegatedComplaint_ReadsAsMildPraise()
    {
        Assert.True(S("No complaints.") > 0);
        Assert.True(S("No negative feedback.") > 0);
        Assert.True(S("No problems at all.") > 0);
        Assert.True(S("I have never had an issue with them.") > 0);
        Assert.True(S("Can't fault them.") > 0);
        // Boosters between the negator and the word do not use up its reach.
        Assert.True(S("Nothing was too much trouble.") > 0);
        // Mild: less than plain praise.
        Assert.True(S("No complaints.") < S("Good."));
    }

    [Fact]
    public void Score_NegatorWithNothingToNegate_IsAComplaintOfAbsence()
    {
        Assert.True(S("No one called me back.") < 0);
        Assert.True(S("Nothing was done.") < 0);
        Assert.True(S("Still no refund after three weeks.") < 0);
        Assert.Equal(-SentimentAnalyzer.AbsenceValence / (-SentimentAnalyzer.AbsenceValence + 1), -S("Nobody called me back."), 12);
        // A lone "no" answers; it complains of nothing.
        Assert.Equal(0, S("No."));
        Assert.True(S("No, thanks for asking.") > 0);
        // Nor do the answers of a comment box with nothing to say.
        Assert.Equal(0, S("Nothing to add."));
        Assert.Equal(0, S("No comment."));
        Assert.Equal(0, S("Not applicable."));
    }

    [Fact]
    public void Score_AtAllOrWhatsoever_MakesTheNegationEmphatic()
    {
        Assert.True(S("No problems at all.") > S("No problems."));
        Assert.True(S("No complaints whatsoever.") > S("No complaints."));
        Assert.True(S("Not helpful at all.") < S("Not helpful."));
        Assert.True(S("Not at all helpful.") < S("Not helpful."));
        // Emphatic, not reversed: still the direction of the negation.
        Assert.True(S("Not helpful at all.") < 0);
        Assert.Equal(S("No problems at all."), -S("Problems at all."), 12);
        // Outside the clause it does not reach.
        Assert.Equal(S("No problems."), S("No problems, at all."), 12);
    }

    [Fact]
    public void Score_AnswerOfNoOpinion_IsNoComplaintOfAbsence()
    {
        foreach (string text in new[] { "I don't know.", "Don't know", "not sure", "I'm not sure.", "No idea.", "I honestly have no idea.", "No opinion." })
        {
            Assert.Equal(0, S(text));
        }

        // Someone else's ignorance is a complaint, and a complaint after "not sure" still counts.
        Assert.True(S("The staff don't know what they are doing.") < 0);
        Assert.True(S("The agent had no idea.") < 0);
        Assert.True(S("Not sure, but the agent was rude.") < 0);
        Assert.True(S("I don't know why nobody called me back.") < 0);
    }

    [Fact]
    public void Score_NonAnswer_NeutralWhateverTheModel()
    {
        var analyzer = new SentimentAnalyzer();
        foreach (string text in new[] { "N/A", "n/a.", "NA", "None", "Nothing.", "Nothing else.", "Nothing to add.", "No comment.", "No further comments.", "Not applicable", "Don't know", "Dunno", "I really don't know.", "Not sure.", "No idea", "No opinion" })
        {
            var score = analyzer.Score(text);
            Assert.True(score.Compound == 0 && score.Label == "neutral", $"{text}: {score.Compound} {score.Label}");
        }

        // A word of substance makes it an answer again.
        Assert.Equal("negative", analyzer.Score("No idea, nobody ever calls back.").Label);
        Assert.Equal("negative", analyzer.Score("Nothing was done.").Label);
        Assert.Equal("positive", analyzer.Score("No, thanks for asking, all good.").Label);
    }

    [Fact]
    public void Score_ShippedModel_ShortPraiseIsPositive()
    {
        // Plain short praise and thanks, which the shipped model's word weights (learnt on long reviews) read as neutral
        // or less before the lexicon had its fitted weight in short comments.
        var analyzer = new SentimentAnalyzer();
        foreach (string text in new[] { "No problems at all.", "No problems at all", "Very helpful, thank you.", "All good.", "Quick and easy.", "Thank you", "No complaints whatsoever.", "Nothing was too much trouble." })
        {
            var score = analyzer.Score(text);
            Assert.True(score.Label == "positive", $"{text}: {score.Compound:0.000} {score.Label}");
        }

        foreach (string text in new[] { "Not helpful at all.", "The staff don't know what they are doing.", "The agent had no idea." })
        {
            Assert.Equal("negative", analyzer.Score(text).Label);
        }
    }

    [Fact]
    public void Score_NegatorReadsWithTheNearerWord()
    {
        Assert.True(S("They didn't fix the problem.") < 0);
        Assert.True(S("No delays or problems.") > 0);
    }

    [Fact]
    public void Score_DoubleNegation_Cancels()
    {
        Assert.True(S("Not without its problems.") < 0);
        Assert.True(S("Not unhelpful.") > 0);
    }

    [Fact]
    public void Score_NegatedComparativeAfterCannot_KeepsItsDirection()
    {
        Assert.True(S("Couldn't be happier.") > 0);
        Assert.True(S("Could not be more helpful.") > 0);
        Assert.True(S("Can't thank them enough.") > 0);
        Assert.True(S("Can't say enough good things about them.") > 0);
        Assert.True(S("Nothing could be better.") > 0);
        Assert.True(S("Nobody could have been more helpful.") > 0);
        Assert.True(S("Not enough good seats.") < 0);
        Assert.True(S("It couldn't have been worse.") < 0);
        // Without "can't" the negation reverses as usual, and "could have been better" says what it was not.
        Assert.True(S("It wasn't better than last time.") < 0);
        Assert.True(S("Not good enough.") < 0);
        Assert.True(S("The app could be better.") < 0);
        Assert.True(S("The app is better.") > 0);
    }

    [Fact]
    public void Score_SentenceOpeningWithAlthough_WeighsItsMainClause()
    {
        Assert.True(S("Although the queue was long, the staff were lovely.") > S("The queue was long and the staff were lovely."));
        Assert.True(S("Although the staff were lovely, the queue was very long.") < 0);
        Assert.True(S("The staff were lovely and the queue was very long.") > 0);
    }

    [Fact]
    public void Score_NoLongerAndUsedToBe_NegateWhatFollows()
    {
        // "Longer" of "no longer" is not the complaint of a longer wait, and does not use up the negation's reach.
        Assert.True(S("British Airways is no longer good value for money.") < 0);
        Assert.True(S("No longer worth the money.") < 0);
        Assert.True(S("The seats are no longer comfortable.") < 0);
        Assert.True(S("Not any longer good value.") < 0);
        Assert.True(S("The crew are no longer rude.") > 0);
        Assert.True(S("We no longer have to wait for hours.") > 0);
        // "Used to be" is what something no longer is.
        Assert.True(S("It used to be good value for money.") < 0);
        Assert.True(S("It used to be a lot better.") < 0);
        Assert.True(S("The staff used to be rude.") > 0);
        // Neither phrase alone: "longer" is still a longer wait, "used to" without "be" negates nothing.
        Assert.True(S("The wait was longer than promised.") < 0);
        Assert.True(S("We used to fly with them, and the crew were good.") > 0);
        // "No longer than usual" compares; it is not a negation of nothing, a complaint of absence.
        Assert.True(S("The queue was no longer than usual.") >= S("The queue was longer than usual."));
    }

    [Fact]
    public void Score_ShippedModel_NoLongerIsNotPraise()
    {
        // Two sentences of a British Airways review that the model read as praise (+0.97 and +0.68), and hand-labelled
        // sentences of the same kind, negated and not.
        var analyzer = new SentimentAnalyzer();
        foreach (string text in new[] { "British Airways is no longer good value for money.", "No longer worth the money.", "It used to be good value for money.", "The seats are no longer comfortable.", "It is no longer a premium airline." })
        {
            var score = analyzer.Score(text);
            Assert.True(score.Label == "negative", $"{text}: {score.Compound:0.000} {score.Label}");
        }

        foreach (string text in new[] { "Still good value for money.", "The crew are no longer rude.", "We no longer have to wait for hours.", "No more delays, everything was on time." })
        {
            var score = analyzer.Score(text);
            Assert.True(score.Label == "positive", $"{text}: {score.Compound:0.000} {score.Label}");
        }
    }

    [Fact]
    public void Features_NoLongerAndUsedToBe_NegateTheWordsAfterThem()
    {
        var lexicon = SentimentLexicon.Default;
        foreach (string text in new[] { "No longer good value.", "It used to be good value." })
        {
            var tokens = Stepwise.Text.Tokens.Tokenizer.Tokenize(text);
            var cues = new List<string>();
            new SentimentAnalyzer(lexicon, model: null).LexiconScore(tokens, cues);
            var features = SentimentFeatures.Words(tokens, lexicon, cues);
            Assert.Contains("not_good", features);
            Assert.Contains("not_value", features);
            Assert.DoesNotContain("good", features);
            Assert.Contains(SentimentFeatures.NegationNegative, features);
            Assert.DoesNotContain(SentimentFeatures.NegationPositive, features);
        }
    }

    [Fact]
    public void Score_AnywhereElse_IsTheCompetition()
    {
        Assert.True(S("I will go somewhere else next time.") < 0);
        Assert.True(S("Wouldn't go anywhere else.") > 0);
    }

    [Fact]
    public void Features_Negation_CuesAndNotWords()
    {
        var lexicon = SentimentLexicon.Default;
        var tokens = Stepwise.Text.Tokens.Tokenizer.Tokenize("No complaints at all. Nobody called, but they were helpful.");
        var cues = new List<string>();
        new SentimentAnalyzer(lexicon, model: null).LexiconScore(tokens, cues);
        var features = SentimentFeatures.Words(tokens, lexicon, cues);
        Assert.Contains(SentimentFeatures.NegationPositive, features);
        Assert.Contains(SentimentFeatures.NegationAbsence, features);
        Assert.Contains("not_complaints", features);
        // Function words in the negation's scope are themselves, not negated evidence.
        Assert.Contains("at", features);
        Assert.DoesNotContain("not_at", features);
        Assert.DoesNotContain(SentimentFeatures.NegationNegative, features);
    }

    [Fact]
    public void Score_ShortCustomerServiceComments_AtLeast85PercentRightAndNoClearOneReversed()
    {
        // Labels decided by reading before the code scored them (see CustomerServiceComments).
        var analyzer = new SentimentAnalyzer();
        var comments = CustomerServiceComments.All.Concat(CustomerServiceComments.Unseen).ToList();
        Assert.True(comments.Count >= 60);
        var wrong = new List<string>();
        var reversed = new List<string>();
        foreach (var (label, clear, text) in comments)
        {
            string read = analyzer.Score(text).Label;
            if (read != label)
            {
                wrong.Add($"{text} ({label}, read {read})");
                if (clear && label != "neutral" && read != "neutral")
                {
                    reversed.Add(text);
                }
            }
        }

        Assert.Empty(reversed);
        Assert.True(wrong.Count <= 0.15 * comments.Count, $"{wrong.Count} of {comments.Count} wrong: {string.Join("; ", wrong)}");
    }

    [Fact]
    public void Score_LaterContactCentreComments_NoPlainCommentReversed()
    {
        // The third set, committed before it was first scored: 41 of 60 right then (68%; the build before the fitted
        // short-comment weight and the rules for no opinion: 38), every reversal a sarcastic comment. Sarcasm is read
        // at face value, a known limit; no other clear comment may be reversed, and no fewer than 40 may be right.
        string[] sarcastic = ["Great, another hour on hold.", "Thanks for nothing.", "Brilliant, cut off again.", "Oh yes, really helpful, not."];
        Assert.Equal(60, CustomerServiceComments.Later.Length);
        Assert.All(sarcastic, t => Assert.Contains(CustomerServiceComments.Later, c => c.Text == t));
        var analyzer = new SentimentAnalyzer();
        int right = 0;
        var reversed = new List<string>();
        foreach (var (label, clear, text) in CustomerServiceComments.Later)
        {
            string read = analyzer.Score(text).Label;
            right += read == label ? 1 : 0;
            if (clear && label != "neutral" && read != "neutral" && read != label && !sarcastic.Contains(text))
            {
                reversed.Add(text);
            }
        }

        Assert.Empty(reversed);
        Assert.True(right >= 40, $"{right} of 60 right");
    }

    [Fact]
    public void Score_Empty_Neutral()
    {
        Assert.Equal(0, S(""));
        Assert.Equal("neutral", Analyzer.Score((string?)null).Label);
    }

    [Fact]
    public void Lexicon_UserLines_ExtendTheDefault()
    {
        var lexicon = SentimentLexicon.Default.With("3: avios\nnegators: nae");
        var analyzer = new SentimentAnalyzer(lexicon, model: null);
        Assert.True(analyzer.Score("avios").Compound > 0);
        Assert.True(analyzer.Score("nae good").Compound < 0);
        Assert.Equal(0, S("avios"));
        Assert.Throws<FormatException>(() => SentimentLexicon.Default.With("7: wow"));
    }

    [Theory]
    [InlineData("yelp")]
    [InlineData("ba")]
    public void Score_HeldOutReviews_AucAtLeast093AndSharesWithinTenPoints(string source)
    {
        // Labels from the reviewers' own stars, computed here: Yelp 1-2 / 3 / 4-5, BA overall rating 1-4 / 5-6 / 7-10.
        // Held out: the reviews the shipped model was not fitted on (SHA-256 of "source:id" starting at 128 or above).
        var reviews = HeldOut(source);
        Assert.True(reviews.Count > 1500, $"{reviews.Count} held-out reviews");
        var analyzer = new SentimentAnalyzer();
        var scored = reviews.Select(r => (r.Label, Score: analyzer.Score(r.Text))).ToList();

        // AUC by brute force over every (positive, negative) pair, ties counting one half.
        var positive = scored.Where(x => x.Label == 1).Select(x => x.Score.Compound).ToArray();
        var negative = scored.Where(x => x.Label == -1).Select(x => x.Score.Compound).ToArray();
        double wins = 0;
        foreach (double p in positive)
        {
            foreach (double n in negative)
            {
                wins += p > n ? 1 : p == n ? 0.5 : 0;
            }
        }

        double auc = wins / (positive.Length * (double)negative.Length);
        Assert.True(auc >= 0.93, $"AUC on held-out {source} reviews was {auc:0.000}");
        foreach (var (label, name) in new[] { (-1, "negative"), (0, "neutral"), (1, "positive") })
        {
            double labelled = scored.Count(x => x.Label == label) / (double)scored.Count;
            double reported = scored.Count(x => x.Score.Label == name) / (double)scored.Count;
            Assert.True(Math.Abs(labelled - reported) <= 0.10, $"{source} {name}: reported {reported:P1}, labelled {labelled:P1}");
        }

        // One-star (or 1/10) reviews read as positive: fewer than one in ten (the issue found a third on tweets).
        var lowest = scored.Where((x, i) => reviews[i].Stars == 1).ToList();
        Assert.True(lowest.Count(x => x.Score.Label == "positive") < 0.10 * lowest.Count, $"{lowest.Count(x => x.Score.Label == "positive")} of {lowest.Count} lowest-rated reviews read as positive");
    }

    private static List<(string Text, int Stars, int Label)> HeldOut(string source)
    {
        var list = new List<(string, int, int)>();
        if (source == "yelp")
        {
            using var zip = System.IO.Compression.ZipFile.OpenRead(SharedData.PathOf("text/yelp_reviews_10k.csv.zip"));
            using var stream = zip.Entries.Single().Open();
            using var memory = new MemoryStream();
            stream.CopyTo(memory);
            var table = Stepwise.Statistics.Tabular.DelimitedTextReader.Parse(memory.ToArray(), "yelp.csv");
            foreach (var r in table.Records)
            {
                int stars = int.Parse(r[table.IndexOf("stars")], System.Globalization.CultureInfo.InvariantCulture);
                if (!InCalibrationHalf("yelp", r[table.IndexOf("review_id")]))
                {
                    list.Add((r[table.IndexOf("text")], stars, stars <= 2 ? -1 : stars == 3 ? 0 : 1));
                }
            }
        }
        else
        {
            var table = FeedbackReader.Read(SharedData.PathOf("surveys/BA_AirlineReviews.csv")).Table;
            for (int i = 0; i < table.Count; i++)
            {
                double rating = table.Overall!.Values[i];
                if (!double.IsNaN(rating) && table.Comments![i] is string text && !InCalibrationHalf("ba", table.ResponseIds[i]))
                {
                    list.Add((text, (int)rating, rating <= 4 ? -1 : rating <= 6 ? 0 : 1));
                }
            }
        }

        return list;
    }

    private static bool InCalibrationHalf(string source, string id)
        => System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(source + ":" + id))[0] < 128;

    [Fact]
    public void Calibration_SeparableComments_FitsThemDeterministically()
    {
        // 40 positive, 20 mixed and 40 negative comments built from distinct words: the fit separates positive from
        // negative. (Whether the shares match labelled shares is checked on real held-out reviews above.)
        var texts = new List<string?>();
        var labels = new List<SentimentLabel>();
        for (int i = 0; i < 40; i++)
        {
            texts.Add($"lovely staff and quick service, thank you number {i}");
            labels.Add(SentimentLabel.Positive);
            texts.Add($"rude staff and a long wait, never again number {i}");
            labels.Add(SentimentLabel.Negative);
        }

        for (int i = 0; i < 20; i++)
        {
            texts.Add(i % 2 == 0 ? $"lovely staff but a long wait number {i}" : $"rude staff but quick service number {i}");
            labels.Add(SentimentLabel.Neutral);
        }

        var model = SentimentCalibration.Fit(texts, labels, options: new SentimentCalibrationOptions { MinDocuments = 2 });
        var analyzer = new SentimentAnalyzer(null, model);
        var assigned = texts.Select(t => analyzer.Score(t).Category).ToList();
        Assert.All(texts.Take(80).Where((_, i) => i % 2 == 0), t => Assert.Equal(SentimentLabel.Positive, analyzer.Score(t).Category));
        Assert.All(texts.Take(80).Where((_, i) => i % 2 == 1), t => Assert.Equal(SentimentLabel.Negative, analyzer.Score(t).Category));
        Assert.True(model.NegativeBelow <= model.PositiveAbove);

        // The same data and seed fit the same model, and its text form reads back unchanged.
        Assert.Equal(model.Format(), SentimentCalibration.Fit(texts, labels, options: new SentimentCalibrationOptions { MinDocuments = 2 }).Format());
        Assert.Equal(model.Format(), SentimentModel.Parse(model.Format()).Format());
    }

    [Fact]
    public void Model_ShortCommentWeight_FadesWithLengthAndRoundTrips()
    {
        var model = SentimentModel.Parse("bias 0.5\nnegative-below -0.2\npositive-above 0.3\nshort-comment-words 10\nshort-comment-lexicon 4\n1.5\tgood\n", "m.txt");
        Assert.Equal(10, model.ShortCommentWords);
        Assert.Equal(4, model.LexiconWeight(0), 12);
        Assert.Equal(2, model.LexiconWeight(5), 12);
        Assert.Equal(0, model.LexiconWeight(10));
        Assert.Equal(0, model.LexiconWeight(200));
        // p = 1 / (1 + exp(-(logit + weight × balance))), the score 2p - 1.
        Assert.Equal((2 / (1 + Math.Exp(-(0.25 + (2 * 0.5))))) - 1, model.Score(0.25, 0.5, 5), 12);
        Assert.Equal((2 / (1 + Math.Exp(-0.25))) - 1, model.Score(0.25, 0.5, 12), 12);
        Assert.Equal(model.Format(), SentimentModel.Parse(model.Format()).Format());

        // Without the lines, a model has no extra weight for short comments.
        var plain = SentimentModel.Parse("bias 0\nnegative-below -0.2\npositive-above 0.3\n");
        Assert.Equal(0, plain.LexiconWeight(1));
        Assert.DoesNotContain("short-comment", plain.Format(), StringComparison.Ordinal);
        Assert.Equal("m.txt, line 4: short-comment-words must be a whole number of words from 0 to 10000.",
            Assert.Throws<FormatException>(() => SentimentModel.Parse("bias 0\nnegative-below -0.2\npositive-above 0.3\nshort-comment-words 2.5\n", "m.txt")).Message);
        Assert.Contains("short-comment-lexicon", Assert.Throws<FormatException>(() => SentimentModel.Parse("bias 0\nnegative-below -0.2\npositive-above 0.3\nshort-comment-words 5\nshort-comment-lexicon -1\n", "m.txt")).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Calibration_ShortCommentWeight_FittedWhereTheLexiconHelps()
    {
        // 40 short comments whose out-of-fold predictor leans the wrong way a little while the lexicon reads them right:
        // the lexicon gets weight; the same comments with a lexicon that is right only half the time: none.
        var helpful = new List<(double, double, int, bool)>();
        var useless = new List<(double, double, int, bool)>();
        for (int i = 0; i < 40; i++)
        {
            bool positive = i % 2 == 0;
            double logit = (positive ? -0.3 : 0.3) + (i % 5 == 0 ? (positive ? 3 : -3) : 0);
            helpful.Add((logit, positive ? 0.6 : -0.6, 1 + (i % 6), positive));
            useless.Add((logit, i % 4 < 2 ? 0.6 : -0.6, 1 + (i % 6), positive));
        }

        var (words, weight) = SentimentCalibration.ShortCommentWeight(helpful, 15);
        Assert.Equal(16, words);
        Assert.True(weight > 0.5, $"weight {weight}");
        Assert.Equal((0, 0.0), SentimentCalibration.ShortCommentWeight(useless, 15));
        Assert.Equal((0, 0.0), SentimentCalibration.ShortCommentWeight([], 15));
    }

    [Fact]
    public void Model_BadLine_NamesTheLine()
    {
        var ex = Assert.Throws<FormatException>(() => SentimentModel.Parse("bias 0\nnegative-below -0.2\npositive-above x\n", "mine.txt"));
        Assert.Equal("mine.txt, line 3: 'x' is not a number.", ex.Message);
        Assert.Contains("thresholds", Assert.Throws<FormatException>(() => SentimentModel.Parse("bias 0\n", "m")).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Score_ShippedModel_ReadsNegationAndPlaceholders()
    {
        var analyzer = new SentimentAnalyzer();
        Assert.Equal("negative", analyzer.Score("The agent was rude and the refund never came. Awful.").Label);
        Assert.Equal("positive", analyzer.Score("Lovely crew, comfortable seat, great food. Would fly again!").Label);
        Assert.True(analyzer.Score("The staff were not helpful at all.").Compound < analyzer.Score("The staff were helpful.").Compound);
        Assert.Equal(analyzer.Score("Thanks to [name] for the help.").Compound, analyzer.Score("Thanks to [email] for the help.").Compound, 12);
    }
}
