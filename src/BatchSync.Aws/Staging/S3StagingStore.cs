using System.Net;
using System.Text;
using Amazon.S3;
using Amazon.S3.Model;
using BatchSync.Core.Runs;
using BatchSync.Core.Stage;

namespace BatchSync.Aws.Staging;

/// <summary>Stages parts and run documents in an S3 bucket under a prefix. Objects appear only when complete.</summary>
public sealed class S3StagingStore : IStagingStore, IRunDocuments, IRunLeases
{
    private readonly IAmazonS3 _client;
    private readonly S3StagingLocation _location;
    private readonly S3Encryption _encryption;

    /// <summary>Conditional writes of a lease tried before giving up on conflicts (409) with other writes of the key.</summary>
    private const int LeaseAttempts = 4;

    private static readonly TimeSpan LeaseRetryPause = TimeSpan.FromMilliseconds(250);

    public S3StagingStore(IAmazonS3 client, S3StagingLocation location, string? kmsKeyId = null)
    {
        _client = client;
        _location = location;
        _encryption = new S3Encryption(kmsKeyId);
    }

    public string Location => _location.ToString();

    public string Root => Location;

    public string AddressOf(string name) => _location.UriOf(name);

    /// <summary>
    /// An HTTPS link that lets anyone holding it read one object until it expires (SigV4 query signing; at most 7 days,
    /// and no longer than the signing credentials live: a job role's session ends the link earlier).
    /// </summary>
    public Task<string> PresignedUrlAsync(string name, TimeSpan lifetime)
        => _client.GetPreSignedURLAsync(new GetPreSignedUrlRequest
        {
            BucketName = _location.Bucket,
            Key = _location.KeyOf(name),
            Verb = HttpVerb.GET,
            Expires = DateTime.UtcNow.Add(lifetime),
            // The SDK signs https links unless told otherwise; an http endpoint (an S3-compatible test server) needs http.
            Protocol = _client.Config.ServiceURL?.StartsWith("http://", StringComparison.OrdinalIgnoreCase) == true ? Protocol.HTTP : Protocol.HTTPS,
        });

    public ValueTask<IStagedObjectWriter> OpenWriterAsync(string name, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult<IStagedObjectWriter>(new S3MultipartObjectWriter(_client, _location, _encryption, name));
    }

    /// <summary>
    /// A run document under <see cref="S3MultipartObjectWriter.PartSize"/> (all of them but a huge report) is one
    /// PutObject, which S3 stores whole or not at all, so a killed writer leaves nothing to remove; the bucket's
    /// AbortIncompleteMultipartUpload rule is the backstop for the rest. Parts: <see cref="WithdrawUnfinishedAsync"/>, per item.
    /// </summary>
    public Task<int> WithdrawUnfinishedWritesAsync(string folder, CancellationToken cancellationToken) => Task.FromResult(0);

    /// <summary>
    /// Aborts the multipart uploads under the prefix that were never completed (ListMultipartUploads, then
    /// AbortMultipartUpload each): a killed writer cannot, and its parts would otherwise be stored (and billed) until the
    /// bucket's lifecycle rule removes them a day later.
    /// </summary>
    public async Task<int> WithdrawUnfinishedAsync(string prefix, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(prefix);
        var request = new ListMultipartUploadsRequest { BucketName = _location.Bucket, Prefix = _location.KeyOf(prefix) };
        var aborted = 0;
        while (true)
        {
            ListMultipartUploadsResponse page;
            try
            {
                page = await _client.ListMultipartUploadsAsync(request, cancellationToken);
            }
            catch (AmazonS3Exception exception) when (exception.ErrorCode == "NotImplemented")
            {
                // An S3-compatible store without ListMultipartUploads (s3rver, some appliances): nothing can be found
                // to abort here; the bucket's AbortIncompleteMultipartUpload rule remains the backstop.
                return aborted;
            }

            foreach (var upload in page.MultipartUploads ?? [])
            {
                await _client.AbortMultipartUploadAsync(_location.Bucket, upload.Key, upload.UploadId, cancellationToken);
                aborted++;
            }

            if (page.IsTruncated != true)
            {
                return aborted;
            }

            request.KeyMarker = page.NextKeyMarker;
            request.UploadIdMarker = page.NextUploadIdMarker;
        }
    }

    public Task DeleteAsync(string name, CancellationToken cancellationToken)
        => _client.DeleteObjectAsync(_location.Bucket, _location.KeyOf(name), cancellationToken);

    /// <summary>Opens an object for reading (a part to load, a document), or returns null when it does not exist.</summary>
    public Task<Stream?> OpenReadAsync(string name, CancellationToken cancellationToken) => OpenReadAsync(name, 0, cancellationToken);

    /// <summary>Opens an object from byte <paramref name="offset"/> on with a ranged GET (Range: bytes=offset-).</summary>
    public async Task<Stream?> OpenReadAsync(string name, long offset, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        var request = new GetObjectRequest { BucketName = _location.Bucket, Key = _location.KeyOf(name) };
        if (offset > 0)
        {
            // An open-ended range: S3 answers 206 with the bytes from offset to the end.
            request.ByteRange = new ByteRange($"bytes={offset}-");
        }

        try
        {
            var response = await _client.GetObjectAsync(request, cancellationToken);
            return response.ResponseStream;
        }
        catch (AmazonS3Exception exception) when (exception.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    public async Task<string?> ReadAsync(string name, CancellationToken cancellationToken)
    {
        await using var stream = await OpenReadAsync(name, cancellationToken);
        if (stream is null)
        {
            return null;
        }

        using var reader = new StreamReader(stream, Encoding.UTF8);
        return await reader.ReadToEndAsync(cancellationToken);
    }

    public Task WriteAsync(string name, string text, CancellationToken cancellationToken)
        => this.WriteObjectAsync(name, Encoding.UTF8.GetBytes(text), cancellationToken);

    /// <summary>
    /// Creates the lease object only if there is none (PutObject with If-None-Match: *; S3 answers 412 PreconditionFailed
    /// when it exists, and 409 ConditionalRequestConflict while a conflicting write of the key is in flight, which S3
    /// says to retry). A lease left by an earlier attempt of the same AWS Batch job (a retried run job) is taken over.
    /// Released by deleting it; a run killed outright leaves it, and the refusal message says to delete it.
    /// </summary>
    public async Task<IAsyncDisposable?> TryAcquireAsync(string key, RunLeaseHolder holder, CancellationToken cancellationToken)
    {
        var body = RunJson.Serialize(holder);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await CreateIfAbsentAsync(key, body, cancellationToken);
                return new S3Lease(this, key);
            }
            catch (AmazonS3Exception exception) when (exception.StatusCode == HttpStatusCode.Conflict)
            {
                if (attempt == LeaseAttempts)
                {
                    return null;
                }

                await Task.Delay(LeaseRetryPause * attempt, cancellationToken);
            }
            catch (AmazonS3Exception exception) when (exception.StatusCode == HttpStatusCode.PreconditionFailed)
            {
                var existing = await ReadAsync(key, cancellationToken);
                if (existing is null && attempt < LeaseAttempts)
                {
                    // Released between the two requests: try to create it again.
                    continue;
                }

                var earlier = existing is null ? null : RunJson.Deserialize<RunLeaseHolder>(existing, $"lease {AddressOf(key)}");
                if (earlier?.JobId is null || earlier.JobId != holder.JobId)
                {
                    return null;
                }

                await WriteAsync(key, body, cancellationToken);
                return new S3Lease(this, key);
            }
        }
    }

    private Task CreateIfAbsentAsync(string key, string body, CancellationToken cancellationToken)
        => _client.PutObjectAsync(
            new PutObjectRequest
            {
                BucketName = _location.Bucket,
                Key = _location.KeyOf(key),
                ContentBody = body,
                IfNoneMatch = "*",
                // As every writer here: S3-compatible stores may keep an aws-chunked body verbatim, and the lease is read back.
                UseChunkEncoding = false,
                ServerSideEncryptionMethod = _encryption.Method,
                ServerSideEncryptionKeyManagementServiceKeyId = _encryption.KmsKeyId,
            },
            cancellationToken);

    /// <summary>A held lease: released by deleting its object, even when the run was cancelled.</summary>
    private sealed class S3Lease(S3StagingStore store, string key) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync() => await store.DeleteAsync(key, CancellationToken.None);
    }

    /// <summary>Names (relative to the staging prefix) of the objects under a sub-prefix, in key order.</summary>
    public async Task<IReadOnlyList<string>> ListAsync(string prefix, CancellationToken cancellationToken)
    {
        var names = new List<string>();
        var request = new ListObjectsV2Request { BucketName = _location.Bucket, Prefix = _location.KeyOf(prefix) };
        ListObjectsV2Response response;
        do
        {
            response = await _client.ListObjectsV2Async(request, cancellationToken);
            names.AddRange((response.S3Objects ?? []).Select(o => o.Key[_location.Prefix.Length..]));
            request.ContinuationToken = response.NextContinuationToken;
        }
        while (response.IsTruncated == true);

        return names;
    }
}
