using System.Reflection;
using System.Text.RegularExpressions;
using DigestPipeline.Azure.Storage;
using DigestPipeline.Core.Pipeline;
using DigestPipeline.Hosting;
using DigestPipeline.IntegrationTests.Functions;
using DigestPipeline.LocalHost;
using DigestPipeline.Mail;
using DigestPipeline.Web;
using NetArchTest.Rules;
using Shouldly;
using Xunit;

namespace DigestPipeline.IntegrationTests.Architecture;

/// <summary>
/// The rules of docs/architecture.md, checked on the built assemblies: which project may use which, that the emulator
/// never ships in the Functions app, and which room of Core may use which (a one-way order, so no cycle).
/// </summary>
public sealed class The_house_plan_holds
{
    private static readonly Assembly Core = typeof(IMessagePublisher).Assembly;
    private static readonly Assembly Azure = typeof(StorageInitializer).Assembly;
    private static readonly Assembly Mail = typeof(SmtpMailSender).Assembly;
    private static readonly Assembly Web = typeof(WebOptions).Assembly;
    private static readonly Assembly LocalHost = typeof(QueuePump).Assembly;
    private static readonly Assembly Hosting = typeof(TokenSafeLogging).Assembly;

    /// <summary>Each project and the projects and outside packages it may not use.</summary>
    public static TheoryData<string, string[]> Forbidden => new()
    {
        // The domain: no storage, no mail transport, no web framework, none of our adapters; of a model, only the
        // IChatClient abstraction (Microsoft.Extensions.AI.Abstractions), never a provider's client.
        { "DigestPipeline.Core", ["DigestPipeline.Azure", "DigestPipeline.Mail", "DigestPipeline.Web", "DigestPipeline.LocalHost", "Azure.", "MailKit", "MimeKit", "Microsoft.AspNetCore", "OpenAI", "Microsoft.Extensions.AI.OpenAI"] },
        // The storage adapters: no mail, no pages, no emulator, no model; telemetry and the chat client are the hosts' (Hosting).
        { "DigestPipeline.Azure", ["DigestPipeline.Mail", "DigestPipeline.Web", "DigestPipeline.LocalHost", "MailKit", "MimeKit", "Microsoft.AspNetCore", "OpenTelemetry", "OpenAI", "Microsoft.Extensions.AI.OpenAI"] },
        // Mail and pages are adapters of their own: neither knows storage nor the other.
        { "DigestPipeline.Mail", ["DigestPipeline.Azure", "DigestPipeline.Web", "DigestPipeline.LocalHost", "Azure.", "Microsoft.AspNetCore", "OpenAI"] },
        { "DigestPipeline.Web", ["DigestPipeline.Azure", "DigestPipeline.Mail", "DigestPipeline.LocalHost", "Azure.", "MailKit", "MimeKit", "OpenTelemetry", "OpenAI"] },
        // The emulator builds on the storage adapters, never on mail or pages.
        { "DigestPipeline.LocalHost", ["DigestPipeline.Mail", "DigestPipeline.Web", "MailKit", "MimeKit", "Microsoft.AspNetCore", "OpenAI"] },
        // What every host shares wires Core, storage, mail, pages and telemetry, and ships in the Functions app: never the
        // emulator; the mail transport is Mail's own.
        { "DigestPipeline.Hosting", ["DigestPipeline.LocalHost", "MailKit", "MimeKit"] },
    };

    [Theory]
    [MemberData(nameof(Forbidden))]
    public void A_project_uses_none_of_what_it_must_not(string project, string[] forbidden)
    {
        var assembly = new[] { Core, Azure, Mail, Web, LocalHost, Hosting }.Single(a => a.GetName().Name == project);

        var used = assembly.GetReferencedAssemblies().Select(a => a.Name!).ToList();

        used.Where(name => forbidden.Any(f => name == f || (f.EndsWith('.') && name.StartsWith(f, StringComparison.Ordinal)) || name.StartsWith(f + ".", StringComparison.Ordinal)))
            .ShouldBeEmpty($"{project} uses: {string.Join(", ", used.Order())}");
    }

    /// <summary>
    /// Core asks a model through <c>IChatClient</c> only: which provider answers (OpenAI's client for Azure OpenAI, Ollama,
    /// llama.cpp) is the hosts' choice, made in Hosting, and nothing of it is compiled into the domain.
    /// </summary>
    [Fact]
    public void Core_knows_a_chat_model_by_its_abstraction_only()
    {
        var ai = Core.GetReferencedAssemblies().Select(a => a.Name!).Where(n => n.StartsWith("Microsoft.Extensions.AI", StringComparison.Ordinal)).ToList();

        ai.ShouldBe(["Microsoft.Extensions.AI.Abstractions"]);
        Hosting.GetReferencedAssemblies().Select(a => a.Name).ShouldContain("Microsoft.Extensions.AI.OpenAI", "the hosts build the chat client");
    }

    [Fact]
    public void The_Functions_app_ships_without_the_emulator()
    {
        var deps = File.ReadAllText(Path.Combine(BuiltFunctionsApp.Output, "DigestPipeline.Functions.deps.json"));

        deps.ShouldContain("DigestPipeline.Azure", customMessage: "the check reads the app's real dependency list");
        deps.ShouldNotContain("DigestPipeline.LocalHost");
        Directory.EnumerateFiles(BuiltFunctionsApp.Output, "DigestPipeline.LocalHost.dll").ShouldBeEmpty();
    }

    /// <summary>
    /// Core publishes and handles typed messages; queues, their wire format (Event Grid's schema, the retry and poison
    /// envelopes) and the storage account's names are the Azure edge's. So no type of Core is named like transport,
    /// Core does not reference the Event Grid SDK, and no constant of Core is a container or queue name (table names
    /// are not checked: "Documents" is also a configuration section).
    /// </summary>
    [Fact]
    public void Core_holds_no_transport()
    {
        var transport = new Regex("Queue.*Endpoint|QueueHandler|WorkQueue|QueueSender|StorageNames|EventGrid|BlobCreated|RetryMessage|PoisonMessage|QueueRetry");
        var names = StorageNames.Containers.Concat(StorageNames.Queues).Concat(StorageNames.Queues.Select(StorageNames.PoisonQueue))
            .ToHashSet(StringComparer.Ordinal);

        Core.GetTypes().Where(t => transport.IsMatch(t.Name)).Select(t => t.FullName).ShouldBeEmpty("transport types belong to DigestPipeline.Azure");
        Core.GetReferencedAssemblies().Select(a => a.Name).ShouldNotContain("Azure.Messaging.EventGrid");
        Core.GetTypes()
            .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.DeclaredOnly))
            .Where(f => f.IsLiteral && f.GetRawConstantValue() is string value && names.Contains(value))
            .Select(f => $"{f.DeclaringType!.FullName}.{f.Name}")
            .ShouldBeEmpty("storage names belong to DigestPipeline.Azure (StorageNames)");
    }

    /// <summary>
    /// Core's rooms, each allowed the rooms before it that it needs: the text engine (Language → Documents → Themes →
    /// Summaries → Evaluation), subscribers and digests above it, orchestration (removal, repair) on top.
    /// <c>Pipeline</c> (messages, names, telemetry) and <c>Localization</c> (the words in resource files) are below all of
    /// them; <c>Language</c> uses no other room but Localization (the languages' names).
    /// </summary>
    private static readonly (string Room, string[] Allowed)[] RoomOrder =
    [
        ("Pipeline", []),
        ("Localization", []),
        ("Email", []),
        ("Language", ["Localization"]),
        ("Documents", ["Pipeline", "Language"]),
        ("Themes", ["Pipeline", "Language", "Documents"]),
        ("Summaries", ["Pipeline", "Language", "Documents", "Themes"]),
        ("Evaluation", ["Pipeline", "Language", "Documents", "Themes", "Summaries"]),
        ("Subscribers", ["Pipeline", "Localization", "Language", "Themes"]),
        ("Translation", ["Pipeline", "Language"]),
        ("Digests", ["Pipeline", "Localization", "Email", "Language", "Documents", "Themes", "Summaries", "Subscribers", "Translation"]),
        ("Subscriptions", ["Pipeline", "Localization", "Email", "Documents", "Themes", "Subscribers", "Digests"]),
        ("Removal", ["Pipeline", "Documents", "Themes", "Summaries"]),
        ("Repair", ["Pipeline", "Documents", "Themes", "Summaries"]),
        ("Sources", ["Pipeline", "Documents"]),
        ("Access", []),
        ("Uploads", ["Pipeline", "Documents", "Summaries"]),
        ("Newsletters", ["Pipeline", "Documents", "Sources"]),
    ];

    public static TheoryData<string, string[]> Rooms
    {
        get
        {
            var rooms = new TheoryData<string, string[]>();
            foreach (var (room, allowed) in RoomOrder)
                rooms.Add(room, allowed);
            return rooms;
        }
    }

    [Fact]
    public void Every_room_of_Core_has_its_place_in_the_order()
    {
        var rooms = Core.GetTypes().Select(t => t.Namespace)
            .Where(n => n is not null && n.StartsWith("DigestPipeline.Core.", StringComparison.Ordinal))
            .Select(n => n!["DigestPipeline.Core.".Length..].Split('.')[0]).Distinct().Order().ToList();

        rooms.ShouldBe(RoomOrder.Select(r => r.Room).Order().ToList());
    }

    [Theory]
    [MemberData(nameof(Rooms))]
    public void A_room_of_Core_uses_only_the_rooms_below_it(string room, string[] allowed)
    {
        var all = RoomOrder.Select(r => r.Room).ToList();
        // With the trailing dot: NetArchTest compares names by prefix, and Core.Pipeline is a prefix of Core.PipelineServiceCollectionExtensions.
        var others = all.Where(r => r != room && !allowed.Contains(r)).Select(r => $"DigestPipeline.Core.{r}.").ToArray();

        var result = Types.InAssembly(Core).That().ResideInNamespaceMatching($@"^DigestPipeline\.Core\.{room}(\..+)?$")
            .ShouldNot().HaveDependencyOnAny(others).GetResult();

        (result.FailingTypeNames ?? []).ShouldBeEmpty($"{room} may use only {string.Join(", ", allowed.DefaultIfEmpty("no other room"))}");
    }
}
