using System.Runtime.InteropServices;

namespace BatchSync.Composition;

/// <summary>
/// SIGINT (Ctrl-C) and SIGTERM (how AWS Batch stops a job: timeout, terminate, Spot/Fargate reclaim) cancel the
/// command instead of killing the process, so items in progress are recorded as failed and temporary parts are
/// withdrawn. The process then exits with 128 + the signal number (130, 143). A second signal, or clean-up that takes
/// longer than the grace period, ends the process at once with the same code.
/// </summary>
internal sealed class TerminationSignals : IDisposable
{
    private const int SigInt = 2;
    private const int SigTerm = 15;

    private readonly CancellationTokenSource _cancel = new();
    private readonly TimeSpan _grace;
    private readonly List<PosixSignalRegistration> _registrations = [];
    private int _signal;

    private TerminationSignals(TimeSpan grace)
    {
        _grace = grace;
        _registrations.Add(PosixSignalRegistration.Create(PosixSignal.SIGINT, context => Receive(context, SigInt)));
        _registrations.Add(PosixSignalRegistration.Create(PosixSignal.SIGTERM, context => Receive(context, SigTerm)));
    }

    /// <summary>Cancelled when the first signal arrives.</summary>
    public CancellationToken Token => _cancel.Token;

    /// <summary>130 after SIGINT, 143 after SIGTERM; null when no signal arrived.</summary>
    public int? ExitCode => Volatile.Read(ref _signal) is var signal and > 0 ? 128 + signal : null;

    /// <param name="grace">How long clean-up may take before the process ends anyway (AWS Batch sends SIGKILL 30 s after SIGTERM).</param>
    public static TerminationSignals Register(TimeSpan grace) => new(grace);

    public void Dispose()
    {
        foreach (var registration in _registrations)
        {
            registration.Dispose();
        }

        _cancel.Dispose();
    }

    private void Receive(PosixSignalContext context, int signal)
    {
        // Keep the runtime from terminating the process: the command winds down and returns its exit code.
        context.Cancel = true;
        if (Interlocked.CompareExchange(ref _signal, signal, 0) != 0)
        {
            Environment.Exit(ExitCode ?? 128 + signal);
            return;
        }

        Console.Error.WriteLine(signal == SigInt
            ? "Interrupted: stopping (items in progress are recorded as failed); press Ctrl-C again to stop at once."
            : "Received SIGTERM: stopping (items in progress are recorded as failed).");
        _cancel.Cancel();
        _ = ExitAfterGraceAsync(128 + signal);
    }

    private async Task ExitAfterGraceAsync(int exitCode)
    {
        await Task.Delay(_grace, CancellationToken.None);
        await Console.Error.WriteLineAsync($"Clean-up did not finish within {_grace.TotalSeconds:N0} s; exiting now.");
        Environment.Exit(exitCode);
    }
}
