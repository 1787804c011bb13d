namespace Stepwise.Text.Sentiment;

/// <summary>How <see cref="SentimentCalibration"/> fits a model; the defaults are those of the model that ships.</summary>
public sealed record SentimentCalibrationOptions
{
    private readonly IReadOnlyList<double> _penalties = [1e-5, 3e-5, 1e-4, 3e-4];
    private readonly int _minDocuments = 3;
    private readonly int _passes = 12;
    private readonly double _learningRate = 0.5;
    private readonly int _shortCommentMaxWords = 15;

    /// <summary>The seed of every shuffle: the same data, options and seed fit the same model.</summary>
    public long Seed { get; init; } = 20_240_601;

    /// <summary>L2 penalties tried; the one with the best validation log-loss is used.</summary>
    public IReadOnlyList<double> Penalties
    {
        get => _penalties;
        init => _penalties = value is { Count: > 0 } && value.All(p => p >= 0 && double.IsFinite(p))
            ? value
            : throw new ArgumentException("At least one penalty, each zero or more, is needed.", nameof(value));
    }

    /// <summary>A word or pair becomes a feature when it is in at least this many comments.</summary>
    public int MinDocuments
    {
        get => _minDocuments;
        init => _minDocuments = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "At least one comment.");
    }

    /// <summary>Passes of stochastic gradient descent over the comments.</summary>
    public int Passes
    {
        get => _passes;
        init => _passes = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "At least one pass.");
    }

    /// <summary>The initial learning rate.</summary>
    public double LearningRate
    {
        get => _learningRate;
        init => _learningRate = value > 0 && double.IsFinite(value) ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "A positive rate.");
    }

    /// <summary>Features whose weight is smaller than this are dropped from the model.</summary>
    public double MinWeight { get; init; } = 0.02;

    /// <summary>Comments of at most this many words are short: the extra weight of the lexicon in them is fitted on
    /// them and fades to nothing after this length (see <see cref="SentimentModel.LexiconWeight"/>).</summary>
    public int ShortCommentMaxWords
    {
        get => _shortCommentMaxWords;
        init => _shortCommentMaxWords = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "At least one word.");
    }

    /// <summary>At most this many word features are kept (the largest weights).</summary>
    public int MaxFeatures { get; init; } = 12_000;
}
