using Stepwise.Review.Common;

namespace Stepwise.Review.Reviews;

/// <summary>
/// The rules of moving a review between stages. Forward moves go one stage at a time and need agreement where a
/// decision is made: analysis needs a scope, evaluation an agreed scope, implementation an agreed recommendation,
/// monitoring an implemented one, and closing a monitored change. Moving back (to rework an earlier stage) is always allowed.
/// </summary>
public static class StageRules
{
    /// <summary>Why the move from <paramref name="from"/> to <paramref name="to"/> is refused, or null if allowed.</summary>
    public static string? Refusal(Stage from, Stage to, StageFacts facts)
    {
        if (to == from)
        {
            return $"The review is already at stage {from}.";
        }

        if (to < from)
        {
            return null;
        }

        if (from == Stage.Closed)
        {
            return "The review is closed.";
        }

        if (to != from + 1)
        {
            return $"A review moves forward one stage at a time: from {from} the next stage is {from + 1}, not {to}.";
        }

        return to switch
        {
            Stage.Analyse when !facts.HasScope => "The review cannot move to Analyse before its scope is written.",
            Stage.Evaluate when !facts.ScopeAgreed => "Options cannot be evaluated before the scope is agreed: every accountable stakeholder must approve its current version.",
            Stage.Implement when !facts.RecommendationAgreed => "Nothing can be implemented before a recommendation is agreed by every accountable stakeholder.",
            Stage.Monitor when !facts.RecommendationImplemented => "Monitoring starts when a recommendation is implemented: an agreed recommendation whose plan tasks are all done.",
            Stage.Closed when !facts.ChangeMonitored => "A review closes once the change is monitored: run the monitoring of the change on data from after it ('stepwise review monitor').",
            _ => null,
        };
    }

    /// <summary>Checks a move.</summary>
    /// <exception cref="ReviewRuleException">The move is refused; the message says why.</exception>
    public static void Check(Stage from, Stage to, StageFacts facts)
    {
        if (Refusal(from, to, facts) is { } reason)
        {
            throw new ReviewRuleException(reason);
        }
    }
}
