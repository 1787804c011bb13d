namespace Stepwise.Charts;

/// <summary>One step of a waterfall: an amount added (positive) or taken away (negative), or a subtotal bar.</summary>
/// <param name="Label">What the amount is (e.g. <c>One-off cost</c>, <c>Savings year 1</c>, <c>Net present value</c>).</param>
/// <param name="Amount">The change; ignored for a total.</param>
/// <param name="IsTotal">Whether this bar shows the running total so far from zero.</param>
public sealed record WaterfallStep(string Label, double Amount, bool IsTotal = false)
{
    /// <summary>A bar showing the running total.</summary>
    public static WaterfallStep Total(string label) => new(label, double.NaN, true);
}
