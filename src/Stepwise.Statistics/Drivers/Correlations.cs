namespace Stepwise.Statistics.Drivers;

/// <summary>Pearson and Spearman correlations over rows where both values are present.</summary>
public static class Correlations
{
    /// <summary>Pearson's r of two equally long series over the rows where neither is NaN (NaN if fewer than 3 rows or no variance).</summary>
    public static double Pearson(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        int n = 0;
        double mx = 0, my = 0, sxx = 0, syy = 0, sxy = 0;
        for (int i = 0; i < x.Count; i++)
        {
            double a = x[i], b = y[i];
            if (double.IsNaN(a) || double.IsNaN(b))
            {
                continue;
            }

            n++;
            double dx = a - mx, dy = b - my;
            mx += dx / n;
            my += dy / n;
            sxx += dx * (a - mx);
            syy += dy * (b - my);
            sxy += dx * (b - my);
        }

        return n < 3 || sxx <= 0 || syy <= 0 ? double.NaN : sxy / Math.Sqrt(sxx * syy);
    }

    /// <summary>Spearman's rho: Pearson's r of mid-ranks, over the rows where neither value is NaN.</summary>
    public static double Spearman(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        var rows = new List<int>(x.Count);
        for (int i = 0; i < x.Count; i++)
        {
            if (!double.IsNaN(x[i]) && !double.IsNaN(y[i]))
            {
                rows.Add(i);
            }
        }

        return Pearson(Ranks(x, rows), Ranks(y, rows));
    }

    /// <summary>The number of rows with both values, Pearson's r and Spearman's rho.</summary>
    internal static (int Answered, double R, double Rho) PairwiseComplete(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        int answered = 0;
        for (int i = 0; i < x.Count; i++)
        {
            if (!double.IsNaN(x[i]) && !double.IsNaN(y[i]))
            {
                answered++;
            }
        }

        return (answered, Pearson(x, y), Spearman(x, y));
    }

    /// <summary>The correlation matrix of the items and, as the last row and column, the outcome, over <paramref name="rows"/>.</summary>
    internal static double[,] Matrix(IReadOnlyList<IReadOnlyList<double>> items, IReadOnlyList<double> outcome, IReadOnlyList<int> rows)
    {
        int p = items.Count + 1, n = rows.Count;
        var data = new double[p][];
        for (int j = 0; j < p; j++)
        {
            var source = j < items.Count ? items[j] : outcome;
            var column = new double[n];
            double mean = 0;
            for (int i = 0; i < n; i++)
            {
                column[i] = source[rows[i]];
                mean += column[i];
            }

            mean /= n;
            double ss = 0;
            for (int i = 0; i < n; i++)
            {
                column[i] -= mean;
                ss += column[i] * column[i];
            }

            double scale = ss > 0 ? 1 / Math.Sqrt(ss) : 0;
            for (int i = 0; i < n; i++)
            {
                column[i] *= scale;
            }

            data[j] = column;
        }

        var result = new double[p, p];
        for (int a = 0; a < p; a++)
        {
            for (int b = a; b < p; b++)
            {
                double s = a == b ? 1 : Dot(data[a], data[b]);
                result[a, b] = s;
                result[b, a] = s;
            }
        }

        return result;
    }

    private static double Dot(double[] a, double[] b)
    {
        double s = 0;
        for (int i = 0; i < a.Length; i++)
        {
            s += a[i] * b[i];
        }

        return s;
    }

    private static double[] Ranks(IReadOnlyList<double> values, List<int> rows)
    {
        var order = rows.ToArray();
        var keys = rows.Select(r => values[r]).ToArray();
        Array.Sort(keys, order);
        var ranks = new double[values.Count];
        Array.Fill(ranks, double.NaN);
        for (int i = 0; i < order.Length;)
        {
            int j = i;
            while (j < order.Length && keys[j] == keys[i])
            {
                j++;
            }

            double mid = (i + 1 + j) / 2.0;
            for (int k = i; k < j; k++)
            {
                ranks[order[k]] = mid;
            }

            i = j;
        }

        return ranks;
    }
}
