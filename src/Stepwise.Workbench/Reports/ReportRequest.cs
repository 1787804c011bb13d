using Stepwise.Workbench.Problems;

namespace Stepwise.Workbench.Reports;

/// <summary>Which report of a review to make.</summary>
public sealed record ReportRequest
{
    private static readonly Dictionary<string, ReportAudience> Aliases = new(StringComparer.OrdinalIgnoreCase)
    {
        ["front-line"] = ReportAudience.FrontLineStaff,
        ["frontline"] = ReportAudience.FrontLineStaff,
        ["other-departments"] = ReportAudience.Partners,
        ["service-partners"] = ReportAudience.Partners,
        ["evidence"] = ReportAudience.EvidenceMap,
        ["senior"] = ReportAudience.SeniorManagers,
        ["team"] = ReportAudience.TeamLeaders,
    };

    /// <summary>The audience: senior-managers, team-leaders, front-line-staff, partners, analysts or evidence-map.</summary>
    public required string Audience { get; init; }

    /// <summary>The format: html, pdf, xlsx or pptx. Default: xlsx for analysts, pdf for everyone else.</summary>
    public string? Format { get; init; }

    /// <summary>Leave personal data in (owners only; recorded in the review's history). Default: redacted, and response
    /// and customer ids pseudonymised.</summary>
    public bool IncludePersonalData { get; init; }

    /// <summary>For team leaders: the team (a step's lane or owner, or a stakeholder); default all teams.</summary>
    public string? Team { get; init; }

    /// <summary>For partners: the department or partner (a stakeholder of those groups, a lane, or a value of the
    /// hand-over attribute); default every other department and partner.</summary>
    public string? Partner { get; init; }

    /// <summary>For partners of a process review: the event attribute whose values are the teams that hand work over
    /// (default: the steps' lanes' attribute, else <c>org:resource</c>).</summary>
    public string? HandoverBy { get; init; }

    /// <summary>The audience parsed.</summary>
    public ReportAudience ParsedAudience => Parse().Audience;

    /// <summary>The format parsed (with the audience's default).</summary>
    public ReportFormat ParsedFormat => Parse().Format;

    /// <summary>Checks every field.</summary>
    public Validation Validate()
    {
        var v = new Validation()
            .Text("audience", Audience, 100)
            .Text("format", Format, 20, required: false)
            .Text("team", Team, 200, required: false)
            .Text("partner", Partner, 200, required: false)
            .Text("handover_by", HandoverBy, 200, required: false);
        var audience = Aliases.TryGetValue(Audience ?? string.Empty, out var a) ? a : v.Enum<ReportAudience>("audience", Audience);
        _ = v.Enum<ReportFormat>("format", Format);
        if (Team is not null && audience is not null and not ReportAudience.TeamLeaders)
        {
            v.Add("team", "only the team-leaders report is for one team.");
        }

        if (Partner is not null && audience is not null and not ReportAudience.Partners)
        {
            v.Add("partner", "only the partners report is for one department or partner.");
        }

        return v;
    }

    private (ReportAudience Audience, ReportFormat Format) Parse()
    {
        var v = Validate();
        v.ThrowIfAny();
        var audience = Aliases.TryGetValue(Audience, out var a) ? a : v.Enum<ReportAudience>("audience", Audience)!.Value;
        var format = v.Enum<ReportFormat>("format", Format) ?? (audience == ReportAudience.Analysts ? ReportFormat.Xlsx : ReportFormat.Pdf);
        return (audience, format);
    }
}
