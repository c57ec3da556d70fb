namespace BatchSync.Core.Workflows.Model;

public enum NotifyEvent
{
    Failure,
    Success,
}
