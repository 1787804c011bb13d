using Stepwise.Review.Access;
using Stepwise.Review.Artefacts;
using Stepwise.Review.Common;
using Stepwise.Review.Options;
using Stepwise.Review.Steps;
using Stepwise.Simulation.Discovery;
using Stepwise.Simulation.Model;
using Stepwise.Simulation.Scenarios;
using Stepwise.Simulation.Statistics;
using Stepwise.Simulation.Validation;
using Stepwise.Workbench.Access;
using Stepwise.Workbench.Problems;
using Stepwise.Workbench.WhatIf;

namespace Stepwise.Workbench.Options;

/// <summary>
/// Improvement options: each is the scenario the simulation runs (its changes are scenario changes), linked to the
/// steps and questions it addresses; simulating options against the as-is of the review's data stores the results with
/// each option as evidence (KPI intervals, the model's check, seed, replications, data hash).
/// </summary>
public sealed class OptionUseCases
{
    private readonly Workbench _bench;

    internal OptionUseCases(Workbench bench) => _bench = bench;

    /// <summary>The options of a review.</summary>
    public IReadOnlyList<Versioned<ImprovementOption>> List(Actor actor, Guid reviewId)
    {
        _bench.Guard.Require(actor, reviewId, Permission.Read);
        return _bench.Workspace.List<ImprovementOption>(reviewId);
    }

    /// <summary>The option a title or id (prefix) names.</summary>
    public Versioned<ImprovementOption> Find(Actor actor, Guid reviewId, string titleOrId)
    {
        _bench.Guard.Require(actor, reviewId, Permission.Read);
        return Find(reviewId, titleOrId, "option");
    }

    /// <summary>
    /// Adds an option, or changes the one with that title (owners and analysts). The steps its changes name are linked
    /// to it when the review has them. A change to its changes drops the stored simulation (it no longer describes it).
    /// </summary>
    /// <remarks><c>expectedVersion</c>: The option's version the caller read (0: a new option); null to change whatever is current.</remarks>
    public Versioned<ImprovementOption> Save(Actor actor, Guid reviewId, OptionRequest request, long? expectedVersion = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        _bench.Guard.Require(actor, reviewId, Permission.Edit);
        _bench.Reviews.RequireProcess(reviewId);
        var changes = request.ToChanges();
        RequireKnownPools(reviewId, request, changes);
        var existing = _bench.Workspace.List<ImprovementOption>(reviewId).FirstOrDefault(o => string.Equals(o.Value.Title, request.Title.Trim(), StringComparison.OrdinalIgnoreCase));
        var option = Build(reviewId, existing?.Value, request.Title.Trim(), request.Description, changes, request.Steps, request.Questions);
        return _bench.Workspace.Save(reviewId, option, expectedVersion ?? existing?.Version ?? 0, actor.DisplayName);
    }

    /// <summary>
    /// The pools of staff a simulation of the review's latest event log forms (as <see cref="Simulate"/> discovers them:
    /// by <paramref name="poolsBy"/> when given, else by the attribute the review's options were last simulated with,
    /// else by org:group when the log has it, else one pool) and how; null when no event log is imported yet.
    /// </summary>
    /// <exception cref="StepwiseException">The log has no attribute <paramref name="poolsBy"/>.</exception>
    public OptionPools? Pools(Actor actor, Guid reviewId, string? poolsBy = null)
    {
        _bench.Guard.Require(actor, reviewId, Permission.Read);
        return Pools(reviewId, string.IsNullOrWhiteSpace(poolsBy) ? SimulatedPoolsBy(reviewId) : poolsBy.Trim());
    }

    /// <summary>The attribute the review's options were last simulated with pools by (the <c>--pools-by</c> kept in the
    /// latest simulation's discovery settings); null for the default grouping or when none was simulated.</summary>
    private string? SimulatedPoolsBy(Guid reviewId)
    {
        OptionSimulation? latest = null;
        foreach (var option in _bench.Workspace.List<ImprovementOption>(reviewId))
        {
            if (option.Value.Simulation is { } simulation && (latest is null || simulation.At > latest.At))
            {
                latest = simulation;
            }
        }

        return WhatIfRequest.PoolsByOf(latest?.Discovery);
    }

    /// <summary>Adds (or changes) one option per scenario of a scenario file, its name as the option's title (owners and analysts).</summary>
    public IReadOnlyList<Versioned<ImprovementOption>> ImportScenarios(Actor actor, Guid reviewId, string path)
    {
        _bench.Guard.Require(actor, reviewId, Permission.Edit);
        _bench.Reviews.RequireProcess(reviewId);
        var scenarios = File.Exists(path) ? ScenarioFile.LoadUnchecked(path) : throw new StepwiseException(ProblemKind.BadFile, $"{path}: no such file.") { Location = new FileLocation(Path.GetFileName(path)) };
        var saved = new List<Versioned<ImprovementOption>>();
        foreach (var scenario in scenarios)
        {
            saved.Add(Save(actor, reviewId, new OptionRequest { Title = scenario.Name, Description = scenario.Description, Changes = scenario.Changes }));
        }

        return saved;
    }

    /// <summary>
    /// Discovers the as-is model from the review's stored data inside its scope, checks it against the data, simulates
    /// each option (every option with changes when none is named) with the same seed and replications, and saves each
    /// option's results with it (owners and analysts).
    /// </summary>
    public OptionsSimulated Simulate(Actor actor, Guid reviewId, SimulateOptionsRequest request, IProgress<double>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        _bench.Guard.Require(actor, reviewId, Permission.Edit);
        request.Validate().ThrowIfAny();
        var options = request.Options.Count == 0
            ? [.. _bench.Workspace.List<ImprovementOption>(reviewId).Where(o => o.Value.Changes.Count > 0)]
            : request.Options.Select(o => Find(reviewId, o, "options")).ToList();
        if (options.Count == 0)
        {
            throw new StepwiseException(ProblemKind.RuleBroken, "This review has no option with changes to simulate; add one with 'stepwise review option'.");
        }

        var drafts = options.Where(o => o.Value.Changes.Count == 0).Select(o => o.Value.Title).ToList();
        if (drafts.Count > 0)
        {
            throw StepwiseException.Invalid("options", $"{string.Join(", ", drafts.Select(d => $"'{d}'"))} has no changes yet, so there is nothing to simulate; give its changes first.");
        }

        var log = _bench.Analyses.Open(actor, reviewId, request.Data, cancellationToken);
        var (model, validation) = WhatIfRuns.Model(log.Selection.View, log.Source.FileName, request.Simulation, null, cancellationToken);
        WhatIfResult run;
        try
        {
            run = WhatIfRuns.Run(model, validation, request.Simulation, [.. options.Select(o => o.Value.ToScenario())], progress, cancellationToken);
        }
        catch (SimulationFileException ex)
        {
            throw new StepwiseException(ProblemKind.RuleBroken, $"Option {ex.Message.Replace("scenario '", "'", StringComparison.Ordinal)}. The model discovered from {log.Source.FileName} has the steps {string.Join(", ", model.Activities.Select(a => a.Name))} and the pools {string.Join(", ", model.Pools.Select(p => p.Name))}.");
        }

        var check = validation is null ? null : Check(validation);
        var saved = new List<Versioned<ImprovementOption>>();
        for (int i = 0; i < options.Count; i++)
        {
            var option = options[i];
            var simulation = new OptionSimulation
            {
                DataSourceId = log.Source.Id,
                DataFile = log.Source.FileName,
                DataHash = log.Source.ContentHash,
                ScopeVersion = log.Basis.ScopeVersion,
                Cases = log.Selection.View.CaseCount,
                Model = model.Name,
                Discovery = request.Simulation.DescribeDiscovery() + $"; durations in {log.Selection.Measure.Description}",
                Replications = run.Options.Replications,
                Seed = run.Options.Seed,
                HorizonDays = run.HorizonDays,
                ChangesHash = option.Value.ChangesHash,
                Check = check,
                Kpis = [.. run.Scenarios[i].Comparisons.Select(Interval)],
                At = _bench.Now,
                By = actor.DisplayName,
            };
            saved.Add(_bench.Workspace.Save(reviewId, option.Value with { Simulation = simulation }, option.Version, actor.DisplayName));
        }

        return new OptionsSimulated(run, saved, log.Basis);
    }

    private OptionPools? Pools(Guid reviewId, string? poolsBy)
    {
        if (!_bench.Workspace.DataSources(reviewId).Any(d => d.Kind == Review.Data.DataSourceKind.EventLog))
        {
            return null;
        }

        var source = _bench.Data.Find(reviewId, null);
        var log = _bench.Data.Load(source.Id, CancellationToken.None);
        if (poolsBy is not null && !Mining.Attributes.AttributeCodes.Exists(log, poolsBy))
        {
            throw StepwiseException.Invalid("pools_by", $"{source.FileName} has no attribute '{poolsBy}' to form pools of staff by; its event attributes are: {string.Join(", ", (log.ResourceNames.Count > 0 ? ["org:resource"] : Array.Empty<string>()).Concat(log.EventAttributes.Select(a => a.Name)))}.");
        }

        var (names, basis) = ModelDiscovery.PoolNames(log, poolsBy);
        return new OptionPools(source.FileName, names, basis);
    }

    // A change of staff or hours names a pool the simulation must know, checked when the option is saved rather than
    // when it is simulated, against the pools of the grouping the option is for (its pools_by, else the one the review's
    // options were last simulated with, else the default); without an event log the pools are not known yet, and the
    // names are checked at Simulate.
    private void RequireKnownPools(Guid reviewId, OptionRequest request, IReadOnlyList<ScenarioChange> changes)
    {
        var named = changes.Select(c => c switch { ChangeStaff s => (s.Pool, Field: request.Staff.Count > 0 ? "staff" : "changes"), ChangeHours h => (h.Pool, Field: request.Hours.Count > 0 ? "hours" : "changes"), _ => (null!, null!) })
            .Where(p => p.Pool is not null).ToList();
        if (named.Count == 0 || Pools(reviewId, string.IsNullOrWhiteSpace(request.PoolsBy) ? SimulatedPoolsBy(reviewId) : request.PoolsBy.Trim()) is not { } pools)
        {
            return;
        }

        var v = new Validation();
        foreach (var (pool, field) in named.Where(p => !pools.Names.Contains(p.Pool, StringComparer.Ordinal)).Distinct())
        {
            v.Add(field, $"'{pool}' is not a pool of staff the simulation knows in {pools.DataFile}; {pools.Describe()}.");
        }

        v.ThrowIfAny();
    }

    internal Versioned<ImprovementOption> Find(Guid reviewId, string titleOrId, string field)
    {
        var all = _bench.Workspace.List<ImprovementOption>(reviewId);
        string text = titleOrId.Trim();
        var byTitle = all.FirstOrDefault(o => string.Equals(o.Value.Title, text, StringComparison.OrdinalIgnoreCase));
        if (byTitle is not null)
        {
            return byTitle;
        }

        var byId = all.Where(o => o.Value.Id.ToString("D").StartsWith(text, StringComparison.OrdinalIgnoreCase)).ToList();
        return byId.Count switch
        {
            1 => byId[0],
            0 => throw new StepwiseException(ProblemKind.NotFound, $"This review has no option '{text}'" + (all.Count == 0 ? "; add one with 'stepwise review option'." : $"; its options are {string.Join(", ", all.Select(o => $"'{o.Value.Title}'"))}.")) { Subject = $"{field} {text}" },
            _ => throw StepwiseException.Invalid(field, $"'{text}' matches {byId.Count} options; give the title or more of the id."),
        };
    }

    private ImprovementOption Build(Guid reviewId, ImprovementOption? existing, string title, string? description, IReadOnlyList<ScenarioChange> changes, IReadOnlyList<string> steps, IReadOnlyList<string> questions)
    {
        var reviewSteps = _bench.Workspace.List<Step>(reviewId).Select(s => s.Value).ToList();
        var stepIds = new List<Guid>(existing?.StepIds ?? []);
        stepIds.AddRange(steps.Select(s => _bench.Steps.FindStep(reviewId, s).Value.Id));

        // The steps the changes name, when the review knows them, are the steps the option changes.
        foreach (var name in changes.SelectMany(ChangeKinds.Steps))
        {
            if (reviewSteps.FirstOrDefault(s => string.Equals(s.Activity ?? s.Name, name, StringComparison.Ordinal) || string.Equals(s.Name, name, StringComparison.Ordinal)) is { } step)
            {
                stepIds.Add(step.Id);
            }
        }

        var questionIds = new List<Guid>(existing?.QuestionIds ?? []);
        questionIds.AddRange(questions.Select(q => _bench.Steps.FindQuestion(reviewId, q).Value.Id));
        var option = new ImprovementOption
        {
            Id = existing?.Id ?? _bench.Workspace.NewId(),
            Title = title,
            Description = description?.Trim() ?? existing?.Description,
            Changes = changes.Count > 0 ? changes : existing?.Changes ?? [],
            StepIds = stepIds,
            QuestionIds = questionIds,
        };
        return option with { Simulation = existing?.Simulation is { } s && s.ChangesHash == option.ChangesHash ? s : null };
    }

    private static ModelCheck Check(ValidationReport validation) => new()
    {
        Replications = validation.Replications,
        ThroughputDistance = double.IsFinite(validation.ThroughputKs) ? validation.ThroughputKs : null,
        Measures = [.. validation.Metrics.Select(m => new CheckedMeasure(m.Group, m.Name, m.Unit, Finite(m.Observed), Finite(m.Simulated), m.Tolerance, m.WithinTolerance))],
        Notes = validation.Notes,
    };

    private static KpiInterval Interval(KpiComparison c) => new()
    {
        Key = c.Key,
        Label = c.Label,
        Unit = c.Unit switch
        {
            KpiUnit.Seconds => "seconds",
            KpiUnit.Share => "share",
            KpiUnit.Money => "money",
            _ => "count",
        },
        AsIs = ValueInterval.Of(c.AsIs.Mean, c.AsIs.Low, c.AsIs.High),
        Option = ValueInterval.Of(c.Scenario.Mean, c.Scenario.Low, c.Scenario.High),
        Difference = ValueInterval.Of(c.Difference.Mean, c.Difference.Low, c.Difference.High),
        Significant = c.Significant,
    };

    private static double? Finite(double value) => double.IsFinite(value) ? value : null;
}
