namespace Stepwise.Review.Artefacts;

/// <summary>A versioned, hashed, history-keeping piece of a review (see <see cref="ArtefactKind"/>).</summary>
public interface IArtefact
{
    /// <summary>The kind of artefact this type is.</summary>
    static abstract ArtefactKind Kind { get; }

    /// <summary>The artefact's id, unique within its review.</summary>
    Guid Id { get; }
}
