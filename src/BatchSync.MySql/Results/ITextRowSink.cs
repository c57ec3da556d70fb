namespace BatchSync.MySql.Results;

/// <summary>
/// Receives the rows of a text-protocol result set as the raw row payloads, without copying values into objects.
/// The result reader calls <see cref="WriteRow"/> synchronously for every complete row it holds in its buffer, then
/// awaits <see cref="FlushAsync"/> once before it reads more from the network, so the sink can apply back-pressure
/// there instead of blocking inside the hot loop.
/// </summary>
public interface ITextRowSink
{
    /// <summary>One row: a sequence of length-encoded strings, 0xFB for NULL. The span is only valid during the call.</summary>
    void WriteRow(ReadOnlySpan<byte> row);

    /// <summary>Called between network reads; a good place to hand off full buffers.</summary>
    ValueTask FlushAsync(CancellationToken cancellationToken);
}
