using Microsoft.EntityFrameworkCore;
using Portal.Domain.Calendar;
using Portal.Infrastructure.Data;

namespace Portal.Infrastructure.Calendar;

/// <summary>Builds the working-day calendar from the editable holiday table.</summary>
public sealed class CalendarStore(PortalDbContext db)
{
    public async Task<WorkingDayCalendar> LoadAsync(CancellationToken ct = default) =>
        new(await db.CalendarDays.AsNoTracking().ToListAsync(ct));
}
