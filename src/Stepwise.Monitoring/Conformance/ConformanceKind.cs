namespace Stepwise.Monitoring.Conformance;

/// <summary>Which part of the agreement a check is about.</summary>
public enum ConformanceKind
{
    /// <summary>A removed step still happens.</summary>
    RemovedStep,

    /// <summary>A mandatory step is skipped.</summary>
    MandatoryStep,

    /// <summary>An agreed order is broken.</summary>
    Order,
}
