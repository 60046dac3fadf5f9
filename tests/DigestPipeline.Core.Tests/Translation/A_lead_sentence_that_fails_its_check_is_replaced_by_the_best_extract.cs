using DigestPipeline.Core.Translation;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Shouldly;
using Xunit;

namespace DigestPipeline.Core.Tests.Translation;

/// <summary>
/// A theme's lead is written by the model from the cited sentences only, and each sentence it writes is checked: one
/// with a number the extracts do not hold never reaches the reader, the theme's best extract takes its place.
/// </summary>
public sealed class A_lead_sentence_that_fails_its_check_is_replaced_by_the_best_extract
{
    private static readonly string[] Cited =
    [
        "Le sommet de Bâle a réuni 1 200 chercheurs le 11 mai.",
        "Les hôpitaux testent des assistants.",
    ];

    private const string BestExtract = "Le sommet de Bâle a réuni 1 200 chercheurs le 11 mai.";

    private readonly InMemoryTranslationCache _cache = new();

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_grounded_sentence_stays_and_the_one_with_an_invented_number_becomes_the_best_extract()
    {
        var chat = new ScriptedChatClient((_, _) => "Des chercheurs se sont réunis à Bâle. Ils étaient 3 000 le 11 mai.");

        var lead = await Writer(chat).WriteAsync("fr", Cited, [], BestExtract, Cancellation);

        lead.ShouldBe([
            new LeadSentence("Des chercheurs se sont réunis à Bâle.", MachineWritten: true),
            new LeadSentence(BestExtract, MachineWritten: false),
        ]);
        // The model was asked in the digest's language, from the extracts only.
        chat.Requests.ShouldHaveSingleItem().Instructions.ShouldContain("in French");
        chat.Requests[0].Request.ShouldBe("1. Le sommet de Bâle a réuni 1 200 chercheurs le 11 mai.\n2. Les hôpitaux testent des assistants.");
    }

    [Fact]
    public async Task Two_failing_sentences_leave_the_best_extract_once()
    {
        var chat = new ScriptedChatClient((_, _) => "Le sommet de Genève a réuni 900 chercheurs. Il a eu lieu en juin.");

        var lead = await Writer(chat).WriteAsync("fr", Cited, [], BestExtract, Cancellation);

        lead.ShouldBe([new LeadSentence(BestExtract, MachineWritten: false)]);
    }

    [Fact]
    public async Task A_written_sentence_that_is_the_best_extract_word_for_word_is_not_followed_by_it_again()
    {
        var chat = new ScriptedChatClient((_, _) => BestExtract + " Il y avait 3 000 chercheurs.");

        var lead = await Writer(chat).WriteAsync("fr", Cited, [], BestExtract, Cancellation);

        lead.ShouldBe([new LeadSentence(BestExtract, MachineWritten: true)]);
    }

    [Fact]
    public async Task The_same_cited_sentences_in_the_same_language_are_written_once()
    {
        var chat = new ScriptedChatClient((_, _) => "Des chercheurs se sont réunis à Bâle.");

        var first = await Writer(chat).WriteAsync("fr", Cited, [], BestExtract, Cancellation);
        var again = await Writer(chat).WriteAsync("fr", Cited, [], BestExtract, Cancellation);
        await Writer(chat).WriteAsync("en", Cited, [], BestExtract, Cancellation);

        again.ShouldBe(first);
        // Once in French (the second from the cache), once in English.
        chat.Requests.Count.ShouldBe(2);
    }

    [Fact]
    public async Task A_name_translated_with_its_sentence_passes_the_check()
    {
        // The extract says Bâle; its English translation says Basel, and so may the English lead.
        var chat = new ScriptedChatClient((_, _) => "Researchers met in Basel on 11 May.");

        var lead = await Writer(chat).WriteAsync("en", Cited, ["The Basel summit brought together 1,200 researchers on 11 May."], BestExtract, Cancellation);

        lead.ShouldBe([new LeadSentence("Researchers met in Basel on 11 May.", MachineWritten: true)]);
    }

    private LeadWriter Writer(ScriptedChatClient chat) =>
        new(chat, _cache, Options.Create(new TranslationOptions { Endpoint = "http://127.0.0.1:1/v1", Model = "test" }), new FakeTimeProvider());
}
