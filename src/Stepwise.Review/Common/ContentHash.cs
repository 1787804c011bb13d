using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Stepwise.Review.Common;

/// <summary>
/// A SHA-256 digest in lower-case hexadecimal: of a data file's bytes (a data hash) or of an artefact's canonical
/// JSON (a version hash). Decisions name the hash of what they were made on, so they can be traced to it.
/// </summary>
[JsonConverter(typeof(ContentHashJsonConverter))]
public readonly record struct ContentHash
{
    private readonly string? _hex;

    /// <summary>Creates a hash from 64 hexadecimal digits (any case).</summary>
    /// <exception cref="ReviewRuleException">The text is not 64 hexadecimal digits.</exception>
    public ContentHash(string hex)
    {
        if (hex is null || hex.Length != 64 || !hex.All(Uri.IsHexDigit))
        {
            throw new ReviewRuleException($"'{hex}' is not a SHA-256 hash (64 hexadecimal digits expected).");
        }

        _hex = hex.ToLowerInvariant();
    }

    /// <summary>The 64 lower-case hexadecimal digits.</summary>
    public string Hex => _hex ?? throw new InvalidOperationException("An empty content hash has no value.");

    /// <summary>Whether this is the default (empty) value.</summary>
    public bool IsEmpty => _hex is null;

    /// <summary>The hash of <paramref name="bytes"/>.</summary>
    public static ContentHash Of(ReadOnlySpan<byte> bytes) => new(Convert.ToHexStringLower(SHA256.HashData(bytes)));

    /// <summary>The hash of a stream's remaining bytes.</summary>
    public static ContentHash Of(Stream stream) => new(Convert.ToHexStringLower(SHA256.HashData(stream)));

    /// <summary>The hash of a file's bytes.</summary>
    public static ContentHash OfFile(string path)
    {
        using var stream = File.OpenRead(path);
        return Of(stream);
    }

    /// <summary>The first 12 digits, enough to tell versions apart on screen.</summary>
    public string Short => Hex[..12];

    /// <inheritdoc />
    public override string ToString() => _hex ?? string.Empty;
}

internal sealed class ContentHashJsonConverter : JsonConverter<ContentHash>
{
    public override ContentHash Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        => new(reader.GetString() ?? string.Empty);

    public override void Write(Utf8JsonWriter writer, ContentHash value, JsonSerializerOptions options)
        => writer.WriteStringValue(value.Hex);
}
