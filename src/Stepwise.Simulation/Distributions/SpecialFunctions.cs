namespace Stepwise.Simulation.Distributions;

/// <summary>The special functions the fitting and the statistics need, written out because the engine depends on the
/// base library only. Accuracy is about 1e-7 relative or better, beyond what goodness-of-fit tests and confidence intervals need.</summary>
internal static class SpecialFunctions
{
    private static readonly double[] LanczosCoefficients =
    [
        0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
        12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
    ];

    /// <summary>ln Γ(x) for x &gt; 0 (Lanczos, g = 7).</summary>
    public static double LogGamma(double x)
    {
        if (x < 0.5)
        {
            // Reflection keeps the approximation in its accurate range.
            return Math.Log(Math.PI / Math.Abs(Math.Sin(Math.PI * x))) - LogGamma(1.0 - x);
        }

        x -= 1.0;
        double a = LanczosCoefficients[0];
        double t = x + 7.5;
        for (int i = 1; i < 9; i++)
        {
            a += LanczosCoefficients[i] / (x + i);
        }

        return (0.5 * Math.Log(2 * Math.PI)) + ((x + 0.5) * Math.Log(t)) - t + Math.Log(a);
    }

    /// <summary>The digamma function ψ(x) for x &gt; 0.</summary>
    public static double Digamma(double x)
    {
        double result = 0;
        while (x < 6)
        {
            result -= 1 / x;
            x += 1;
        }

        double f = 1 / (x * x);
        return result + Math.Log(x) - (0.5 / x) - (f * ((1.0 / 12) - (f * ((1.0 / 120) - (f * ((1.0 / 252) - (f * ((1.0 / 240) - (f / 132)))))))));
    }

    /// <summary>The trigamma function ψ'(x) for x &gt; 0.</summary>
    public static double Trigamma(double x)
    {
        double result = 0;
        while (x < 6)
        {
            result += 1 / (x * x);
            x += 1;
        }

        double f = 1 / (x * x);
        return result + (1 / x) + (f / 2) + ((f / x) * ((1.0 / 6) - (f * ((1.0 / 30) - (f * ((1.0 / 42) - (f / 30))))))) ;
    }

    /// <summary>The regularised lower incomplete gamma function P(a, x).</summary>
    public static double RegularizedGammaP(double a, double x)
    {
        if (x <= 0)
        {
            return 0;
        }

        if (x < a + 1)
        {
            double sum = 1.0 / a;
            double term = sum;
            for (int n = 1; n < 1000; n++)
            {
                term *= x / (a + n);
                sum += term;
                if (Math.Abs(term) < Math.Abs(sum) * 1e-15)
                {
                    break;
                }
            }

            return Math.Clamp(sum * Math.Exp((a * Math.Log(x)) - x - LogGamma(a)), 0, 1);
        }

        // Continued fraction for Q(a, x) (modified Lentz).
        const double tiny = 1e-300;
        double b = x + 1 - a;
        double c = 1 / tiny;
        double d = 1 / b;
        double h = d;
        for (int i = 1; i < 1000; i++)
        {
            double an = -i * (i - a);
            b += 2;
            d = (an * d) + b;
            d = Math.Abs(d) < tiny ? tiny : d;
            c = b + (an / c);
            c = Math.Abs(c) < tiny ? tiny : c;
            d = 1 / d;
            double delta = d * c;
            h *= delta;
            if (Math.Abs(delta - 1) < 1e-15)
            {
                break;
            }
        }

        double q = Math.Exp((a * Math.Log(x)) - x - LogGamma(a)) * h;
        return Math.Clamp(1 - q, 0, 1);
    }

    private static readonly double[] ErfcCoefficients =
    [
        -1.26551223, 1.00002368, 0.37409196, 0.09678418, -0.18628806, 0.27886807, -1.13520398, 1.48851587, -0.82215223, 0.17087277,
    ];

    private static readonly double[] AcklamA = [-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02, 1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00];
    private static readonly double[] AcklamB = [-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02, 6.680131188771972e+01, -1.328068155288572e+01, 1.0];
    private static readonly double[] AcklamC = [-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00, -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00];
    private static readonly double[] AcklamD = [7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00, 1.0];

    /// <summary>The complementary error function (Chebyshev fit, relative error below 1.2e-7).</summary>
    public static double Erfc(double x)
    {
        double z = Math.Abs(x);
        double t = 1 / (1 + (0.5 * z));
        double r = t * Math.Exp(-(z * z) + Horner(ErfcCoefficients, t));
        return x >= 0 ? r : 2 - r;
    }

    /// <summary>The standard normal distribution function.</summary>
    public static double NormalCdf(double x) => 0.5 * Erfc(-x / Math.Sqrt(2));

    /// <summary>The standard normal quantile (Acklam's rational approximation refined by one Halley step).</summary>
    public static double NormalQuantile(double p)
    {
        if (p <= 0 || p >= 1)
        {
            throw new ArgumentOutOfRangeException(nameof(p), "A probability strictly between 0 and 1 is needed.");
        }

        const double low = 0.02425;
        double x;
        if (p < low)
        {
            double q = Math.Sqrt(-2 * Math.Log(p));
            x = HornerHigh(AcklamC, q) / HornerHigh(AcklamD, q);
        }
        else if (p <= 1 - low)
        {
            double q = p - 0.5;
            double r = q * q;
            x = HornerHigh(AcklamA, r) * q / HornerHigh(AcklamB, r);
        }
        else
        {
            double q = Math.Sqrt(-2 * Math.Log(1 - p));
            x = -HornerHigh(AcklamC, q) / HornerHigh(AcklamD, q);
        }

        // One Halley step brings the error to the accuracy of the distribution function.
        double e = NormalCdf(x) - p;
        double u = e * Math.Sqrt(2 * Math.PI) * Math.Exp(x * x / 2);
        return x - (u / (1 + (x * u / 2)));
    }

    /// <summary>Evaluates c[0] + c[1] t + c[2] t^2 + ...</summary>
    private static double Horner(double[] c, double t)
    {
        double r = 0;
        for (int i = c.Length - 1; i >= 0; i--)
        {
            r = (r * t) + c[i];
        }

        return r;
    }

    /// <summary>Evaluates c[0] t^(n-1) + c[1] t^(n-2) + ... + c[n-1] (highest power first).</summary>
    private static double HornerHigh(double[] c, double t)
    {
        double r = 0;
        for (int i = 0; i < c.Length; i++)
        {
            r = (r * t) + c[i];
        }

        return r;
    }

    /// <summary>The quantile of Student's t distribution with <paramref name="degrees"/> degrees of freedom: exact for
    /// 1 and 2, otherwise the Cornish-Fisher expansion to the fourth order (error below 1e-4 from 3 degrees).</summary>
    public static double StudentTQuantile(double p, int degrees)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(degrees);
        if (degrees == 1)
        {
            return Math.Tan(Math.PI * (p - 0.5));
        }

        if (degrees == 2)
        {
            return ((2 * p) - 1) / Math.Sqrt(2 * p * (1 - p));
        }

        double z = NormalQuantile(p);
        double n = degrees;
        double z2 = z * z;
        double z3 = z2 * z;
        double z5 = z3 * z2;
        double z7 = z5 * z2;
        double z9 = z7 * z2;
        return z
            + ((z3 + z) / (4 * n))
            + (((5 * z5) + (16 * z3) + (3 * z)) / (96 * n * n))
            + (((3 * z7) + (19 * z5) + (17 * z3) - (15 * z)) / (384 * n * n * n))
            + (((79 * z9) + (776 * z7) + (1482 * z5) - (1920 * z3) - (945 * z)) / (92160 * n * n * n * n));
    }
}
