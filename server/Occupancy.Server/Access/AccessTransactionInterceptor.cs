using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Occupancy.Server.Access;

/// <summary>
/// Tells <see cref="AccessChangeInterceptor"/> when a caller's own transaction ends: access changes saved inside it
/// are sent to the edges only after it committed, when a replica built from the database can see them.
/// </summary>
public sealed class AccessTransactionInterceptor(AccessChangeInterceptor changes) : DbTransactionInterceptor
{
    public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } db)
        {
            changes.Committed(db);
        }

        return Task.CompletedTask;
    }

    public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData)
    {
        if (eventData.Context is { } db)
        {
            changes.Committed(db);
        }
    }

    public override Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } db)
        {
            changes.RolledBack(db);
        }

        return Task.CompletedTask;
    }
}
