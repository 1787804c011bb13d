using MathNet.Numerics;

namespace Stepwise.Statistics.Inference;

/// <summary>Pearson's chi-square tests (no continuity correction).</summary>
public static class ChiSquareTest
{
    /// <summary>
    /// Tests independence of rows and columns of a contingency table of counts. Rows or columns whose total is zero
    /// are dropped. The effect size is Cramér's V.
    /// </summary>
    /// <exception cref="ArgumentException">Fewer than two non-empty rows or columns remain.</exception>
    public static TestResult Independence(long[,] counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        int rows = counts.GetLength(0), cols = counts.GetLength(1);
        var rowTotals = new double[rows];
        var colTotals = new double[cols];
        double total = 0;
        for (int r = 0; r < rows; r++)
        {
            for (int c = 0; c < cols; c++)
            {
                ArgumentOutOfRangeException.ThrowIfNegative(counts[r, c]);
                rowTotals[r] += counts[r, c];
                colTotals[c] += counts[r, c];
                total += counts[r, c];
            }
        }

        int usedRows = rowTotals.Count(t => t > 0), usedCols = colTotals.Count(t => t > 0);
        if (usedRows < 2 || usedCols < 2)
        {
            throw new ArgumentException("A chi-square test of independence needs at least two non-empty rows and two non-empty columns.", nameof(counts));
        }

        double chi = 0;
        for (int r = 0; r < rows; r++)
        {
            for (int c = 0; c < cols; c++)
            {
                if (rowTotals[r] == 0 || colTotals[c] == 0)
                {
                    continue;
                }

                double expected = rowTotals[r] * colTotals[c] / total;
                double diff = counts[r, c] - expected;
                chi += diff * diff / expected;
            }
        }

        int df = (usedRows - 1) * (usedCols - 1);
        double v = Math.Sqrt(chi / (total * Math.Min(usedRows - 1, usedCols - 1)));
        return new TestResult("chi-square", chi, df, UpperTail(df, chi), v);
    }

    /// <summary>
    /// Tests whether observed counts follow expected shares (goodness of fit): for a sample against the shares of
    /// its population. Categories with a zero expected share must have no observations. The effect size is
    /// Cohen's w = sqrt(chi-square / n).
    /// </summary>
    /// <exception cref="ArgumentException">The arrays differ in length, fewer than two categories are expected, or
    /// a category with zero expected share was observed.</exception>
    public static TestResult GoodnessOfFit(ReadOnlySpan<long> observed, ReadOnlySpan<double> expectedShares)
    {
        if (observed.Length != expectedShares.Length)
        {
            throw new ArgumentException("Observed counts and expected shares must have the same length.", nameof(expectedShares));
        }

        double n = 0, shareTotal = 0;
        int categories = 0;
        for (int i = 0; i < observed.Length; i++)
        {
            n += observed[i];
            shareTotal += expectedShares[i];
            if (expectedShares[i] > 0)
            {
                categories++;
            }
            else if (observed[i] > 0)
            {
                throw new ArgumentException($"Category {i} has observations but an expected share of zero.", nameof(observed));
            }
        }

        if (categories < 2)
        {
            throw new ArgumentException("A goodness-of-fit test needs at least two categories with a positive expected share.", nameof(expectedShares));
        }

        double chi = 0;
        for (int i = 0; i < observed.Length; i++)
        {
            if (expectedShares[i] <= 0)
            {
                continue;
            }

            double expected = n * expectedShares[i] / shareTotal;
            double diff = observed[i] - expected;
            chi += diff * diff / expected;
        }

        int df = categories - 1;
        return new TestResult("chi-square goodness of fit", chi, df, n == 0 ? double.NaN : UpperTail(df, chi), n == 0 ? double.NaN : Math.Sqrt(chi / n));
    }

    /// <summary>P(X &gt; chi) for chi-square with <paramref name="df"/> degrees of freedom, accurate far into the tail.</summary>
    internal static double UpperTail(int df, double chi) => chi <= 0 ? 1 : SpecialFunctions.GammaUpperRegularized(df / 2.0, chi / 2);
}
