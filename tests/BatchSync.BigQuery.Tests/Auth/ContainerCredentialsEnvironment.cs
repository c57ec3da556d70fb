using BatchSync.Aws.Fake;

namespace BatchSync.BigQuery.Tests.Auth;

/// <summary>
/// Makes this process look like a container whose role credentials come only from the container credentials
/// endpoint: no keys in the environment, no profile, no instance metadata. Restores the environment on dispose.
/// </summary>
internal sealed class ContainerCredentialsEnvironment : IDisposable
{
    private readonly Dictionary<string, string?> _saved = [];

    public ContainerCredentialsEnvironment(FakeContainerCredentials endpoint)
    {
        var missing = Path.Combine(Path.GetTempPath(), "batchsync-no-aws-" + Guid.NewGuid().ToString("N"));
        Set("AWS_ACCESS_KEY_ID", null);
        Set("AWS_SECRET_ACCESS_KEY", null);
        Set("AWS_SESSION_TOKEN", null);
        Set("AWS_PROFILE", null);
        Set("AWS_SHARED_CREDENTIALS_FILE", missing);
        Set("AWS_CONFIG_FILE", missing);
        Set("AWS_EC2_METADATA_DISABLED", "true");
        Set("AWS_CONTAINER_CREDENTIALS_RELATIVE_URI", null);
        Set("AWS_CONTAINER_CREDENTIALS_FULL_URI", endpoint.FullUri.AbsoluteUri);
        Set("AWS_CONTAINER_AUTHORIZATION_TOKEN", endpoint.AuthorizationToken);
    }

    public void Dispose()
    {
        foreach (var (name, value) in _saved)
        {
            Environment.SetEnvironmentVariable(name, value);
        }
    }

    private void Set(string name, string? value)
    {
        _saved.TryAdd(name, Environment.GetEnvironmentVariable(name));
        Environment.SetEnvironmentVariable(name, value);
    }
}

/// <summary>
/// One container credentials endpoint for a test class, set in the environment: the AWS SDK resolves its default
/// chain once per process, so every test must see the same endpoint. Its key sets live two minutes, which the SDK
/// treats as due for renewal, so every use fetches a new set, as role credentials rotate hours into a run.
/// </summary>
public sealed class ContainerRoleFixture : IAsyncLifetime
{
    private ContainerCredentialsEnvironment? _environment;

    public FakeContainerCredentials Endpoint { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Endpoint = await FakeContainerCredentials.StartAsync();
        Endpoint.Lifetime = TimeSpan.FromMinutes(2);
        _environment = new ContainerCredentialsEnvironment(Endpoint);
    }

    public async Task DisposeAsync()
    {
        _environment?.Dispose();
        await Endpoint.DisposeAsync();
    }
}

/// <summary>Tests that change process-wide environment variables run one at a time.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessEnvironmentCollection
{
    public const string Name = "process environment";
}
