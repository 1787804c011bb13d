namespace Stepwise.Review.History;

/// <summary>What a history entry records.</summary>
public enum HistoryAction
{
    /// <summary>An artefact was created.</summary>
    Created,

    /// <summary>An artefact was changed.</summary>
    Changed,

    /// <summary>A review moved stage.</summary>
    StageMoved,

    /// <summary>An artefact version was signed off (approved or rejected).</summary>
    SignedOff,

    /// <summary>A data file was imported.</summary>
    Imported,

    /// <summary>A report was made from the review with its personal data left in (who made it and which report).</summary>
    Reported,
}
