namespace Stepwise.Simulation.Distributions;

/// <summary>The families a duration, patience or inter-arrival time can follow.</summary>
public enum DistributionKind
{
    /// <summary>Always the same value.</summary>
    Constant,

    /// <summary>Exponential with a mean.</summary>
    Exponential,

    /// <summary>Log-normal: the logarithm of the value (in seconds) is normal with mean Mu and deviation Sigma.</summary>
    LogNormal,

    /// <summary>Gamma with a shape and a scale (seconds).</summary>
    Gamma,

    /// <summary>Weibull with a shape and a scale (seconds).</summary>
    Weibull,

    /// <summary>The observed values themselves, as equally spaced quantiles interpolated linearly.</summary>
    Empirical,
}
