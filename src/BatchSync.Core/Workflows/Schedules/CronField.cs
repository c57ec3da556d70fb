namespace BatchSync.Core.Workflows.Schedules;

/// <summary>One of the six fields of an EventBridge cron expression: its range, names and allowed wildcards.</summary>
internal sealed record CronField(string Name, int Min, int Max, string Wildcards, IReadOnlyList<string>? Names = null)
{
    public static readonly CronField Minutes = new("minutes", 0, 59, ",-*/");
    public static readonly CronField Hours = new("hours", 0, 23, ",-*/");
    public static readonly CronField DayOfMonth = new("day-of-month", 1, 31, ",-*?/LW");
    public static readonly CronField Month = new("month", 1, 12, ",-*/", ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"]);
    public static readonly CronField DayOfWeek = new("day-of-week", 1, 7, ",-*?L#", ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"]);
    public static readonly CronField Year = new("year", 1970, 2199, ",-*/");

    public static readonly IReadOnlyList<CronField> InOrder = [Minutes, Hours, DayOfMonth, Month, DayOfWeek, Year];

    public bool Allows(char wildcard) => Wildcards.Contains(wildcard, StringComparison.Ordinal);

    public string Range => Names is null ? $"{Min}-{Max}" : $"{Min}-{Max} or {Names[0]}-{Names[^1]}";
}
