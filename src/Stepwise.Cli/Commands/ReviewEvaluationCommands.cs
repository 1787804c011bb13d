using System.CommandLine;
using Stepwise.Cli.Output;
using Stepwise.Review.Evaluation;
using Stepwise.Workbench.Evaluation;

namespace Stepwise.Cli.Commands;

/// <summary><c>stepwise review criteria | score | matrix | cost | risk</c>: evaluating options (from stage Evaluate on).</summary>
internal static class ReviewEvaluationCommands
{
    public static Command Criteria(ReviewOptions o)
    {
        var criterion = ReviewVerb.Many("--criterion", "A criterion and its weight: 'Speed=0.4' (repeat; the weights sum to 1).");
        return ReviewVerb.Create(o, "criteria", "Set the decision matrix's criteria and weights (summing to 1); scores on criteria no longer listed are dropped.", (session, reviewId, parse, _, _) =>
            Matrix(session.Bench.Evaluation.SetCriteria(session.Actor, reviewId, new CriteriaRequest { Criterion = parse.GetValue(criterion) ?? [] })), criterion);
    }

    public static Command Score(ReviewOptions o)
    {
        var option = new Option<string>("--option") { Description = "The option (title or id).", Required = true };
        var criterion = new Option<string>("--criterion") { Description = "The criterion.", Required = true };
        var score = new Option<int>("--score") { Description = "1 (worst) to 5 (best).", Required = true };
        var rationale = new Option<string>("--rationale") { Description = "Why this score.", Required = true };
        return ReviewVerb.Create(o, "score", "Score an option on a criterion, 1 to 5, with the rationale.", (session, reviewId, parse, _, _) =>
            Matrix(session.Bench.Evaluation.Score(session.Actor, reviewId, new ScoreRequest { Option = parse.GetValue(option)!, Criterion = parse.GetValue(criterion)!, Score = parse.GetValue(score), Rationale = parse.GetValue(rationale)! })),
            option, criterion, score, rationale);
    }

    public static Command MatrixVerb(ReviewOptions o) => ReviewVerb.Create(o, "matrix", "Show the decision matrix: criteria and weights, every score with its rationale, the ranking, and whether the winner survives any weight moving by ±20%.", (session, reviewId, _, _, _) =>
        Matrix(session.Bench.Evaluation.Matrix(session.Actor, reviewId)));

    public static Command Cost(ReviewOptions o)
    {
        var option = new Option<string>("--option") { Description = "The option (title or id).", Required = true };
        var oneOff = new Option<decimal>("--one-off-cost") { Description = "Spent once, at the start." };
        var oneOffSaving = new Option<decimal>("--one-off-saving") { Description = "Saved or recovered once, at the start." };
        var yearlyCost = new Option<decimal>("--yearly-cost") { Description = "Spent every year." };
        var yearlySavings = new Option<decimal?>("--yearly-savings") { Description = "Saved every year (or --savings-kpi to take them from the option's simulation)." };
        var kpi = new Option<string?>("--savings-kpi") { Description = "The simulated KPI whose improvement saves money, e.g. cost_per_case; its 95% interval gives the savings' interval." };
        var perUnit = new Option<decimal?>("--savings-per-unit") { Description = "What one unit of the KPI's improvement is worth a year, in the simulation's unit: for a share the whole share (100 percentage points, so 100 times the worth of a point), for a time one second, for cost per case the cases a year." };
        var years = new Option<int>("--years") { Description = "The horizon in years (default 5).", DefaultValueFactory = _ => 5 };
        var rate = new Option<decimal>("--discount-rate") { Description = "The yearly discount rate (default 0.05).", DefaultValueFactory = _ => 0.05m };
        return ReviewVerb.Create(o, "cost", "Set an option's cost-benefit case: one-off and yearly costs and savings, net present value at the discount rate over the horizon, and payback; savings from the simulation carry its interval.", (session, reviewId, parse, _, _) =>
        {
            var cb = session.Bench.Evaluation.CostBenefit(session.Actor, reviewId, new CostBenefitRequest
            {
                Option = parse.GetValue(option)!,
                OneOffCost = parse.GetValue(oneOff),
                OneOffSaving = parse.GetValue(oneOffSaving),
                YearlyCost = parse.GetValue(yearlyCost),
                YearlySavings = parse.GetValue(yearlySavings),
                SavingsKpi = parse.GetValue(kpi),
                SavingsPerUnit = parse.GetValue(perUnit),
                Years = parse.GetValue(years),
                DiscountRate = parse.GetValue(rate),
            });
            return new Report().Add(new ResultRecord("cost_benefit", "Cost-benefit")
                .Add("option", parse.GetValue(option))
                .Add("one_off_cost", cb.OneOffCost, CellKind.Number)
                .Add("one_off_saving", cb.OneOffSaving, CellKind.Number)
                .Add("yearly_cost", cb.RunningCostPerYear, CellKind.Number)
                .Add("yearly_savings", cb.SavingsPerYear, CellKind.Number)
                .Add("savings_low", cb.SavingsLowPerYear, CellKind.Number)
                .Add("savings_high", cb.SavingsHighPerYear, CellKind.Number)
                .Add("years", cb.Years, CellKind.Integer)
                .Add("discount_rate", cb.DiscountRate, CellKind.Share)
                .Add("npv", cb.NetPresentValue, CellKind.Number)
                .Add("npv_low", cb.NetPresentValueLow, CellKind.Number)
                .Add("npv_high", cb.NetPresentValueHigh, CellKind.Number)
                .Add("payback_years", cb.PaybackYears, CellKind.Number)
                .Add("payback_years_low", cb.PaybackYearsLow, CellKind.Number)
                .Add("payback_years_high", cb.PaybackYearsHigh, CellKind.Number)
                .Add("basis", cb.SavingsBasis));
        }, option, oneOff, oneOffSaving, yearlyCost, yearlySavings, kpi, perUnit, years, rate);
    }

    public static Command RiskVerb(ReviewOptions o)
    {
        var description = new Option<string>("--description") { Description = "What could go wrong.", Required = true };
        var likelihood = new Option<int>("--likelihood") { Description = "1 (rare) to 5 (almost certain).", Required = true };
        var impact = new Option<int>("--impact") { Description = "1 (minor) to 5 (severe).", Required = true };
        var option = new Option<string?>("--option") { Description = "The option it belongs to (default: the review as a whole)." };
        var owner = new Option<string?>("--owner") { Description = "Who watches it (a stakeholder)." };
        var mitigation = new Option<string?>("--mitigation") { Description = "What will be done about it." };
        return ReviewVerb.Create(o, "risk", "Add or change a risk: likelihood x impact, owner and mitigation.", (session, reviewId, parse, _, _) =>
        {
            var risk = session.Bench.Evaluation.AddRisk(session.Actor, reviewId, new RiskRequest
            {
                Description = parse.GetValue(description)!,
                Likelihood = parse.GetValue(likelihood),
                Impact = parse.GetValue(impact),
                Option = parse.GetValue(option),
                Owner = parse.GetValue(owner),
                Mitigation = parse.GetValue(mitigation),
            });
            return new Report().Add(new ResultRecord("risk")
                .Add("risk", risk.Description)
                .Add("option", parse.GetValue(option))
                .Add("likelihood", risk.Likelihood, CellKind.Integer)
                .Add("impact", risk.Impact, CellKind.Integer)
                .Add("exposure", risk.Exposure, CellKind.Integer)
                .Add("owner", risk.Owner)
                .Add("mitigation", risk.Mitigation));
        }, description, likelihood, impact, option, owner, mitigation);
    }

    private static Report Matrix(DecisionMatrix matrix)
    {
        var criteria = new ResultTable("criteria", [new("criterion"), new("weight", CellKind.Number, Decimals: 3)], "Criteria");
        foreach (var c in matrix.Criteria)
        {
            criteria.Add(c.Name, c.Weight);
        }

        var cells = new ResultTable("scores", [new("option"), new("criterion"), new("score", CellKind.Integer), new("rationale")], "Scores");
        foreach (var c in matrix.Cells)
        {
            cells.Add(c.Option, c.Criterion, c.Score, c.Rationale);
        }

        var ranking = new ResultTable("ranking", [new("rank", CellKind.Integer), new("option"), new("weighted_score", CellKind.Number)], "Ranking (weighted score, 1 to 5)");
        int rank = 1;
        foreach (var r in matrix.Ranking)
        {
            ranking.Add(rank++, r.Option, r.WeightedScore);
        }

        ranking.Notes.AddRange(matrix.Incomplete.Select(i => $"'{i}' is not scored on every criterion yet, so it is not ranked."));
        var sensitivity = new ResultTable("sensitivity", [new("criterion"), new("factor", CellKind.Number), new("weight", CellKind.Number, Decimals: 3), new("winner"), new("winner_score", CellKind.Number), new("winner_changed", CellKind.Boolean)], "Sensitivity: each weight moved by ±20%, the others rescaled to sum to 1");
        foreach (var s in matrix.Sensitivity)
        {
            sensitivity.Add(s.Criterion, s.Factor, s.Weight, s.Winner, s.WinnerScore, s.WinnerChanged);
        }

        if (matrix.WinnerIsRobust is { } robust)
        {
            sensitivity.Notes.Add(robust ? $"'{matrix.Winner!.Option}' stays first in every case." : $"'{matrix.Winner!.Option}' does not stay first in every case: the decision depends on the weights.");
        }

        return new Report().Add(criteria).Add(cells).Add(ranking).Add(sensitivity);
    }
}
