namespace DigestPipeline.Azure.Storage;

/// <summary>
/// Makes any text a valid PartitionKey or RowKey: the characters tables refuse (<c>/ \ # ?</c>, control characters)
/// and <c>%</c> itself are percent-encoded, everything else is kept, so ordinary ids stay readable.
/// </summary>
internal static class TableKey
{
    public static string Encode(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (!value.Any(NeedsEscape))
            return value;

        var builder = new System.Text.StringBuilder(value.Length + 8);
        foreach (var c in value)
        {
            if (NeedsEscape(c))
                builder.Append('%').Append(((int)c).ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            else
                builder.Append(c);
        }

        return builder.ToString();
    }

    private static bool NeedsEscape(char c) => c is '/' or '\\' or '#' or '?' or '%' || char.IsControl(c);
}
