using BatchSync.Core.Workflows.Documents;
using BatchSync.Core.Workflows.Loading;

namespace BatchSync.Commands.Import;

/// <summary>
/// Runs an import: translate the old job into a draft, settle what every imported workflow needs (types: embulk,
/// the zone embulk read DATETIME in), write the YAML, validate it like <c>batchsync validate</c>, and list on stderr
/// what did not map. Exit 0 when the workflow is valid (even with items to settle), 2 otherwise.
/// </summary>
internal sealed class ImportRunner(TimeProvider time)
{
    public async Task<int> RunAsync(ImportOptions options, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        if (!File.Exists(options.File))
        {
            await error.WriteLineAsync($"{options.File}: the file does not exist.");
            return 2;
        }

        var name = options.Name ?? WorkflowNameOf(options.File);
        var draft = new WorkflowDraft { Name = name };
        var findings = new ImportFindings();
        try
        {
            Translate(options, draft, findings, name);
        }
        catch (ImportException e)
        {
            await error.WriteLineAsync(e.Message);
            return 2;
        }

        if (draft.Tables.Count == 0)
        {
            await WriteFindingsAsync(findings, error);
            await error.WriteLineAsync($"{options.File}: no table could be imported, so no workflow was written.");
            return 2;
        }

        Settle(draft, findings, options);
        var yaml = WorkflowDraftWriter.Write(draft, findings, Path.GetFileName(options.File));
        var target = options.Out ?? Path.Combine(Path.GetDirectoryName(Path.GetFullPath(options.File)) ?? ".", name + ".yml");
        var validation = WorkflowLoader.LoadText(yaml, target);
        if (options.Out is null)
        {
            await output.WriteAsync(yaml);
        }
        else
        {
            await File.WriteAllTextAsync(options.Out, yaml, cancellationToken);
            await error.WriteLineAsync($"Wrote {options.Out}: {draft.Tables.Count} tables.");
        }

        await WriteFindingsAsync(findings, error);
        foreach (var diagnostic in validation.Diagnostics)
        {
            await error.WriteLineAsync(diagnostic.ToString());
        }

        await error.WriteLineAsync(validation.Workflow is not null
            ? $"The workflow is valid ({draft.Tables.Count} tables). Settle the items above, then: batchsync validate --connect, and batchsync run --local."
            : "The imported workflow is not valid; fix the errors above.");
        return validation.Workflow is not null ? 0 : 2;
    }

    private void Translate(ImportOptions options, WorkflowDraft draft, ImportFindings findings, string name)
    {
        var embulk = new EmbulkConfigTranslator(draft, findings, name);
        if (options.Kind == "digdag")
        {
            new DigdagTranslator(draft, findings, embulk, time).Translate(ImportSources.ReadDigdag(options.File), options.File);
            return;
        }

        var config = ImportSources.ReadEmbulkConfig(options.File, findings);
        if (options.TablesFile is null)
        {
            embulk.Translate(config, new TemplateScope());
            return;
        }

        if (!File.Exists(options.TablesFile))
        {
            throw new ImportException($"{options.TablesFile}: the table list does not exist.");
        }

        if (ImportSources.ReadDocument(options.TablesFile) is not ConfigSequence list)
        {
            throw new ImportException($"{options.TablesFile}: a table list is a JSON array of table names or {{\"table\": …}} objects.");
        }

        foreach (var item in list.Items)
        {
            var entry = item as ConfigMap ?? (item is ConfigScalar scalar
                ? new ConfigMap(scalar.Location, [new ConfigEntry(new ConfigScalar(scalar.Location, "table", ScalarKind.String), scalar)])
                : null);
            if (entry is null)
            {
                findings.Add(item.Location, "a table list entry is neither a name nor an object", "write \"orders\" or {\"table\": \"orders\", …}");
                continue;
            }

            embulk.Translate(config, ScopeOf(entry), entry);
        }
    }

    /// <summary>The script that ran embulk per list entry exported its keys (TABLE, WHERE, …) to the environment.</summary>
    private static TemplateScope ScopeOf(ConfigMap entry)
    {
        var scope = new TemplateScope();
        foreach (var setting in entry.Entries)
        {
            if (setting.Value is ConfigScalar value)
            {
                scope = scope.WithEnvironment(setting.Key.Value.ToUpperInvariant(), value.Value);
            }
        }

        return scope;
    }

    private static void Settle(WorkflowDraft draft, ImportFindings findings, ImportOptions options)
    {
        draft.Defaults["types"] = "embulk";
        findings.Note("types: embulk keeps loading the tables embulk created with embulk's types and values (DATETIME/DATE → TIMESTAMP, DECIMAL → FLOAT, TINYINT(1) → BOOLEAN, JSON → STRING). To move a replace table to BatchSync's own types, set types: batchsync and recreate_on_type_change: true on it.");
        var zone = options.SourceTimeZone ?? draft.TimeZone;
        if (zone is not null)
        {
            draft.Source["timezone"] = zone;
            findings.Note($"source.timezone {zone}: embulk's MySQL driver read DATETIME and DATE values in the MySQL server's time zone; check it is {zone} (SELECT @@global.time_zone, @@system_time_zone).");
        }
        else
        {
            draft.Source["timezone"] = "UTC";
            findings.Add(new Core.Workflows.Diagnostics.SourceLocation(options.File, 1, 1), "the zone embulk read DATETIME and DATE values in is not in the config (it is the MySQL server's time zone)",
                "set source.timezone to it (SELECT @@global.time_zone, @@system_time_zone), or import with --source-timezone ZONE; UTC was written for now");
        }
    }

    private static async Task WriteFindingsAsync(ImportFindings findings, TextWriter error)
    {
        if (findings.NotMapped.Count == 0)
        {
            return;
        }

        await error.WriteLineAsync($"{findings.NotMapped.Count} setting(s) did not map:");
        foreach (var item in findings.NotMapped)
        {
            await error.WriteLineAsync($"  {item}");
        }
    }

    private static string WorkflowNameOf(string file)
    {
        var name = Path.GetFileName(file);
        foreach (var extension in new[] { ".liquid", ".yml", ".yaml", ".dig" })
        {
            if (name.EndsWith(extension, StringComparison.OrdinalIgnoreCase))
            {
                name = name[..^extension.Length];
            }
        }

        var cleaned = new string([.. name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.' ? c : '_')]);
        return cleaned.Length is > 0 and <= 64 ? cleaned : "imported";
    }
}
