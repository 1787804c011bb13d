using Stepwise.Monitoring.Kpis;
using Stepwise.Workbench.Feedback;
using Stepwise.Workbench.Logs;
using Stepwise.Workbench.Problems;

namespace Stepwise.Workbench.Monitoring;

/// <summary>
/// How to monitor a review's change on its stored data: which data are before and after it (a baseline data source or
/// period, and data imported after the change; or one data source split at the change date), the KPIs (the monitoring
/// plan's, with the standard set unless KPIs are named), the option whose agreed changes and forecast are checked, and
/// the statistics. Every field may be left out; field names match the command line's options (<c>change_date</c> is
/// <c>--change-date</c>). The engine's own options (<see cref="Stepwise.Monitoring.MonitorOptions"/>) own the defaults.
/// The feedback fields (<see cref="FeedbackLinkRequest"/>) give the satisfaction KPI, linked to cases as the step
/// assessments link them; the customer attribute also measures first-contact resolution as no repeat contact.
/// </summary>
public sealed record ChangeMonitoringRequest : FeedbackLinkRequest
{
    /// <summary>The data before the change: a data source's id, id prefix or file name. Default: with a change date, the
    /// after data; otherwise the data the chosen option was simulated on, else the first event log imported.</summary>
    public string? Before { get; init; }

    /// <summary>The data after the change. Default: with a change date, the latest event log (split at the date);
    /// otherwise the latest event log, which must then differ from the before data.</summary>
    public string? After { get; init; }

    /// <summary>When the change took effect (ISO-8601); default the date recorded by the review's last monitoring run.
    /// One data source is split at it; with two, the before data keep the cases starting before it and the after data
    /// those starting after it (and the settling-in period).</summary>
    public string? ChangeDate { get; init; }

    /// <summary>Cases arriving this long after the change are left out while it settles in (e.g. 14d); default the last run's, else none.</summary>
    public string? SettlingIn { get; init; }

    /// <summary>Which time of a case decides its period: start (default), end or contained.</summary>
    public string? AssignBy { get; init; }

    /// <summary>The start of the before period (cases starting from then).</summary>
    public string? BeforeFrom { get; init; }

    /// <summary>The end of the before period (exclusive); only with two data sources.</summary>
    public string? BeforeTo { get; init; }

    /// <summary>The start of the after period; only with two data sources.</summary>
    public string? AfterFrom { get; init; }

    /// <summary>The end of the after period (exclusive).</summary>
    public string? AfterTo { get; init; }

    /// <summary>KPIs to monitor instead of the standard set (measure keys); the monitoring plan's KPIs are always monitored.</summary>
    public IReadOnlyList<string> Kpi { get; init; } = [];

    /// <summary>The option whose agreed changes and forecast are checked (title or id); default the options of the
    /// agreed recommendations.</summary>
    public string? Option { get; init; }

    /// <summary>A case attribute whose mix is compared and adjusted for.</summary>
    public string? MixBy { get; init; }

    /// <summary>The event attribute hand-overs and ping-pong are counted between: org:resource (people) or a team's,
    /// such as org:group. Default: the last run's, else org:resource.</summary>
    public string? HandoverBy { get; init; }

    /// <summary>Control-chart points and volume per week (default) or day.</summary>
    public string? Interval { get; init; }

    /// <summary>Confidence level of the intervals (default 0.95).</summary>
    public double? Confidence { get; init; }

    /// <summary>holm (default), bh or none.</summary>
    public string? Adjust { get; init; }

    /// <summary>Bootstrap resamples (default 10,000).</summary>
    public int? Resamples { get; init; }

    /// <summary>Seed of the bootstrap (default 1).</summary>
    public long? Seed { get; init; }

    /// <summary>bootstrap (default) or hodges-lehmann.</summary>
    public string? QuantileTest { get; init; }

    /// <summary>The smallest change that matters, relative to the before value (default 0.1).</summary>
    public double? MeaningfulChange { get; init; }

    /// <summary>For rates, the smallest change that matters in absolute terms (default 0.02).</summary>
    public double? MeaningfulRateChange { get; init; }

    /// <summary>How many of the most frequent steps have their waiting time monitored (default 10).</summary>
    public int? WaitingSteps { get; init; }

    /// <summary>Fewest values each period needs for a KPI to be compared (default 20).</summary>
    public int? MinValues { get; init; }

    /// <summary>Hourly rates (CSV) or a YAML cost model, for cost per case and realised savings.</summary>
    public string? Rates { get; init; }

    /// <summary>A YAML rule file or the name of a shipped pack, for the breach rate.</summary>
    public string? Rules { get; init; }

    /// <summary>A case attribute recording first-contact resolution, with the values meaning resolved:
    /// <c>fcr</c> or <c>fcr=yes,true</c> (default values true, yes, y, 1).</summary>
    public string? FcrAttribute { get; init; }

    /// <summary>With <see cref="FeedbackLinkRequest.CustomerAttribute"/>: a new case of the customer within this time after a case ends is a
    /// repeat contact (default 7d).</summary>
    public string? RepeatWindow { get; init; }

    /// <summary>Filters applied on top of the review's agreed scope, to both periods.</summary>
    public LogFilterRequest Filters { get; init; } = LogFilterRequest.None;

    /// <summary>How durations are measured.</summary>
    public CalendarRequest Calendar { get; init; } = CalendarRequest.Elapsed;

    /// <summary>Checks every field that can be checked without the data.</summary>
    public Validation Validate()
    {
        var v = new Validation().Text("before", Before, 400, required: false).Text("after", After, 400, required: false)
            .Text("option", Option, 400, required: false).Text("mix_by", MixBy, 200, required: false).Text("handover_by", HandoverBy, 200, required: false)
            .Text("rates", Rates, 1000, required: false).Text("rules", Rules, 1000, required: false);
        v.Instant("change_date", ChangeDate);
        v.Duration("settling_in", SettlingIn);
        var beforeFrom = v.Instant("before_from", BeforeFrom);
        var beforeTo = v.Instant("before_to", BeforeTo);
        var afterFrom = v.Instant("after_from", AfterFrom);
        var afterTo = v.Instant("after_to", AfterTo);
        if (beforeFrom is { } bf && beforeTo is { } bt && bt <= bf)
        {
            v.Add("before_to", $"must be after --before-from ({BeforeFrom}).");
        }

        if (afterFrom is { } af && afterTo is { } at && at <= af)
        {
            v.Add("after_to", $"must be after --after-from ({AfterFrom}).");
        }

        if (AssignBy is { } assign && assign.Trim().ToLowerInvariant() is not ("start" or "end" or "contained"))
        {
            v.Add("assign_by", $"'{assign}' must be start, end or contained.");
        }

        if (Interval is { } interval && interval.Trim().ToLowerInvariant() is not ("week" or "weekly" or "day" or "daily"))
        {
            v.Add("interval", $"'{interval}' must be week or day.");
        }

        if (Adjust is { } adjust && adjust.Trim().ToLowerInvariant() is not ("holm" or "bh" or "benjamini-hochberg" or "fdr" or "none"))
        {
            v.Add("adjust", $"'{adjust}' must be holm, bh or none.");
        }

        if (QuantileTest is { } test && test.Trim().ToLowerInvariant() is not ("bootstrap" or "hodges-lehmann" or "hl"))
        {
            v.Add("quantile_test", $"'{test}' must be bootstrap or hodges-lehmann.");
        }

        foreach (string key in Kpi ?? [])
        {
            if (!KpiMeasure.TryParse(key, out _, out string? error))
            {
                v.Add("kpi", error);
            }
        }

        if (Rules is { } rules && !File.Exists(rules) && !(Stepwise.Steps.Compliance.RulePacks.Exists(Path.GetFileNameWithoutExtension(rules)) && !rules.Contains('/', StringComparison.Ordinal) && !rules.Contains('\\', StringComparison.Ordinal)))
        {
            v.Add("rules", $"'{rules}' is neither a rule file nor a shipped pack ({string.Join(", ", Stepwise.Steps.Compliance.RulePacks.Names)}).");
        }

        ValidateFeedback(v).Text("fcr_attribute", FcrAttribute, 400, required: false);
        v.Duration("repeat_window", RepeatWindow, positive: true);
        if (FcrAttribute is { } fcr && (fcr.Trim().StartsWith('=') || (fcr.Contains('=', StringComparison.Ordinal) && fcr[(fcr.IndexOf('=', StringComparison.Ordinal) + 1)..].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Length == 0)))
        {
            v.Add("fcr_attribute", $"'{fcr}' must be ATTRIBUTE or ATTRIBUTE=VALUE,VALUE (the values meaning resolved at the first contact).");
        }

        if (Rates is { } rates && !File.Exists(rates))
        {
            v.Add("rates", $"{rates}: no such file.");
        }

        foreach (var error in (Filters ?? LogFilterRequest.None).Validate().Errors.Concat((Calendar ?? CalendarRequest.Elapsed).Validate().Errors))
        {
            v.Add(error.Field, error.Message);
        }

        return v;
    }
}
