using System.Globalization;
using Stepwise.Review.Scoping;
using Stepwise.Workbench.Problems;
using Stepwise.Workbench.Reviews;

namespace Stepwise.Web.Components.Scoping;

/// <summary>
/// The scope editor's form: every field of the scope the page edits, read from the stored scope and written back as a
/// <see cref="ScopeRequest"/> that states each field (an empty field is cleared), so what the user sees is what is saved.
/// </summary>
public sealed class ScopeFields
{
    /// <summary>The start of the period.</summary>
    public DateTime? From { get; set; }

    /// <summary>The end of the period (not included).</summary>
    public DateTime? To { get; set; }

    /// <summary>intersecting, starting, ending or contained.</summary>
    public string Window { get; set; } = "intersecting";

    /// <summary>Activities cases start with.</summary>
    public List<string> Start { get; set; } = [];

    /// <summary>Activities cases end with.</summary>
    public List<string> End { get; set; } = [];

    /// <summary>Activities every case goes through.</summary>
    public List<string> Contains { get; set; } = [];

    /// <summary>Activities no case goes through.</summary>
    public List<string> Excludes { get; set; } = [];

    /// <summary>The case types in scope.</summary>
    public AttributeChoice CaseTypes { get; set; } = new();

    /// <summary>The channels in scope.</summary>
    public AttributeChoice Channels { get; set; } = new();

    /// <summary>Other attribute conditions, one <c>attribute=v1,v2</c> per line.</summary>
    public string? Where { get; set; }

    /// <summary>Conditions dropping cases (set from the command line; kept as they are).</summary>
    public List<string> WhereNot { get; } = [];

    /// <summary>In scope, one per line.</summary>
    public string? In { get; set; }

    /// <summary>Out of scope, one per line.</summary>
    public string? Out { get; set; }

    /// <summary>The kinds of change allowed (kebab-case codes).</summary>
    public List<string> Allow { get; set; } = [];

    /// <summary>The budget cap.</summary>
    public decimal? Budget { get; set; }

    /// <summary>Steps that must stay, one <c>Step=why</c> per line.</summary>
    public string? Keep { get; set; }

    /// <summary>Other constraints, one per line.</summary>
    public string? Constraints { get; set; }

    /// <summary>The form for a stored scope (or an empty one).</summary>
    public static ScopeFields Of(Scope? scope)
    {
        var fields = new ScopeFields();
        if (scope is null)
        {
            return fields;
        }

        var f = scope.Filter;
        if (f.Window is { } w)
        {
            fields.From = w.From.UtcDateTime.Date;
            fields.To = w.To.UtcDateTime.Date;
            fields.Window = w.Mode.ToString().ToLowerInvariant();
        }

        fields.Start = [.. f.StartActivities];
        fields.End = [.. f.EndActivities];
        fields.Contains = [.. f.ContainsActivities];
        fields.Excludes = [.. f.ExcludesActivities];
        foreach (var a in f.Attributes)
        {
            switch (a.Role)
            {
                case AttributeRole.CaseType:
                    fields.CaseTypes = new AttributeChoice { Attribute = a.Attribute, Values = [.. a.Values] };
                    break;
                case AttributeRole.Channel:
                    fields.Channels = new AttributeChoice { Attribute = a.Attribute, Values = [.. a.Values] };
                    break;
                default:
                    if (a.Exclude)
                    {
                        fields.WhereNot.Add($"{a.Attribute}={string.Join(",", a.Values)}");
                    }
                    else
                    {
                        fields.Where = (fields.Where is null ? string.Empty : fields.Where + "\n") + $"{a.Attribute}={string.Join(",", a.Values)}";
                    }

                    break;
            }
        }

        fields.In = string.Join("\n", scope.InScope);
        fields.Out = string.Join("\n", scope.OutOfScope);
        fields.Allow = [.. scope.Change.AllowedChanges.Select(c => Validation.Kebab(c.ToString()))];
        fields.Budget = scope.Change.BudgetCap;
        fields.Keep = string.Join("\n", scope.Change.RequiredSteps.Select(r => $"{r.Activity}={r.Reason}"));
        fields.Constraints = string.Join("\n", scope.Change.Constraints);
        return fields;
    }

    /// <summary>The request that writes exactly this form: given fields set, empty fields cleared.</summary>
    public ScopeRequest ToRequest()
    {
        var clear = new List<string>();
        IReadOnlyList<string>? Listed(List<string> values, string field)
        {
            if (values.Count == 0)
            {
                clear.Add(field);
                return null;
            }

            return [.. values];
        }

        IReadOnlyList<string>? Chosen(AttributeChoice choice, string field)
        {
            if (string.IsNullOrWhiteSpace(choice.Attribute) || choice.Values.Count == 0)
            {
                clear.Add(field);
                return null;
            }

            return [.. choice.Values];
        }

        bool period = From is not null || To is not null;
        if (!period)
        {
            clear.Add("time_window");
        }

        var where = Lines(Where);
        clear.Add("where");
        var keep = Lines(Keep);
        clear.Add("keep");
        if (Budget is null)
        {
            clear.Add("budget");
        }

        var request = new ScopeRequest
        {
            From = period ? Date(From) ?? string.Empty : null,
            To = period ? Date(To) ?? string.Empty : null,
            Window = period ? Window : null,
            Start = Listed(Start, "start"),
            End = Listed(End, "end"),
            Contains = Listed(Contains, "contains"),
            Excludes = Listed(Excludes, "excludes"),
            CaseTypes = Chosen(CaseTypes, "case_types"),
            CaseTypeAttribute = string.IsNullOrWhiteSpace(CaseTypes.Attribute) ? null : CaseTypes.Attribute.Trim(),
            Channels = Chosen(Channels, "channels"),
            ChannelAttribute = string.IsNullOrWhiteSpace(Channels.Attribute) ? null : Channels.Attribute.Trim(),
            Where = where,
            WhereNot = [.. WhereNot],
            In = Lines(In),
            Out = Lines(Out),
            Allow = [.. Allow],
            Budget = Budget,
            Keep = keep,
            Constraint = Lines(Constraints),
        };
        return request with { Clear = clear };
    }

    private static string? Date(DateTime? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static List<string> Lines(string? text) => [.. (text ?? string.Empty).Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)];
}

/// <summary>An attribute condition chosen from values: the attribute and the values in scope.</summary>
public sealed class AttributeChoice
{
    /// <summary>The attribute (empty: no condition).</summary>
    public string Attribute { get; set; } = string.Empty;

    /// <summary>The values in scope.</summary>
    public List<string> Values { get; set; } = [];

    /// <summary>Sets the values from text separated by commas.</summary>
    public void SetText(string? text) => Values = [.. (text ?? string.Empty).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)];
}
