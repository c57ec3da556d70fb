using System.Globalization;
using BatchSync.Core.Workflows.Model;

namespace BatchSync.Core.Workflows.References;

/// <summary>
/// Turns <see cref="ValueReference"/>s into values: literals as written, <c>env:</c> from the process environment,
/// <c>secret:</c> from an <see cref="ISecretSource"/> (with <c>#key</c> picking one field of a JSON secret).
/// </summary>
public sealed class ReferenceResolver
{
    private readonly ISecretSource? _secrets;
    private readonly Func<string, string?> _environment;

    /// <param name="secrets">Null when no secret store is configured; a <c>secret:</c> reference then fails clearly.</param>
    /// <param name="environment">Reads an environment variable; the process environment when null.</param>
    public ReferenceResolver(ISecretSource? secrets, Func<string, string?>? environment = null)
    {
        _secrets = secrets;
        _environment = environment ?? Environment.GetEnvironmentVariable;
    }

    public async ValueTask<SecretValue> ResolveAsync(ValueReference reference, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reference);
        return reference switch
        {
            LiteralValue literal => new SecretValue(literal.Value),
            EnvReference env => new SecretValue(_environment(env.Name)
                ?? throw new ReferenceResolutionException($"environment variable {env.Name} is not set (referenced as {env})")),
            SecretReference secret => await ResolveSecretAsync(secret, cancellationToken),
            _ => throw new ArgumentOutOfRangeException(nameof(reference), reference.GetType().Name, "unknown reference kind"),
        };
    }

    /// <summary>
    /// The connection for <paramref name="source"/>: fields of the <c>connection</c> secret (RDS shape: host, port,
    /// username, password, dbname) overridden by any part set explicitly.
    /// </summary>
    public async ValueTask<ConnectionParts> ResolveConnectionAsync(SourceSettings source, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        var fromSecret = source.Connection is null
            ? RdsSecretFields.Empty
            : RdsSecretFields.Parse(await ResolveAsync(source.Connection, cancellationToken), source.Connection);

        var host = await ResolvePartAsync(source.Host, cancellationToken) ?? fromSecret.Host;
        var portText = await ResolvePartAsync(source.Port, cancellationToken) ?? fromSecret.Port;
        var user = await ResolvePartAsync(source.User, cancellationToken) ?? fromSecret.Username;
        var password = source.Password is null ? fromSecret.Password : await ResolveAsync(source.Password, cancellationToken);
        var database = await ResolvePartAsync(source.Database, cancellationToken) ?? fromSecret.DbName;

        if (string.IsNullOrEmpty(host))
        {
            throw new ReferenceResolutionException("the source has no host: set source.host or a connection secret with a \"host\" field");
        }

        if (string.IsNullOrEmpty(user))
        {
            throw new ReferenceResolutionException("the source has no user: set source.user or a connection secret with a \"username\" field");
        }

        return new ConnectionParts(host, ParsePort(portText), user, password, database);
    }

    private async ValueTask<string?> ResolvePartAsync(ValueReference? reference, CancellationToken cancellationToken) =>
        reference is null ? null : (await ResolveAsync(reference, cancellationToken)).Reveal();

    private static int ParsePort(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return ConnectionParts.DefaultPort;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is > 0 and <= 65535
            ? port
            : throw new ReferenceResolutionException("the source port is not a number between 1 and 65535");
    }

    private async ValueTask<SecretValue> ResolveSecretAsync(SecretReference reference, CancellationToken cancellationToken)
    {
        if (_secrets is null)
        {
            throw new ReferenceResolutionException($"{reference} needs a secret store, but none is configured (pass --secrets FILE when running locally)");
        }

        var text = await _secrets.GetSecretStringAsync(reference.SecretId, cancellationToken);
        return reference.JsonKey is null
            ? new SecretValue(text)
            : new SecretValue(JsonSecret.ReadKey(text, reference));
    }
}
