namespace Stepwise.Maps.Mapping;

/// <summary>What a node of a process map stands for.</summary>
public enum MapNodeKind
{
    /// <summary>Where every case begins.</summary>
    Start,

    /// <summary>Where every case ends.</summary>
    End,

    /// <summary>An activity (a step of the process).</summary>
    Activity,
}
