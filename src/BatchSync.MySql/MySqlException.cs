namespace BatchSync.MySql;

/// <summary>A failure talking to a MySQL/MariaDB server: network, timeout, TLS, protocol or authentication.</summary>
public class MySqlException : Exception
{
    public MySqlException()
    {
    }

    public MySqlException(string message)
        : base(message)
    {
    }

    public MySqlException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
