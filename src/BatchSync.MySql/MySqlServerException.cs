namespace BatchSync.MySql;

/// <summary>The server answered with an error packet. The message is the server's own text.</summary>
public sealed class MySqlServerException : MySqlException
{
    public MySqlServerException(int errorCode, string sqlState, string message)
        : base(message)
    {
        ErrorCode = errorCode;
        SqlState = sqlState;
    }

    public MySqlServerException()
        : this(0, "HY000", "The server reported an error.")
    {
    }

    public MySqlServerException(string message)
        : this(0, "HY000", message)
    {
    }

    public MySqlServerException(string message, Exception? innerException)
        : base(message, innerException)
    {
        SqlState = "HY000";
    }

    /// <summary>The server's error number, for example 1045 (access denied).</summary>
    public int ErrorCode { get; }

    /// <summary>The five-character SQLSTATE, for example "28000".</summary>
    public string SqlState { get; }
}
