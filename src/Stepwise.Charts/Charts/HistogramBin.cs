namespace Stepwise.Charts;

/// <summary>One bin of a histogram: values from <paramref name="Lower"/> (inclusive) to <paramref name="Upper"/>
/// (exclusive; the last bin includes its upper edge).</summary>
public sealed record HistogramBin(double Lower, double Upper, int Count);
