namespace Stepwise.Statistics.Inference;

/// <summary>Adjusts p-values for many comparisons.</summary>
public static class MultipleComparisons
{
    /// <summary>Adjusted p-values in the order of <paramref name="pValues"/>; NaN values stay NaN and are not counted.</summary>
    public static double[] Adjust(IReadOnlyList<double> pValues, Adjustment method)
    {
        ArgumentNullException.ThrowIfNull(pValues);
        var result = pValues.ToArray();
        var order = Enumerable.Range(0, result.Length).Where(i => !double.IsNaN(result[i])).OrderBy(i => result[i]).ToArray();
        int m = order.Length;
        switch (method)
        {
            case Adjustment.Holm:
                {
                    double running = 0;
                    for (int k = 0; k < m; k++)
                    {
                        running = Math.Max(running, Math.Min(1, (m - k) * pValues[order[k]]));
                        result[order[k]] = running;
                    }

                    break;
                }

            case Adjustment.BenjaminiHochberg:
                {
                    double running = 1;
                    for (int k = m - 1; k >= 0; k--)
                    {
                        running = Math.Min(running, Math.Min(1, pValues[order[k]] * m / (k + 1)));
                        result[order[k]] = running;
                    }

                    break;
                }

            default:
                break;
        }

        return result;
    }
}
