namespace Stepwise.Monitoring.Kpis;

/// <summary>How first-contact resolution was read from the log.</summary>
public enum FirstContactMethod
{
    /// <summary>Not measured: the log shows nothing to read it from.</summary>
    None,

    /// <summary>From an attribute that records it.</summary>
    Attribute,

    /// <summary>No repeat contact by the same customer within the window.</summary>
    NoRepeatContact,

    /// <summary>Proxy: one handler and no repeated step.</summary>
    OneHandlerNoRework,
}
