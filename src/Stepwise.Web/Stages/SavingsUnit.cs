namespace Stepwise.Web.Stages;

/// <summary>
/// What one unit of a simulated KPI's improvement is when the cost-benefit form asks what it is worth a year: one
/// percentage point of a share, one hour of a duration, 1 less of a cost per case, one case of a count. The use-case
/// layer (like the command line's <c>--savings-per-unit</c> and the API's <c>savings_per_unit</c>) takes the worth of
/// one unit as the simulation measures it, a whole share (100 points) or a second; <see cref="ToLayer"/> converts, so
/// that the savings are the same whichever way they are entered.
/// </summary>
/// <param name="One">The unit in words: "one percentage point".</param>
/// <param name="Hint">What to give, with an example.</param>
/// <param name="LayerUnitsPerOne">How many of the simulation's units make one: 0.01 of a share is a point, 3,600 seconds an hour.</param>
public sealed record SavingsUnit(string One, string Hint, decimal LayerUnitsPerOne)
{
    /// <summary>The unit of a simulated KPI of unit <paramref name="unit"/> ("share", "seconds", "money", "count").</summary>
    public static SavingsUnit Of(string unit, string? currency) => unit switch
    {
        "share" => new("one percentage point", "One point is 1% of the cases: e.g. if a case outside the service level costs a 50 credit and 1,170 cases end a year, one point is worth 1,170 × 50 × 1% = 585.", 0.01m),
        "seconds" => new("one hour", "What one hour less of this time is worth a year, over all the cases.", 3600m),
        "money" => new($"1{(currency is null ? "" : " " + currency)} less per case", "The cases a year: a cost per case 1 lower saves that much on every case.", 1m),
        _ => new("one case", "What one case more completed (or one fewer left open) is worth a year.", 1m),
    };

    /// <summary>The worth of one of the simulation's units (a whole share, a second), as the layer takes it, from the
    /// worth of <see cref="One"/>.</summary>
    public decimal ToLayer(decimal worthOfOne) => worthOfOne / LayerUnitsPerOne;
}
