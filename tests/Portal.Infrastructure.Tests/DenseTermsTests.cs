using Microsoft.Extensions.Time.Testing;
using Portal.Domain.Institutions;
using Portal.Infrastructure.Search;

namespace Portal.Infrastructure.Tests;

public class DenseTermsTests
{
    [Fact]
    public void ATermFoundDense_IsRememberedWithItsFilters_ForTenMinutes()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 2, 0, 0, TimeSpan.Zero));
        var dense = new DenseTerms(clock);
        var all = DenseTerms.Key("卫生", new RegisterQuery("卫生"));
        var registered = DenseTerms.Key("卫生", new RegisterQuery("卫生", Status: InstitutionStatus.Registered));
        Assert.False(dense.IsDense(all));

        dense.Remember(all);
        Assert.True(dense.IsDense(all));
        Assert.False(dense.IsDense(registered)); // a filter can make a common term rare
        Assert.False(dense.IsDense(DenseTerms.Key("卫生院", new RegisterQuery("卫生院"))));
        Assert.Equal(all, DenseTerms.Key("卫生", new RegisterQuery("卫生", Page: 3))); // every page of it

        clock.Advance(TimeSpan.FromMinutes(9));
        Assert.True(dense.IsDense(all));
        clock.Advance(TimeSpan.FromMinutes(1));
        Assert.False(dense.IsDense(all)); // counted afresh after ten minutes
    }
}
