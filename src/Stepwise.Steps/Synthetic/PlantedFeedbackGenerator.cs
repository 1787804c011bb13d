using System.Globalization;
using Stepwise.Mining;
using Stepwise.Mining.Attributes;
using Stepwise.Statistics.Sampling;

namespace Stepwise.Steps.Synthetic;

/// <summary>
/// Writes synthetic survey responses for the cases of a real log, with known effects planted: no public dataset links
/// a real log to real survey answers, so this is how the satisfaction analysis is tested against a known truth. Each
/// case responds with probability <see cref="PlantedFeedbackOptions.ResponseRate"/>; its overall score is
/// <c>round(BaseScore + sum of the shifts of the planted factors it has + N(0, NoiseSd))</c>, clamped to 0-10; every
/// other step, repeat and hand-over has no effect. Item scores and comment tone follow the overall score. Seeded:
/// the same log, options and seed give the same responses.
/// </summary>
public static class PlantedFeedbackGenerator
{
    private static readonly string[] Negative =
    [
        "Very slow and frustrating, I had to chase them twice.",
        "Poor service, the ticket was bounced around and nobody owned it.",
        "Disappointed: it took far too long and the answer was unhelpful.",
        "Bad experience, long delays and no updates.",
    ];

    // Each template reads in its own tone with the calibrated sentiment model (reviews read "closed after a few days"
    // as a complaint and "resolved in the end" as praise), so that the comments agree with the scores they go with.
    private static readonly string[] Neutral =
    [
        "The case was handled as expected.",
        "The ticket was handled within a few days.",
        "They answered my question about the licence.",
        "Support replied and the case was closed.",
    ];

    private static readonly string[] Positive =
    [
        "Great support, quick and helpful.",
        "Excellent service, the problem was fixed quickly.",
        "Friendly and professional team, thank you.",
        "Very helpful and efficient, happy with the answer.",
    ];

    /// <summary>Generates responses for the cases of <paramref name="log"/>.</summary>
    /// <exception cref="ArgumentException">An effect names an activity or participant the log does not have, or the
    /// customer attribute does not exist.</exception>
    public static PlantedFeedback Generate(EventLog log, PlantedFeedbackOptions options)
    {
        ArgumentNullException.ThrowIfNull(log);
        ArgumentNullException.ThrowIfNull(options);
        var hasEffect = options.Effects.Select(e => Members(log, e, options.HandoverBy)).ToList();
        int[]? customerCodes = null;
        NameTable? customers = null;
        if (options.CustomerAttribute is not null)
        {
            (customerCodes, customers) = AttributeCodes.ForCases(log, options.CustomerAttribute);
        }

        var random = new SeededRandom(options.Seed);
        var responses = new List<SyntheticResponse>();
        for (int c = 0; c < log.CaseCount; c++)
        {
            // Every case draws the same number of values whether or not it responds, so that a change of one option
            // does not reshuffle the scores of all later cases.
            bool responds = random.NextDouble() < options.ResponseRate;
            double noise = Normal(random) * options.NoiseSd;
            double delay = random.NextDouble();
            bool customerOnly = random.NextDouble() < options.CustomerOnlyShare;
            double itemNoise1 = random.NextDouble(), itemNoise2 = random.NextDouble();
            int template = random.NextInt(4);
            if (!responds)
            {
                continue;
            }

            double shift = 0;
            for (int k = 0; k < hasEffect.Count; k++)
            {
                if (hasEffect[k][c])
                {
                    shift += options.Effects[k].Shift;
                }
            }

            int overall = (int)Math.Clamp(Math.Round(options.BaseScore + shift + noise, MidpointRounding.AwayFromZero), 0, 10);
            string? customer = customerCodes is not null && customerCodes[c] >= 0 ? customers![customerCodes[c]] : null;
            bool withoutCase = customerOnly && customer is not null;
            long end = log.CaseEndTime(c);
            var date = new DateTime(end + (long)(delay * options.MaxDelay.Ticks), DateTimeKind.Utc);
            date = new DateTime(date.Ticks - (date.Ticks % TimeSpan.TicksPerMinute), DateTimeKind.Utc).AddMinutes(1);
            string comment = overall <= 4 ? Negative[template] : overall <= 6 ? Neutral[template] : Positive[template];
            responses.Add(new SyntheticResponse(
                "R" + (responses.Count + 1).ToString("D6", CultureInfo.InvariantCulture),
                withoutCase ? null : log.CaseIds[c],
                customer,
                date,
                overall,
                Item(overall, itemNoise1),
                Item(overall, itemNoise2),
                comment,
                c,
                shift));
        }

        return new PlantedFeedback(responses, options.Effects, hasEffect, options);
    }

    /// <summary>Whether each case of <paramref name="log"/> has the factor of <paramref name="effect"/>.</summary>
    public static bool[] Members(EventLog log, PlantedEffect effect, string handoverBy = "org:resource")
    {
        ArgumentNullException.ThrowIfNull(log);
        ArgumentNullException.ThrowIfNull(effect);
        var member = new bool[log.CaseCount];
        if (effect.Kind == PlantedEffectKind.Handover)
        {
            var (codes, names) = AttributeCodes.ForEvents(log, handoverBy);
            int from = names.IdOf(effect.From ?? string.Empty), to = names.IdOf(effect.To ?? string.Empty);
            if (from < 0 || to < 0)
            {
                throw new ArgumentException($"The log has no {handoverBy} '{(from < 0 ? effect.From : effect.To)}'.", nameof(effect));
            }

            for (int c = 0; c < log.CaseCount; c++)
            {
                for (int e = log.CaseStart(c) + 1; e < log.CaseEnd(c) && !member[c]; e++)
                {
                    member[c] = codes[e - 1] == from && codes[e] == to;
                }
            }

            return member;
        }

        int activity = log.ActivityNames.IdOf(effect.Activity ?? string.Empty);
        if (activity < 0)
        {
            throw new ArgumentException($"The log has no activity '{effect.Activity}'.", nameof(effect));
        }

        int needed = effect.Kind == PlantedEffectKind.Repeat ? 2 : 1;
        for (int c = 0; c < log.CaseCount; c++)
        {
            int count = 0;
            foreach (int a in log.CaseActivities(c))
            {
                count += a == activity ? 1 : 0;
            }

            member[c] = count >= needed;
        }

        return member;
    }

    /// <summary>A 1-5 item score that follows the 0-10 overall score, with a little noise.</summary>
    private static int Item(int overall, double u) => Math.Clamp((int)Math.Round((overall / 2.5) + 1 + (u - 0.5), MidpointRounding.AwayFromZero), 1, 5);

    /// <summary>A standard normal value (Box-Muller).</summary>
    private static double Normal(SeededRandom random)
    {
        double u1 = 1.0 - random.NextDouble();
        double u2 = random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }
}
