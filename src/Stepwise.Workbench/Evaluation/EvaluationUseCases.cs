using System.Globalization;
using Stepwise.Review.Access;
using Stepwise.Review.Artefacts;
using Stepwise.Review.Evaluation;
using Stepwise.Review.Options;
using Stepwise.Workbench.Access;
using Stepwise.Workbench.Problems;

namespace Stepwise.Workbench.Evaluation;

/// <summary>
/// Evaluating a review's options (from stage Evaluate on): a weighted decision matrix with a rationale per cell and a
/// sensitivity check, the cost-benefit case of each option (savings from its simulation carry the simulation's
/// interval), and risks with owners and mitigations.
/// </summary>
public sealed class EvaluationUseCases
{
    /// <summary>Simulated KPIs for which a lower value is better; the others (within service level, cases completed) are better higher.</summary>
    private static readonly HashSet<string> LowerIsBetter = new(StringComparer.Ordinal) { "throughput_median", "throughput_p90", "waiting_mean", "cost_per_case", "backlog", "abandonment" };

    private readonly Workbench _bench;

    internal EvaluationUseCases(Workbench bench) => _bench = bench;

    /// <summary>The evaluation as stored, or null when none is written yet.</summary>
    public Versioned<OptionEvaluation>? Get(Actor actor, Guid reviewId)
    {
        _bench.Guard.Require(actor, reviewId, Permission.Read);
        return _bench.Workspace.Find<OptionEvaluation>(reviewId, reviewId);
    }

    /// <summary>Sets the criteria and weights (summing to 1); scores on criteria no longer listed are dropped (owners and analysts).</summary>
    /// <remarks><c>expectedVersion</c>: The evaluation's version the caller read (0: none yet); null to change whatever is current.</remarks>
    public DecisionMatrix SetCriteria(Actor actor, Guid reviewId, CriteriaRequest request, long? expectedVersion = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        _bench.Guard.Require(actor, reviewId, Permission.Edit);
        var criteria = request.Parse();
        Change(actor, reviewId, expectedVersion, e => e with { Criteria = criteria, Scores = [.. e.Scores.Where(s => criteria.Any(c => c.Name == s.Criterion))] });
        return Matrix(actor, reviewId);
    }

    /// <summary>Sets one cell of the matrix: an option's score on a criterion with its rationale (owners and analysts).</summary>
    /// <remarks><c>expectedVersion</c>: The evaluation's version the caller read (0: none yet); null to change whatever is current.</remarks>
    public DecisionMatrix Score(Actor actor, Guid reviewId, ScoreRequest request, long? expectedVersion = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        _bench.Guard.Require(actor, reviewId, Permission.Edit);
        request.Validate().ThrowIfAny();
        var option = _bench.Options.Find(reviewId, request.Option, "option");
        var evaluation = _bench.Workspace.Find<OptionEvaluation>(reviewId, reviewId)?.Value;
        var criterion = evaluation?.Criteria.FirstOrDefault(c => string.Equals(c.Name, request.Criterion.Trim(), StringComparison.OrdinalIgnoreCase))
            ?? throw StepwiseException.Invalid("criterion", $"'{request.Criterion}' is not a criterion of the matrix" + (evaluation is null || evaluation.Criteria.Count == 0 ? "; set the criteria first ('stepwise review criteria')." : $"; they are {string.Join(", ", evaluation.Criteria.Select(c => c.Name))}."));
        var score = new OptionScore(option.Value.Id, criterion.Name, request.Score, request.Rationale.Trim());
        Change(actor, reviewId, expectedVersion, e => e with { Scores = [.. e.Scores.Where(s => !(s.OptionId == score.OptionId && s.Criterion == score.Criterion)), score] });
        return Matrix(actor, reviewId);
    }

    /// <summary>The decision matrix with its ranking and sensitivity check.</summary>
    public DecisionMatrix Matrix(Actor actor, Guid reviewId)
    {
        _bench.Guard.Require(actor, reviewId, Permission.Read);
        var stored = _bench.Workspace.Find<OptionEvaluation>(reviewId, reviewId);
        var evaluation = stored?.Value ?? new OptionEvaluation { Id = reviewId };
        var titles = _bench.Workspace.List<ImprovementOption>(reviewId).ToDictionary(o => o.Value.Id, o => o.Value.Title);
        string Title(Guid id) => titles.GetValueOrDefault(id, id.ToString("D")[..8]);
        var ranking = evaluation.Ranking();
        return new DecisionMatrix(
            evaluation.Criteria,
            [.. evaluation.Scores.Select(s => new MatrixCell(s.OptionId, Title(s.OptionId), s.Criterion, s.Score, s.Rationale))],
            [.. ranking.Select(r => new RankedTitle(r.OptionId, Title(r.OptionId), r.WeightedScore))],
            [.. evaluation.Incomplete().Select(Title)],
            [.. evaluation.Sensitivity().Select(s => new SensitivityLine(s.Criterion, s.Factor, s.Weight, Title(s.Winner), s.WinnerScore, s.WinnerChanged))],
            stored?.Version ?? 0);
    }

    /// <summary>
    /// Sets the cost-benefit case of an option (owners and analysts). Savings from a simulated KPI are its mean
    /// improvement times the value of one unit a year, with the 95% interval of the improvement carried to a savings
    /// interval, and so to intervals of the net present value and the payback.
    /// </summary>
    /// <remarks><c>expectedVersion</c>: The evaluation's version the caller read (0: none yet); null to change whatever is current.</remarks>
    public CostBenefit CostBenefit(Actor actor, Guid reviewId, CostBenefitRequest request, long? expectedVersion = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        _bench.Guard.Require(actor, reviewId, Permission.Edit);
        request.Validate().ThrowIfAny();
        var option = _bench.Options.Find(reviewId, request.Option, "option").Value;
        CostBenefit cb;
        if (request.SavingsKpi is { } key)
        {
            var simulation = option.Simulation
                ?? throw new StepwiseException(ProblemKind.RuleBroken, $"Option '{option.Title}' has not been simulated (or its changes changed since), so its savings cannot come from the simulation; simulate it first ('stepwise review simulate').");
            var kpi = simulation.Kpi(key.Trim())
                ?? throw StepwiseException.Invalid("savings_kpi", $"'{key}' is not a KPI of the simulation; it has {string.Join(", ", simulation.Kpis.Select(k => k.Key))}.");
            if (key.StartsWith("utilisation:", StringComparison.Ordinal))
            {
                throw StepwiseException.Invalid("savings_kpi", $"'{key}' has no better direction (busier staff may be good or bad); choose a KPI such as cost_per_case or throughput_median.");
            }

            if (kpi.Difference is not { Mean: { } mean, Low: { } low, High: { } high })
            {
                throw StepwiseException.Invalid("savings_kpi", $"'{key}' has no finite difference in the simulation of {simulation.At:yyyy-MM-dd}; run more replications.");
            }

            // For a lower-is-better KPI the improvement is the fall: the improvement's interval is the difference's, negated.
            decimal unit = request.SavingsPerUnit!.Value;
            bool lower = LowerIsBetter.Contains(kpi.Key);
            double improvement = lower ? -mean : mean, lowest = lower ? -high : low, highest = lower ? -low : high;
            decimal Saving(double value) => decimal.Round((decimal)value * unit, 2, MidpointRounding.AwayFromZero);
            decimal central = Saving(improvement);
            decimal a = Saving(lowest), b = Saving(highest);
            string basis = string.Create(CultureInfo.InvariantCulture, $"{kpi.Label} improves by {SavingsBasis(improvement, lowest, highest, kpi.Unit, unit)}; in the simulation of {simulation.At:yyyy-MM-dd} ({simulation.Replications} replications, seed {simulation.Seed}, data {simulation.DataFile} sha256 {simulation.DataHash.Short})");
            cb = new CostBenefit(option.Id, request.OneOffCost, request.YearlyCost, central, request.Years, request.DiscountRate, request.OneOffSaving, Math.Min(a, b), Math.Max(a, b), basis);
        }
        else
        {
            cb = new CostBenefit(option.Id, request.OneOffCost, request.YearlyCost, request.YearlySavings!.Value, request.Years, request.DiscountRate, request.OneOffSaving, savingsBasis: $"stated by {actor.DisplayName}");
        }

        Change(actor, reviewId, expectedVersion, e => e with { CostBenefits = [.. e.CostBenefits.Where(c => c.OptionId != option.Id), cb] });
        return cb;
    }

    /// <summary>A simulated improvement and what it is worth, in the KPI's reading unit: "2.12 points [1.75, 2.50],
    /// valued at 585.00 a year a point" for a share (the value given per whole share divided by 100), "30.6 h [26.8,
    /// 34.4], valued at 9.00 a year an hour" for a duration (the value given per second times 3,600), otherwise "0.42
    /// [0.31, 0.53], times 58,500 a year" (for cost per case, the cases a year).</summary>
    internal static string SavingsBasis(double improvement, double lowest, double highest, string unit, decimal perUnit)
    {
        var (scale, name, per) = unit switch
        {
            "share" => (100.0, " points", "a point"),
            "seconds" => (1.0 / 3600, " h", "an hour"),
            _ => (1.0, string.Empty, null as string),
        };
        string change = string.Create(CultureInfo.InvariantCulture, $"{improvement * scale:#,0.##}{name} [{lowest * scale:#,0.##}, {highest * scale:#,0.##}]");
        return per is null
            ? string.Create(CultureInfo.InvariantCulture, $"{change}, times {perUnit:#,0.##} a year")
            : string.Create(CultureInfo.InvariantCulture, $"{change}, valued at {decimal.Round(perUnit / (decimal)scale, 2, MidpointRounding.AwayFromZero):#,0.00} a year {per}");
    }

    /// <summary>Adds a risk, or changes the one with the same description and option (owners and analysts).</summary>
    /// <remarks><c>expectedVersion</c>: The evaluation's version the caller read (0: none yet); null to change whatever is current.</remarks>
    public Risk AddRisk(Actor actor, Guid reviewId, RiskRequest request, long? expectedVersion = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        _bench.Guard.Require(actor, reviewId, Permission.Edit);
        request.Validate().ThrowIfAny();
        Guid? optionId = request.Option is null ? null : _bench.Options.Find(reviewId, request.Option, "option").Value.Id;
        string? owner = request.Owner is null ? null : _bench.Reviews.Stakeholder(reviewId, request.Owner, "owner").Value.Name;
        var risk = new Risk(request.Description.Trim(), request.Likelihood, request.Impact, optionId, request.Mitigation?.Trim(), owner);
        Change(actor, reviewId, expectedVersion, e => e with { Risks = [.. e.Risks.Where(r => !(r.OptionId == optionId && string.Equals(r.Description, risk.Description, StringComparison.OrdinalIgnoreCase))), risk] });
        return risk;
    }

    private void Change(Actor actor, Guid reviewId, long? expectedVersion, Func<OptionEvaluation, OptionEvaluation> change)
    {
        _bench.Reviews.RequireProcess(reviewId);
        var current = _bench.Workspace.Find<OptionEvaluation>(reviewId, reviewId);
        var changed = change(current?.Value ?? new OptionEvaluation { Id = reviewId });
        _bench.Workspace.Save(reviewId, changed, expectedVersion ?? current?.Version ?? 0, actor.DisplayName);
    }
}
