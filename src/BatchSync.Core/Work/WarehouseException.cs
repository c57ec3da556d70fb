namespace BatchSync.Core.Work;

/// <summary>
/// The destination refused the work or could not be reached: a misconfigured or unreachable warehouse, a table it
/// rejects. The message says what failed, where, and what the warehouse answered; it never holds credentials.
/// </summary>
public class WarehouseException : Exception
{
    public WarehouseException()
    {
    }

    public WarehouseException(string message)
        : base(message)
    {
    }

    public WarehouseException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
