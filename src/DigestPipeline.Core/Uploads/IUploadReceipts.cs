namespace DigestPipeline.Core.Uploads;

/// <summary>The ApiUploads table: one <see cref="UploadReceipt"/> per upload the API accepted.</summary>
public interface IUploadReceipts
{
    Task AddAsync(UploadReceipt receipt, CancellationToken cancellationToken);

    Task<UploadReceipt?> GetAsync(string id, CancellationToken cancellationToken);
}
