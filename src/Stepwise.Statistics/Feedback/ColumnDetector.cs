namespace Stepwise.Statistics.Feedback;

/// <summary>
/// Fills in the roles a mapping leaves open from the header words and the values: ids by name, the overall score
/// and the outcome by name and type, comments by name and length, item scores as whole numbers on a rating range,
/// segments as text with few distinct values, measures as the remaining numbers.
/// </summary>
internal static class ColumnDetector
{
    public static FeedbackColumnMapping Complete(FeedbackColumnMapping given, List<ColumnProfile> profiles, FeedbackImportOptions options, int rows, Func<ColumnProfile, bool> parsesAsDate)
    {
        var used = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        void Use(string? name)
        {
            if (name is not null)
            {
                used.Add(name);
            }
        }

        foreach (var name in given.Ignore)
        {
            Use(name);
        }

        Use(given.ResponseId);
        Use(given.CaseId);
        Use(given.CustomerId);
        Use(given.Date);
        Use(given.Overall);
        Use(given.RespondentName);
        Use(given.Outcome);
        foreach (var list in new[] { given.Items, given.Comments, given.Segments, given.Measures })
        {
            foreach (var name in list)
            {
                Use(name);
            }
        }

        ColumnProfile? Pick(Func<ColumnProfile, bool> test)
        {
            foreach (var p in profiles)
            {
                if (!used.Contains(p.Name) && p.Present > 0 && test(p))
                {
                    used.Add(p.Name);
                    return p;
                }
            }

            return null;
        }

        bool Unique(ColumnProfile p) => p.Distinct.Count == p.Present || p.Distinct.Count >= 1000;

        string? responseId = given.ResponseId
            ?? Pick(p => p.Words is ["id"] && Unique(p))?.Name
            ?? Pick(p => p.HasWord("id") && p.HasWord("response", "respondent", "review", "survey", "record", "scorecard", "evaluation") && Unique(p))?.Name;
        string? caseId = given.CaseId
            ?? Pick(p => p.HasWord("case", "ticket", "incident", "contact", "interaction", "call") && p.HasWord("id", "number", "ref", "reference", "no"))?.Name;
        string? customerId = given.CustomerId
            ?? Pick(p => p.HasWord("customer", "client", "account", "member") && p.HasWord("id", "number", "ref", "reference", "no"))?.Name;
        string? respondentName = given.RespondentName
            ?? Pick(p => !p.Numeric && (p.Words is ["name"] || p.HasWord("reviewer", "fullname") || (p.HasWord("name") && p.HasWord("customer", "respondent", "full", "first", "last"))))?.Name;
        string? date = given.Date
            ?? Pick(p => p.HasWord("date", "datetime", "timestamp", "submitted", "completed") && !p.Numeric && parsesAsDate(p))?.Name;
        string? overall = given.Overall
            ?? Pick(p => p.Numeric && p.Integral && p.Min >= 0 && p.Max <= 100 && (p.HasWord("overall") || (p.HasWord("rating", "ratings", "score", "stars", "star", "csat", "nps", "ces", "satisfaction", "recommend", "ltr") && p.Words.Length <= 2)))?.Name;
        string? outcome = given.Outcome
            ?? Pick(p => p.Distinct.Count == 2 && p.HasWord("recommend", "recommended", "satisfaction", "satisfied", "outcome", "resolved", "fcr", "promoter") && KnownOutcome(p, options))?.Name;

        var comments = given.Comments.Count > 0 || !options.AutoDetect ? given.Comments : DetectAll(profiles, used, p => !p.Numeric
            && (p.HasWord("comment", "comments", "feedback", "verbatim", "verbatims", "remarks", "remark")
                || (p.MeanLength >= 15 && p.HasWord("review", "reviews", "body", "text", "header", "title", "headline", "why", "reason", "notes", "complaint", "complaints", "message", "tweet", "description", "details", "opinion"))));
        var items = given.Items.Count > 0 || !options.AutoDetect ? given.Items : DetectAll(profiles, used, p => p.Numeric && p.Integral && p.Min >= 0 && p.Max <= 10 && p.Distinct.Count >= 3);
        var segments = given.Segments.Count > 0 || !options.AutoDetect ? given.Segments : DetectAll(profiles, used, p => p.Distinct.Count >= 2 && p.Distinct.Count <= options.MaxSegmentLevels && (!p.Numeric || p.Distinct.Count <= 3) && p.Distinct.Count < rows);
        var measures = given.Measures.Count > 0 || !options.AutoDetect ? given.Measures : DetectAll(profiles, used, p => p.Numeric && !(p.Words is ["number"] or ["index"] or ["row"] || p.HasWord("id")));

        if (!options.AutoDetect)
        {
            return given;
        }

        return given with
        {
            ResponseId = responseId,
            CaseId = caseId,
            CustomerId = customerId,
            RespondentName = respondentName,
            Date = date,
            Overall = overall,
            Outcome = outcome,
            Comments = comments,
            Items = items,
            Segments = segments,
            Measures = measures,
        };
    }

    private static bool KnownOutcome(ColumnProfile p, FeedbackImportOptions options)
    {
        foreach (string value in p.Distinct)
        {
            if (Contains(options.OutcomePositiveValues, value) || Contains(options.OutcomeNegativeValues, value))
            {
                return true;
            }
        }

        return false;
    }

    internal static bool Contains(IReadOnlyList<string> list, string value)
    {
        foreach (string item in list)
        {
            if (string.Equals(item, value, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static List<string> DetectAll(List<ColumnProfile> profiles, HashSet<string> used, Func<ColumnProfile, bool> test)
    {
        var names = new List<string>();
        foreach (var p in profiles)
        {
            if (!used.Contains(p.Name) && p.Present > 0 && test(p))
            {
                used.Add(p.Name);
                names.Add(p.Name);
            }
        }

        return names;
    }
}
