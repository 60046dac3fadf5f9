using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Azure.Data.Tables;
using DigestPipeline.Azure.Storage;
using DigestPipeline.Core.Access;
using DigestPipeline.IntegrationTests.Cli;
using DigestPipeline.IntegrationTests.Infrastructure;
using Shouldly;
using Xunit;

namespace DigestPipeline.IntegrationTests.Api;

/// <summary>
/// <c>digest key add</c> prints a key once; <c>key list</c>, the ApiKeys table and every log record of the API using,
/// refusing and revoking it name its public id, never the key or its secret.
/// </summary>
public sealed partial class Api_keys_are_shown_once_and_never_logged(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_key_added_by_the_command_works_until_revoked_and_its_secret_is_in_no_list_row_or_log()
    {
        var name = "ci-robot-" + Guid.NewGuid().ToString("N")[..6];
        var (added, addOutput, addErrors) = await DigestCommand.RunOnAsync(azurite, "key", "add", name);
        added.ShouldBe(0, addOutput + addErrors);
        var key = KeyForm().Match(addOutput).Value;
        ApiKey.TryParse(key, out var id, out var secret).ShouldBeTrue($"'digest key add' prints the key: {addOutput}");

        var (listed, listOutput, _) = await DigestCommand.RunOnAsync(azurite, "key", "list");
        listed.ShouldBe(0);
        listOutput.ShouldContain(id);
        listOutput.ShouldContain(name);
        listOutput.ShouldNotContain(secret);
        var row = (await new TableServiceClient(azurite.ConnectionString).GetTableClient(StorageNames.ApiKeysTable)
            .GetEntityAsync<TableEntity>("key", id, cancellationToken: Cancellation)).Value;
        row.Select(p => p.Value).OfType<string>().ShouldAllBe(v => !v.Contains(secret), "the table keeps the secret's hash only");

        await using var api = await DocumentApiHost.StartAsync(azurite, Cancellation);
        using (var accepted = await api.Http.SendAsync(DocumentApiHost.Post(key, DocumentApiHost.Bytes(Encoding.UTF8.GetBytes("A note on the grid."), "text/plain"), "?name=note.txt"), Cancellation))
            accepted.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        using (var wrong = await api.Http.SendAsync(DocumentApiHost.Get(key[..^3] + "AAA", "/api/documents/" + new string('0', 32)), Cancellation))
            wrong.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        var (revoked, revokeOutput, _) = await DigestCommand.RunOnAsync(azurite, "key", "revoke", name);
        revoked.ShouldBe(0);
        revokeOutput.ShouldContain(id);
        using (var refused = await api.Http.SendAsync(DocumentApiHost.Get(key, "/api/documents/" + new string('0', 32)), Cancellation))
            refused.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await DigestCommand.RunOnAsync(azurite, "key", "list")).Output.ShouldNotContain(secret);

        var records = api.Logs.Records;
        // The capture saw the key used, refused and revoked: an empty log would pass the scan below.
        records.ShouldContain(r => r.Text.Contains("API upload") && r.Text.Contains("key:" + id));
        records.ShouldContain(r => r.Text.Contains("no key " + id));
        records.ShouldContain(r => r.Text.Contains("revoked") && r.Text.Contains(id));
        foreach (var record in records)
        {
            record.Text.ShouldNotContain(secret, customMessage: $"{record.Category}: {record.Text}");
            record.Text.ShouldNotContain(secret[..^3], customMessage: $"{record.Category}: {record.Text}");
        }
    }

    [GeneratedRegex(@"dpk_[0-9a-f]{16}_[A-Za-z0-9_-]{43}")]
    private static partial Regex KeyForm();
}
