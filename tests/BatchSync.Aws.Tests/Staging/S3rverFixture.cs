using Amazon.Runtime;
using Amazon.S3;
using BatchSync.Aws.Staging;
using BatchSync.Testing;

namespace BatchSync.Aws.Tests.Staging;

/// <summary>One real s3rver for the test class, with a fresh bucket per test through <see cref="NewStoreAsync"/>.</summary>
public sealed class S3rverFixture : IAsyncLifetime
{
    private S3rverServer? _server;

    public IAmazonS3 Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _server = await S3rverServer.StartAsync();
        Client = S3ClientFactory.Create(_server.ServiceUrl, "us-east-1", new BasicAWSCredentials(S3rverServer.AccessKey, S3rverServer.SecretKey));
    }

    public async Task<(S3StagingStore Store, S3StagingLocation Location)> NewStoreAsync(string prefix = "batchsync/")
    {
        var bucket = "bs-" + Guid.NewGuid().ToString("N")[..16];
        await Client.PutBucketAsync(bucket);
        var location = S3StagingLocation.Parse($"s3://{bucket}/{prefix}");
        return (new S3StagingStore(Client, location), location);
    }

    public async Task DisposeAsync()
    {
        Client?.Dispose();
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
