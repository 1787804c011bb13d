using System.CommandLine;
using System.Globalization;
using Stepwise.Cli.Infrastructure;
using Stepwise.Mining;
using Stepwise.Monitoring;
using Stepwise.Monitoring.Conformance;
using Stepwise.Monitoring.Files;
using Stepwise.Monitoring.Inference;
using Stepwise.Monitoring.Kpis;
using Stepwise.Monitoring.Periods;
using Stepwise.Monitoring.Trends;
using Stepwise.Statistics.Inference;

namespace Stepwise.Cli.Commands;

/// <summary>
/// The options of <c>stepwise monitor</c> beyond the log's: how the periods are split, which KPIs, the plan file,
/// the inputs of cost, rules and satisfaction, what was agreed, and the statistics. <see cref="Request"/> turns them
/// into the engine's request; values the engine refuses are reported with the option that gave them.
/// </summary>
internal sealed class MonitorInput
{
    /// <summary>The options whose name is not the engine's field in kebab case.</summary>
    private static readonly Dictionary<string, string> OptionOfField = new(StringComparer.Ordinal)
    {
        ["adjustment"] = "--adjust",
        ["attribute"] = "--fcr-attribute",
        ["resolved_values"] = "--fcr-attribute",
        ["assignment"] = "--assign-by",
        ["before"] = "LOG",
        ["after"] = "AFTER",
        ["removed_steps"] = "--removed-step",
        ["mandatory_steps"] = "--mandatory-step",
        ["orders"] = "--agreed-order",
    };

    private readonly Argument<string?> _after = new("AFTER") { Description = "The log after the change, when the periods are two exports (then leave out --change-date).", Arity = ArgumentArity.ZeroOrOne };
    private readonly Option<string?> _changeDate = new("--change-date") { Description = "When the change took effect (ISO-8601, e.g. 2024-03-01): splits one log into before and after." };
    private readonly Option<string?> _settling = new("--settling-in") { Description = "Leave out cases arriving this long after the change while it settles in (e.g. 14d)." };
    private readonly Option<string?> _assign = new("--assign-by") { Description = "Which time of a case decides its period: start (default), end, or contained (cases running across the change are left out)." };
    private readonly Option<string[]> _kpi = new("--kpi") { Description = "A KPI to monitor instead of the standard set (repeatable): " + string.Join(", ", KpiMeasure.KeyForms) + "." };
    private readonly Option<string?> _plan = new("--plan") { Description = "A monitoring plan file (YAML or JSON): KPIs with targets and baselines, what was agreed, and what was forecast (see docs/monitoring.md)." };
    private readonly Option<string?> _mixBy = new("--mix-by") { Description = "A case type or channel attribute: the change within each value and the mix-adjusted change (direct standardisation)." };
    private readonly Option<string?> _interval = new("--interval") { Description = "Control-chart points and volume per week (default) or day." };
    private readonly Option<double?> _confidence = new("--confidence") { Description = "Confidence level of the intervals (default 0.95); tests run at 1 - confidence." };
    private readonly Option<double?> _power = new("--power") { Description = "Power at which the smallest detectable change is stated (default 0.8)." };
    private readonly Option<string?> _adjust = new("--adjust") { Description = "Adjustment of p-values across KPIs: holm (default), bh (Benjamini-Hochberg) or none." };
    private readonly Option<int?> _resamples = new("--resamples") { Description = "Bootstrap resamples for medians and 90th percentiles (default 10000)." };
    private readonly Option<long?> _seed = new("--seed") { Description = "Seed of the bootstrap (default 1): the same seed gives the same result." };
    private readonly Option<string?> _quantileTest = new("--quantile-test") { Description = "How medians are compared: bootstrap (default; the difference of medians) or hodges-lehmann (the shift)." };
    private readonly Option<string?> _meaningful = new("--meaningful-change") { Description = "The smallest change that matters, relative to the before value (default 10%)." };
    private readonly Option<string?> _meaningfulRate = new("--meaningful-rate-change") { Description = "For rates, the smallest change that matters in percentage points (default 2%)." };
    private readonly Option<int?> _waitingSteps = new("--waiting-steps") { Description = "How many of the most frequent steps have their waiting time monitored (default 10)." };
    private readonly Option<int?> _minValues = new("--min-values") { Description = "Fewest values each period needs for a KPI to be compared (default 20)." };
    private readonly Option<int?> _minStratum = new("--min-stratum-cases") { Description = "Values of --mix-by with fewer cases in a period are pooled as (other) (default 20)." };
    private readonly Option<int?> _minPoint = new("--min-cases-per-point") { Description = "Fewest cases an interval needs to be a control-chart point (default 5)." };
    private readonly Option<string?> _handoverBy = new("--handover-by") { Description = "Count hand-overs between values of this attribute (default org:resource)." };
    private readonly Option<string?> _fcr = new("--fcr-attribute") { Description = "A case attribute recording first-contact resolution, with the values meaning resolved: 'fcr=yes,true' (default values: true, yes, y, 1)." };
    private readonly Option<string?> _repeat = new("--repeat-window") { Description = "With --customer-attribute: a new case of the customer within this time after a case ends is a repeat contact (default 7d)." };
    private readonly Option<string?> _rates = new("--rates") { Description = "Rates for cost per case: a CSV 'ATTRIBUTE,hourly_rate' or a YAML cost model (as for 'stepwise steps')." };
    private readonly Option<string[]> _standard = new("--standard-time") { Description = "Standard handling time of an activity, 'Activity=12m' (repeatable).", Arity = ArgumentArity.ZeroOrMore };
    private readonly Option<string?> _rules = new("--rules") { Description = "Rules for the breach rate: a YAML rule file or a shipped pack (" + string.Join(", ", Stepwise.Steps.Compliance.RulePacks.Names) + ")." };
    private readonly Option<string[]> _removed = new("--removed-step") { Description = "A step agreed to be removed (repeatable): the share of cases still doing it." };
    private readonly Option<string[]> _mandatory = new("--mandatory-step") { Description = "A step agreed to be done in every case (repeatable)." };
    private readonly Option<string[]> _order = new("--agreed-order") { Description = "An agreed order, 'FIRST>THEN' (repeatable): THEN only after FIRST." };
    private readonly Option<int?> _examples = new("--examples") { Description = "Example cases listed per finding (default 5)." };
    private readonly FeedbackInput _feedback = new();

    /// <summary>Adds the argument and options to <paramref name="command"/>.</summary>
    public MonitorInput AddTo(Command command)
    {
        command.Arguments.Add(_after);
        foreach (var option in new Option[]
        {
            _changeDate, _settling, _assign, _kpi, _plan, _mixBy, _interval, _confidence, _power, _adjust, _resamples, _seed, _quantileTest,
            _meaningful, _meaningfulRate, _waitingSteps, _minValues, _minStratum, _minPoint, _handoverBy, _fcr, _repeat, _rates, _standard, _rules,
            _removed, _mandatory, _order, _examples,
        })
        {
            command.Options.Add(option);
        }

        _feedback.AddTo(command);
        return this;
    }

    /// <summary>The after log's path, or null for a change date.</summary>
    public string? AfterPath(ParseResult parse) => parse.GetValue(_after);

    /// <summary>Builds the engine's request from the logs read and the options.</summary>
    public MonitorRequest Request(ParseResult parse, CliContext context, LogView before, LogView? after, Stepwise.Mining.Time.DurationMeasure measure)
    {
        var plan = parse.GetValue(_plan) is { } planFile ? MonitorPlanFile.Read(planFile) : null;
        return Mapped(() => new MonitorRequest
        {
            Periods = Periods(parse, before, after),
            Kpis = Kpis(parse),
            PlanKpis = plan?.Kpis ?? [],
            Options = Options(parse, measure),
            Cost = StepsInput.ReadCost(parse.GetValue(_rates), StepsInput.StandardTimes(parse.GetValue(_standard))),
            Rules = StepsInput.ReadRules(parse.GetValue(_rules)),
            Feedback = _feedback.Read(parse, context),
            Link = _feedback.Link(parse),
            Agreed = Agreed(parse, plan?.Agreed),
            Forecast = plan?.Forecast,
        });
    }

    /// <summary>Runs <paramref name="action"/>, reporting a value the engine refuses with the option that gave it.</summary>
    public static T Mapped<T>(Func<T> action)
    {
        try
        {
            return action();
        }
        catch (MonitorOptionException ex)
        {
            string option = OptionOfField.TryGetValue(ex.Field, out string? named) ? named : "--" + ex.Field.Replace('_', '-');
            throw new UserError($"{option}: {ex.Message}");
        }
    }

    private ChangePeriods Periods(ParseResult parse, LogView before, LogView? after)
    {
        string? date = parse.GetValue(_changeDate);
        if (after is not null)
        {
            if (date is not null || parse.GetValue(_settling) is not null || parse.GetValue(_assign) is not null)
            {
                throw new UserError("With two logs (before and after) the periods are the logs; leave out --change-date, --settling-in and --assign-by.");
            }

            return new SeparatePeriods { Before = before, After = after };
        }

        if (date is null)
        {
            throw new UserError("Give --change-date (when the change took effect, e.g. 2024-03-01), or two logs: the one before the change and the one after.");
        }

        if (!DateTimeOffset.TryParse(date, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var change))
        {
            throw new UserError($"--change-date: '{date}' is not a date or date-time (use ISO-8601 such as 2024-03-01 or 2024-03-01T09:00Z).");
        }

        return new ChangeDateSplit
        {
            Log = before,
            ChangeDate = change,
            SettlingIn = parse.GetValue(_settling) is { } settling ? LogInput.Duration(settling, "--settling-in") : TimeSpan.Zero,
            Assignment = (parse.GetValue(_assign) ?? "start").ToLowerInvariant() switch
            {
                "start" => CaseAssignment.ByStart,
                "end" => CaseAssignment.ByEnd,
                "contained" => CaseAssignment.Contained,
                var other => throw new UserError($"--assign-by: '{other}' must be start, end or contained."),
            },
        };
    }

    private List<MonitoredKpi>? Kpis(ParseResult parse)
    {
        var keys = parse.GetValue(_kpi) ?? [];
        if (keys.Length == 0)
        {
            return null;
        }

        return [.. keys.Select(k => KpiMeasure.TryParse(k, out var m, out string? error) ? MonitoredKpi.Of(m) : throw new UserError("--kpi: " + error))];
    }

    private MonitorOptions Options(ParseResult parse, Stepwise.Mining.Time.DurationMeasure measure)
    {
        var options = new MonitorOptions { Measure = measure, MixBy = parse.GetValue(_mixBy) };
        if (parse.GetValue(_interval) is { } interval)
        {
            options = options with
            {
                Interval = interval.ToLowerInvariant() switch
                {
                    "week" or "weekly" => TrendInterval.Week,
                    "day" or "daily" => TrendInterval.Day,
                    _ => throw new UserError($"--interval: '{interval}' must be week or day."),
                },
            };
        }

        if (parse.GetValue(_adjust) is { } adjust)
        {
            options = options with
            {
                Adjustment = adjust.ToLowerInvariant() switch
                {
                    "holm" => Adjustment.Holm,
                    "bh" or "benjamini-hochberg" or "fdr" => Adjustment.BenjaminiHochberg,
                    "none" => Adjustment.None,
                    _ => throw new UserError($"--adjust: '{adjust}' must be holm, bh or none."),
                },
            };
        }

        if (parse.GetValue(_quantileTest) is { } test)
        {
            options = options with
            {
                QuantileTest = test.ToLowerInvariant() switch
                {
                    "bootstrap" => QuantileTest.Bootstrap,
                    "hodges-lehmann" or "hl" => QuantileTest.HodgesLehmann,
                    _ => throw new UserError($"--quantile-test: '{test}' must be bootstrap or hodges-lehmann."),
                },
            };
        }

        options = parse.GetValue(_confidence) is { } c ? options with { Confidence = c } : options;
        options = parse.GetValue(_power) is { } p ? options with { Power = p } : options;
        options = parse.GetValue(_resamples) is { } r ? options with { Resamples = r } : options;
        options = parse.GetValue(_seed) is { } s ? options with { Seed = s } : options;
        options = parse.GetValue(_meaningful) is { } m ? options with { MeaningfulChange = Share(m, "--meaningful-change") } : options;
        options = parse.GetValue(_meaningfulRate) is { } mr ? options with { MeaningfulRateChange = Share(mr, "--meaningful-rate-change") } : options;
        options = parse.GetValue(_waitingSteps) is { } w ? options with { WaitingSteps = w } : options;
        options = parse.GetValue(_minValues) is { } mv ? options with { MinValues = mv } : options;
        options = parse.GetValue(_minStratum) is { } ms ? options with { MinStratumCases = ms } : options;
        options = parse.GetValue(_minPoint) is { } mp ? options with { MinCasesPerPoint = mp } : options;
        options = parse.GetValue(_handoverBy) is { } h ? options with { HandoverBy = h } : options;
        options = parse.GetValue(_examples) is { } e ? options with { Examples = e } : options;
        var fcr = new FirstContactOptions { CustomerAttribute = _feedback.CustomerAttribute(parse) };
        if (parse.GetValue(_fcr) is { } clause)
        {
            int eq = clause.IndexOf('=', StringComparison.Ordinal);
            fcr = eq < 0
                ? fcr with { Attribute = clause.Trim() }
                : fcr with { Attribute = clause[..eq].Trim(), ResolvedValues = clause[(eq + 1)..].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) };
        }

        fcr = parse.GetValue(_repeat) is { } window ? fcr with { RepeatWindow = LogInput.Duration(window, "--repeat-window") } : fcr;
        return options with { FirstContact = fcr };
    }

    private AgreedChange? Agreed(ParseResult parse, AgreedChange? fromPlan)
    {
        var removed = new List<string>(fromPlan?.RemovedSteps ?? []);
        var mandatory = new List<string>(fromPlan?.MandatorySteps ?? []);
        var orders = new List<AgreedOrder>(fromPlan?.Orders ?? []);
        removed.AddRange(parse.GetValue(_removed) ?? []);
        mandatory.AddRange(parse.GetValue(_mandatory) ?? []);
        foreach (string clause in parse.GetValue(_order) ?? [])
        {
            int gt = clause.IndexOf('>', StringComparison.Ordinal);
            if (gt <= 0 || gt == clause.Length - 1)
            {
                throw new UserError($"--agreed-order: '{clause}' must be FIRST>THEN, e.g. 'Diagnose>Resolve'.");
            }

            orders.Add(new AgreedOrder(clause[..gt].Trim(), clause[(gt + 1)..].Trim()));
        }

        var agreed = new AgreedChange { RemovedSteps = removed, MandatorySteps = mandatory, Orders = orders };
        return agreed.IsEmpty ? null : agreed;
    }

    /// <summary>A share written as 10% or 0.1.</summary>
    private static double Share(string text, string option)
    {
        string t = text.Trim();
        bool percent = t.EndsWith('%');
        if (double.TryParse(percent ? t[..^1] : t, NumberStyles.Float, CultureInfo.InvariantCulture, out double value))
        {
            return percent ? value / 100 : value;
        }

        throw new UserError($"{option}: '{text}' is not a share (use e.g. 10% or 0.1).");
    }
}
