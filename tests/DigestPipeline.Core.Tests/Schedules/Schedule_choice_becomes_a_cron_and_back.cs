using DigestPipeline.Core.Subscribers;
using Shouldly;
using Xunit;

namespace DigestPipeline.Core.Tests.Schedules;

public sealed class Schedule_choice_becomes_a_cron_and_back
{
    public static TheoryData<ScheduleChoice, string> Choices => new()
    {
        { ScheduleChoice.Daily(new TimeOnly(7, 0), "Europe/Paris"), "0 7 * * *" },
        { ScheduleChoice.Daily(new TimeOnly(23, 45), "America/New_York"), "45 23 * * *" },
        { ScheduleChoice.Weekly(DayOfWeek.Monday, new TimeOnly(8, 30), "Europe/Paris"), "30 8 * * 1" },
        { ScheduleChoice.Weekly(DayOfWeek.Sunday, new TimeOnly(18, 0), "Asia/Tokyo"), "0 18 * * 0" },
        { ScheduleChoice.FromCron("30 8 * * 1-5", "America/New_York"), "30 8 * * 1-5" },
    };

    [Theory]
    [MemberData(nameof(Choices))]
    public void Stored_as_a_cron_string_and_shown_as_chosen(ScheduleChoice choice, string cron)
    {
        var stored = choice.ToStored();

        stored.Cron.ShouldBe(cron);
        stored.TimeZone.ShouldBe(choice.TimeZone);
        ScheduleChoice.FromStored(stored.Cron, stored.TimeZone).ShouldBe(choice);
        DigestSchedule.Parse(stored.Cron, stored.TimeZone).ShouldNotBeNull();
    }

    [Theory]
    [InlineData("0 7 * * 7", DayOfWeek.Sunday)]
    [InlineData("0 7 * * MON", DayOfWeek.Monday)]
    public void Other_spellings_of_a_weekly_cron_show_as_weekly(string cron, DayOfWeek day) =>
        ScheduleChoice.FromStored(cron, "UTC").ShouldBe(ScheduleChoice.Weekly(day, new TimeOnly(7, 0), "UTC"));

    [Fact]
    public void Each_problem_names_its_field_in_words_a_person_reads()
    {
        new ScheduleChoice(DigestFrequency.Weekly, "Mars/Olympus").Validate()
            .Select(p => (p.Field, p.Kind))
            .ShouldBe([("time", ScheduleProblemKind.TimeMissing), ("day", ScheduleProblemKind.DayMissing), ("timeZone", ScheduleProblemKind.TimeZoneUnknown)]);

        var badCron = ScheduleChoice.FromCron("every morning", "Europe/Paris").Validate().ShouldHaveSingleItem();
        badCron.Field.ShouldBe("cron");
        badCron.Message.ShouldContain("5 fields");
        badCron.MessageIn("fr").ShouldContain("5 champs");

        ScheduleChoice.FromCron("0 7 30 2 *", "UTC").Validate().ShouldHaveSingleItem().Kind.ShouldBe(ScheduleProblemKind.CronNeverDue);
        ScheduleChoice.Daily(new TimeOnly(7, 0, 30), "UTC").Validate().ShouldHaveSingleItem().Kind.ShouldBe(ScheduleProblemKind.TimeNotWholeMinute);
        ScheduleChoice.Daily(new TimeOnly(7, 0), "").Validate().ShouldHaveSingleItem().Kind.ShouldBe(ScheduleProblemKind.TimeZoneMissing);
        Should.Throw<ArgumentException>(() => ScheduleChoice.FromCron("", "UTC").ToStored()).Message.ShouldBe("Enter a cron expression.");
    }

    [Fact]
    public void A_windows_zone_id_is_refused_in_favour_of_iana()
    {
        ScheduleChoice.Daily(new TimeOnly(7, 0), "Romance Standard Time").Validate()
            .ShouldHaveSingleItem().Kind.ShouldBe(ScheduleProblemKind.TimeZoneUnknown);
    }
}
