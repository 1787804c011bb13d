namespace Stepwise.Workbench.Options;

/// <summary>
/// The pools of staff a simulation of a review's event log forms: the names a change of staff or working hours may
/// name, the file they come from and how they are formed.
/// </summary>
/// <param name="DataFile">The event log the pools come from.</param>
/// <param name="Names">The pools, as the simulation names them.</param>
/// <param name="Basis">How they are formed: "pools by 'org:group'" or "one pool of all staff".</param>
public sealed record OptionPools(string DataFile, IReadOnlyList<string> Names, string Basis)
{
    /// <summary>The most pools <see cref="Describe"/> names; a log with hundreds of groups is summed up after them.</summary>
    public const int Listed = 30;

    /// <summary>The pools in words: "it forms pools by 'org:group': A, B" or "it forms one pool of all staff: Staff";
    /// past <see cref="Listed"/> pools, "… and 12 more".</summary>
    public string Describe() => $"it forms {Basis}: {string.Join(", ", Names.Take(Listed))}" + (Names.Count > Listed ? $" and {Names.Count - Listed} more" : string.Empty);
}
