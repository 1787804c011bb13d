using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Stepwise.Web.Api.Json;

/// <summary>
/// The API's JSON: snake_case names (the command line's option names: <c>--where-not</c> is <c>where_not</c>), enums
/// as snake_case strings (as in exported reviews), unknown fields refused, nulls only where a field may be empty.
/// </summary>
internal static class ApiJson
{
    /// <summary>The largest JSON request body accepted (uploads have their own, larger bound).</summary>
    public const int MaxBodyBytes = 1 << 20;

    /// <summary>How deep a request's objects and lists may nest.</summary>
    public const int MaxDepth = 32;

    /// <summary>Applies the API's settings to serializer options.</summary>
    public static void Configure(JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
        options.DictionaryKeyPolicy = null;
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false));
        options.Converters.Add(new FiniteDoubleConverter());
        options.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
        options.RespectNullableAnnotations = true;
        options.RespectRequiredConstructorParameters = true;
        options.NumberHandling = JsonNumberHandling.Strict;
        options.Encoder = JavaScriptEncoder.Default;
        options.MaxDepth = MaxDepth;
    }

    /// <summary>The name a member has in the API's JSON (snake_case).</summary>
    public static string Name(string member) => JsonNamingPolicy.SnakeCaseLower.ConvertName(member);
}
