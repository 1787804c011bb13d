namespace Stepwise.Workbench.Survey;

/// <summary>The parts of a survey analysis a user can ask for.</summary>
[Flags]
public enum SurveySection
{
    /// <summary>Nothing.</summary>
    None = 0,

    /// <summary>The import, and means, shares and NPS with intervals.</summary>
    Summary = 1,

    /// <summary>Key drivers and the importance-performance grid.</summary>
    Drivers = 2,

    /// <summary>Comment themes, sentiment and quotes.</summary>
    Themes = 4,

    /// <summary>Targets and the measurement plan.</summary>
    Targets = 8,

    /// <summary>Differences between segments.</summary>
    Segments = 16,

    /// <summary>The trend over time on a control chart.</summary>
    Trend = 32,

    /// <summary>Findings turned into recommended actions.</summary>
    Actions = 64,

    /// <summary>Each response with its (redacted) comment, sentiment score and label, and theme, most negative first.</summary>
    Responses = 128,

    /// <summary>Everything.</summary>
    All = Summary | Drivers | Themes | Targets | Segments | Trend | Actions | Responses,
}
