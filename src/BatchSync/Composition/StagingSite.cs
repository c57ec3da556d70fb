using BatchSync.Core.Runs;
using BatchSync.Core.Stage;

namespace BatchSync.Composition;

/// <summary>One staging root opened for use: where parts go (<see cref="Store"/>) and where run documents live (<see cref="Documents"/>).</summary>
internal sealed record StagingSite(string Root, IStagingStore Store, IRunDocuments Documents);
