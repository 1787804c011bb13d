namespace Stepwise.Review.Scoping;

/// <summary>What an attribute condition of a scope stands for, so the scope can say it in words.</summary>
public enum AttributeRole
{
    /// <summary>Any other attribute (priority, product, region, ...).</summary>
    Other,

    /// <summary>The channel a case came in by (phone, e-mail, chat, web, ...).</summary>
    Channel,

    /// <summary>The type of case (incident, request, complaint, ...).</summary>
    CaseType,
}
