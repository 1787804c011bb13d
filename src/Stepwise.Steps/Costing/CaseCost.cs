namespace Stepwise.Steps.Costing;

/// <summary>The cost of one case.</summary>
/// <param name="Case">The log's case index.</param>
/// <param name="CaseId">The case id.</param>
/// <param name="TotalCost">Labour plus fixed cost of all its instances.</param>
/// <param name="ReworkCost">The cost of its repeat instances.</param>
/// <param name="Events">Its instances.</param>
public sealed record CaseCost(int Case, string CaseId, double TotalCost, double ReworkCost, int Events);
