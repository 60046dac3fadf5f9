using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace DigestPipeline.Web.Console.Upload;

/// <summary>
/// The files of a <c>POST /console/upload</c>, in order, whichever way they came. The plain form (no script) carries
/// its token as a field, so the frame has read that request's form whole to check it (ASP.NET Core keeps files past
/// 64 KB on disk meanwhile): its files are taken from there. The page's script sends its token as a header, so its
/// requests are still unread and are streamed part by part, as the upload API streams them.
/// </summary>
internal static class UploadedFiles
{
    public static async IAsyncEnumerable<UploadedFile> ReadAsync(HttpContext http, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (http.Features.Get<IFormFeature>()?.Form is { } form)
        {
            foreach (var file in form.Files)
            {
                await using var content = file.OpenReadStream();
                yield return new UploadedFile(file.FileName, file.ContentType, file.Length, content);
            }

            yield break;
        }

        if (!MediaTypeHeaderValue.TryParse(http.Request.ContentType, out var type)
            || !type.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
            || HeaderUtilities.RemoveQuotes(type.Boundary).Value is not { Length: > 0 } boundary)
            yield break;
        var reader = new MultipartReader(boundary, http.Request.Body);
        while (await reader.ReadNextSectionAsync(cancellationToken) is { } section)
        {
            // A part left unread (a file past the count) is skipped by the next ReadNextSectionAsync.
            if (ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition) && disposition.IsFileDisposition())
                yield return new UploadedFile(FileNameOf(disposition), section.ContentType, null, section.Body);
        }
    }

    private static string? FileNameOf(ContentDispositionHeaderValue disposition)
    {
        var name = disposition.FileNameStar.HasValue ? disposition.FileNameStar : disposition.FileName;
        return HeaderUtilities.RemoveQuotes(name).Value;
    }
}
