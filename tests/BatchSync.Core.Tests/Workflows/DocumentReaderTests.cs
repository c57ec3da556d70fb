using BatchSync.Core.Workflows.Diagnostics;
using BatchSync.Core.Workflows.Documents;

namespace BatchSync.Core.Tests.Workflows;

public class DocumentReaderTests
{
    [Fact]
    public void Yaml_nodes_carry_their_line_and_column()
    {
        var bag = new DiagnosticBag();
        var root = (ConfigMap)YamlDocumentReader.Read("name: x\ntables:\n  - table: users\n    where: \"a = 1\"\n", "f.yml", bag)!;

        var tables = (ConfigSequence)root.Find("tables")!.Value;
        var first = (ConfigMap)tables.Items[0];
        var where = first.Find("where")!;
        Assert.Equal(new SourceLocation("f.yml", 4, 5), where.Key.Location);
        Assert.Equal(new SourceLocation("f.yml", 4, 12), where.Value.Location);
        Assert.Equal(ScalarKind.String, ((ConfigScalar)where.Value).Kind);
        Assert.Empty(bag.Items);
    }

    [Theory]
    [InlineData("a: 12", ScalarKind.Integer)]
    [InlineData("a: \"12\"", ScalarKind.String)]
    [InlineData("a: true", ScalarKind.Boolean)]
    [InlineData("a: yes", ScalarKind.String)]
    [InlineData("a: ~", ScalarKind.Null)]
    [InlineData("a:", ScalarKind.Null)]
    [InlineData("a: 1.5", ScalarKind.Float)]
    [InlineData("a: !!str 12", ScalarKind.String)]
    public void Yaml_scalars_are_typed_by_the_core_schema(string yaml, ScalarKind expected)
    {
        var root = (ConfigMap)YamlDocumentReader.Read(yaml, "f.yml", new DiagnosticBag())!;
        Assert.Equal(expected, ((ConfigScalar)root.Find("a")!.Value).Kind);
    }

    [Fact]
    public void Duplicate_yaml_keys_are_each_reported_and_the_first_wins()
    {
        var bag = new DiagnosticBag();
        var root = (ConfigMap)YamlDocumentReader.Read("a: 1\nb: 2\na: 3\nb: 4\n", "f.yml", bag)!;

        Assert.Equal("1", ((ConfigScalar)root.Find("a")!.Value).Value);
        Assert.Collection(
            bag.Items,
            d => Assert.Equal((DiagnosticCodes.DuplicateKey, 3, 1, "it was already set at line 1; YAML keeps only one, so remove one of them"), (d.Code, d.Location.Line, d.Location.Column, d.Hint)),
            d => Assert.Equal((DiagnosticCodes.DuplicateKey, 4, 1), (d.Code, d.Location.Line, d.Location.Column)));
    }

    [Fact]
    public void Yaml_syntax_errors_are_located_diagnostics_without_the_parser_prefix()
    {
        var bag = new DiagnosticBag();
        Assert.Null(YamlDocumentReader.Read("tables:\n  - table: users\n   bad: [\n", "f.yml", bag));

        var error = Assert.Single(bag.Items);
        Assert.Equal(DiagnosticCodes.SyntaxError, error.Code);
        Assert.Equal(3, error.Location.Line);
        Assert.StartsWith("YAML syntax error: ", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Idx:", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("source:\n\tconnection: secret:x\n", 2, 1, "tab as indentation")]
    [InlineData("a: [1, 2\nb: 3\n", 1, 4, "'[' or '{' opened here is not closed")]
    [InlineData("a: [1,\n  2,\n  3\nb: 1\n", 1, 4, "'[' or '{' opened here is not closed")]
    [InlineData("tables:\n  - table: users\n    cluster: [a, b\n", 3, 14, "'[' or '{' opened here is not closed")]
    [InlineData("a: 'x\n", 1, 4, "quoted scalar")]
    [InlineData("key: value: other\n", 1, 11, "invalid mapping")]
    [InlineData("a: *nope\n", 1, 4, "unknown alias '*nope'")]
    public void Common_yaml_mistakes_are_located_where_the_user_must_look(string yaml, int line, int column, string message)
    {
        var bag = new DiagnosticBag();
        Assert.Null(YamlDocumentReader.Read(yaml, "f.yml", bag));

        var error = Assert.Single(bag.Items);
        Assert.Equal((DiagnosticCodes.SyntaxError, line, column), (error.Code, error.Location.Line, error.Location.Column));
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Aliases_resolve_to_their_anchored_node()
    {
        var root = (ConfigMap)YamlDocumentReader.Read("base: &b { mode: append }\nother: *b\n", "f.yml", new DiagnosticBag())!;
        var other = (ConfigMap)root.Find("other")!.Value;
        Assert.Equal("append", ((ConfigScalar)other.Find("mode")!.Value).Value);
    }

    [Fact]
    public void A_second_yaml_document_is_reported()
    {
        var bag = new DiagnosticBag();
        YamlDocumentReader.Read("a: 1\n---\na: 2\n", "f.yml", bag);
        Assert.Equal(DiagnosticCodes.MultipleDocuments, Assert.Single(bag.Items).Code);
        Assert.Equal(2, bag.Items[0].Location.Line);
    }

    [Fact]
    public void Json_nodes_carry_their_line_and_character_column()
    {
        var bag = new DiagnosticBag();
        var json = "[\n  {\"table\": \"ünits\", \"where\": \"\"},\n  {\"table\": \"b\", \"n\": 5}\n]";
        var root = (ConfigSequence)JsonDocumentReader.Read(json, "t.json", bag)!;

        var first = (ConfigMap)root.Items[0];
        Assert.Equal(new SourceLocation("t.json", 2, 4), first.Find("table")!.Key.Location);
        // Column counts characters, not UTF-8 bytes: "ü" is two bytes.
        Assert.Equal(new SourceLocation("t.json", 2, 22), first.Find("where")!.Key.Location);
        var second = (ConfigMap)root.Items[1];
        Assert.Equal(ScalarKind.Integer, ((ConfigScalar)second.Find("n")!.Value).Kind);
        Assert.Empty(bag.Items);
    }

    [Fact]
    public void Json_syntax_errors_are_located()
    {
        var bag = new DiagnosticBag();
        Assert.Null(JsonDocumentReader.Read("[\n  {\"table\": \"a\"}\n  {\"table\": \"b\"}\n]", "t.json", bag));

        var error = Assert.Single(bag.Items);
        Assert.Equal((DiagnosticCodes.SyntaxError, 3), (error.Code, error.Location.Line));
        Assert.DoesNotContain("LineNumber", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_tolerates_comments_and_trailing_commas_but_not_duplicate_keys()
    {
        var bag = new DiagnosticBag();
        var root = JsonDocumentReader.Read("[ // tables\n {\"table\": \"a\", \"table\": \"b\",},\n]", "t.json", bag);

        Assert.NotNull(root);
        var duplicate = Assert.Single(bag.Items);
        Assert.Equal((DiagnosticCodes.DuplicateKey, 2, 17), (duplicate.Code, duplicate.Location.Line, duplicate.Location.Column));
    }
}
