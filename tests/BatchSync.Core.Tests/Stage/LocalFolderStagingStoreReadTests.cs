using System.Text;
using BatchSync.Core.Stage;

namespace BatchSync.Core.Tests.Stage;

public sealed class LocalFolderStagingStoreReadTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "batchsync-read-" + Guid.NewGuid().ToString("N")[..10]);

    [Fact]
    public async Task A_committed_object_reads_back_byte_for_byte()
    {
        var store = new LocalFolderStagingStore(_root);
        var bytes = Encoding.UTF8.GetBytes("1,\"日本語 😀\"\n");
        await store.WriteObjectAsync("runs/w/r/part-00000.csv.gz", bytes, CancellationToken.None);

        await using var stream = await store.OpenReadAsync("runs/w/r/part-00000.csv.gz", CancellationToken.None);
        using var copy = new MemoryStream();
        await stream!.CopyToAsync(copy);

        Assert.Equal(bytes, copy.ToArray());
    }

    [Fact]
    public async Task An_object_that_was_never_committed_reads_as_missing()
    {
        var store = new LocalFolderStagingStore(_root);
        await using var writer = await store.OpenWriterAsync("pending.csv.gz", CancellationToken.None);
        await writer.WriteAsync(new byte[] { 1, 2, 3 }, CancellationToken.None);

        Assert.Null(await store.OpenReadAsync("pending.csv.gz", CancellationToken.None));
        Assert.Null(await store.OpenReadAsync("absent.csv.gz", CancellationToken.None));
    }

    [Fact]
    public async Task Names_outside_the_folder_are_refused()
    {
        var store = new LocalFolderStagingStore(_root);

        await Assert.ThrowsAsync<ArgumentException>(() => store.OpenReadAsync("../escape.txt", CancellationToken.None));
    }

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }
}
