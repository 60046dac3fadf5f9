using DigestPipeline.IntegrationTests.Infrastructure;
using Xunit;

namespace DigestPipeline.IntegrationTests.Mail;

/// <summary>Tests that share one maildev; they run one after another.</summary>
[StartsFirst]
[CollectionDefinition(Name)]
public sealed class MaildevCollection : ICollectionFixture<MaildevFixture>
{
    public const string Name = "maildev";
}
