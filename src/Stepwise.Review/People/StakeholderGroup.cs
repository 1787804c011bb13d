namespace Stepwise.Review.People;

/// <summary>The groups a stakeholder belongs to.</summary>
public enum StakeholderGroup
{
    /// <summary>People who serve customers.</summary>
    FrontLineStaff,

    /// <summary>Team leaders.</summary>
    TeamLeaders,

    /// <summary>Senior managers.</summary>
    SeniorManagers,

    /// <summary>Other departments the process touches.</summary>
    OtherDepartments,

    /// <summary>Outsourcers and other service partners.</summary>
    ServicePartners,

    /// <summary>Customers or their representatives.</summary>
    Customers,
}
