namespace Stepwise.Simulation.Engine;

/// <summary>What one replication measured. Counts cover cases that arrived within the horizon; pool time covers the
/// horizon only (cases still open at the horizon are followed to their end, as in a log).</summary>
public sealed class ReplicationResult
{
    internal ReplicationResult(int steps, int pools, int priorities)
    {
        WaitingByPriority = new double[priorities];
        EndedByPriority = new long[priorities];
        StepExecutions = new long[steps];
        StepWaitingSeconds = new double[steps];
        StepWaits = new long[steps];
        StepWorkSeconds = new double[steps];
        StepDelaySeconds = new double[steps];
        PoolBusySeconds = new double[pools];
        PoolWaitingSeconds = new double[pools];
        PoolStaffSeconds = new double[pools];
    }

    /// <summary>The replication's index (its random stream depends on it and the seed only).</summary>
    public int Replication { get; internal set; }

    /// <summary>The simulated period in seconds.</summary>
    public double HorizonSeconds { get; internal set; }

    /// <summary>Cases that arrived within the horizon.</summary>
    public long Arrivals { get; internal set; }

    /// <summary>Arrivals by hour of day (0-23, model clock).</summary>
    public long[] ArrivalsByHourOfDay { get; } = new long[24];

    /// <summary>Cases that reached their end.</summary>
    public long Completed { get; internal set; }

    /// <summary>Cases whose customer gave up waiting.</summary>
    public long Abandoned { get; internal set; }

    /// <summary>Cases open at the horizon.</summary>
    public long BacklogAtHorizon { get; internal set; }

    /// <summary>Cases still open when the run stopped (the drain limit was reached).</summary>
    public long OpenAtEnd { get; internal set; }

    /// <summary>Throughput times of completed cases (seconds).</summary>
    public LogHistogram ThroughputSeconds { get; } = new();

    /// <summary>Time from arrival to when the case's last step became due (the previous step done; 0 for a case of one
    /// step) of cases completed, in seconds: the throughput time without the last step, such as a closing timer.</summary>
    public LogHistogram BeforeLastStepSeconds { get; } = new();

    /// <summary>Total waiting for staff per case, completed or abandoned (seconds).</summary>
    public LogHistogram WaitingSeconds { get; } = new();

    /// <summary>Waiting for staff summed per priority class, over cases completed or abandoned (seconds).</summary>
    public double[] WaitingByPriority { get; }

    /// <summary>Cases completed or abandoned per priority class.</summary>
    public long[] EndedByPriority { get; }

    /// <summary>Cases (completed or abandoned) that waited for staff at least once.</summary>
    public long CasesThatWaited { get; internal set; }

    /// <summary>Cases (completed or abandoned) that met the service level.</summary>
    public long WithinServiceLevel { get; internal set; }

    /// <summary>Staff time and per-execution costs of all cases.</summary>
    public double Cost { get; internal set; }

    /// <summary>Completed executions per step.</summary>
    public long[] StepExecutions { get; }

    /// <summary>Waiting for staff before each step, summed (seconds).</summary>
    public double[] StepWaitingSeconds { get; }

    /// <summary>Executions of each step that waited for staff (started from a queue or directly).</summary>
    public long[] StepWaits { get; }

    /// <summary>Work per step, summed (seconds).</summary>
    public double[] StepWorkSeconds { get; }

    /// <summary>Waiting that needs no staff before each step (with the customer, a third party, a timer), summed (seconds).</summary>
    public double[] StepDelaySeconds { get; }

    /// <summary>Waiting for someone of each pool to be free, summed over the work it did (seconds).</summary>
    public double[] PoolWaitingSeconds { get; }

    /// <summary>Busy staff-seconds per pool within the horizon.</summary>
    public double[] PoolBusySeconds { get; }

    /// <summary>Staff-seconds on shift per pool within the horizon.</summary>
    public double[] PoolStaffSeconds { get; }

    /// <summary>Events processed by the kernel.</summary>
    public long Events { get; internal set; }
}
