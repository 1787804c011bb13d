using Stepwise.Simulation.Calendars;
using Stepwise.Simulation.Distributions;
using Stepwise.Simulation.Engine;
using Stepwise.Simulation.Model;
using Stepwise.Simulation.Statistics;

namespace Stepwise.Simulation.Tests;

public class KernelTests
{
    private const double Hour = 3600;

    private static PoolCalendar OfficeHours()
    {
        // Mon-Fri 09:00-17:00, one person; hour 0 of the clock is Monday 00:00.
        var capacity = new double[168];
        for (int d = 0; d < 5; d++)
        {
            for (int h = 9; h < 17; h++)
            {
                capacity[(d * 24) + h] = 1;
            }
        }

        return new PoolCalendar(capacity, []);
    }

    [Fact]
    public void Advance_TenWorkingHoursFromFridayAfternoon_EndTuesdayMorning()
    {
        // Friday 16:00: 1 h on Friday, 8 h on Monday, 1 h on Tuesday -> Tuesday 10:00.
        double friday16 = ((4 * 24) + 16) * Hour;
        double tuesday10 = (((7 + 1) * 24) + 10) * Hour;
        Assert.Equal(tuesday10, OfficeHours().Advance(friday16, 10 * Hour), 6);
    }

    [Fact]
    public void Advance_ManyWeeks_MatchesHourByHour()
    {
        var calendar = OfficeHours();
        double start = ((2 * 24) + 11.5) * Hour; // Wednesday 11:30
        double work = 123.25 * Hour;
        // Hour-by-hour reference: walk forward one minute at a time through the working minutes.
        double t = start, left = work;
        while (left > 0)
        {
            double step = Math.Min(60, left);
            if (calendar.CapacityAt(t) > 0)
            {
                left -= step;
            }

            t += 60;
        }

        Assert.Equal(t - 60 + Math.Min(60, work % 60 == 0 ? 60 : work % 60), calendar.Advance(start, work), 6);
        Assert.Equal(work, calendar.WorkBetween(start, calendar.Advance(start, work)), 6);
    }

    [Fact]
    public void Advance_PrefixSums_AgreeWithTheHourByHourWalk()
    {
        // A holiday long before the period forces the hour-by-hour walk; without it the prefix sums are used.
        var random = new Randomness.RandomStream(3);
        var capacity = new double[168];
        for (int h = 0; h < 168; h++)
        {
            capacity[h] = random.NextDouble() < 0.4 ? 2 : 0;
        }

        var fast = new PoolCalendar(capacity, []);
        var walk = new PoolCalendar(capacity, [-10_000]);
        for (int i = 0; i < 2000; i++)
        {
            double t = random.NextDouble() * 30 * 168 * Hour;
            double work = random.NextExponential() * 60 * Hour;
            Assert.Equal(walk.Advance(t, work), fast.Advance(t, work), 1e-6);
            double later = t + (random.NextDouble() * 10 * 168 * Hour);
            Assert.Equal(walk.WorkBetween(t, later), fast.WorkBetween(t, later), 1e-6);
        }
    }

    [Fact]
    public void WorkBetween_AWholeWeek_IsFortyHours()
    {
        var calendar = OfficeHours();
        Assert.Equal(40 * Hour, calendar.WorkBetween(3.3 * Hour, (3.3 + 168) * Hour), 6);
        Assert.Equal(80 * Hour, calendar.WorkBetween(50 * Hour, (50 + 336) * Hour), 6);
    }

    [Fact]
    public void CapacityAt_HolidayAndFractionalStaff()
    {
        var capacity = new double[168];
        Array.Fill(capacity, 6.4);
        var calendar = new PoolCalendar(capacity, [2]); // Wednesday of the first week is a holiday
        Assert.Equal(0, calendar.CapacityAt(((2 * 24) + 10) * Hour));
        int sevens = 0, hours = 0;
        for (int h = 168; h < 168 * 200; h++)
        {
            int c = calendar.CapacityAt(h * Hour);
            Assert.InRange(c, 6, 7);
            sevens += c == 7 ? 1 : 0;
            hours++;
        }

        Assert.Equal(0.4, (double)sevens / hours, 0.01);
    }

    [Fact]
    public void Run_AnyThreadCount_GivesIdenticalResults()
    {
        var model = TestModels.Queue(40, Distribution.LogNormal(5.5, 0.7), 5, patience: Distribution.Exponential(600), priorities: [0.7, 0.3], discipline: QueueDiscipline.Priority);
        var one = Simulator.Run(model, new SimulationOptions { Replications = 6, Seed = 99, Horizon = TimeSpan.FromDays(20), MaxParallelism = 1 });
        var two = Simulator.Run(model, new SimulationOptions { Replications = 6, Seed = 99, Horizon = TimeSpan.FromDays(20), MaxParallelism = 2 });
        var other = Simulator.Run(model, new SimulationOptions { Replications = 6, Seed = 100, Horizon = TimeSpan.FromDays(20), MaxParallelism = 2 });
        for (int k = 0; k < one.Kpis.Count; k++)
        {
            Assert.Equal(one.Kpis[k].Values, two.Kpis[k].Values);
        }

        Assert.NotEqual(one.Kpi(Kpis.WaitingMean)!.Values, other.Kpi(Kpis.WaitingMean)!.Values);
        Assert.Equal(one.Events, two.Events);
    }

    [Fact]
    public void Run_ClosedHours_NoWorkStartsOffShift()
    {
        // Work pauses off shift: a 2-hour step arriving at any time is done within working hours only, so the pool is
        // never counted busy outside 09:00-17:00 and its staff time is exactly the working hours.
        var model = TestModels.Queue(0.5, Distribution.Constant(2 * Hour), 50) with
        {
            Start = new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc),
            Pools = [new PoolModel { Name = "Servers", Capacity = WeekProfile.During(Stepwise.Mining.Time.WorkingHours.Parse("Mon-Fri 09:00-17:00"), 50), WorkPausesOffShift = true }],
        };
        var result = Simulator.Run(model, new SimulationOptions { Replications = 2, Horizon = TimeSpan.FromDays(14) });
        var r = result.Replications[0];
        Assert.Equal(50 * 80 * Hour, r.PoolStaffSeconds[0], 6);
        // Work done within the horizon cannot exceed the staff time; every case needed 2 working hours.
        Assert.True(r.PoolBusySeconds[0] <= r.PoolStaffSeconds[0]);
        Assert.True(r.ThroughputSeconds.Quantile(0) >= 2 * Hour * 0.99); // the histogram is 0.5% wide per bin
    }

    [Fact]
    public void LogHistogram_Quantiles_WithinHalfAPercentOfExact()
    {
        var random = new Randomness.RandomStream(1);
        var histogram = new LogHistogram();
        var values = new double[100_000];
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = Math.Exp(8 + (2 * random.NextNormal()));
            histogram.Add(values[i]);
        }

        Array.Sort(values);
        foreach (double p in new[] { 0.1, 0.5, 0.9, 0.99 })
        {
            double exact = values[(int)(p * (values.Length - 1))];
            Assert.Equal(exact, histogram.Quantile(p), 0.006 * exact);
            Assert.Equal(p, histogram.Cdf(exact), 0.002);
        }
    }

    [Fact]
    public void Estimate_MatchesTheStudentTInterval()
    {
        double[] values = [10.2, 9.7, 11.1, 10.4, 9.9, 10.8, 10.1];
        var e = Estimate.Of(values);
        double mean = values.Average();
        double sd = Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Length - 1));
        double half = MathNet.Numerics.Distributions.StudentT.InvCDF(0, 1, values.Length - 1, 0.975) * sd / Math.Sqrt(values.Length);
        Assert.Equal(mean, e.Mean, 12);
        Assert.Equal(mean - half, e.Low, 0.002 * half);
        Assert.Equal(mean + half, e.High, 0.002 * half);
        Assert.Equal(7, e.Count);
    }
}
