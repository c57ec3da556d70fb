using System.Text.Json;
using System.Text.Json.Nodes;

namespace BatchSync.Aws.Json;

/// <summary>Reads an AWS JSON error answer: the code from x-amzn-ErrorType or "__type", the text from "message"/"Message".</summary>
internal static class AwsErrorAnswer
{
    public static AwsServiceException ToException(HttpResponseMessage response, string body, string operation)
    {
        JsonObject? json = null;
        try
        {
            json = JsonNode.Parse(body) as JsonObject;
        }
        catch (JsonException)
        {
        }

        var rawCode = response.Headers.TryGetValues("x-amzn-ErrorType", out var values) ? values.First()
            : json?["__type"]?.GetValue<string>() ?? json?["code"]?.GetValue<string>() ?? ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var code = ShortCode(rawCode);
        var message = json?["message"]?.GetValue<string>() ?? json?["Message"]?.GetValue<string>() ?? response.ReasonPhrase ?? "no message";
        return new AwsServiceException(code, $"{operation} failed: {code}: {message}", response.StatusCode);
    }

    /// <summary>"com.amazonaws.secretsmanager#ResourceNotFoundException" and "ClientException:http://…" both become the bare name.</summary>
    private static string ShortCode(string raw)
    {
        var code = raw;
        var colon = code.IndexOf(':', StringComparison.Ordinal);
        if (colon >= 0)
        {
            code = code[..colon];
        }

        var hash = code.LastIndexOf('#');
        return hash >= 0 ? code[(hash + 1)..] : code;
    }
}
