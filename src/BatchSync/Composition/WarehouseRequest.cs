using BatchSync.Core.Runs;
using BatchSync.Core.Workflows.Model;

namespace BatchSync.Composition;

/// <summary>
/// What creating a run's destination needs: where to land (<see cref="Destination"/>, as planned), how to reach it
/// (the workflow's credentials reference and endpoint), how to answer <c>secret:</c> references, and the staging root
/// the parts are read from.
/// </summary>
internal sealed record WarehouseRequest(DestinationSummary Destination, DestinationSettings Settings, string? SecretsFile, string StagingRoot);
