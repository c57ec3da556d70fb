namespace BatchSync.Core.Work;

/// <summary>
/// The source side of the lanes. Each lane opens its own <see cref="ILaneExtractor"/> and extracts its items through
/// it one after another, so what an item needs from the source (a connection, a session) is paid once per lane.
/// </summary>
public interface IItemExtractor
{
    /// <summary>Opens nothing yet: the lane extractor connects when its first item needs it.</summary>
    ILaneExtractor OpenLane();
}
