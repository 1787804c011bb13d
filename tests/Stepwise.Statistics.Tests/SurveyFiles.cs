using Stepwise.Statistics.Feedback;
using Stepwise.Testing;

namespace Stepwise.Statistics.Tests;

/// <summary>The two real survey files, imported once per test run with the options a user would give.</summary>
internal static class SurveyFiles
{
    public const string BaHash = "ba41f0628c05072aa874144b260466b0d5ddbabce9750c33004233ab456d8c66";
    public const string AirlineHash = "0d7989edcb53b33c6365bf02b4ea58ea16376cc573ac656d27efd946f6d9ba8e";

    private static readonly Lazy<FeedbackImport> BaImport = new(() => FeedbackReader.Read(BaPath));
    private static readonly Lazy<FeedbackImport> AirlineImport = new(() => FeedbackReader.Read(AirlinePath, AirlineOptions));

    public static string BaPath => SharedData.PathOf("surveys/BA_AirlineReviews.csv");

    public static string AirlinePath => SharedData.PathOf("surveys/airline_passenger_satisfaction_kaggle_test.csv");

    /// <summary>The source documents 0 as "not applicable" on the 1-5 items of the airline file.</summary>
    public static FeedbackImportOptions AirlineOptions => new() { NotApplicableValues = ["0"] };

    public static FeedbackImport Ba => BaImport.Value;

    public static FeedbackImport Airline => AirlineImport.Value;
}
