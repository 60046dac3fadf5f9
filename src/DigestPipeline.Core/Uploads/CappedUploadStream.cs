namespace DigestPipeline.Core.Uploads;

/// <summary>
/// An upload's body as the intake reads it: the first bytes, already read to check the format, then the rest of the
/// request; it throws <see cref="UploadTooLargeException"/> as soon as more than the cap came through, so a body past
/// the cap is never read further nor stored.
/// </summary>
internal sealed class CappedUploadStream(ReadOnlyMemory<byte> head, Stream rest, long maxBytes) : Stream
{
    private int _headRead;
    private long _read;

    public long BytesRead => _read;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => _read;
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        if (TakeHead(buffer) is var fromHead and > 0)
            return Count(fromHead);
        return Count(rest.Read(buffer));
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (TakeHead(buffer.Span) is var fromHead and > 0)
            return Count(fromHead);
        return Count(await rest.ReadAsync(buffer, cancellationToken));
    }

    private int TakeHead(Span<byte> buffer)
    {
        var count = Math.Min(buffer.Length, head.Length - _headRead);
        if (count <= 0)
            return 0;
        head.Span.Slice(_headRead, count).CopyTo(buffer);
        _headRead += count;
        return count;
    }

    private int Count(int read)
    {
        _read += read;
        if (_read > maxBytes)
            throw new UploadTooLargeException(maxBytes);
        return read;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
