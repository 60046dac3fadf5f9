namespace DigestPipeline.Core.Tests.Digests;

/// <summary>
/// Ten short articles by ten outlets on one story (a data-centre campus given its grid connection), written for these
/// tests: each retells some of the same facts in its own words and order (capacity, investment, jobs, cooling, date,
/// prices), as wire copy and its rewrites do, and adds one of its own. Titles first, then the text.
/// </summary>
internal static class OneStorySamples
{
    public static readonly string[] Articles =
    [
        """
        Grid operator connects Northvale data centre campus

        The regional grid operator has approved a 300-megawatt power connection for the Northvale data centre campus, the largest in the north of the country.
        The developer, Arkline, says it will invest 2 billion euros in the campus and create 400 jobs.
        The servers will be cooled with water drawn from the river, which the developer says saves a third of the electricity.
        The first data halls are due to open in 2027.
        Local households fear that the new demand will push up electricity prices.
        """,
        """
        Arkline wins its power line

        Arkline has won a 300-megawatt connection to the power grid for its Northvale campus, the grid operator said on Monday.
        The company plans to spend 2 billion euros on the site, which should employ 400 people.
        River water will cool the servers and cut the electricity bill by a third, according to Arkline.
        Construction of the substation starts this winter.
        The first halls should open in 2027.
        """,
        """
        Northvale: a data centre the size of a town

        A data centre campus at Northvale will draw up to 300 megawatts from the grid, as much electricity as a town of 200,000 people.
        The grid operator approved the connection after a two-year review.
        Arkline will invest 2 billion euros and expects to create 400 jobs on the campus.
        Residents' groups warned that electricity prices could rise for local households.
        """,
        """
        Why Northvale got its data centre

        Cheap hydroelectric power and a cold climate brought Arkline to Northvale, where it plans a 2 billion euro data centre campus.
        The grid operator has approved a 300-megawatt connection for the campus.
        Water from the river will cool the servers, saving a third of the electricity, the developer says.
        The campus should create 400 jobs by 2027.
        """,
        """
        Power for the cloud in Northvale

        The campus of Arkline at Northvale has been granted a 300-megawatt connection to the power grid by the regional grid operator.
        The developer is investing 2 billion euros in the data centre campus and promises 400 jobs.
        Its servers will run on hydroelectric power and be cooled with river water.
        Local households fear that electricity prices will rise with the new demand.
        The mayor welcomed the investment as the largest in the region's history.
        """,
        """
        Data centre campus approved despite price fears

        Households near Northvale fear that a new data centre campus will push up their electricity prices.
        The regional grid operator has nevertheless approved the 300-megawatt connection of the campus.
        Arkline plans to invest 2 billion euros and to hire 400 people.
        The first data halls are due to open in 2027.
        """,
        """
        Arkline's Northvale bet

        Arkline will invest 2 billion euros in a data centre campus at Northvale and create 400 jobs, the company confirmed.
        The regional grid operator approved a 300-megawatt power connection for the campus.
        Cooling the servers with water from the river saves a third of the electricity, the developer says.
        Analysts expect other cloud providers to follow Arkline to the north.
        """,
        """
        A 300-megawatt campus for the north

        The grid operator has approved the power connection of a 300-megawatt data centre campus at Northvale.
        The campus, built by Arkline for 2 billion euros, should open its first data halls in 2027.
        It will employ 400 people once complete.
        The new line will cross twelve kilometres of forest, which environmental groups oppose.
        """,
        """
        Northvale campus to open in 2027

        The first data halls of the Northvale data centre campus are due to open in 2027, after the grid operator approved its 300-megawatt connection.
        Arkline, the developer, is investing 2 billion euros in the campus, which will create 400 jobs.
        Local households fear a rise in electricity prices.
        The river will provide the water that cools the servers.
        """,
        """
        What the Northvale data centre means for the grid

        The 300-megawatt connection approved for the Northvale data centre campus will raise the region's electricity demand by a tenth.
        The grid operator says the power grid can carry the new demand without new power plants.
        Arkline is investing 2 billion euros in the campus and expects to create 400 jobs.
        Water from the river will cool the servers, saving a third of the electricity.
        """,
    ];
}
