using System.Text.Json;
using Amazon.CDK;
using Amazon.CDK.Assertions;
using BatchSync.Infra.Configuration;

namespace BatchSync.Infra.Tests.Support;

/// <summary>
/// One synthesized stack and its template. Synthesis starts the jsii runtime (seconds), so each configuration is
/// synthesized once and shared by the tests that read it.
/// </summary>
public sealed class SynthesizedStack
{
    private SynthesizedStack(Template template)
    {
        Template = template;
        Json = JsonSerializer.SerializeToElement(template.ToJSON());
    }

    public Template Template { get; }

    /// <summary>The template as plain JSON, for checks the assertion matchers cannot express.</summary>
    public JsonElement Json { get; }

    public static SynthesizedStack Synthesize(StackSettings settings)
    {
        var outdir = Directory.CreateTempSubdirectory("batchsync-infra-cdk-");
        try
        {
            var app = new App(new AppProps { Outdir = outdir.FullName });
            var stack = BatchSyncStack.Create(app, settings);
            return new SynthesizedStack(Template.FromStack(stack));
        }
        finally
        {
            outdir.Delete(recursive: true);
        }
    }

    /// <summary>The resources of one CloudFormation type, by logical id.</summary>
    public IReadOnlyDictionary<string, JsonElement> Resources(string type) =>
        Json.GetProperty("Resources").EnumerateObject()
            .Where(r => r.Value.GetProperty("Type").GetString() == type)
            .ToDictionary(r => r.Name, r => r.Value);

    /// <summary>The only resource of <paramref name="type"/> whose JSON contains <paramref name="marker"/>.</summary>
    public JsonElement Single(string type, string marker) =>
        Resources(type).Values.Single(r => r.GetRawText().Contains(marker, StringComparison.Ordinal));

    /// <summary>Every IAM policy statement of the stack, with the logical id of the role it is attached to.</summary>
    public IEnumerable<(string Role, JsonElement Statement)> PolicyStatements() =>
        Resources("AWS::IAM::Policy").Values.SelectMany(policy =>
        {
            var properties = policy.GetProperty("Properties");
            var roles = properties.GetProperty("Roles").EnumerateArray().Select(r => r.GetProperty("Ref").GetString()!).ToList();
            return properties.GetProperty("PolicyDocument").GetProperty("Statement").EnumerateArray()
                .SelectMany(statement => roles.Select(role => (role, statement)));
        });

    /// <summary>The logical id of the IAM role whose id starts with <paramref name="prefix"/> (CDK appends a hash).</summary>
    public string RoleId(string prefix) =>
        Resources("AWS::IAM::Role").Keys.Single(id => id.StartsWith(prefix, StringComparison.Ordinal));

    /// <summary>The actions of a statement, always as a list.</summary>
    public static IReadOnlyList<string> Actions(JsonElement statement) => Strings(statement.GetProperty("Action"));

    /// <summary>The resources of a statement, always as a list of JSON texts (literal strings or intrinsic functions).</summary>
    public static IReadOnlyList<string> ResourceTexts(JsonElement statement)
    {
        var resource = statement.GetProperty("Resource");
        return resource.ValueKind == JsonValueKind.Array
            ? resource.EnumerateArray().Select(Text).ToList()
            : [Text(resource)];
    }

    private static IReadOnlyList<string> Strings(JsonElement element) =>
        element.ValueKind == JsonValueKind.Array ? element.EnumerateArray().Select(e => e.GetString()!).ToList() : [element.GetString()!];

    private static string Text(JsonElement element) =>
        element.ValueKind == JsonValueKind.String ? element.GetString()! : element.GetRawText();
}
