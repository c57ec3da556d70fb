using System.IO.Compression;
using BatchSync.Core.Stage;
using BatchSync.MySql.Extract;
using BatchSync.MySql.Schema;
using BatchSync.MySql.Tests.Csv;
using BatchSync.Testing;

namespace BatchSync.MySql.Tests.Extract;

/// <summary>Runs a real export against the shared MariaDB into a temporary folder and reads the parts back independently.</summary>
internal sealed class ExportHarness : IDisposable
{
    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "batchsync-export-" + Guid.NewGuid().ToString("N"));

    public static async Task<MySqlConnectionOptions> ConnectionAsync(string database)
    {
        var server = await SharedMariaDb.GetAsync();
        return new MySqlConnectionOptions
        {
            Host = server.Host,
            Port = server.Port,
            User = "root",
            Password = MariaDbServer.RootPassword,
            Database = database,
            TlsMode = MySqlTlsMode.Disabled,
        };
    }

    public async Task<ExportResult> ExportAsync(TableQuery query, Func<TableExportOptions, TableExportOptions>? configure = null)
    {
        var options = new TableExportOptions { Connection = await ConnectionAsync(query.Database), Query = query };
        options = configure?.Invoke(options) ?? options;
        return await TableExporter.ExportAsync(options, new LocalFolderStagingStore(Folder), progress: null, CancellationToken.None);
    }

    /// <summary>Every record of every part, in part order, read with the test's own RFC 4180 reader.</summary>
    public static List<string?[]> ReadRecords(ExportResult result)
    {
        var records = new List<string?[]>();
        foreach (var part in result.Parts)
        {
            using var gzip = new GZipStream(File.OpenRead(part.Uri), CompressionMode.Decompress);
            using var csv = new MemoryStream();
            gzip.CopyTo(csv);
            records.AddRange(Rfc4180Reader.Read(csv.ToArray()));
        }

        return records;
    }

    public IEnumerable<string> PartFiles() => Directory.Exists(Folder) ? Directory.EnumerateFiles(Folder) : [];

    public void Dispose()
    {
        if (Directory.Exists(Folder))
        {
            Directory.Delete(Folder, recursive: true);
        }
    }
}
