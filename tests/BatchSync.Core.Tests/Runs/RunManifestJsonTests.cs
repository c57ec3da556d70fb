using System.Text.Json.Nodes;
using BatchSync.Core.Runs;

namespace BatchSync.Core.Tests.Runs;

public class RunManifestJsonTests
{
    [Fact]
    public void A_manifest_survives_a_round_trip_through_its_json()
    {
        var manifest = TestManifests.Manifest(2, ("users", 1), ("orders", 3));
        manifest = manifest with
        {
            Tables = [manifest.Tables[0] with { Incremental = new IncrementalBounds("updated_at", "2026-11-20 00:00:00", "2026-11-21 00:00:00") }, manifest.Tables[1]],
        };

        var json = RunJson.Serialize(manifest);
        var back = RunJson.Deserialize<RunManifest>(json, "manifest");

        Assert.Equal(json, RunJson.Serialize(back));
        Assert.Equal(manifest.Tables[0].Incremental, back.Tables[0].Incremental);
        Assert.Equal(4, back.ItemCount);
    }

    [Fact]
    public void The_manifest_uses_snake_case_and_writes_the_schema_as_bigquery_spells_it()
    {
        var json = JsonNode.Parse(RunJson.Serialize(TestManifests.Manifest(1, ("users", 1))))!;

        Assert.Equal("shop_daily", json["workflow"]!.GetValue<string>());
        var table = json["tables"]![0]!;
        Assert.Equal("users", table["out_table"]!.GetValue<string>());
        Assert.Equal("INT64", table["schema"]![0]!["type"]!.GetValue<string>());
        Assert.Equal("NULLABLE", table["schema"]![0]!["mode"]!.GetValue<string>());
        Assert.NotNull(table["select_sql"]);
    }

    [Fact]
    public void A_status_records_its_state_as_a_word()
    {
        var json = RunJson.Serialize(new ItemStatus("users", "00000", ItemState.Done, 1, Rows: 3, Parts: [new StagedPart("part-00000.csv.gz", 3, 30, 20, "ab")]));

        Assert.Contains("\"state\": \"done\"", json, StringComparison.Ordinal);
        Assert.Contains("\"compressed_bytes\": 20", json, StringComparison.Ordinal);
    }

    [Fact]
    public void A_damaged_manifest_is_reported_as_such()
        => Assert.Throws<FormatException>(() => RunJson.Deserialize<RunManifest>("{\"workflow\": 3}", "manifest"));

    [Fact]
    public void The_layout_matches_the_documented_staging_contract()
    {
        var layout = new RunLayout("shop_daily", "r1");

        Assert.Equal("runs/shop_daily/r1/manifest.json", layout.Manifest);
        Assert.Equal("runs/shop_daily/r1/tables/users/schema.json", layout.Schema("users"));
        Assert.Equal("runs/shop_daily/r1/tables/users/load.json", layout.LoadConfiguration("users"));
        Assert.Equal("runs/shop_daily/r1/tables/users/items/00001/status.json", layout.ItemStatus("users", "00001"));
        Assert.Equal("runs/shop_daily/r1/report.html", layout.ReportHtml);
        Assert.Equal("state/shop_daily/users.json", RunLayout.State("shop_daily", "users"));
    }
}
