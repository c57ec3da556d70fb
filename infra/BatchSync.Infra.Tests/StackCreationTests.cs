using Amazon.CDK;
using BatchSync.Infra.Configuration;
using BatchSync.Infra.Tests.Support;

namespace BatchSync.Infra.Tests;

/// <summary>Settings and workflow files are checked before any resource exists.</summary>
public sealed class StackCreationTests
{
    [Fact]
    public void Invalid_settings_stop_the_stack_before_it_is_built()
    {
        var app = new App();

        var error = Assert.Throws<InvalidSettingsException>(() => BatchSyncStack.Create(app, TestSettings.Default with { NamePrefix = "" }));

        Assert.Contains("namePrefix", error.Message, StringComparison.Ordinal);
        Assert.Empty(app.Node.Children);
    }

    [Fact]
    public void A_bad_schedule_in_the_workflows_folder_stops_the_stack()
    {
        using var folder = new TemporaryFolder().With("shop.yml", "schedule: every day\n");
        var app = new App();

        var error = Assert.Throws<InvalidSettingsException>(() => BatchSyncStack.Create(app, TestSettings.Default with { WorkflowsFolder = folder.Path }));

        Assert.Contains("shop.yml: schedule 'every day'", error.Message, StringComparison.Ordinal);
        Assert.Empty(app.Node.Children);
    }

    [Fact]
    public void A_rule_name_longer_than_EventBridge_allows_stops_the_stack()
    {
        var longName = new string('w', 45);
        using var folder = new TemporaryFolder().With($"{longName}.yml", "schedule: rate(1 day)\n");
        var settings = TestSettings.Default with { NamePrefix = new string('p', 24), WorkflowsFolder = folder.Path };

        var error = Assert.Throws<InvalidSettingsException>(() => BatchSyncStack.Create(new App(), settings));

        Assert.Contains("longer than the 64 characters EventBridge allows", error.Message, StringComparison.Ordinal);
    }
}
