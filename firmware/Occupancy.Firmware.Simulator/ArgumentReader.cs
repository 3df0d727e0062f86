using System.Globalization;

namespace Occupancy.Firmware.Simulator;

/// <summary>Reads option values and keeps the first problem found.</summary>
internal sealed class ArgumentReader(Dictionary<string, string> values)
{
    public string? Error { get; private set; }

    public bool Has(string name) => values.ContainsKey(name);

    public string? Text(string name) => values.GetValueOrDefault(name);

    public string? Required(string name)
    {
        if (values.TryGetValue(name, out var value))
        {
            return value;
        }

        Fail($"{name} is required");
        return null;
    }

    public int? Number(string name, int min, int max, bool required = false)
    {
        string? text = required ? Required(name) : values.GetValueOrDefault(name);
        if (text is null)
        {
            return null;
        }

        if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out int number) || number < min || number > max)
        {
            Fail($"{name} must be a whole number from {min} to {max}, not '{text}'");
            return null;
        }

        return number;
    }

    public double? Decimal(string name, double min, double max)
    {
        string? text = values.GetValueOrDefault(name);
        if (text is null)
        {
            return null;
        }

        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double number) || !double.IsFinite(number) || number < min || number > max)
        {
            Fail(string.Create(CultureInfo.InvariantCulture, $"{name} must be a number from {min} to {max}, not '{text}'"));
            return null;
        }

        return number;
    }

    public void Fail(string error) => Error ??= error;
}
