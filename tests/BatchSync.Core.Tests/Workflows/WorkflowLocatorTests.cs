using BatchSync.Core.Workflows.Loading;

namespace BatchSync.Core.Tests.Workflows;

public class WorkflowLocatorTests
{
    [Fact]
    public void A_bare_name_finds_the_yml_or_yaml_file_under_workflows()
    {
        using var folder = new TempWorkflowFolder();
        folder.With("shop.yml", "x").With("crm.yaml", "x");

        Assert.Equal(folder.PathOf("shop.yml"), WorkflowLocator.Find("shop", folder.Root, out _));
        Assert.Equal(folder.PathOf("crm.yaml"), WorkflowLocator.Find("crm", folder.Root, out _));
    }

    [Fact]
    public void A_path_is_taken_as_is()
    {
        using var folder = new TempWorkflowFolder();
        folder.With("shop.yml", "x");

        Assert.Equal(folder.PathOf("shop.yml"), WorkflowLocator.Find(folder.PathOf("shop.yml"), "/elsewhere", out _));
    }

    [Fact]
    public void A_missing_workflow_reports_what_was_tried()
    {
        using var folder = new TempWorkflowFolder();

        Assert.Null(WorkflowLocator.Find("nope", folder.Root, out var tried));
        Assert.Equal([folder.PathOf("nope.yml"), folder.PathOf("nope.yaml")], tried);
    }
}
