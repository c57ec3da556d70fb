namespace BatchSync.Core.Workflows.Diagnostics;

/// <summary>The codes of every diagnostic a workflow load can report; docs/workflow-reference.md lists them.</summary>
public static class DiagnosticCodes
{
    public const string FileNotFound = "file-not-found";
    public const string SyntaxError = "syntax-error";
    public const string EmptyFile = "empty-file";
    public const string MultipleDocuments = "multiple-documents";
    public const string DuplicateKey = "duplicate-key";
    public const string UnknownKey = "unknown-key";
    public const string MissingKey = "missing-key";
    public const string WrongType = "wrong-type";
    public const string BadValue = "bad-value";
    public const string BadEnum = "bad-enum";
    public const string BadSchedule = "bad-schedule";
    public const string BadTimeZone = "bad-timezone";
    public const string BadReference = "bad-reference";
    public const string InlineSecret = "inline-secret";
    public const string BadTemplate = "bad-template";
    public const string BadName = "bad-name";
    public const string DuplicateTable = "duplicate-table";
    public const string BadInclude = "bad-include";
    public const string IgnoredKey = "ignored-key";
    public const string Conflict = "conflict";
    public const string BadPartition = "bad-partition";
    public const string BadCluster = "bad-cluster";
    public const string MissingFile = "missing-file";
    public const string NoTables = "no-tables";
    public const string RedundantFilter = "redundant-filter";
    public const string SourceCheck = "source-check";
    public const string WeakTls = "weak-tls";
}
