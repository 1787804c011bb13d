namespace Stepwise.Statistics.Sampling;

/// <summary>How many completed responses are needed, and how many to invite for them.</summary>
/// <param name="Unadjusted">The size for an unlimited population, before rounding up (Cochran's n₀).</param>
/// <param name="Required">Completed responses needed, after the finite-population correction, rounded up.</param>
/// <param name="Invitations">Units to sample or invite, given the expected response rate, rounded up; never more than
/// the population (see <see cref="PopulationTooSmall"/>).</param>
public sealed record SampleSizeResult(double Unadjusted, int Required, int Invitations)
{
    /// <summary>The units the response rate would call for before the cap at the population (equal to
    /// <see cref="Invitations"/> unless <see cref="PopulationTooSmall"/>).</summary>
    public long Uncapped { get; init; } = Invitations;

    /// <summary>The responses expected when every unit of the population is invited (population times the response
    /// rate), or null without a population.</summary>
    public double? PopulationResponses { get; init; }

    /// <summary>Whether even inviting the whole population is expected to give fewer responses than
    /// <see cref="Required"/>: the invitations are capped at the population and the margin cannot be reached.</summary>
    public bool PopulationTooSmall => Uncapped > Invitations;
}
