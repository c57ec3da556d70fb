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
    public async Task A_writer_that_never_finished_is_withdrawn_and_committed_objects_stay()
    {
        var store = new LocalFolderStagingStore(_root);
        await store.WriteObjectAsync("items/00000/part-00000.csv.gz", new byte[] { 1 }, CancellationToken.None);
        // A process killed mid-write neither commits nor disposes its writer.
        var killed = await store.OpenWriterAsync("items/00000/part-00001.csv.gz", CancellationToken.None);
        await killed.WriteAsync(new byte[] { 2, 3 }, CancellationToken.None);
        var other = await store.OpenWriterAsync("items/00001/part-00000.csv.gz", CancellationToken.None);

        var withdrawn = await store.WithdrawUnfinishedAsync("items/00000/", CancellationToken.None);

        Assert.Equal(1, withdrawn);
        Assert.Equal(["part-00000.csv.gz"], Directory.GetFiles(Path.Combine(_root, "items", "00000")).Select(Path.GetFileName));
        Assert.Single(Directory.GetFiles(Path.Combine(_root, "items", "00001")));
        await other.DisposeAsync();
    }

    [Fact]
    public async Task A_read_can_start_at_an_offset()
    {
        var store = new LocalFolderStagingStore(_root);
        await store.WriteObjectAsync("part.csv.gz", new byte[] { 1, 2, 3, 4, 5 }, CancellationToken.None);

        await using var stream = await store.OpenReadAsync("part.csv.gz", 3, CancellationToken.None);
        using var copy = new MemoryStream();
        await stream!.CopyToAsync(copy);

        Assert.Equal(new byte[] { 4, 5 }, copy.ToArray());
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
