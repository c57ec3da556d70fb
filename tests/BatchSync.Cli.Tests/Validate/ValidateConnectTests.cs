using BatchSync.Cli.Tests.Run;

namespace BatchSync.Cli.Tests.Validate;

/// <summary><c>validate --connect</c> against a real MariaDB: every finding comes from the live source.</summary>
public sealed class ValidateConnectTests : IAsyncLifetime
{
    private RunSandbox _sandbox = null!;

    public async Task InitializeAsync()
    {
        _sandbox = await RunSandbox.CreateAsync();
        await _sandbox.SqlAsync("""
            CREATE TABLE customers (id INT PRIMARY KEY, name VARCHAR(50) NOT NULL, updated_at DATETIME NOT NULL);
            CREATE TABLE orders (id BIGINT PRIMARY KEY, customer_id INT NOT NULL);
            """);
    }

    public Task DisposeAsync()
    {
        _sandbox.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task A_workflow_that_matches_the_source_is_valid()
    {
        await _sandbox.WriteWorkflowAsync("""
              - table: customers
                mode: merge
                key: [id]
                incremental: { column: updated_at }
                select: "id, name, updated_at"
                where: "name <> ''"
              - table: orders
            """);

        var result = await CliInvocation.RunAsync(["validate", _sandbox.WorkflowPath, "--connect"]);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains(": ok (workflow 'shop', 2 tables)", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Missing_tables_keys_incremental_columns_and_select_columns_are_errors_at_their_table()
    {
        await _sandbox.WriteWorkflowAsync("""
              - table: customers
                mode: merge
                key: [customer_no]
                incremental: { column: modified_at }
              - table: orders
                select: "id, total"
              - table: invoices
            """);

        var result = await CliInvocation.RunAsync(["validate", _sandbox.WorkflowPath, "--connect"]);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("error: key names column 'customer_no', which table 'customers' does not have", result.Output, StringComparison.Ordinal);
        Assert.Contains("error: incremental.column names column 'modified_at', which table 'customers' does not have", result.Output, StringComparison.Ordinal);
        Assert.Contains("error: table 'orders': select/where does not run on the source: Unknown column 'total'", result.Output, StringComparison.Ordinal);
        Assert.Contains("error: table 'invoices' does not exist on the source", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(BatchSync.Testing.MariaDbServer.RootPassword, result.Output + result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unreachable_source_is_an_error_of_the_file_not_a_hang()
    {
        await _sandbox.WriteWorkflowAsync("- table: customers");
        var yaml = (await File.ReadAllTextAsync(_sandbox.WorkflowPath)).Replace($"port: {_sandbox.Server.Port}", "port: 1", StringComparison.Ordinal);
        await File.WriteAllTextAsync(_sandbox.WorkflowPath, yaml);

        var result = await CliInvocation.RunAsync(["validate", _sandbox.WorkflowPath, "--connect"]);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("error: could not check the source:", result.Output, StringComparison.Ordinal);
    }
}
