namespace BatchSync.Aws.Batch;

/// <summary>
/// Where the lanes of a run go on AWS Batch. From the run job's environment (set by the job definition):
/// BATCHSYNC_JOB_QUEUE, BATCHSYNC_WORK_JOB_DEFINITION, optional BATCHSYNC_WORK_ATTEMPTS (default 3) and
/// BATCHSYNC_POLL_SECONDS (default 15).
/// </summary>
public sealed record BatchLaunchOptions
{
    public required string JobQueue { get; init; }

    public required string WorkJobDefinition { get; init; }

    /// <summary>Attempts per child (Batch retries a child that exits non-zero; children skip items already done).</summary>
    public int Attempts { get; init; } = 3;

    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(15);

    public void Validate()
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(JobQueue);
        ArgumentException.ThrowIfNullOrWhiteSpace(WorkJobDefinition);
        ArgumentOutOfRangeException.ThrowIfLessThan(Attempts, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(Attempts, 10);
        ArgumentOutOfRangeException.ThrowIfLessThan(PollInterval, TimeSpan.Zero);
    }

    /// <exception cref="InvalidOperationException">A required variable is missing or a value is malformed; the message names it.</exception>
    public static BatchLaunchOptions FromEnvironment(Func<string, string?>? environment = null)
    {
        environment ??= Environment.GetEnvironmentVariable;
        string Required(string name) => environment(name) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException($"{name} is not set: the run job definition must name the job queue and the work job definition (see docs/aws.md), or run with --local.");
        int Number(string name, int fallback) => environment(name) is { Length: > 0 } text
            ? int.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : throw new InvalidOperationException($"{name}='{text}' is not a whole number.")
            : fallback;

        var options = new BatchLaunchOptions
        {
            JobQueue = Required("BATCHSYNC_JOB_QUEUE"),
            WorkJobDefinition = Required("BATCHSYNC_WORK_JOB_DEFINITION"),
            Attempts = Number("BATCHSYNC_WORK_ATTEMPTS", 3),
            PollInterval = TimeSpan.FromSeconds(Number("BATCHSYNC_POLL_SECONDS", 15)),
        };
        options.Validate();
        return options;
    }
}
