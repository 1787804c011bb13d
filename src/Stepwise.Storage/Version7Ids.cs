using Stepwise.Review.Common;

namespace Stepwise.Storage;

/// <summary>
/// Version-7 GUIDs (time-ordered, so rows and history sort by creation) stamped with the given clock. Their low bits
/// are random, so this id source lives with the infrastructure that composition roots wire in, not in the domain.
/// </summary>
public sealed class Version7Ids(TimeProvider time) : IIdSource
{
    /// <inheritdoc />
    public Guid Next() => Guid.CreateVersion7(time.GetUtcNow());
}
