namespace Stepwise.Review.SignOffs;

/// <summary>What a person decided about a version of an artefact.</summary>
public enum SignOffDecision
{
    /// <summary>Agreed.</summary>
    Approved,

    /// <summary>Not agreed; a reason is given.</summary>
    Rejected,
}
