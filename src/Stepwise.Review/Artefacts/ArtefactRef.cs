namespace Stepwise.Review.Artefacts;

/// <summary>Names one artefact of a review.</summary>
/// <param name="Kind">What it is.</param>
/// <param name="Id">Its id.</param>
public readonly record struct ArtefactRef(ArtefactKind Kind, Guid Id)
{
    /// <inheritdoc />
    public override string ToString() => $"{Kind} {Id}";
}
