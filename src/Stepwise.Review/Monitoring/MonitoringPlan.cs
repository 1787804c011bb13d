using Stepwise.Review.Artefacts;
using Stepwise.Review.Common;

namespace Stepwise.Review.Monitoring;

/// <summary>The KPIs a review monitors (its id is the review's id).</summary>
public sealed record MonitoringPlan : IArtefact
{
    /// <inheritdoc />
    public static ArtefactKind Kind => ArtefactKind.MonitoringPlan;

    /// <inheritdoc />
    public required Guid Id { get => field; init => field = Guard.Id(value, "Monitoring plan id"); }

    /// <summary>The KPIs.</summary>
    public IReadOnlyList<Kpi> Kpis
    {
        get => field;
        init
        {
            var list = Guard.List(value, "KPIs");
            Guard.Unique(list, k => k.Id, "KPI");
            field = list;
        }
    } = [];
}
