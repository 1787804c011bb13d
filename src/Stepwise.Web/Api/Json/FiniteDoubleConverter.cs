using System.Text.Json;
using System.Text.Json.Serialization;

namespace Stepwise.Web.Api.Json;

/// <summary>
/// Numbers that are not finite (an empty set's mean, an interval that cannot be computed) are written as null, which
/// JSON can carry, instead of failing the answer; numbers read must be JSON numbers.
/// </summary>
internal sealed class FiniteDoubleConverter : JsonConverter<double>
{
    public override bool HandleNull => false;

    public override double Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.GetDouble();

    public override void Write(Utf8JsonWriter writer, double value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (double.IsFinite(value))
        {
            writer.WriteNumberValue(value);
        }
        else
        {
            writer.WriteNullValue();
        }
    }
}
