using BatchSync.Core.Progress;

namespace BatchSync.Logging;

/// <summary>Progress shown while a command runs (live terminal lines or log events); disposing stops its timers.</summary>
internal interface ILiveProgress : IRunProgress, IAsyncDisposable;
