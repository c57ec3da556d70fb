namespace BatchSync.Composition.BigQueryDestination;

/// <summary>
/// A BigQuery endpoint on this machine (an emulator or a test fake). Only there, and only without credentials, does
/// BatchSync send a fixed bearer token instead of Google credentials: a real endpoint always gets real credentials.
/// </summary>
internal static class EmulatorEndpoint
{
    /// <summary>The bearer token sent to a loopback endpoint when destination.credentials is absent.</summary>
    public const string Token = "batchsync-emulator";

    public static bool IsLoopback(Uri? endpoint) => endpoint is { IsAbsoluteUri: true, IsLoopback: true };
}
