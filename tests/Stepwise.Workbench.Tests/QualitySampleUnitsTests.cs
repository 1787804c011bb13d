using System.Security.Cryptography;
using Stepwise.Testing;
using Stepwise.Workbench.Problems;
using Stepwise.Workbench.Quality;
using Stepwise.Workbench.Reviews;
using Stepwise.Workbench.Sampling;

namespace Stepwise.Workbench.Tests;

/// <summary>
/// A kept sample's units can be downloaded again after the draw: the file is byte for byte the units file written at
/// the draw (its SHA-256 is the sample's units hash), with the ids as drawn: the population's own, or keyed
/// pseudonyms when the draw had a key.
/// </summary>
public sealed class QualitySampleUnitsTests : IDisposable
{
    private static readonly string Airline = SharedData.PathOf("surveys/airline_passenger_satisfaction_kaggle_test.csv");
    private readonly string _folder = Directory.CreateTempSubdirectory("stepwise-units-").FullName;
    private readonly BenchFixture _f = new();

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Theory]
    [InlineData(null)]
    [InlineData("a key of the review team")]
    public void SampleUnits_AreTheUnitsFileOfTheDraw_WithTheIdsAsDrawn(string? key)
    {
        var id = _f.Bench.Reviews.Create(_f.Admin, new NewReview { Title = "Passenger satisfaction", Quality = true }).Id;
        string units = Path.Combine(_folder, "units.csv");
        var (saved, drawn) = _f.Bench.Quality.DrawSample(_f.Admin, id, new QualitySampleRequest
        {
            Name = "By class",
            Population = Airline,
            Draw = new SampleDrawRequest { Id = "id", Strata = ["Class"], Size = 400, Seed = 11, PseudonymiseKey = key },
            Output = units,
        });

        var download = _f.Bench.Quality.SampleUnits(_f.Admin, id, "By class");

        Assert.Equal(File.ReadAllBytes(units), download.Content);
        Assert.Equal(saved.Value.UnitsHash!.Value.Hex, Convert.ToHexStringLower(SHA256.HashData(download.Content)));
        Assert.Equal("units.csv", download.FileName);
        Assert.Equal(400, download.Units);
        Assert.Equal(key is not null, download.Pseudonymised);

        // The ids, read with a plain split (the airline file has no quoted fields): the draw's, in its order.
        var lines = System.Text.Encoding.UTF8.GetString(download.Content).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("id,Class,stratum,weight", lines[0]);
        var ids = lines.Skip(1).Select(l => l.Split(',')[0]).ToList();
        Assert.Equal(drawn.UnitIds, ids);
        var population = File.ReadLines(Airline).Skip(1).Select(l => l.Split(',')).ToDictionary(r => r[1], r => r[6], StringComparer.Ordinal);
        if (key is null)
        {
            // Each id is the population's, with its class.
            foreach (var row in lines.Skip(1).Select(l => l.Split(',')))
            {
                Assert.Equal(population[row[0]], row[1]);
            }
        }
        else
        {
            Assert.All(ids, i => Assert.False(population.ContainsKey(i), $"{i} is a raw id"));
        }

        // Another reader of the same review gets the same file; a name that is no sample is not found.
        Assert.Equal(download.Content, _f.Bench.Quality.SampleUnits(_f.Admin, id, saved.Value.Id.ToString("D")).Content);
        var missing = Assert.Throws<StepwiseException>(() => _f.Bench.Quality.SampleUnits(_f.Admin, id, "No such sample"));
        Assert.Equal(ProblemKind.NotFound, missing.Kind);
    }
}
