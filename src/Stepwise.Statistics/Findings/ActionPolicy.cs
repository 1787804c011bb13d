namespace Stepwise.Statistics.Findings;

/// <summary>Who owns recommended actions and how long they have, by priority.</summary>
/// <param name="DefaultOwner">The owner of actions no other rule assigns.</param>
/// <param name="DaysForPriority1">Days to act on priority-1 findings.</param>
/// <param name="DaysForPriority2">Days to act on priority-2 findings.</param>
/// <param name="DaysForPriority3">Days to act on priority-3 findings.</param>
public sealed record ActionPolicy(string DefaultOwner = "Quality lead", int DaysForPriority1 = 14, int DaysForPriority2 = 30, int DaysForPriority3 = 60)
{
    /// <summary>Owners by finding kind, overriding <see cref="DefaultOwner"/>.</summary>
    public IReadOnlyDictionary<FindingKind, string> Owners { get; init; } = new Dictionary<FindingKind, string>();

    /// <summary>The owner for a finding.</summary>
    public string OwnerOf(Finding finding) => Owners.TryGetValue(finding.Kind, out var owner) ? owner : DefaultOwner;

    /// <summary>The days allowed for a priority.</summary>
    public int DaysFor(int priority) => priority switch { <= 1 => DaysForPriority1, 2 => DaysForPriority2, _ => DaysForPriority3 };
}
