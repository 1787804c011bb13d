namespace Stepwise.Statistics.Plans;

/// <summary>The five dimensions of service quality of SERVQUAL (Parasuraman, Zeithaml and Berry, 1988).</summary>
public enum ServqualDimension
{
    /// <summary>Physical facilities, equipment and the appearance of staff and material.</summary>
    Tangibles,

    /// <summary>Performing the promised service dependably and accurately.</summary>
    Reliability,

    /// <summary>Willingness to help customers and provide prompt service.</summary>
    Responsiveness,

    /// <summary>Knowledge and courtesy of staff and their ability to convey trust and confidence.</summary>
    Assurance,

    /// <summary>Caring, individualised attention, including access and communication.</summary>
    Empathy,
}
