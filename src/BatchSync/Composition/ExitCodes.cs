namespace BatchSync.Composition;

/// <summary>The exit codes of run, plan, work and status: what a scheduler or script can act on.</summary>
internal static class ExitCodes
{
    public const int Success = 0;

    /// <summary>Some table or item failed; the others finished.</summary>
    public const int Failed = 1;

    /// <summary>Bad usage or an invalid workflow: nothing was run.</summary>
    public const int Usage = 2;

    /// <summary>Interrupted (Ctrl-C, SIGTERM); the run can be resumed with its run id.</summary>
    public const int Cancelled = 130;
}
