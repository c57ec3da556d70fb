using System.Buffers;

namespace BatchSync.MySql.Results;

/// <summary>A pooled, growable buffer that joins a row arriving in several 16 MiB packets (or larger than the receive buffer).</summary>
internal sealed class LargeRowBuffer : IDisposable
{
    private byte[] _buffer = [];
    private int _length;

    public bool IsActive { get; private set; }

    public ReadOnlySpan<byte> Row => _buffer.AsSpan(0, _length);

    public void Append(ReadOnlySpan<byte> piece) => piece.CopyTo(Reserve(piece.Length).Span);

    /// <summary>Extends the row by <paramref name="count"/> bytes and returns that region to be filled.</summary>
    public Memory<byte> Reserve(int count)
    {
        IsActive = true;
        var required = checked(_length + count);
        if (required > _buffer.Length)
        {
            var larger = ArrayPool<byte>.Shared.Rent(Math.Max(required, (int)Math.Min(Array.MaxLength, 2L * _buffer.Length)));
            _buffer.AsSpan(0, _length).CopyTo(larger);
            ReturnBuffer();
            _buffer = larger;
        }

        var region = _buffer.AsMemory(_length, count);
        _length = required;
        return region;
    }

    /// <summary>Forgets the row and gives the memory back; rows this big are rare.</summary>
    public void Clear()
    {
        ReturnBuffer();
        _buffer = [];
        _length = 0;
        IsActive = false;
    }

    public void Dispose() => Clear();

    private void ReturnBuffer()
    {
        if (_buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(_buffer);
        }
    }
}
