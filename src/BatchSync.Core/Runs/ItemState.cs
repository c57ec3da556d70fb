namespace BatchSync.Core.Runs;

public enum ItemState
{
    Pending,
    Running,
    Done,
    Failed,
}
