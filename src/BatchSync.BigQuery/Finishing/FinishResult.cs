using BatchSync.BigQuery.Tables;
using BatchSync.Core.Workflows.Model;

namespace BatchSync.BigQuery.Finishing;

/// <summary>What finishing a table did: the rows it landed, the job that landed them, whether staging was dropped.</summary>
public sealed record FinishResult(TableId Destination, LoadMode Mode, long StagedRows, string JobId, bool StagingDropped);
