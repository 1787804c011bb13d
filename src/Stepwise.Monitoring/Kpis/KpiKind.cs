namespace Stepwise.Monitoring.Kpis;

/// <summary>What a KPI measures. Each kind has a key (see <see cref="KpiMeasure"/>), a unit, a default direction and
/// the comparison suited to it.</summary>
public enum KpiKind
{
    /// <summary>Median time from a case's first to its last event (<c>throughput_median</c>).</summary>
    ThroughputMedian,

    /// <summary>90th percentile of throughput time (<c>throughput_p90</c>).</summary>
    ThroughputP90,

    /// <summary>Mean throughput time (<c>throughput_mean</c>).</summary>
    ThroughputMean,

    /// <summary>Median waiting time before a step: from the previous event's completion to the step's start (its
    /// completion where it has no start) (<c>waiting_median:STEP</c>).</summary>
    WaitingMedian,

    /// <summary>90th percentile of the waiting time before a step (<c>waiting_p90:STEP</c>).</summary>
    WaitingP90,

    /// <summary>Mean waiting time before a step (<c>waiting_mean:STEP</c>).</summary>
    WaitingMean,

    /// <summary>Cases arriving per week (or per day, with a daily trend interval) (<c>volume</c>).</summary>
    Volume,

    /// <summary>Share of cases in which some step happens more than once (<c>rework_rate</c>).</summary>
    ReworkRate,

    /// <summary>Mean number of hand-overs per case: consecutive events by different participants (<c>handovers_per_case</c>).</summary>
    HandoversPerCase,

    /// <summary>Share of cases resolved at the first contact, by the method the log allows (<c>first_contact_resolution</c>).</summary>
    FirstContactResolution,

    /// <summary>Share of cases breaking at least one rule of the rule pack, or one named rule (<c>breach_rate</c>,
    /// <c>breach_rate:RULE</c>).</summary>
    BreachRate,

    /// <summary>Mean cost per case under the rates (<c>cost_per_case</c>).</summary>
    CostPerCase,

    /// <summary>Mean score of the feedback linked to cases (<c>satisfaction</c>).</summary>
    Satisfaction,

    /// <summary>Share of cases containing a step (<c>share_with:STEP</c>).</summary>
    StepShare,

    /// <summary>Mean number of events per case (<c>events_per_case</c>).</summary>
    EventsPerCase,

    /// <summary>Mean of a numeric case attribute (<c>mean:ATTRIBUTE</c>).</summary>
    AttributeMean,

    /// <summary>Share of cases whose attribute has one of the values (<c>share:ATTRIBUTE=VALUE|VALUE</c>).</summary>
    AttributeShare,

    /// <summary>Share of cases with ping-pong: work handed from one participant to another and straight back, runs of
    /// one participant counting as one and an event without a participant breaking the chain, by the same attribute
    /// as hand-overs (<c>ping_pong_rate</c>).</summary>
    PingPongRate,
}
