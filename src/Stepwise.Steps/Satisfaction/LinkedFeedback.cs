namespace Stepwise.Steps.Satisfaction;

/// <summary>Survey responses linked to the cases of a view: one score (and comment sentiment) per case, and the outcome
/// of every response so that the user sees how many linked and why the others did not.</summary>
public sealed class LinkedFeedback
{
    internal LinkedFeedback(string scoreName, int scaleMin, int scaleMax, LinkOutcome[] outcomes, int[] caseOfResponse, double[] caseScores, bool?[] caseNegative, int scoredCases)
    {
        ScoreName = scoreName;
        ScaleMin = scaleMin;
        ScaleMax = scaleMax;
        Outcomes = outcomes;
        CaseOfResponse = caseOfResponse;
        CaseScores = caseScores;
        CaseNegativeComment = caseNegative;
        ScoredCases = scoredCases;
    }

    /// <summary>The score analysed (the overall score's or an item's name).</summary>
    public string ScoreName { get; }

    /// <summary>The lowest point of the score's scale.</summary>
    public int ScaleMin { get; }

    /// <summary>The highest point of the score's scale.</summary>
    public int ScaleMax { get; }

    /// <summary>The outcome of each response, in the order of the feedback table.</summary>
    public IReadOnlyList<LinkOutcome> Outcomes { get; }

    /// <summary>The log case index each response linked to, or -1.</summary>
    public IReadOnlyList<int> CaseOfResponse { get; }

    /// <summary>The score of each log case (NaN for cases without a linked, scored response).</summary>
    public IReadOnlyList<double> CaseScores { get; }

    /// <summary>Whether each log case's linked comment is negative (null without a comment).</summary>
    public IReadOnlyList<bool?> CaseNegativeComment { get; }

    /// <summary>Cases of the view with a score.</summary>
    public int ScoredCases { get; }

    /// <summary>How many responses had each outcome (outcomes with none are left out).</summary>
    public IReadOnlyList<(LinkOutcome Outcome, int Responses)> Counts()
        => [.. Outcomes.GroupBy(o => o).OrderBy(g => g.Key).Select(g => (g.Key, g.Count()))];

    /// <summary>Responses linked to a case (with or without a score).</summary>
    public int Linked => Outcomes.Count(o => o is LinkOutcome.ByCaseId or LinkOutcome.ByCustomer or LinkOutcome.NoScore);
}
