using System.Globalization;
using Stepwise.Review.People;
using Stepwise.Workbench.Problems;

namespace Stepwise.Workbench.Quality;

/// <summary>Results given to an audience: who, what, when and how.</summary>
public sealed record BriefingRequest
{
    /// <summary>front-line-staff, team-leaders, senior-managers, other-departments, service-partners or customers.</summary>
    public required string Audience { get; init; }

    /// <summary>Who in it, e.g. "cabin crew of the London base".</summary>
    public string? Recipients { get; init; }

    /// <summary>What they were told, in a sentence or two.</summary>
    public required string Message { get; init; }

    /// <summary>How: team meeting, e-mail, report, intranet, workshop, ...</summary>
    public required string Channel { get; init; }

    /// <summary>When, yyyy-MM-dd or an ISO 8601 time (now when omitted).</summary>
    public string? At { get; init; }

    /// <summary>Analyses whose results were given (titles or ids).</summary>
    public IReadOnlyList<string> Analysis { get; init; } = [];

    /// <summary>Findings given (ids or subjects).</summary>
    public IReadOnlyList<string> Finding { get; init; } = [];

    /// <summary>Actions given (titles or ids).</summary>
    public IReadOnlyList<string> Action { get; init; } = [];

    /// <summary>Checks every field and returns the audience.</summary>
    public StakeholderGroup Parse()
    {
        var v = new Validation().Text("recipients", Recipients, 400, required: false).Text("message", Message, 4000).Text("channel", Channel, 100);
        var audience = v.Enum<StakeholderGroup>("audience", Audience);
        if (string.IsNullOrWhiteSpace(Audience))
        {
            v.Add("audience", "is required: " + string.Join(", ", Enum.GetNames<StakeholderGroup>().Select(Validation.Kebab)) + ".");
        }

        if (At is not null && When is null)
        {
            v.Add("at", $"'{At}' is not a date or time; use yyyy-MM-dd or yyyy-MM-ddTHH:mm:ssZ.");
        }

        v.ThrowIfAny();
        return audience!.Value;
    }

    /// <summary>When, or null when not given or not readable.</summary>
    internal DateTimeOffset? When
    {
        get
        {
            string? text = At?.Trim();
            if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
            {
                return new DateTimeOffset(d.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            }

            return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t) ? t.ToUniversalTime() : null;
        }
    }
}
