using System.Buffers;
using Amazon.S3;
using Amazon.S3.Model;
using BatchSync.Core.Stage;

namespace BatchSync.Aws.Staging;

/// <summary>
/// Streams one object into S3 as a multipart upload: bytes collect in a buffer of <see cref="PartSize"/>, each full
/// buffer is uploaded while the next one fills, and <see cref="CommitAsync"/> completes the upload. Until then the
/// object does not exist; disposing without a commit aborts the upload so no half object or orphaned parts remain.
/// Objects smaller than one part go up as a single PUT.
/// </summary>
internal sealed class S3MultipartObjectWriter : IStagedObjectWriter
{
    /// <summary>8 MiB: above S3's 5 MiB minimum, small enough that two buffers keep memory flat.</summary>
    public const int PartSize = 8 * 1024 * 1024;

    private readonly IAmazonS3 _client;
    private readonly S3StagingLocation _location;
    private readonly S3Encryption _encryption;
    private readonly string _key;
    private readonly List<PartETag> _uploadedParts = [];
    private byte[] _buffer = ArrayPool<byte>.Shared.Rent(PartSize);
    private int _buffered;
    private long _length;
    private string? _uploadId;
    private Task? _partInFlight;
    private bool _finished;

    public S3MultipartObjectWriter(IAmazonS3 client, S3StagingLocation location, S3Encryption encryption, string name)
    {
        _client = client;
        _location = location;
        _encryption = encryption;
        Name = name;
        _key = location.KeyOf(name);
    }

    public string Name { get; }

    public async ValueTask WriteAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_finished, this);
        while (!data.IsEmpty)
        {
            var take = Math.Min(data.Length, PartSize - _buffered);
            data[..take].CopyTo(_buffer.AsMemory(_buffered));
            _buffered += take;
            _length += take;
            data = data[take..];
            if (_buffered == PartSize)
            {
                await UploadBufferAsync(cancellationToken);
            }
        }
    }

    public async Task<StagedObject> CommitAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_finished, this);
        if (_uploadId is null)
        {
            await PutWholeObjectAsync(cancellationToken);
        }
        else
        {
            if (_buffered > 0)
            {
                await UploadBufferAsync(cancellationToken);
            }

            await WaitForPartInFlightAsync();
            await _client.CompleteMultipartUploadAsync(new CompleteMultipartUploadRequest
            {
                BucketName = _location.Bucket,
                Key = _key,
                UploadId = _uploadId,
                PartETags = _uploadedParts.OrderBy(p => p.PartNumber).ToList(),
            }, cancellationToken);
        }

        _finished = true;
        ReturnBuffer();
        return new StagedObject(Name, _location.UriOf(Name), _length);
    }

    private async Task PutWholeObjectAsync(CancellationToken cancellationToken)
    {
        using var body = new MemoryStream(_buffer, 0, _buffered, writable: false);
        await _client.PutObjectAsync(new PutObjectRequest
        {
            BucketName = _location.Bucket,
            Key = _key,
            InputStream = body,
            AutoCloseStream = false,
            UseChunkEncoding = false,
            ServerSideEncryptionMethod = _encryption.Method,
            ServerSideEncryptionKeyManagementServiceKeyId = _encryption.KmsKeyId,
        }, cancellationToken);
    }

    private async Task UploadBufferAsync(CancellationToken cancellationToken)
    {
        _uploadId ??= (await _client.InitiateMultipartUploadAsync(new InitiateMultipartUploadRequest
        {
            BucketName = _location.Bucket,
            Key = _key,
            ServerSideEncryptionMethod = _encryption.Method,
            ServerSideEncryptionKeyManagementServiceKeyId = _encryption.KmsKeyId,
        }, cancellationToken)).UploadId;

        // One part uploads while the next fills: wait for the previous one before handing over this buffer.
        await WaitForPartInFlightAsync();
        var full = _buffer;
        var length = _buffered;
        _buffer = ArrayPool<byte>.Shared.Rent(PartSize);
        _buffered = 0;
        _partInFlight = UploadPartAsync(full, length, _uploadedParts.Count + 1, cancellationToken);
    }

    private async Task UploadPartAsync(byte[] buffer, int length, int partNumber, CancellationToken cancellationToken)
    {
        try
        {
            using var body = new MemoryStream(buffer, 0, length, writable: false);
            var response = await _client.UploadPartAsync(new UploadPartRequest
            {
                BucketName = _location.Bucket,
                Key = _key,
                UploadId = _uploadId,
                PartNumber = partNumber,
                InputStream = body,
                PartSize = length,
                UseChunkEncoding = false,
            }, cancellationToken);
            lock (_uploadedParts)
            {
                _uploadedParts.Add(new PartETag(partNumber, response.ETag));
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private async Task WaitForPartInFlightAsync()
    {
        if (_partInFlight is { } inFlight)
        {
            _partInFlight = null;
            await inFlight;
        }
    }

    private void ReturnBuffer()
    {
        if (_buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = [];
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_finished)
        {
            return;
        }

        _finished = true;
        try
        {
            await WaitForPartInFlightAsync();
        }
        catch (Exception exception) when (exception is AmazonS3Exception or OperationCanceledException or IOException)
        {
            // The upload is being abandoned; the abort below removes whatever parts did arrive.
        }

        if (_uploadId is not null)
        {
            try
            {
                await _client.AbortMultipartUploadAsync(new AbortMultipartUploadRequest { BucketName = _location.Bucket, Key = _key, UploadId = _uploadId });
            }
            catch (AmazonS3Exception)
            {
                // Best effort: an incomplete upload is invisible to readers, and the bucket's lifecycle rule
                // (AbortIncompleteMultipartUpload) removes its parts if the abort itself failed.
            }
        }

        ReturnBuffer();
    }
}
