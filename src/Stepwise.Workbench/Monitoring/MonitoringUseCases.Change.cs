using System.Globalization;
using Stepwise.Mining;
using Stepwise.Mining.Filtering;
using Stepwise.Monitoring;
using Stepwise.Monitoring.Comparison;
using Stepwise.Monitoring.Conformance;
using Stepwise.Monitoring.Forecasts;
using Stepwise.Monitoring.Inference;
using Stepwise.Monitoring.Kpis;
using Stepwise.Monitoring.Periods;
using Stepwise.Monitoring.Trends;
using Stepwise.Review.Access;
using Stepwise.Review.Artefacts;
using Stepwise.Review.Data;
using Stepwise.Review.Decisions;
using Stepwise.Review.Evaluation;
using Stepwise.Review.Monitoring;
using Stepwise.Review.Options;
using Stepwise.Review.Planning;
using Stepwise.Review.Common;
using Stepwise.Review.Steps;
using Stepwise.Review.Reviews;
using Stepwise.Review.Scoping;
using Stepwise.Simulation.Scenarios;
using Stepwise.Statistics.Inference;
using Stepwise.Steps.Compliance;
using Stepwise.Steps.Costing;
using Stepwise.Workbench.Access;
using Stepwise.Workbench.Analyses;
using Stepwise.Workbench.Problems;

namespace Stepwise.Workbench.Monitoring;

/// <summary>
/// Did the change work? The monitoring engine run on a review's own stored data inside its agreed scope: the
/// monitoring plan's KPIs (with the standard set), what the recommended option agreed (removed steps, mandatory steps,
/// agreed order) as conformance, and the option's simulation as the forecast to set beside what happened. Each run is
/// stored as a new version of the review's <see cref="MonitoringRun"/>, pinned to the hashes of both periods' data.
/// </summary>
public sealed partial class MonitoringUseCases
{
    /// <summary>The latest monitoring of the review's change, or null when it has not been monitored yet.</summary>
    public Versioned<MonitoringRun>? Latest(Actor actor, Guid reviewId)
    {
        _bench.Guard.Require(actor, reviewId, Permission.Read);
        return _bench.Workspace.Find<MonitoringRun>(reviewId, reviewId);
    }

    /// <summary>An earlier run, by its version, or null.</summary>
    public Versioned<MonitoringRun>? Version(Actor actor, Guid reviewId, long version)
    {
        _bench.Guard.Require(actor, reviewId, Permission.Read);
        return version < 1 ? null : _bench.Workspace.FindVersion<MonitoringRun>(reviewId, reviewId, version);
    }

    /// <summary>
    /// Monitors the review's change on its stored data and stores the result as the next version of its monitoring
    /// (owners and analysts, from stage Implement on). Nothing is stored when anything fails.
    /// </summary>
    /// <remarks><c>expectedVersion</c>: the monitoring's version the caller read (0: none yet); null to replace whatever is current.</remarks>
    /// <exception cref="StepwiseException">Invalid request, not found, forbidden, or a rule is broken (the stage, the periods).</exception>
    public MonitoredChange Monitor(Actor actor, Guid reviewId, ChangeMonitoringRequest request, IProgress<double>? progress = null, CancellationToken cancellationToken = default, long? expectedVersion = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        _bench.Guard.Require(actor, reviewId, Permission.Edit);
        _bench.Reviews.RequireProcess(reviewId);
        request.Validate().ThrowIfAny();
        var stage = _bench.Workspace.GetReview(reviewId).Value.Stage;
        if (stage < Stage.Implement)
        {
            throw new StepwiseException(ProblemKind.RuleBroken, $"The change is monitored from stage Implement on; the review is at stage {stage}.");
        }

        var previous = _bench.Workspace.Find<MonitoringRun>(reviewId, reviewId);
        var goLive = _bench.Workspace.Find<ImplementationPlan>(reviewId, reviewId)?.Value.GoLive;
        var v = new Validation();
        var givenDate = v.Instant("change_date", request.ChangeDate);
        var changeDate = givenDate ?? goLive ?? previous?.Value.ChangeDate;
        var settling = v.Duration("settling_in", request.SettlingIn)
            ?? (request.ChangeDate is null && previous?.Value.ChangeDate is not null ? TimeSpan.FromDays(previous.Value.Settings.SettlingInDays) : TimeSpan.Zero);
        var (beforeFrom, beforeTo, afterFrom, afterTo) = (v.Instant("before_from", request.BeforeFrom), v.Instant("before_to", request.BeforeTo), v.Instant("after_from", request.AfterFrom), v.Instant("after_to", request.AfterTo));
        v.ThrowIfAny();

        var options = ChosenOptions(reviewId, request.Option);
        var simulated = options.FirstOrDefault(o => o.Simulation is { } s && s.ChangesHash == o.ChangesHash);
        var after = _bench.Data.Find(reviewId, request.After);
        var before = request.Before is not null ? _bench.Data.Find(reviewId, request.Before)
            : changeDate is not null && request.After is null ? after
            : Baseline(reviewId, simulated);
        bool split = before.Id == after.Id;
        if (split && changeDate is null)
        {
            throw StepwiseException.Invalid("change_date", $"is needed: the before and after data are the same data source ({after.FileName}), so give the date the change took effect to split it, or the data imported after the change (--after).");
        }

        if (split && (beforeTo is not null || afterFrom is not null))
        {
            throw StepwiseException.Invalid(beforeTo is not null ? "before_to" : "after_from", "applies to two data sources; one data source split at the change date has its periods end and start at the change date (and the settling-in period).");
        }

        var data = new AnalysisRequest { DataSource = before.Id.ToString("D"), Filters = request.Filters, Calendar = request.Calendar };
        var beforeLog = _bench.Analyses.Open(actor, reviewId, data, cancellationToken);
        var afterLog = split ? beforeLog : _bench.Analyses.Open(actor, reviewId, data with { DataSource = after.Id.ToString("D") }, cancellationToken);
        var measure = beforeLog.Selection.Measure;
        ChangePeriods periods;
        if (split)
        {
            periods = new ChangeDateSplit
            {
                Log = Window(beforeLog.Selection.View, beforeFrom, afterTo),
                ChangeDate = changeDate!.Value,
                SettlingIn = settling,
                Assignment = request.AssignBy?.Trim().ToLowerInvariant() switch
                {
                    "end" => CaseAssignment.ByEnd,
                    "contained" => CaseAssignment.Contained,
                    _ => CaseAssignment.ByStart,
                },
            };
        }
        else
        {
            var beforeEnd = Earliest(beforeTo, changeDate);
            var afterStart = Latest(afterFrom, changeDate + settling);
            periods = new SeparatePeriods { Before = Window(beforeLog.Selection.View, beforeFrom, beforeEnd), After = Window(afterLog.Selection.View, afterStart, afterTo) };
        }

        var notes = new List<string>();
        if (givenDate is null && changeDate is not null)
        {
            string date = changeDate.Value.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
            notes.Add(changeDate == goLive
                ? $"The change date {date} UTC is the implementation plan's go-live date."
                : $"The change date {date} UTC is the one the previous monitoring used.");
        }

        var planKpis = PlanKpis(reviewId, notes);
        var feedback = MonitoredFeedback.Read(request, notes);
        if (feedback is not null)
        {
            notes.Add(AssessmentsFeedback(reviewId, feedback.Hash));
        }

        var agreed = Agreement(reviewId, options);
        var forecast = simulated is null ? null : Forecast(reviewId, simulated, notes);
        if (options.Count > 0 && simulated is null)
        {
            notes.Add($"No forecast: {string.Join(", ", options.Select(o => $"'{o.Title}'"))} {(options.Count == 1 ? "has" : "have")} no simulation of {(options.Count == 1 ? "its" : "their")} current changes.");
        }

        MonitorResult result;
        MonitorOptions engineOptions;
        string? currency = null;
        try
        {
            engineOptions = Options(request, measure, previous?.Value.Settings.HandoverBy);
            var engineRequest = new MonitorRequest
            {
                Periods = periods,
                Kpis = request.Kpi.Count == 0 ? null : [.. request.Kpi.Select(k => MonitoredKpi.Of(KpiMeasure.Parse(k)))],
                PlanKpis = planKpis,
                Options = engineOptions,
                Cost = request.Rates is { } rates ? CostModelFile.Read(rates) : null,
                Rules = request.Rules is { } rules ? File.Exists(rules) ? RuleFile.Read(rules) : RulePacks.Load(Path.GetFileNameWithoutExtension(rules)) : null,
                Feedback = feedback?.Table,
                Link = feedback?.Link ?? new(),
                Agreed = agreed,
                Forecast = forecast,
            };
            currency = string.IsNullOrWhiteSpace(engineRequest.Cost?.Currency) ? null : engineRequest.Cost.Currency.Trim();
            result = ChangeMonitor.Run(engineRequest, progress, cancellationToken);
        }
        catch (MonitorOptionException ex)
        {
            throw StepwiseException.Invalid(FieldOf(ex.Field), ex.Message);
        }

        var run = new MonitoringRun
        {
            Id = reviewId,
            Before = Period(before, result.Before),
            After = Period(after, result.After),
            ChangeDate = result.ChangeDate ?? changeDate,
            LeftOutSettling = result.LeftOutSettling,
            LeftOutAcross = result.LeftOutAcross,
            ScopeVersion = beforeLog.Basis.ScopeVersion,
            Settings = new MonitoringSettings
            {
                Confidence = engineOptions.Confidence,
                Adjustment = MonitoringRecords.Adjustment(engineOptions.Adjustment),
                Seed = engineOptions.Seed,
                Resamples = engineOptions.Resamples,
                QuantileTest = engineOptions.QuantileTest == QuantileTest.HodgesLehmann ? "hodges_lehmann" : "bootstrap",
                MeaningfulChange = engineOptions.MeaningfulChange,
                MeaningfulRateChange = engineOptions.MeaningfulRateChange,
                Interval = engineOptions.Interval == TrendInterval.Day ? "day" : "week",
                MixBy = engineOptions.MixBy,
                HandoverBy = engineOptions.HandoverBy,
                SettlingInDays = split || changeDate is not null ? settling.TotalDays : 0,
                AssignBy = periods is ChangeDateSplit s ? s.Assignment switch { CaseAssignment.ByEnd => "end", CaseAssignment.Contained => "contained", _ => "start" } : "start",
                WaitingSteps = engineOptions.WaitingSteps,
                MinValues = engineOptions.MinValues,
                Kpis = request.Kpi,
                Filter = beforeLog.Basis.Filter,
                Durations = measure.Description,
                Feedback = feedback?.FileName,
                FeedbackHash = feedback?.Hash,
                FeedbackLink = feedback?.LinkWords,
                FirstContact = result.FirstContact switch
                {
                    FirstContactMethod.Attribute => "attribute",
                    FirstContactMethod.NoRepeatContact => "no_repeat_contact",
                    FirstContactMethod.OneHandlerNoRework => "one_handler_no_rework",
                    _ => "none",
                },
                Currency = currency,
                FirstContactAttribute = result.FirstContact switch
                {
                    FirstContactMethod.Attribute => engineOptions.FirstContact.Attribute,
                    FirstContactMethod.NoRepeatContact => engineOptions.FirstContact.CustomerAttribute,
                    FirstContactMethod.OneHandlerNoRework => engineOptions.HandoverBy,
                    _ => null,
                },
            },
            OptionId = options.Count == 1 ? options[0].Id : simulated?.Id,
            OptionTitle = options.Count == 1 ? options[0].Title : simulated?.Title,
            Kpis = MonitoringRecords.Kpis(result),
            Tested = result.Tested,
            Mix = MonitoringRecords.Mix(result),
            Conformance = MonitoringRecords.Conformance(result.Conformance),
            NewSteps = MonitoringRecords.Behaviour(result.Conformance?.NewSteps),
            GoneSteps = MonitoringRecords.Behaviour(result.Conformance?.GoneSteps),
            NewPaths = MonitoringRecords.Behaviour(result.Conformance?.NewPaths),
            NewPathCount = result.Conformance?.NewPathCount ?? 0,
            NewVariantShare = result.Conformance is { } c && double.IsFinite(c.NewVariantShare) ? c.NewVariantShare : null,
            Forecasts = MonitoringRecords.Forecasts(result),
            ForecastSource = result.ForecastSource,
            Trends = MonitoringRecords.Trends(result),
            Notes = [.. notes, .. result.Notes],
            At = _bench.Now,
            By = actor.DisplayName,
        };
        var saved = _bench.Workspace.Save(reviewId, run, expectedVersion ?? previous?.Version ?? 0, actor.DisplayName, Summary(run, split));
        return new MonitoredChange(saved, result, beforeLog.Basis, afterLog.Basis);
    }

    /// <summary>The history's summary of a run: what was found on which data.</summary>
    private static string Summary(MonitoringRun run, bool split)
    {
        int Count(params ChangeVerdict[] verdicts) => run.Kpis.Count(k => verdicts.Contains(k.Verdict));
        string data = split
            ? string.Create(CultureInfo.InvariantCulture, $"{run.Before.DataFile} (sha256 {run.Before.DataHash.Short}) split at {run.ChangeDate:yyyy-MM-dd}")
            : $"{run.Before.DataFile} (sha256 {run.Before.DataHash.Short}) before and {run.After.DataFile} (sha256 {run.After.DataHash.Short}) after";
        return string.Create(CultureInfo.InvariantCulture,
            $"Monitored the change on {data}: {run.Kpis.Count} KPIs, {Count(ChangeVerdict.Improved)} improved, {Count(ChangeVerdict.Worse)} worse, {Count(ChangeVerdict.Increased, ChangeVerdict.Decreased)} changed, {Count(ChangeVerdict.NoDetectableChange)} with no detectable change, {Count(ChangeVerdict.Undecided)} undecided, {Count(ChangeVerdict.NotMeasured)} not measured");
    }

    private static MonitoredPeriod Period(DataSource source, PeriodSummary summary) => new()
    {
        DataSourceId = source.Id,
        DataFile = source.FileName,
        DataHash = source.ContentHash,
        From = summary.From,
        To = summary.To,
        Cases = summary.Cases,
        Events = summary.Events,
    };

    private static LogView Window(LogView view, DateTimeOffset? from, DateTimeOffset? to)
        => from is null && to is null ? view : new TimeWindowFilter(from, to, Mining.Filtering.TimeWindowMode.Starting).Apply(view);

    private static DateTimeOffset? Earliest(DateTimeOffset? a, DateTimeOffset? b) => a is null ? b : b is null ? a : a < b ? a : b;

    private static DateTimeOffset? Latest(DateTimeOffset? a, DateTimeOffset? b) => a is null ? b : b is null ? a : a > b ? a : b;

    /// <summary>The before data when none is named: what the chosen option was simulated on, else the first event log.</summary>
    private DataSource Baseline(Guid reviewId, ImprovementOption? simulated)
    {
        var logs = _bench.Workspace.DataSources(reviewId).Where(d => d.Kind == DataSourceKind.EventLog).ToList();
        return (simulated?.Simulation is { } s ? logs.FirstOrDefault(d => d.Id == s.DataSourceId) : null)
            ?? logs.FirstOrDefault()
            ?? throw new StepwiseException(ProblemKind.RuleBroken, "This review has no event log yet; import one first ('stepwise review import').");
    }

    /// <summary>The option named, or the options of the agreed recommendations.</summary>
    private List<ImprovementOption> ChosenOptions(Guid reviewId, string? option)
    {
        if (option is not null)
        {
            return [_bench.Options.Find(reviewId, option, "option").Value];
        }

        var ws = _bench.Workspace;
        var ids = ws.List<Recommendation>(reviewId)
            .Where(r => r.Value.Status == RecommendationStatus.Proposed && ws.Agreement(reviewId, new ArtefactRef(ArtefactKind.Recommendation, r.Value.Id)).IsAgreed)
            .SelectMany(r => r.Value.OptionIds)
            .Distinct()
            .ToList();
        return [.. ids.Select(id => ws.Find<ImprovementOption>(reviewId, id)?.Value).OfType<ImprovementOption>()];
    }

    /// <summary>What the options agreed, as the engine checks it: removed and merged-away steps, orders from moved steps,
    /// and the scope's required steps as mandatory.</summary>
    private AgreedChange? Agreement(Guid reviewId, List<ImprovementOption> options)
    {
        var removed = new List<string>();
        var orders = new List<AgreedOrder>();
        foreach (var change in options.SelectMany(o => o.Changes))
        {
            switch (change)
            {
                case RemoveStep r:
                    removed.Add(r.Step);
                    break;
                case MergeSteps m:
                    removed.Add(m.Second);
                    if (m.Name is { } name && !string.Equals(name, m.First, StringComparison.Ordinal))
                    {
                        removed.Add(m.First);
                    }

                    break;
                case MoveStep mv:
                    orders.Add(new AgreedOrder(mv.Step, mv.Before));
                    break;
            }
        }

        var mandatory = _bench.Workspace.Find<Scope>(reviewId, reviewId)?.Value.Change.RequiredSteps.Select(r => r.Activity).ToList() ?? [];
        var agreed = new AgreedChange { RemovedSteps = [.. removed.Distinct()], MandatorySteps = [.. mandatory.Distinct()], Orders = [.. orders.Distinct()] };
        return agreed.IsEmpty ? null : agreed;
    }

    /// <summary>The option's simulated change of each KPI the engine measures the same way, and the cost-benefit's savings.</summary>
    private Forecast Forecast(Guid reviewId, ImprovementOption option, List<string> notes)
    {
        var simulation = option.Simulation!;
        string[] comparable = ["throughput_median", "throughput_p90", "cost_per_case"];
        var kpis = simulation.Kpis
            .Where(k => comparable.Contains(k.Key) && k.Difference.Low is not null && k.Difference.High is not null)
            .Select(k => new KpiForecast { Key = k.Key, Low = k.Difference.Low!.Value, High = k.Difference.High!.Value, IsChange = true })
            .ToList();
        var cost = _bench.Workspace.Find<OptionEvaluation>(reviewId, reviewId)?.Value.CostBenefits.FirstOrDefault(c => c.OptionId == option.Id);
        // Realised savings are measured as the fall in cost per case; savings the cost-benefit derived from another
        // simulated KPI (e.g. service credits from the service level) are not comparable with them.
        bool otherKpi = cost?.SavingsBasis is { } basis && basis.Contains(" improves by ", StringComparison.Ordinal) && !basis.StartsWith("Cost per case", StringComparison.Ordinal);
        if (otherKpi)
        {
            notes.Add($"The forecast savings of '{option.Title}' come from another KPI ({cost!.SavingsBasis}); realised savings are measured as the fall in cost per case, so the two are not set side by side.");
        }

        SavingsForecast? savings = cost is null || otherKpi || cost.SavingsPerYear < 0 ? null : new SavingsForecast
        {
            PerYear = (double)cost.SavingsPerYear,
            LowPerYear = (double?)cost.SavingsLowPerYear,
            HighPerYear = (double?)cost.SavingsHighPerYear,
            Currency = _bench.Steps.CostCurrency(reviewId) ?? string.Empty,
        };
        return new Forecast
        {
            Source = string.Create(CultureInfo.InvariantCulture, $"Simulation of option '{option.Title}' on {simulation.DataFile} (sha256 {simulation.DataHash.Short}), {simulation.At:yyyy-MM-dd}, {simulation.Replications} replications, seed {simulation.Seed}; the forecast is the simulated change against the as-is"),
            Kpis = kpis,
            Savings = savings,
        };
    }

    /// <summary>The monitoring plan's KPIs the engine can compute; the others are named in the notes.</summary>
    private List<MonitoredKpi> PlanKpis(Guid reviewId, List<string> notes)
    {
        var plan = _bench.Workspace.Find<MonitoringPlan>(reviewId, reviewId)?.Value;
        var result = new List<MonitoredKpi>();
        foreach (var kpi in plan?.Kpis ?? [])
        {
            string? key = kpi.Metric switch
            {
                "throughput_median_hours" => "throughput_median",
                "throughput_mean_hours" => "throughput_mean",
                "throughput_p90_hours" => "throughput_p90",
                "rework_share" => "rework_rate",
                "events_per_case" => "events_per_case",
                { } m when m.StartsWith("share_with:", StringComparison.Ordinal) => m,
                _ => null,
            };
            if (kpi.Metric == "cases")
            {
                notes.Add($"Plan KPI '{kpi.Name}' counts the cases of a period; the volume compared is cases per week (or day), so it is not compared here.");
                continue;
            }

            try
            {
                result.Add(MonitoredKpi.FromPlan(kpi.Name, key ?? kpi.Definition, kpi.Unit, kpi.Direction == Review.Monitoring.KpiDirection.HigherIsBetter, kpi.Target, kpi.Baseline?.Value));
            }
            catch (FormatException)
            {
                notes.Add($"Plan KPI '{kpi.Name}' ({kpi.Definition}) is not computed from the data; its values are entered with 'stepwise review measure'.");
            }
        }

        return result;
    }

    private static MonitorOptions Options(ChangeMonitoringRequest request, Stepwise.Mining.Time.DurationMeasure measure, string? previousHandoverBy)
    {
        var options = new MonitorOptions { Measure = measure, MixBy = string.IsNullOrWhiteSpace(request.MixBy) ? null : request.MixBy.Trim() };
        string? handoverBy = string.IsNullOrWhiteSpace(request.HandoverBy) ? previousHandoverBy : request.HandoverBy.Trim();
        options = handoverBy is null ? options : options with { HandoverBy = handoverBy };
        options = request.Interval?.Trim().ToLowerInvariant() is "day" or "daily" ? options with { Interval = TrendInterval.Day } : options;
        options = request.Adjust?.Trim().ToLowerInvariant() switch
        {
            "bh" or "benjamini-hochberg" or "fdr" => options with { Adjustment = Adjustment.BenjaminiHochberg },
            "none" => options with { Adjustment = Adjustment.None },
            _ => options,
        };
        options = request.QuantileTest?.Trim().ToLowerInvariant() is "hodges-lehmann" or "hl" ? options with { QuantileTest = QuantileTest.HodgesLehmann } : options;
        options = request.Confidence is { } c ? options with { Confidence = c } : options;
        options = request.Resamples is { } r ? options with { Resamples = r } : options;
        options = request.Seed is { } s ? options with { Seed = s } : options;
        options = request.MeaningfulChange is { } m ? options with { MeaningfulChange = m } : options;
        options = request.MeaningfulRateChange is { } mr ? options with { MeaningfulRateChange = mr } : options;
        options = request.WaitingSteps is { } w ? options with { WaitingSteps = w } : options;
        options = request.MinValues is { } mv ? options with { MinValues = mv } : options;
        var fcr = new FirstContactOptions { CustomerAttribute = string.IsNullOrWhiteSpace(request.CustomerAttribute) ? null : request.CustomerAttribute.Trim() };
        if (request.FcrAttribute is { } clause && !string.IsNullOrWhiteSpace(clause))
        {
            int eq = clause.IndexOf('=', StringComparison.Ordinal);
            fcr = eq < 0
                ? fcr with { Attribute = clause.Trim() }
                : fcr with { Attribute = clause[..eq].Trim(), ResolvedValues = clause[(eq + 1)..].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) };
        }

        fcr = new Validation().Duration("repeat_window", request.RepeatWindow) is { } window ? fcr with { RepeatWindow = window } : fcr;
        return options with { FirstContact = fcr };
    }

    /// <summary>Whether the survey file is the one the step assessments linked, so the reader knows the satisfaction
    /// monitored and the satisfaction gaps of the steps rest on the same responses.</summary>
    private string AssessmentsFeedback(Guid reviewId, ContentHash hash)
    {
        var used = _bench.Workspace.List<StepAssessment>(reviewId)
            .Where(a => a.Value.Aspect == AssessmentAspect.CustomerSatisfaction)
            .SelectMany(a => a.Value.Evidence)
            .Where(e => e.Source.StartsWith("feedback file ", StringComparison.Ordinal) && e.DataHash is not null)
            .Select(e => (File: e.Source["feedback file ".Length..], Hash: e.DataHash!.Value))
            .Distinct()
            .ToList();
        return used.Count == 0 ? "The step assessments linked no survey responses; satisfaction is monitored on the file given here only."
            : used.Any(u => u.Hash == hash) ? "The survey responses are the ones the step assessments linked (same SHA-256)."
            : $"The survey responses differ from the ones the step assessments linked ({string.Join(", ", used.Select(u => $"{u.File}, sha256 {u.Hash.Short}"))}).";
    }

    /// <summary>The request's field for a field the engine refused.</summary>
    private static string FieldOf(string engineField) => engineField switch
    {
        "assignment" => "assign_by",
        "adjustment" => "adjust",
        "before" => "before",
        "after" => "after",
        "removed_steps" or "mandatory_steps" or "orders" => "option",
        "attribute" or "resolved_values" => "fcr_attribute",
        _ => engineField,
    };
}
