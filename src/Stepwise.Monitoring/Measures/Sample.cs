namespace Stepwise.Monitoring.Measures;

/// <summary>The values of one KPI in one period, with the period position of the case each value belongs to (for the
/// case's stratum and time).</summary>
/// <param name="Values">The values, without missing ones.</param>
/// <param name="Positions">For each value, its case's position in the period's view.</param>
internal readonly record struct Sample(double[] Values, int[] Positions)
{
    /// <summary>How many values.</summary>
    public int Count => Values.Length;

    /// <summary>A sample of one value per case, leaving out NaN values.</summary>
    public static Sample PerCase(double[] values)
    {
        int n = 0;
        foreach (double v in values)
        {
            n += double.IsNaN(v) ? 0 : 1;
        }

        var kept = new double[n];
        var positions = new int[n];
        int k = 0;
        for (int i = 0; i < values.Length; i++)
        {
            if (!double.IsNaN(values[i]))
            {
                kept[k] = values[i];
                positions[k++] = i;
            }
        }

        return new Sample(kept, positions);
    }

    /// <summary>The values whose case is in <paramref name="stratum"/>.</summary>
    public Sample Where(int[] strata, int stratum)
    {
        var values = new List<double>();
        var positions = new List<int>();
        for (int k = 0; k < Values.Length; k++)
        {
            if (strata[Positions[k]] == stratum)
            {
                values.Add(Values[k]);
                positions.Add(Positions[k]);
            }
        }

        return new Sample([.. values], [.. positions]);
    }
}
