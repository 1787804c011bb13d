using Stepwise.Simulation.Calendars;
using Stepwise.Simulation.Engine;

namespace Stepwise.Simulation.Tests;

/// <summary>
/// Arrivals so sparse that a wait spans many weeks (a log of a few cases spread over centuries): the stream must still
/// be the Poisson stream of the model's hourly rates, and a horizon of millennia must not be walked hour by hour.
/// </summary>
public class SparseArrivalsTests
{
    [Fact]
    public void Run_OneArrivalHourAWeekOverMillennia_PoissonCountInThatHourOnly()
    {
        // Arrivals only on Mondays 09:00-10:00, at a rate giving one case every 10 years on average; 5,000 years.
        // Expected per replication: 52.1775 weeks a year x 5,000 years x (1 / (10 x 52.1775)) = 500 cases, Poisson,
        // so over 8 replications 4,000 with a standard deviation of sqrt(4,000) = 63.2.
        var hours = new double[168];
        hours[9] = 7 / (10 * 365.25);
        var model = TestModels.Sequence(1, 0, ("Answer", 0.5)) with
        {
            Arrivals = new Stepwise.Simulation.Model.ArrivalModel { CasesPerHour = WeekProfile.FromHourOfWeek(hours) },
        };
        var options = new SimulationOptions { Replications = 8, Seed = 11, Horizon = TimeSpan.FromDays(365.25 * 5000) };

        var result = Simulator.Run(model, options);

        long arrivals = result.Replications.Sum(r => r.Arrivals);
        Assert.InRange(arrivals, 4000 - (4 * 63.2), 4000 + (4 * 63.2));
        Assert.All(result.Replications, r => Assert.Equal(r.Arrivals, r.ArrivalsByHourOfDay[9]));
    }
}
