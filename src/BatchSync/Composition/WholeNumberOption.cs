using System.CommandLine;
using System.Globalization;

namespace BatchSync.Composition;

/// <summary>An option taking a whole number within bounds; anything else is a parse error naming the option and the bounds.</summary>
internal static class WholeNumberOption
{
    public static Option<int?> Create(string name, string description, int minimum, int maximum) => new(name)
    {
        Description = description,
        CustomParser = result =>
        {
            var token = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
            if (int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= minimum && value <= maximum)
            {
                return value;
            }

            result.AddError($"{name} must be a whole number from {minimum} to {maximum}, not '{token}'");
            return null;
        },
    };
}
