using Microsoft.Extensions.Options;

namespace DigestPipeline.Web.Console.Documents;

/// <summary>
/// A list older than a few minutes would hide what the operator just uploaded and make the page look broken; a
/// negative age means nothing.
/// </summary>
internal sealed class ConsoleDocumentsOptionsValidator : IValidateOptions<ConsoleDocumentsOptions>
{
    public static readonly TimeSpan MaxListFreshFor = TimeSpan.FromMinutes(5);

    public ValidateOptionsResult Validate(string? name, ConsoleDocumentsOptions options) =>
        options.ListFreshFor < TimeSpan.Zero || options.ListFreshFor > MaxListFreshFor
            ? ValidateOptionsResult.Fail($"{ConsoleDocumentsOptions.Section}:ListFreshFor must be between 00:00:00 and {MaxListFreshFor:c} (it is {options.ListFreshFor:c}).")
            : ValidateOptionsResult.Success;
}
