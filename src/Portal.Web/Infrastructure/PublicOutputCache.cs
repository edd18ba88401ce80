using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Portal.Infrastructure.Data;

namespace Portal.Web.Infrastructure;

/// <summary>
/// Output caching for public pages that change rarely (announcements, published reports, an institution's
/// public profile). Only anonymous requests are cached (the framework's default rules: no sign-in, GET,
/// 200, no Set-Cookie), varied by language and query. Every commit that touches the register evicts them
/// all at once on this node; on other nodes a cached page lives at most <see cref="Lifetime"/>.
/// </summary>
public static class PublicOutputCache
{
    public const string Policy = "public";
    public const string Tag = "register";
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(60);

    public static void Add(IServiceCollection services)
    {
        services.AddOutputCache(o => o.AddPolicy(Policy, b => b
            .Expire(Lifetime)
            .SetCacheKeyPrefix(_ => CultureInfo.CurrentUICulture.Name)
            .Tag(Tag)));
        services.AddSingleton<RegisterChangeInterceptor>();
        services.ConfigureDbContext<PortalDbContext>((sp, options) => options.AddInterceptors(sp.GetRequiredService<RegisterChangeInterceptor>()));
    }
}

/// <summary>
/// Evicts the cached public pages after a write to the register is committed: after SaveChanges when it
/// ran its own transaction, after the commit when the caller held one (evicting earlier would let a
/// request cache the old content again before the commit).
/// </summary>
public sealed class RegisterChangeInterceptor(IOutputCacheStore cache) : ISaveChangesInterceptor, IDbTransactionInterceptor
{
    private static readonly HashSet<Type> Public =
    [
        typeof(Portal.Domain.Institutions.Institution), typeof(Portal.Domain.Institutions.InstitutionVersion), typeof(Portal.Domain.Certificates.Certificate),
        typeof(Portal.Domain.Announcements.Announcement), typeof(Portal.Domain.AnnualReports.AnnualReport), typeof(Portal.Domain.Oversight.EnforcementAction),
        typeof(Portal.Domain.Oversight.AbnormalListEntry), typeof(Portal.Domain.Oversight.SpotCheck),
        typeof(Portal.Domain.Institutions.RegisteredItems), // owned: a change of items alone marks only these
    ];

    private readonly ConditionalWeakTable<DbContext, object> _pending = new();

    public InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Note(eventData.Context);
        return result;
    }

    public ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Note(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        EvictUnlessInTransaction(eventData.Context);
        return result;
    }

    public async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        await EvictUnlessInTransactionAsync(eventData.Context);
        return result;
    }

    public void TransactionCommitted(System.Data.Common.DbTransaction transaction, TransactionEndEventData eventData) => EvictIfPending(eventData.Context);

    public async Task TransactionCommittedAsync(System.Data.Common.DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default) =>
        await EvictIfPendingAsync(eventData.Context);

    public void TransactionRolledBack(System.Data.Common.DbTransaction transaction, TransactionEndEventData eventData) => Forget(eventData.Context);

    public Task TransactionRolledBackAsync(System.Data.Common.DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context);
        return Task.CompletedTask;
    }

    private void Note(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        var changed = context.ChangeTracker.Entries().Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted).Select(e => e.Metadata.ClrType).ToHashSet();
        if (changed.Overlaps(Public))
        {
            _pending.AddOrUpdate(context, context);
        }

        if (changed.Contains(typeof(Portal.Domain.Common.FundingSource)) || changed.Contains(typeof(Portal.Domain.Offices.RegistrationOffice)))
        {
            Features.Shared.ReferenceNames.Invalidate(context); // and the public pages that print the names
            _pending.AddOrUpdate(context, context);
        }
    }

    private void EvictUnlessInTransaction(DbContext? context)
    {
        if (context?.Database.CurrentTransaction is null)
        {
            EvictIfPending(context);
        }
    }

    private Task EvictUnlessInTransactionAsync(DbContext? context) =>
        context?.Database.CurrentTransaction is null ? EvictIfPendingAsync(context) : Task.CompletedTask;

    private void EvictIfPending(DbContext? context) => EvictIfPendingAsync(context).GetAwaiter().GetResult();

    private async Task EvictIfPendingAsync(DbContext? context)
    {
        if (context is not null && _pending.TryGetValue(context, out _))
        {
            _pending.Remove(context);
            await cache.EvictByTagAsync(PublicOutputCache.Tag, default);
        }
    }

    private void Forget(DbContext? context)
    {
        if (context is not null)
        {
            _pending.Remove(context);
        }
    }
}
