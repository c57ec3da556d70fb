using BatchSync.MySql.Csv;

namespace BatchSync.MySql.Tests.Csv;

public class SourceZoneConverterTests
{
    [Theory]
    [InlineData("America/New_York")]
    [InlineData("Europe/London")]
    [InlineData("Australia/Lord_Howe")] // half-hour DST shifts
    [InlineData("Asia/Tokyo")]
    public void Every_local_time_of_a_year_maps_to_an_instant_that_reads_back_as_that_local_time_unless_it_never_existed(string zoneId)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(zoneId);
        var converter = new SourceZoneConverter(zone);
        for (var local = new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Unspecified); local.Year == 2024; local = local.AddMinutes(7).AddSeconds(13))
        {
            var utc = converter.ToUtc(local);
            var back = TimeZoneInfo.ConvertTimeFromUtc(utc, zone);
            if (zone.IsInvalidTime(local))
            {
                Assert.True(back > local, $"{zoneId} {local:O}: a skipped time must move forward, got {back:O}");
            }
            else
            {
                Assert.True(back == local, $"{zoneId} {local:O} → {utc:O} → {back:O}");
                if (zone.IsAmbiguousTime(local))
                {
                    Assert.True(utc < converter.ToUtc(local.AddHours(2)).AddHours(-2), $"{zoneId} {local:O}: a repeated time takes the earlier instant");
                }
            }
        }
    }
}
