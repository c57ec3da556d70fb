using BatchSync.Core.Runs;

namespace BatchSync.Core.Finish;

/// <summary>
/// Writes a run's report.json and report.html, compared with the workflow's last successful run; a successful run
/// then becomes the baseline the next one is compared with.
/// </summary>
public sealed class RunReportWriter(IRunDocuments documents)
{
    public async Task<RunReport> WriteAsync(RunManifest manifest, RunReport report, CancellationToken cancellationToken)
    {
        var baselineKey = RunBaseline.KeyOf(manifest.Workflow);
        var text = await documents.ReadAsync(baselineKey, cancellationToken);
        var baseline = text is null ? null : RunJson.Deserialize<RunBaseline>(text, $"run baseline {documents.AddressOf(baselineKey)}");
        if (baseline is not null && baseline.RunId != report.RunId)
        {
            report = report with { Comparison = RowCountComparison.Compare(baseline, report) };
        }

        await documents.WriteAsync(manifest.Layout.Report, RunJson.Serialize(report), cancellationToken);
        await documents.WriteAsync(manifest.Layout.ReportHtml, RunReportHtml.Render(report), cancellationToken);
        if (report.Succeeded)
        {
            await documents.WriteAsync(baselineKey, RunJson.Serialize(RowCountComparison.NextBaseline(baseline, report)), cancellationToken);
        }

        return report;
    }
}
