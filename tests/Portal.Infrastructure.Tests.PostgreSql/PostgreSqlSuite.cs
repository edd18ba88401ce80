namespace Portal.Infrastructure.Tests;

// The suite's [Fact] and [Theory] resolve to these (a type in the tests' own namespace is found before the
// global "using Xunit"): every test is skipped without a PostgreSQL server, unless PORTAL_REQUIRE_POSTGRES=1.

public sealed class FactAttribute : Xunit.FactAttribute
{
    public FactAttribute()
    {
        if (!PostgresTestServer.Available && !PostgresTestServer.Required)
        {
            Skip = PostgresTestServer.SkipReason;
        }
    }
}

public sealed class TheoryAttribute : Xunit.TheoryAttribute
{
    public TheoryAttribute()
    {
        if (!PostgresTestServer.Available && !PostgresTestServer.Required)
        {
            Skip = PostgresTestServer.SkipReason;
        }
    }
}
