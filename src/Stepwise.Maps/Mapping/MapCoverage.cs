namespace Stepwise.Maps.Mapping;

/// <summary>What a simplified map leaves out, so that it can say so: activities, paths, events, transitions and cases
/// not fully shown.</summary>
/// <param name="Activities">Activities in the view.</param>
/// <param name="ShownActivities">Activities on the map.</param>
/// <param name="Paths">Paths between the shown boxes (including from the start and to the end; a hidden step between
/// two shown ones makes a path between them, and a step drawn in several lanes has paths from each box): those the
/// map chooses from. Fewer than <paramref name="LogPaths"/> when steps are hidden.</param>
/// <param name="ShownPaths">Paths on the map.</param>
/// <param name="Events">Events in the view.</param>
/// <param name="ShownEvents">Events of the shown activities.</param>
/// <param name="Transitions">Times any path between the shown activities is taken.</param>
/// <param name="ShownTransitions">Times a shown path is taken.</param>
/// <param name="Cases">Cases in the view.</param>
/// <param name="CasesWithHiddenActivity">Cases with at least one event of a hidden activity.</param>
/// <param name="CasesWithHiddenPath">Cases that take at least one hidden path.</param>
/// <param name="CasesFullyShown">Cases whose every step and path is on the map.</param>
/// <param name="LogPaths">Paths between the activities of the view (including from the start and to the end), whatever
/// the map shows: the total that goes with <paramref name="Activities"/>.</param>
public sealed record MapCoverage(
    int Activities,
    int ShownActivities,
    int Paths,
    int ShownPaths,
    long Events,
    long ShownEvents,
    long Transitions,
    long ShownTransitions,
    int Cases,
    int CasesWithHiddenActivity,
    int CasesWithHiddenPath,
    int CasesFullyShown,
    int LogPaths)
{
    /// <summary>Of <see cref="Transitions"/>, the times a case went from one shown box to the next (or from the start
    /// or to the end) through one or more hidden steps: counted on the paths of the map, not on the log's own paths
    /// between steps. 0 when no step is hidden.</summary>
    public long FoldedTransitions { get; init; }

    /// <summary>Whether anything is hidden.</summary>
    public bool IsSimplified => ShownActivities < Activities || ShownPaths < Paths;

    /// <summary>Cases not fully shown.</summary>
    public int CasesPartlyHidden => Cases - CasesFullyShown;
}
