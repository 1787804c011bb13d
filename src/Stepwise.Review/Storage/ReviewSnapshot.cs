using Stepwise.Mining;
using Stepwise.Review.Data;
using Stepwise.Review.History;
using Stepwise.Review.SignOffs;

namespace Stepwise.Review.Storage;

/// <summary>
/// Everything a workspace holds for one review: its entry, every version of every artefact (in the order they were
/// written), its history, sign-offs and data sources with their stored logs. What an export writes and a restore
/// puts back, unchanged, into another workspace.
/// </summary>
/// <param name="Entry">The review's workspace entry.</param>
/// <param name="Versions">Every artefact version, oldest write first.</param>
/// <param name="History">The history, oldest first (sequence numbers belong to the workspace and are assigned again).</param>
/// <param name="SignOffs">Every sign-off, oldest first.</param>
/// <param name="DataSources">Every data source, oldest first.</param>
/// <param name="Logs">The stored event log of each event-log data source, by data source id (empty when left out).</param>
public sealed record ReviewSnapshot(
    ReviewEntry Entry,
    IReadOnlyList<StoredArtefact> Versions,
    IReadOnlyList<HistoryEntry> History,
    IReadOnlyList<SignOff> SignOffs,
    IReadOnlyList<DataSource> DataSources,
    IReadOnlyDictionary<Guid, EventLog> Logs);
