namespace BatchSync.Infra.Configuration;

/// <summary>The stack cannot be built as configured; the message lists every problem and how to fix it.</summary>
public sealed class InvalidSettingsException : Exception
{
    public InvalidSettingsException()
    {
    }

    public InvalidSettingsException(string message)
        : base(message)
    {
    }

    public InvalidSettingsException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public InvalidSettingsException(IReadOnlyList<string> problems)
        : base(Describe(problems))
    {
        Problems = problems;
    }

    public IReadOnlyList<string> Problems { get; } = [];

    private static string Describe(IReadOnlyList<string> problems) =>
        "BatchSync infrastructure settings are not valid:" + string.Concat(problems.Select(p => Environment.NewLine + "  - " + p));
}
