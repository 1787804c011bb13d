using System.Globalization;
using Stepwise.Review.Access;
using Stepwise.Review.Artefacts;
using Stepwise.Review.Decisions;
using Stepwise.Review.Evaluation;
using Stepwise.Review.Options;
using Stepwise.Review.Steps;
using Stepwise.Workbench.Access;
using Stepwise.Workbench.Problems;

namespace Stepwise.Workbench.Decisions;

/// <summary>Recommendations (from stage Evaluate on): the options to take up with the evidence behind them, put to the accountable stakeholders for sign-off.</summary>
public sealed class DecisionUseCases
{
    private readonly Workbench _bench;

    internal DecisionUseCases(Workbench bench) => _bench = bench;

    /// <summary>The recommendations of a review, each with whether it is agreed.</summary>
    public IReadOnlyList<RecommendationSummary> List(Actor actor, Guid reviewId)
    {
        _bench.Guard.Require(actor, reviewId, Permission.Read);
        var titles = _bench.Workspace.List<ImprovementOption>(reviewId).ToDictionary(o => o.Value.Id, o => o.Value.Title);
        return [.. _bench.Workspace.List<Recommendation>(reviewId).Select(r => new RecommendationSummary(r,
            [.. r.Value.OptionIds.Select(id => titles.GetValueOrDefault(id, id.ToString("D")[..8]))],
            _bench.Workspace.Agreement(reviewId, new ArtefactRef(ArtefactKind.Recommendation, r.Value.Id))))];
    }

    /// <summary>
    /// Puts a recommendation forward, or changes the one with that title (owners and analysts). Evidence is gathered
    /// from each option's simulation, the decision matrix and the cost-benefit cases, besides what the request states.
    /// </summary>
    /// <remarks><c>expectedVersion</c>: The recommendation's version the caller read (0: a new one); null to change whatever is current.</remarks>
    public RecommendationSummary Recommend(Actor actor, Guid reviewId, RecommendationRequest request, long? expectedVersion = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        _bench.Guard.Require(actor, reviewId, Permission.Edit);
        _bench.Reviews.RequireProcess(reviewId);
        request.Validate().ThrowIfAny();
        var options = request.Options.Select(o => _bench.Options.Find(reviewId, o, "options").Value).DistinctBy(o => o.Id).ToList();
        var evidence = request.Evidence.Select(e => new Evidence(e.Trim(), $"stated by {actor.DisplayName}")).ToList();
        evidence.AddRange(Gathered(reviewId, options));
        var existing = _bench.Workspace.List<Recommendation>(reviewId).FirstOrDefault(r => string.Equals(r.Value.Title, request.Title.Trim(), StringComparison.OrdinalIgnoreCase));
        var recommendation = new Recommendation
        {
            Id = existing?.Value.Id ?? _bench.Workspace.NewId(),
            Title = request.Title.Trim(),
            OptionIds = [.. options.Select(o => o.Id)],
            Rationale = request.Rationale.Trim(),
            Evidence = evidence,
            Status = RecommendationStatus.Proposed,
        };
        var saved = _bench.Workspace.Save(reviewId, recommendation, expectedVersion ?? existing?.Version ?? 0, actor.DisplayName);
        return List(actor, reviewId).Single(r => r.Recommendation.Value.Id == saved.Value.Id);
    }

    /// <summary>Withdraws a recommendation (owners and analysts); it can no longer be signed.</summary>
    /// <remarks><c>expectedVersion</c>: The recommendation's version the caller read; null to withdraw whatever is current.</remarks>
    public RecommendationSummary Withdraw(Actor actor, Guid reviewId, string titleOrId, long? expectedVersion = null)
    {
        _bench.Guard.Require(actor, reviewId, Permission.Edit);
        var current = Find(reviewId, titleOrId);
        _bench.Workspace.Save(reviewId, current.Value with { Status = RecommendationStatus.Withdrawn }, expectedVersion ?? current.Version, actor.DisplayName);
        return List(actor, reviewId).Single(r => r.Recommendation.Value.Id == current.Value.Id);
    }

    internal Versioned<Recommendation> Find(Guid reviewId, string titleOrId)
    {
        var all = _bench.Workspace.List<Recommendation>(reviewId);
        string text = titleOrId.Trim();
        var match = all.FirstOrDefault(r => string.Equals(r.Value.Title, text, StringComparison.OrdinalIgnoreCase))
            ?? all.SingleOrDefault(r => r.Value.Id.ToString("D").StartsWith(text, StringComparison.OrdinalIgnoreCase));
        return match ?? throw new StepwiseException(ProblemKind.NotFound, $"This review has no recommendation '{text}'" + (all.Count == 0 ? "; put one forward with 'stepwise review recommend'." : $"; it has {string.Join(", ", all.Select(r => $"'{r.Value.Title}'"))}.")) { Subject = $"recommendation {text}" };
    }

    private List<Evidence> Gathered(Guid reviewId, IReadOnlyList<ImprovementOption> options)
    {
        var evidence = new List<Evidence>();
        var evaluation = _bench.Workspace.Find<OptionEvaluation>(reviewId, reviewId)?.Value;
        var ranking = evaluation?.Ranking() ?? [];
        string? currency = _bench.Steps.CostCurrency(reviewId);
        string money = currency is null ? string.Empty : " " + currency;
        foreach (var option in options)
        {
            if (option.Simulation is { } s)
            {
                var lines = s.Kpis.Where(k => k.Significant).Take(4).Select(k => string.Create(CultureInfo.InvariantCulture, $"{k.Label} {Format(k.Difference.Mean, k.Unit)} [{Format(k.Difference.Low, k.Unit)}, {Format(k.Difference.High, k.Unit)}]{(k.Unit == "money" ? money : string.Empty)}")).ToList();
                string check = s.Check is { } c ? string.Create(CultureInfo.InvariantCulture, $"; the as-is model met {c.WithinTarget} of {c.WithTarget} checks against the data") : string.Empty;
                evidence.Add(new Evidence(
                    string.Create(CultureInfo.InvariantCulture, $"'{option.Title}' simulated against the as-is ({s.Replications} replications, seed {s.Seed}, {s.HorizonDays:0} days{check}): ") + (lines.Count == 0 ? "no KPI changed significantly." : string.Join("; ", lines) + "."),
                    $"simulation of {s.At.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)} on {s.DataFile}",
                    s.DataHash));
            }

            int place = ranking.ToList().FindIndex(r => r.OptionId == option.Id);
            if (place >= 0)
            {
                string robust = place == 0 && evaluation!.Sensitivity() is { Count: > 0 } cases
                    ? (cases.All(x => !x.WinnerChanged) ? ", and stays first when any weight moves by 20%." : ", but another option wins when one of the weights moves by 20%.")
                    : ".";
                evidence.Add(new Evidence(string.Create(CultureInfo.InvariantCulture, $"'{option.Title}' ranks {place + 1} of {ranking.Count} in the decision matrix with {ranking[place].WeightedScore:0.00} of 5{robust}"), "decision matrix"));
            }

            if (evaluation?.CostBenefits.FirstOrDefault(c => c.OptionId == option.Id) is { } cb)
            {
                string interval = cb.NetPresentValueLow is { } low && cb.NetPresentValueHigh is { } high ? string.Create(CultureInfo.InvariantCulture, $" [{low:N0}, {high:N0}]") : string.Empty;
                string payback = cb.PaybackYears is { } p ? string.Create(CultureInfo.InvariantCulture, $"; payback {p:0.0} years") : "; no payback";
                evidence.Add(new Evidence(string.Create(CultureInfo.InvariantCulture, $"'{option.Title}': net present value {cb.NetPresentValue:N0}{interval}{money} over {cb.Years} years at {cb.DiscountRate * 100:0.0}%{payback}."), Clip("cost-benefit case" + (cb.SavingsBasis is null ? string.Empty : ": " + cb.SavingsBasis), 400)));
            }
        }

        return evidence;
    }

    private static string Clip(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";

    private static string Format(double? value, string unit) => value is not { } v ? "?" : unit switch
    {
        "seconds" => Math.Abs(v) >= 3600 ? string.Create(CultureInfo.InvariantCulture, $"{v / 3600:+0.0;-0.0} h") : string.Create(CultureInfo.InvariantCulture, $"{v / 60:+0.0;-0.0} min"),
        "share" => string.Create(CultureInfo.InvariantCulture, $"{v * 100:+0.0;-0.0} points"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{v:+0.##;-0.##}"),
    };
}
