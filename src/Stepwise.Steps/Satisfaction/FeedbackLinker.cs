using Stepwise.Mining;
using Stepwise.Mining.Attributes;
using Stepwise.Statistics.Feedback;
using Stepwise.Text.Sentiment;

namespace Stepwise.Steps.Satisfaction;

/// <summary>
/// Links survey responses to the cases of a view: by case id where the response has one that is in the log, else by
/// customer id and time: the customer's case that ended most recently at or before the response date, at most
/// <see cref="FeedbackLinkOptions.Window"/> earlier. Response dates are compared as written, as UTC; a date without a time
/// of day is compared with the day the case ended. One response per case is used (the first in the file).
/// </summary>
public static class FeedbackLinker
{
    /// <summary>Links <paramref name="feedback"/> to the cases of <paramref name="view"/>.</summary>
    /// <exception cref="ArgumentException">The score or the customer attribute does not exist, or the feedback has no
    /// case or customer ids to link by.</exception>
    public static LinkedFeedback Link(LogView view, FeedbackTable feedback, FeedbackLinkOptions? options = null, SentimentAnalyzer? sentiment = null)
    {
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(feedback);
        options ??= new FeedbackLinkOptions();
        var log = view.Log;
        var score = options.Score is null
            ? feedback.Overall ?? throw new ArgumentException($"{Path.GetFileName(feedback.Source)} has no overall score column; name the score to analyse.", nameof(feedback))
            : feedback.FindScore(options.Score) ?? throw new ArgumentException($"{Path.GetFileName(feedback.Source)} has no score column '{options.Score}'; it has: {string.Join(", ", new[] { feedback.Overall?.Name }.Concat(feedback.Items.Select(i => i.Name)).OfType<string>())}.", nameof(options));
        bool byCustomer = options.CustomerAttribute is not null && feedback.CustomerIds is not null;
        if (feedback.CaseIds is null && !byCustomer)
        {
            throw new ArgumentException($"{Path.GetFileName(feedback.Source)} has no case id column" + (feedback.CustomerIds is null ? " and no customer id column" : "; to link by customer, name the log attribute holding the customer id") + ", so responses cannot be linked to cases.", nameof(feedback));
        }

        var inView = new bool[log.CaseCount];
        for (int i = 0; i < view.CaseCount; i++)
        {
            inView[view.CaseAt(i)] = true;
        }

        Dictionary<string, List<int>>? casesOfCustomer = null;
        if (byCustomer)
        {
            if (!AttributeCodes.Exists(log, options.CustomerAttribute!))
            {
                throw new ArgumentException($"The log has no attribute '{options.CustomerAttribute}' to link responses by customer.", nameof(options));
            }

            var (codes, values) = AttributeCodes.ForCases(log, options.CustomerAttribute!);
            casesOfCustomer = new Dictionary<string, List<int>>(StringComparer.Ordinal);
            for (int c = 0; c < log.CaseCount; c++)
            {
                if (codes[c] >= 0)
                {
                    string customer = values[codes[c]];
                    if (!casesOfCustomer.TryGetValue(customer, out var list))
                    {
                        casesOfCustomer[customer] = list = [];
                    }

                    list.Add(c);
                }
            }
        }

        int n = feedback.Count;
        var outcomes = new LinkOutcome[n];
        var caseOf = new int[n];
        var caseScores = new double[log.CaseCount];
        Array.Fill(caseScores, double.NaN);
        var negative = new bool?[log.CaseCount];
        var taken = new bool[log.CaseCount];
        sentiment ??= new SentimentAnalyzer();
        int scored = 0;
        for (int r = 0; r < n; r++)
        {
            var (outcome, c) = Find(log, feedback, r, casesOfCustomer, options.Window);
            if (c >= 0 && !inView[c])
            {
                outcome = LinkOutcome.OutsideScope;
                c = -1;
            }
            else if (c >= 0 && taken[c])
            {
                outcome = LinkOutcome.DuplicateCase;
                c = -1;
            }

            caseOf[r] = c;
            if (c >= 0)
            {
                taken[c] = true;
                double value = score.Values[r];
                if (double.IsNaN(value))
                {
                    outcome = LinkOutcome.NoScore;
                }
                else
                {
                    caseScores[c] = value;
                    scored++;
                }

                if (feedback.Comments?[r] is { Length: > 0 } comment)
                {
                    negative[c] = sentiment.Score(comment).IsNegative;
                }
            }

            outcomes[r] = outcome;
        }

        return new LinkedFeedback(score.Name, score.Scale.Min, score.Scale.Max, outcomes, caseOf, caseScores, negative, scored);
    }

    private static (LinkOutcome Outcome, int Case) Find(EventLog log, FeedbackTable feedback, int r, Dictionary<string, List<int>>? casesOfCustomer, TimeSpan window)
    {
        var outcome = LinkOutcome.NoKey;
        if (feedback.CaseIds?[r] is { Length: > 0 } caseId)
        {
            int c = log.IndexOfCase(caseId);
            if (c >= 0)
            {
                return (LinkOutcome.ByCaseId, c);
            }

            outcome = LinkOutcome.UnknownCase;
        }

        if (casesOfCustomer is null || feedback.CustomerIds?[r] is not { Length: > 0 } customer)
        {
            return (outcome, -1);
        }

        if (!casesOfCustomer.TryGetValue(customer, out var cases))
        {
            return (outcome == LinkOutcome.UnknownCase ? outcome : LinkOutcome.UnknownCustomer, -1);
        }

        if (feedback.ResponseDates?[r] is not { } date)
        {
            return (outcome == LinkOutcome.UnknownCase ? outcome : LinkOutcome.NoDate, -1);
        }

        long at = DateTime.SpecifyKind(date, DateTimeKind.Utc).Ticks;
        bool dateOnly = date.TimeOfDay == TimeSpan.Zero;
        int best = -1;
        long bestEnd = long.MinValue;
        foreach (int c in cases)
        {
            long end = log.CaseEndTime(c);
            long compared = dateOnly ? end - (end % TimeSpan.TicksPerDay) : end;
            if (compared <= at && at - compared <= window.Ticks && end > bestEnd)
            {
                best = c;
                bestEnd = end;
            }
        }

        return best >= 0 ? (LinkOutcome.ByCustomer, best) : (outcome == LinkOutcome.UnknownCase ? outcome : LinkOutcome.NoCaseInWindow, -1);
    }
}
