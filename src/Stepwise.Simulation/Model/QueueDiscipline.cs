namespace Stepwise.Simulation.Model;

/// <summary>The order in which a pool takes waiting work.</summary>
public enum QueueDiscipline
{
    /// <summary>First come, first served.</summary>
    Fifo,

    /// <summary>Higher priority first, first come first served within a priority.</summary>
    Priority,
}
