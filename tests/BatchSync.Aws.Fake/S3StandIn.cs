using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace BatchSync.Aws.Fake;

/// <summary>
/// An S3 endpoint in front of a real S3 server (s3rver) for what s3rver cannot show: it drops the connection in the
/// middle of an object on demand (the next GETs of a key send the status, headers and the first bytes of the body,
/// then the connection is reset, as a long S3 read over a flaky network ends), it answers ListMultipartUploads
/// (GET /bucket?uploads, which s3rver does not implement) from the uploads it saw initiated and not yet completed or
/// aborted, and it enforces conditional writes, which s3rver ignores: PutObject or CompleteMultipartUpload with
/// <c>If-None-Match: *</c> answers 412 PreconditionFailed when the key exists, and 409 ConditionalRequestConflict while
/// another conditional write of the key is in flight (S3 User Guide, "How to prevent object overwrites with conditional
/// writes"; the PutObject and CompleteMultipartUpload API references). Everything else passes through unchanged (the
/// Host header too, so signatures still verify).
/// </summary>
public sealed class S3StandIn : IAsyncDisposable
{
    private static readonly HashSet<string> HopHeaders = new(StringComparer.OrdinalIgnoreCase) { "Connection", "Keep-Alive", "Transfer-Encoding", "Upgrade", "Host", "Content-Length" };

    private readonly WebApplication _app;
    private readonly Uri _target;
    private readonly HttpClient _http = new(new SocketsHttpHandler { AllowAutoRedirect = false, AutomaticDecompression = DecompressionMethods.None });
    private readonly Lock _sync = new();
    private readonly Dictionary<string, (long AfterBytes, int Times)> _drops = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _openUploads = new(StringComparer.Ordinal);
    private readonly HashSet<string> _conditionalWrites = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _conflicts = new(StringComparer.Ordinal);
    private int _refusedConditionalWrites;
    private int _uploadListings;

    private S3StandIn(WebApplication app, Uri target)
    {
        _app = app;
        _target = target;
    }

    public Uri ServiceUrl { get; private set; } = null!;

    /// <summary>The Range header of each GET of a dropping key, in order ("" for a whole-object GET).</summary>
    public List<string> Ranges { get; } = [];

    /// <summary>Connections dropped so far.</summary>
    public int Dropped { get; private set; }

    /// <summary>Conditional writes answered 412 or 409 so far.</summary>
    public int RefusedConditionalWrites => Volatile.Read(ref _refusedConditionalWrites);

    /// <summary>ListMultipartUploads requests answered.</summary>
    public int UploadListings => Volatile.Read(ref _uploadListings);

    public static async Task<S3StandIn> StartAsync(Uri target)
    {
        var (proxy, root) = await LoopbackWebServer.StartAsync(app => new S3StandIn(app, target), p => p.HandleAsync);
        proxy.ServiceUrl = new Uri(root);
        return proxy;
    }

    /// <summary>The next <paramref name="times"/> GETs of an object whose key ends with <paramref name="keySuffix"/> break after <paramref name="afterBytes"/> body bytes.</summary>
    public void DropReads(string keySuffix, long afterBytes, int times = 1)
    {
        lock (_sync)
        {
            _drops[keySuffix] = (afterBytes, times);
        }
    }

    /// <summary>
    /// The next <paramref name="times"/> conditional writes of a key ending with <paramref name="keySuffix"/> answer 409
    /// ConditionalRequestConflict, as S3 does when a conflicting operation on the key is in flight.
    /// </summary>
    public void ConflictConditionalWrites(string keySuffix, int times = 1)
    {
        lock (_sync)
        {
            _conflicts[keySuffix] = times;
        }
    }

    /// <summary>Multipart uploads initiated and neither completed nor aborted: upload id → "bucket/key".</summary>
    public IReadOnlyDictionary<string, string> OpenUploads
    {
        get
        {
            lock (_sync)
            {
                return new Dictionary<string, string>(_openUploads, StringComparer.Ordinal);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        if (request.Method == "GET" && request.Query.ContainsKey("uploads"))
        {
            Interlocked.Increment(ref _uploadListings);
            await ListUploadsAsync(context);
            return;
        }

        if (request.Method == "DELETE" && request.Query.TryGetValue("uploadId", out var abortedId))
        {
            // AbortMultipartUpload, which s3rver does not implement: 204 for an open upload, NoSuchUpload otherwise.
            bool known;
            lock (_sync)
            {
                known = _openUploads.Remove(abortedId.ToString());
            }

            if (known)
            {
                context.Response.StatusCode = 204;
            }
            else
            {
                await WriteErrorAsync(context, 404, "NoSuchUpload", "The specified upload does not exist.");
            }

            return;
        }

        if (IsConditionalCreate(request))
        {
            await WriteIfAbsentAsync(context);
            return;
        }

        await ForwardAsync(context);
    }

    /// <summary>PutObject (not UploadPart, which takes no conditions) or CompleteMultipartUpload with If-None-Match.</summary>
    private static bool IsConditionalCreate(HttpRequest request)
        => request.Headers.IfNoneMatch.Count > 0
            && ((request.Method == "PUT" && !request.Query.ContainsKey("uploadId")) || (request.Method == "POST" && request.Query.ContainsKey("uploadId")));

    private async Task WriteIfAbsentAsync(HttpContext context)
    {
        var request = context.Request;
        if (request.Headers.IfNoneMatch.ToString() != "*")
        {
            // If-None-Match on a write takes only '*'.
            await WriteErrorAsync(context, 501, "NotImplemented", "A header you provided implies functionality that is not implemented.");
            return;
        }

        var path = request.Path.Value ?? "";
        if (!TryStartConditionalWrite(path))
        {
            Interlocked.Increment(ref _refusedConditionalWrites);
            await WriteErrorAsync(context, 409, "ConditionalRequestConflict", "A conflicting conditional operation is currently in progress against this resource. Please try again.");
            return;
        }

        try
        {
            using var head = new HttpRequestMessage(HttpMethod.Head, new Uri(_target, request.Path.ToUriComponent()));
            using var existing = await _http.SendAsync(head, context.RequestAborted);
            if (existing.IsSuccessStatusCode)
            {
                Interlocked.Increment(ref _refusedConditionalWrites);
                await WriteErrorAsync(context, 412, "PreconditionFailed", "At least one of the pre-conditions you specified did not hold");
                return;
            }

            await ForwardAsync(context);
        }
        finally
        {
            lock (_sync)
            {
                _conditionalWrites.Remove(path);
            }
        }
    }

    /// <summary>False when another conditional write of the key is in flight, or a conflict was asked for.</summary>
    private bool TryStartConditionalWrite(string path)
    {
        lock (_sync)
        {
            var conflict = _conflicts.FirstOrDefault(c => c.Value > 0 && path.EndsWith(c.Key, StringComparison.Ordinal));
            if (conflict.Key is not null)
            {
                _conflicts[conflict.Key] = conflict.Value - 1;
                return false;
            }

            return _conditionalWrites.Add(path);
        }
    }

    private static async Task WriteErrorAsync(HttpContext context, int status, string code, string message)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/xml";
        await context.Response.WriteAsync(
            $"<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>{code}</Code><Message>{System.Security.SecurityElement.Escape(message)}</Message><RequestId>stand-in</RequestId></Error>");
    }

    private async Task ForwardAsync(HttpContext context)
    {
        var request = context.Request;
        using var forward = new HttpRequestMessage(new HttpMethod(request.Method), new Uri(_target, request.Path.ToUriComponent() + request.QueryString.ToUriComponent()));
        if (request.ContentLength > 0 || request.Headers.TransferEncoding.Count > 0)
        {
            var body = new MemoryStream();
            await request.Body.CopyToAsync(body);
            forward.Content = new ByteArrayContent(body.ToArray());
        }

        foreach (var (name, values) in request.Headers)
        {
            if (HopHeaders.Contains(name))
            {
                continue;
            }

            if (!forward.Headers.TryAddWithoutValidation(name, (IEnumerable<string?>)values))
            {
                forward.Content?.Headers.TryAddWithoutValidation(name, (IEnumerable<string?>)values);
            }
        }

        forward.Headers.Host = request.Host.Value;
        var drop = request.Method == "GET" ? TakeDrop(request.Path.Value ?? "", request.Headers.Range.ToString()) : null;
        using var response = await _http.SendAsync(forward, HttpCompletionOption.ResponseHeadersRead, context.RequestAborted);
        context.Response.StatusCode = (int)response.StatusCode;
        foreach (var (name, values) in response.Headers.Concat(response.Content.Headers))
        {
            if (!HopHeaders.Contains(name) || name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
            {
                context.Response.Headers[name] = values.ToArray();
            }
        }

        await using var source = await response.Content.ReadAsStreamAsync(context.RequestAborted);
        if (drop is not { } afterBytes)
        {
            var answer = new MemoryStream();
            await source.CopyToAsync(answer, context.RequestAborted);
            TrackUploads(request, (int)response.StatusCode, answer.ToArray());
            await context.Response.Body.WriteAsync(answer.ToArray(), context.RequestAborted);
            return;
        }

        var buffer = new byte[8192];
        for (long sent = 0; sent < afterBytes;)
        {
            var read = await source.ReadAsync(buffer.AsMemory(0, (int)Math.Min(buffer.Length, afterBytes - sent)), context.RequestAborted);
            if (read == 0)
            {
                break;
            }

            await context.Response.Body.WriteAsync(buffer.AsMemory(0, read), context.RequestAborted);
            sent += read;
        }

        await context.Response.Body.FlushAsync(context.RequestAborted);
        context.Abort();
    }

    private void TrackUploads(HttpRequest request, int status, byte[] answer)
    {
        if (status is < 200 or >= 300)
        {
            return;
        }

        var path = Uri.UnescapeDataString(request.Path.Value ?? "").TrimStart('/');
        lock (_sync)
        {
            if (request.Method == "POST" && request.Query.ContainsKey("uploads"))
            {
                var id = System.Text.RegularExpressions.Regex.Match(System.Text.Encoding.UTF8.GetString(answer), "<UploadId>([^<]+)</UploadId>").Groups[1].Value;
                _openUploads[id] = path;
            }
            else if (request.Method == "POST" && request.Query.TryGetValue("uploadId", out var uploadId))
            {
                _openUploads.Remove(uploadId.ToString());
            }
        }
    }

    /// <summary>ListMultipartUploads, as the S3 API reference describes its answer, for the uploads this stand-in saw.</summary>
    private async Task ListUploadsAsync(HttpContext context)
    {
        var bucket = (context.Request.Path.Value ?? "").Trim('/');
        var prefix = context.Request.Query["prefix"].ToString();
        List<(string Id, string Key)> uploads;
        lock (_sync)
        {
            uploads = [.. _openUploads
                .Select(u => (Id: u.Key, Path: u.Value))
                .Where(u => u.Path.StartsWith(bucket + "/", StringComparison.Ordinal))
                .Select(u => (u.Id, Key: u.Path[(bucket.Length + 1)..]))
                .Where(u => u.Key.StartsWith(prefix, StringComparison.Ordinal))
                .OrderBy(u => u.Key, StringComparer.Ordinal)];
        }

        var xml = new System.Text.StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><ListMultipartUploadsResult xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">");
        xml.Append("<Bucket>").Append(System.Security.SecurityElement.Escape(bucket)).Append("</Bucket><Prefix>").Append(System.Security.SecurityElement.Escape(prefix)).Append("</Prefix>");
        xml.Append("<MaxUploads>1000</MaxUploads><IsTruncated>false</IsTruncated>");
        foreach (var (id, key) in uploads)
        {
            xml.Append("<Upload><Key>").Append(System.Security.SecurityElement.Escape(key)).Append("</Key><UploadId>").Append(System.Security.SecurityElement.Escape(id))
                .Append("</UploadId><Initiated>2026-12-07T00:00:00.000Z</Initiated><StorageClass>STANDARD</StorageClass></Upload>");
        }

        xml.Append("</ListMultipartUploadsResult>");
        context.Response.StatusCode = 200;
        context.Response.ContentType = "application/xml";
        await context.Response.WriteAsync(xml.ToString());
    }

    private long? TakeDrop(string path, string range)
    {
        lock (_sync)
        {
            foreach (var (suffix, (afterBytes, times)) in _drops)
            {
                if (!path.EndsWith(suffix, StringComparison.Ordinal))
                {
                    continue;
                }

                Ranges.Add(range);
                if (times <= 0)
                {
                    return null;
                }

                _drops[suffix] = (afterBytes, times - 1);
                Dropped++;
                return afterBytes;
            }

            return null;
        }
    }
}
