using System.Text;
using System.Text.Json.Nodes;
using BatchSync.Aws.Json;

namespace BatchSync.Aws.SecretsManager;

/// <summary>Reads secrets from AWS Secrets Manager (GetSecretValue). Values are returned, never logged or put in messages.</summary>
public sealed class SecretsManagerClient(AwsJsonClient client)
{
    public const string ServiceId = "Secrets Manager";
    public const string SigningName = "secretsmanager";
    public const string TargetPrefix = "secretsmanager";

    /// <summary>The current value of a secret as text (SecretString, or SecretBinary decoded as UTF-8).</summary>
    /// <exception cref="AwsServiceException">The secret does not exist, access is denied, or the service failed; the message names the secret id only.</exception>
    public async Task<string> GetSecretStringAsync(string secretId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(secretId);
        JsonObject answer;
        try
        {
            answer = await client.CallAsync("GetSecretValue", new JsonObject { ["SecretId"] = secretId }, cancellationToken);
        }
        catch (AwsServiceException exception) when (exception.Code is "ResourceNotFoundException" or "AccessDeniedException" or "DecryptionFailure")
        {
            throw new AwsServiceException(exception.Code, Explain(exception.Code, secretId), exception.StatusCode, exception);
        }

        if (answer["SecretString"]?.GetValue<string>() is { } text)
        {
            return text;
        }

        if (answer["SecretBinary"]?.GetValue<string>() is { } base64)
        {
            return Encoding.UTF8.GetString(Convert.FromBase64String(base64));
        }

        throw new AwsServiceException("EmptySecret", $"Secret '{secretId}' has no value (neither SecretString nor SecretBinary).", null);
    }

    private static string Explain(string code, string secretId) => code switch
    {
        "ResourceNotFoundException" => $"Secret '{secretId}' was not found. Check its name and the region (AWS_REGION); a secret in another account needs its full ARN.",
        "AccessDeniedException" => $"Access to secret '{secretId}' was denied. The job's role needs secretsmanager:GetSecretValue on it (and kms:Decrypt for a customer-managed key).",
        _ => $"Secret '{secretId}' could not be decrypted: the job's role needs kms:Decrypt on the secret's KMS key.",
    };
}
