namespace BatchSync.Aws.Json;

/// <summary>Where an AWS service is reached and how requests to it are signed.</summary>
/// <param name="Url">The service root.</param>
/// <param name="Region">The signing region.</param>
/// <param name="SigningName">The signing name of the service (secretsmanager, batch, …).</param>
public sealed record AwsEndpoint(Uri Url, string Region, string SigningName)
{
    /// <summary>
    /// Resolves a service endpoint the way the AWS SDKs and CLI do: <c>AWS_ENDPOINT_URL_&lt;SERVICE_ID&gt;</c>, then
    /// <c>AWS_ENDPOINT_URL</c>, then the public regional endpoint. The region comes from AWS_REGION or AWS_DEFAULT_REGION.
    /// </summary>
    /// <param name="serviceId">The service id as the SDKs name it (e.g. "Secrets Manager", "Batch").</param>
    /// <param name="signingName">The signing name and endpoint prefix (e.g. "secretsmanager", "batch").</param>
    /// <param name="environment">Reads an environment variable (injectable for tests).</param>
    public static AwsEndpoint Resolve(string serviceId, string signingName, Func<string, string?>? environment = null)
    {
        environment ??= Environment.GetEnvironmentVariable;
        var region = environment("AWS_REGION") ?? environment("AWS_DEFAULT_REGION")
            ?? throw new AwsServiceException("NoRegion", $"No AWS region is set for {serviceId}: set AWS_REGION (AWS Batch sets it for you).", null);
        var serviceVariable = "AWS_ENDPOINT_URL_" + serviceId.ToUpperInvariant().Replace(' ', '_');
        var url = environment(serviceVariable) ?? environment("AWS_ENDPOINT_URL") ?? $"https://{signingName}.{region}.amazonaws.com";
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http"))
        {
            throw new AwsServiceException("BadEndpoint", $"The endpoint '{url}' for {serviceId} is not an http(s) URL.", null);
        }

        return new AwsEndpoint(uri, region, signingName);
    }
}
