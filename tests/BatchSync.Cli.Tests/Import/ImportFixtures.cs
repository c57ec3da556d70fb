namespace BatchSync.Cli.Tests.Import;

/// <summary>The embulk / digdag setups written for these tests, copied next to the test binaries.</summary>
internal static class ImportFixtures
{
    public static string Root => Path.Combine(AppContext.BaseDirectory, "Import", "Fixtures");

    /// <summary>EC2 + cron: a shell loop runs one liquid config per entry of tables.json.</summary>
    public static string Ec2Config => Path.Combine(Root, "ec2-cron", "mysql_to_bq.yml.liquid");

    public static string Ec2Tables => Path.Combine(Root, "ec2-cron", "tables.json");

    /// <summary>digdag on ECS: for_each over an !include'd table list, _parallel, _retry, _error, daily&gt; in Asia/Tokyo.</summary>
    public static string DigdagOnEcs => Path.Combine(Root, "digdag-ecs", "shop_daily.dig");

    /// <summary>Several databases on one host, loop&gt; over an _export list, a digdag secret for the password.</summary>
    public static string SeveralDatabases => Path.Combine(Root, "multi-db", "nightly.dig");
}
