using System.ComponentModel.DataAnnotations;

namespace DigestPipeline.Mail;

/// <summary>The <c>Mail</c> configuration section: where digests go when no SMTP server is configured.</summary>
public sealed class MailOptions
{
    public const string Section = "Mail";

    /// <summary>
    /// Folder of <c>.eml</c> files (plus an <c>.html</c> preview of each) used when <c>Mail:Smtp:Host</c> is not
    /// set; relative paths are taken from the current directory.
    /// </summary>
    [Required]
    public string PickupDirectory { get; set; } = Path.Combine(".digest", "mail");
}
