using System.Globalization;
using System.Text.Json.Serialization;
using Stepwise.Mining.Time;

namespace Stepwise.Simulation.Calendars;

/// <summary>
/// A value for every hour of the week (arrivals per hour, staff on shift), written as 24 numbers per weekday so that
/// a model file stays readable and editable. Hours are those of the model's clock (UTC unless the log said otherwise).
/// </summary>
public sealed record WeekProfile
{
    /// <summary>Hours per week.</summary>
    public const int HoursPerWeek = 168;

    /// <summary>Monday, hours 0 to 23.</summary>
    public double[] Mon { get; init; } = new double[24];

    /// <summary>Tuesday.</summary>
    public double[] Tue { get; init; } = new double[24];

    /// <summary>Wednesday.</summary>
    public double[] Wed { get; init; } = new double[24];

    /// <summary>Thursday.</summary>
    public double[] Thu { get; init; } = new double[24];

    /// <summary>Friday.</summary>
    public double[] Fri { get; init; } = new double[24];

    /// <summary>Saturday.</summary>
    public double[] Sat { get; init; } = new double[24];

    /// <summary>Sunday.</summary>
    public double[] Sun { get; init; } = new double[24];

    /// <summary>The same value in every hour.</summary>
    public static WeekProfile Constant(double value)
    {
        var all = new double[HoursPerWeek];
        Array.Fill(all, value);
        return FromHourOfWeek(all);
    }

    /// <summary>A profile from 168 values, Monday 00:00-01:00 first.</summary>
    public static WeekProfile FromHourOfWeek(ReadOnlySpan<double> values)
    {
        if (values.Length != HoursPerWeek)
        {
            throw new ArgumentException($"A week profile needs {HoursPerWeek} hourly values.", nameof(values));
        }

        return new WeekProfile
        {
            Mon = values[..24].ToArray(),
            Tue = values[24..48].ToArray(),
            Wed = values[48..72].ToArray(),
            Thu = values[72..96].ToArray(),
            Fri = values[96..120].ToArray(),
            Sat = values[120..144].ToArray(),
            Sun = values[144..168].ToArray(),
        };
    }

    /// <summary>The value <paramref name="value"/> in the working hours of <paramref name="hours"/> (an hour counts when
    /// any part of it is working time), 0 elsewhere.</summary>
    public static WeekProfile During(WorkingHours hours, double value)
    {
        ArgumentNullException.ThrowIfNull(hours);
        var all = new double[HoursPerWeek];
        for (int d = 0; d < 7; d++)
        {
            var day = (DayOfWeek)((d + 1) % 7); // index 0 is Monday
            foreach (var interval in hours.On(day))
            {
                int first = (int)Math.Floor(interval.Start.TotalHours);
                int last = (int)Math.Ceiling(interval.End.TotalHours);
                for (int h = first; h < last && h < 24; h++)
                {
                    all[(d * 24) + h] = value;
                }
            }
        }

        return FromHourOfWeek(all);
    }

    /// <summary>The 168 values, Monday 00:00-01:00 first.</summary>
    public double[] ToHourOfWeek()
    {
        var all = new double[HoursPerWeek];
        Days.CopyTo(all);
        return all;
    }

    /// <summary>The sum over the week.</summary>
    [JsonIgnore]
    public double WeeklyTotal
    {
        get
        {
            double sum = 0;
            foreach (double v in ToHourOfWeek())
            {
                sum += v;
            }

            return sum;
        }
    }

    /// <summary>The largest hourly value.</summary>
    [JsonIgnore]
    public double Max => ToHourOfWeek().Max();

    /// <summary>A new profile with <paramref name="map"/> applied to every hour.</summary>
    public WeekProfile Map(Func<double, double> map)
    {
        ArgumentNullException.ThrowIfNull(map);
        var all = ToHourOfWeek();
        for (int i = 0; i < all.Length; i++)
        {
            all[i] = map(all[i]);
        }

        return FromHourOfWeek(all);
    }

    /// <summary>What is wrong (naming the day and hour), or null when every day has 24 finite values of 0 or more.</summary>
    public string? Validate()
    {
        string[] names = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
        double[]?[] days = [Mon, Tue, Wed, Thu, Fri, Sat, Sun];
        for (int d = 0; d < 7; d++)
        {
            if (days[d] is not { Length: 24 } values)
            {
                return $"'{names[d]}' must have 24 hourly values";
            }

            for (int h = 0; h < 24; h++)
            {
                if (!double.IsFinite(values[h]) || values[h] < 0)
                {
                    return string.Create(CultureInfo.InvariantCulture, $"'{names[d]}' hour {h} must be a number of 0 or more (got {values[h]})");
                }
            }
        }

        return null;
    }

    private double[] Days => [.. Mon, .. Tue, .. Wed, .. Thu, .. Fri, .. Sat, .. Sun];
}
