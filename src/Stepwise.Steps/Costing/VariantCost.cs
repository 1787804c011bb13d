namespace Stepwise.Steps.Costing;

/// <summary>The cost of the cases following one variant (path).</summary>
/// <param name="Rank">The variant's rank, 0 for the most frequent.</param>
/// <param name="Path">The activities in order, joined with " > ".</param>
/// <param name="Cases">Cases following it.</param>
/// <param name="TotalCost">Their total cost.</param>
/// <param name="Share">Share of the total cost of all cases.</param>
public sealed record VariantCost(int Rank, string Path, int Cases, double TotalCost, double Share)
{
    /// <summary>Mean cost of a case of this variant.</summary>
    public double CostPerCase => Cases == 0 ? double.NaN : TotalCost / Cases;
}
