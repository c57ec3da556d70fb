using BatchSync.Core.Stage;
using BatchSync.Core.Work;
using BatchSync.MySql;

namespace BatchSync.Composition.MySqlSource;

/// <summary>The MySQL source of the lanes: each lane gets a <see cref="MySqlLaneExtractor"/> with a connection of its own.</summary>
internal sealed class MySqlItemExtractor(MySqlConnectionOptions connection, IStagingStore store) : IItemExtractor
{
    public ILaneExtractor OpenLane() => new MySqlLaneExtractor(connection, store);
}
