namespace Stepwise.Workbench.Reports;

/// <summary>Who a report is for; each audience gets its own pack.</summary>
public enum ReportAudience
{
    /// <summary>Two pages: the problem in numbers, the options with their intervals, the decision asked for (or, for a
    /// quality review, results against targets, drivers and actions with owners).</summary>
    SeniorManagers,

    /// <summary>A team's steps, the questions put to it, its plan tasks and its survey results with a trend.</summary>
    TeamLeaders,

    /// <summary>What changes and why in plain words, what customers said (redacted), what stays the same, when.</summary>
    FrontLineStaff,

    /// <summary>Other departments and service partners: the hand-overs and service levels that involve them, breaches
    /// with case counts, and what is asked of them.</summary>
    Partners,

    /// <summary>Every table of the review, one sheet per table, with the data sources' provenance.</summary>
    Analysts,

    /// <summary>Which artefact (with its version and sign-off) evidences each assessment criterion, and which have none.</summary>
    EvidenceMap,
}
