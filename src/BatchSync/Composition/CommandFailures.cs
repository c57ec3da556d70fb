using BatchSync.Core.Load;
using BatchSync.Core.Planning;
using BatchSync.Core.Runs;
using BatchSync.Core.Workflows.References;

namespace BatchSync.Composition;

/// <summary>
/// Turns what ends a command early into a message and an exit code: a sentence that says what to do,
/// not a stack trace. Unexpected exceptions still name their type, so a bug report has something to go on.
/// </summary>
internal static class CommandFailures
{
    // ER_ACCESS_DENIED_ERROR, ER_ACCESS_DENIED_NO_PASSWORD_ERROR
    private const int AccessDenied = 1045;
    private const int AccessDeniedNoPassword = 1698;

    private static bool IsAccessDenied(Exception? exception)
    {
        for (; exception is not null; exception = exception.InnerException)
        {
            if (exception is BatchSync.MySql.MySqlServerException { ErrorCode: AccessDenied or AccessDeniedNoPassword })
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>An argument error's message without .NET's "(Parameter 'x')" suffix, which names code, not anything the user wrote.</summary>
    private static string MessageOf(Exception exception)
        => exception is ArgumentException { ParamName: { } name } argument
            ? argument.Message.Replace($" (Parameter '{name}')", "", StringComparison.Ordinal)
            : exception.Message;

    public static async Task<int> RunAsync(TextWriter error, Func<Task<int>> command, CancellationToken cancellationToken)
    {
        try
        {
            return await command();
        }
        catch (Exception) when (cancellationToken.IsCancellationRequested)
        {
            await error.WriteLineAsync("cancelled: items in progress were left unfinished; run the same command again (same --run-id) to resume.");
            return ExitCodes.Cancelled;
        }
        catch (UsageException exception)
        {
            await error.WriteLineAsync($"error: {exception.Message}");
            return ExitCodes.Usage;
        }
        catch (Exception exception) when (exception is ReferenceResolutionException or SecretNotFoundException or WorkflowChangedException or ArgumentException or FormatException)
        {
            await error.WriteLineAsync($"error: {MessageOf(exception)}");
            return ExitCodes.Usage;
        }
        catch (BatchSync.MySql.MySqlException exception)
        {
            await error.WriteLineAsync(IsAccessDenied(exception)
                ? $"error: the source refused the login: {exception.Message.TrimEnd('.')}. Check source.user and the password the workflow's source names "
                    + "(the secret in Secrets Manager or --secrets, or the environment variable), and that this user may connect from here."
                : $"error: {exception.Message}");
            return ExitCodes.Failed;
        }
        catch (Exception exception) when (exception is UnauthorizedAccessException)
        {
            await error.WriteLineAsync($"error: {exception.Message} Check that the staging folder (staging.uri or --staging) is one this user may write, and that the files named exist.");
            return ExitCodes.Failed;
        }
        catch (Exception exception) when (exception is IOException or SourceTableException or DestinationException or TimeoutException or System.Net.Sockets.SocketException or BatchSync.Aws.AwsServiceException or Amazon.S3.AmazonS3Exception)
        {
            await error.WriteLineAsync($"error: {exception.Message}");
            return ExitCodes.Failed;
        }
        catch (Exception exception)
        {
            await error.WriteLineAsync($"error: {exception.GetType().Name}: {exception.Message}");
            if (Environment.GetEnvironmentVariable("BATCHSYNC_TRACE") == "1")
            {
                await error.WriteLineAsync(exception.ToString());
            }
            else
            {
                await error.WriteLineAsync("(set BATCHSYNC_TRACE=1 to see where it happened)");
            }

            return ExitCodes.Failed;
        }
    }
}
