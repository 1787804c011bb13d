using Stepwise.Review.Reviews;

namespace Stepwise.Review.Storage;

/// <summary>A workspace entry: a process review or a quality review.</summary>
/// <param name="Id">Its id (also the id of its main artefact).</param>
/// <param name="Type">Process or quality review.</param>
/// <param name="CreatedAt">When it was created.</param>
public sealed record ReviewEntry(Guid Id, ReviewType Type, DateTimeOffset CreatedAt);
