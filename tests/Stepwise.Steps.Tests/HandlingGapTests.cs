using Stepwise.Mining;
using Stepwise.Steps.Evidence;

namespace Stepwise.Steps.Tests;

/// <summary>The handling-time estimate on the log the simulation's work test is worked on by hand
/// (Stepwise.Simulation.Tests.WorkGapTests): the two must report the same median of the same gaps.</summary>
public class HandlingGapTests
{
    [Fact]
    public void Estimate_FirstStepsOfCasesAndCutGaps_MediansWorkedByHand()
    {
        // Six days; on day k (from 09:00), g = 300, 420, 540, 600, 660, 780 s: 0 Ann registers a; g Ann registers b;
        // g+120 Bob registers c; g+180 Ann reviews c; g+420 Ann reviews a. Ann's gaps: Register g (six, median 570);
        // Review 180 and 240 each day (twelve, median 210). Gaps across days are above the hour and not counted.
        double[] gaps = [300, 420, 540, 600, 660, 780];
        var builder = new EventLogBuilder();
        var origin = new DateTimeOffset(2024, 3, 4, 9, 0, 0, TimeSpan.Zero);
        for (int k = 0; k < gaps.Length; k++)
        {
            var day = origin.AddDays(k);
            builder.Add($"a{k}", "Register", day, "Ann");
            builder.Add($"b{k}", "Register", day.AddSeconds(gaps[k]), "Ann");
            builder.Add($"c{k}", "Register", day.AddSeconds(gaps[k] + 120), "Bob");
            builder.Add($"c{k}", "Review", day.AddSeconds(gaps[k] + 180), "Ann");
            builder.Add($"a{k}", "Review", day.AddSeconds(gaps[k] + 420), "Ann");
        }

        var handling = HandlingTimes.Resolve(builder.Build());

        var register = handling.Find("Register")!;
        Assert.Equal(HandlingTimeBasis.Estimated, register.Basis);
        Assert.Equal(6, register.EstimateSamples);
        Assert.Equal(570, register.PerInstanceSeconds, 9);
        var review = handling.Find("Review")!;
        Assert.Equal(12, review.EstimateSamples);
        Assert.Equal(210, review.PerInstanceSeconds, 9);
    }
}
