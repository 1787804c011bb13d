namespace Stepwise.Mining.IO;

/// <summary>How events carrying lifecycle transitions become the step instances that analyses count.</summary>
public enum LifecycleHandling
{
    /// <summary>
    /// Follow the XES standard lifecycle model: the events of one activity instance (schedule, assign, reassign,
    /// start, suspend, resume, complete) become one instance with a start time, suspensions pause its service
    /// time, and instances withdrawn or skipped before they started are left out; what was paired and left out is
    /// reported. Events without a standard transition stay instances of their own.
    /// </summary>
    Pair,

    /// <summary>Every event is a step instance of its own, named by its activity.</summary>
    Events,

    /// <summary>Every event is a step instance of its own, named by its activity and its transition
    /// (<c>W_Call+start</c>): the classifier <c>concept:name lifecycle:transition</c>.</summary>
    Classifier,
}
