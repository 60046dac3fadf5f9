namespace DigestPipeline.Core.Documents.Formats;

/// <summary>
/// Hands XML text to an <see cref="System.Xml.XmlReader"/> and refuses a document once one of its tokens (a tag
/// with its attributes, a comment, a CDATA section, a processing instruction) runs past a length. The parser holds
/// a token whole before it reports it, so one start tag with a 95 M-character attribute would take half a GB;
/// text between tags is not limited here (it is read in chunks and counted against the character cap). A small
/// lexer follows quotes inside tags, because <c>&gt;</c> may appear in an attribute value and <c>&lt;</c> may not.
/// </summary>
internal sealed class XmlTokenLimitReader(TextReader inner, int maxTokenLength, Func<DocumentRejectedException> overLimit) : TextReader
{
    private enum State { Text, Open, Bang, BangDash, Tag, Quoted, Comment, CData, Instruction }

    private State _state = State.Text;
    private char _quote;
    private int _length;

    // The last two characters of a comment, CDATA section or instruction, to see its end ("-->", "]]>", "?>").
    private char _previous, _beforePrevious;

    public override int Read(char[] buffer, int index, int count) => Read(buffer.AsSpan(index, count));

    public override int Read(Span<char> buffer)
    {
        var read = inner.Read(buffer);
        foreach (var c in buffer[..read]) Scan(c);
        return read;
    }

    public override int Read()
    {
        var c = inner.Read();
        if (c >= 0) Scan((char)c);
        return c;
    }

    public override int Peek() => inner.Peek();

    protected override void Dispose(bool disposing)
    {
        if (disposing) inner.Dispose();
        base.Dispose(disposing);
    }

    private void Scan(char c)
    {
        if (_state == State.Text)
        {
            if (c != '<') return;
            _state = State.Open;
            _length = 0;
        }

        if (++_length > maxTokenLength) throw overLimit();
        switch (_state)
        {
            case State.Open when _length > 1:
                _state = c switch { '!' => State.Bang, '?' => State.Instruction, _ => State.Tag };
                _previous = _beforePrevious = '\0';
                if (_state == State.Tag) ScanTag(c);
                break;
            case State.Bang:
                // "<!--" opens a comment, "<![" a CDATA section; anything else (a DOCTYPE, refused by the parser) is read as a tag.
                _state = c switch { '-' => State.BangDash, '[' => State.CData, _ => State.Tag };
                break;
            case State.BangDash:
                _state = c == '-' ? State.Comment : State.Tag;
                break;
            case State.Tag or State.Quoted:
                ScanTag(c);
                break;
            case State.Comment or State.CData or State.Instruction:
                var ends = _state switch
                {
                    State.Comment => c == '>' && _previous == '-' && _beforePrevious == '-',
                    State.CData => c == '>' && _previous == ']' && _beforePrevious == ']',
                    _ => c == '>' && _previous == '?',
                };
                _beforePrevious = _previous;
                _previous = c;
                if (ends) _state = State.Text;
                break;
        }
    }

    private void ScanTag(char c)
    {
        if (_state == State.Quoted)
        {
            if (c == _quote) _state = State.Tag;
        }
        else if (c is '"' or '\'')
        {
            _quote = c;
            _state = State.Quoted;
        }
        else if (c == '>')
        {
            _state = State.Text;
        }
    }
}
