using BatchSync.Core.Workflows.Diagnostics;

namespace BatchSync.Core.Tests.Workflows;

public class IncludeTests
{
    private const string Head = """
        source:
          connection: secret:prod/shop/mysql
        destination: { type: bigquery, project: p, location: US, dataset: shop }
        tables:
          - table: users
        """;

    [Fact]
    public async Task Json_list_in_the_embulk_shape_is_expanded_in_place()
    {
        using var folder = new TempWorkflowFolder();
        folder.With("tables/shop.json", """
            [
              {"table": "orders", "out_table": "orders", "dataset": "shop_raw", "select": "id, total", "where": "status <> 'test'"},
              {"table": "items", "where": ""},
              {"table": "events", "out_table": "events_{run_date:yyyyMMdd}"}
            ]
            """);

        var result = await folder.LoadAsync(Head + "\n  - include: tables/shop.json\n  - table: last\n");

        result.AssertNoErrors();
        var tables = result.Workflow!.ResolveTables();
        Assert.Equal(["users", "orders", "items", "events", "last"], tables.Select(t => t.Table));
        Assert.Equal(("shop_raw", "id, total", "status <> 'test'"), (tables[1].Dataset, tables[1].Select, tables[1].Where));
        Assert.Null(tables[2].Where);
        Assert.Equal("shop", tables[2].Dataset);
    }

    [Fact]
    public async Task Empty_strings_in_an_embulk_list_mean_not_set()
    {
        using var folder = new TempWorkflowFolder();
        folder.With("t.json", "[{\"table\": \"orders\", \"out_table\": \"\", \"dataset\": \"\", \"select\": \"\", \"where\": \"\"}]");

        var result = await folder.LoadAsync(Head + "\n  - include: t.json\n");

        result.AssertNoErrors();
        var orders = result.Workflow!.ResolveTables()[1];
        Assert.Equal(("orders", "shop", "*", null), (orders.RenderOutTable(DateTimeOffset.UnixEpoch), orders.Dataset, orders.SelectList, orders.Where));
    }

    [Fact]
    public async Task Yaml_list_is_read_too_and_paths_are_relative_to_the_workflow_file()
    {
        using var folder = new TempWorkflowFolder();
        folder.With("lists/more.yaml", "- table: orders\n  mode: append\n- table: items\n");

        var result = await folder.LoadAsync(Head + "\n  - include: lists/more.yaml\n");

        result.AssertNoErrors();
        Assert.Equal(["users", "orders", "items"], result.Workflow!.Tables.Select(t => t.Table));
    }

    [Fact]
    public async Task Problems_inside_an_included_file_are_located_in_that_file()
    {
        using var folder = new TempWorkflowFolder();
        folder.With("tables/shop.json", "[\n  {\"table\": \"orders\"},\n  {\"tabel\": \"items\", \"dataset\": \"bad-name\"}\n]\n");

        var result = await folder.LoadAsync(Head + "\n  - include: tables/shop.json\n");

        var unknown = result.Single(DiagnosticCodes.UnknownKey);
        Assert.Equal(folder.PathOf("tables/shop.json"), unknown.Location.File);
        unknown.AssertAt(3, 4);
        Assert.Equal($"unknown key 'tabel' in {folder.PathOf("tables/shop.json")}[1]", unknown.Message);
        Assert.Equal("did you mean 'table'?", unknown.Hint);
        var name = result.Single(DiagnosticCodes.BadName);
        name.AssertAt(3, 33);
    }

    [Fact]
    public async Task A_json_syntax_error_is_located_in_the_included_file()
    {
        using var folder = new TempWorkflowFolder();
        folder.With("tables/shop.json", "[\n  {\"table\": \"orders\"}\n  {\"table\": \"items\"}\n]\n");

        var result = await folder.LoadAsync(Head + "\n  - include: tables/shop.json\n");

        var error = result.Single(DiagnosticCodes.SyntaxError);
        Assert.Equal((folder.PathOf("tables/shop.json"), 3), (error.Location.File, error.Location.Line));
    }

    [Fact]
    public async Task A_missing_include_is_reported_at_the_include_line()
    {
        using var folder = new TempWorkflowFolder();
        var result = await folder.LoadAsync(Head + "\n  - include: tables/nope.json\n");

        var error = result.Single(DiagnosticCodes.BadInclude);
        Assert.Equal(folder.WorkflowPath, error.Location.File);
        error.AssertAt(6, 14);
        Assert.Equal("include paths are relative to the workflow file", error.Hint);
    }

    [Fact]
    public async Task A_table_listed_inline_and_in_an_include_is_a_duplicate()
    {
        using var folder = new TempWorkflowFolder();
        folder.With("a.json", "[{\"table\": \"orders\"}]").With("b.json", "[\n {\"table\": \"customers\", \"out_table\": \"users\"}\n]");

        var result = await folder.LoadAsync(Head + "\n  - include: a.json\n  - include: b.json\n");

        var error = result.Single(DiagnosticCodes.DuplicateTable);
        Assert.Equal(folder.PathOf("b.json"), error.Location.File);
        error.AssertAt(2, 2);
        Assert.StartsWith($"{folder.PathOf("b.json")}[0] lands in shop.users, like tables[0] at {folder.WorkflowPath}:5:5", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Embulk_only_keys_are_tolerated_with_a_warning_and_unknown_keys_are_errors()
    {
        using var folder = new TempWorkflowFolder();
        folder.With("t.json", """
            [
              {"table": "orders", "column_options": {"total": {"type": "numeric"}}, "flavour": "x"}
            ]
            """);

        var result = await folder.LoadAsync(Head + "\n  - include: t.json\n");

        var warning = result.Single(DiagnosticCodes.IgnoredKey);
        Assert.Equal(DiagnosticSeverity.Warning, warning.Severity);
        Assert.Equal("use columns: {name: {type: ...}}", warning.Hint);
        Assert.Equal("unknown key 'flavour' in " + folder.PathOf("t.json") + "[0]", result.Single(DiagnosticCodes.UnknownKey).Message);
    }

    [Fact]
    public async Task An_included_list_must_be_a_list_of_maps_without_nested_includes()
    {
        using var folder = new TempWorkflowFolder();
        folder.With("map.json", "{\"table\": \"orders\"}").With("nested.yml", "- include: other.json\n- 42\n");

        var result = await folder.LoadAsync(Head + "\n  - include: map.json\n  - include: nested.yml\n");

        Assert.Equal(2, result.Diagnostics.Count(d => d.Code == DiagnosticCodes.BadInclude));
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.BadInclude && d.Message.StartsWith("an included table list must be a list", StringComparison.Ordinal));
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.WrongType && d.Location.File == folder.PathOf("nested.yml") && d.Location.Line == 2);
    }

    [Fact]
    public async Task An_include_entry_holds_only_include()
    {
        using var folder = new TempWorkflowFolder();
        folder.With("a.json", "[{\"table\": \"orders\"}]");

        var result = await folder.LoadAsync(Head + "\n  - include: a.json\n    dataset: other\n");

        var error = result.Single(DiagnosticCodes.UnknownKey);
        error.AssertAt(7, 5);
        Assert.Equal("the keys here are: include", error.Hint);
    }
}
