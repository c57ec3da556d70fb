using Polly;
using Polly.Retry;

namespace BatchSync.BigQuery.Http;

/// <summary>Builds the Polly pipeline that retries transient BigQuery failures.</summary>
internal static class RetryPipeline
{
    public static ResiliencePipeline Create(RetryOptions options, TimeProvider timeProvider)
    {
        options.Validate();
        if (options.MaxAttempts == 1)
        {
            return ResiliencePipeline.Empty;
        }

        return new ResiliencePipelineBuilder { TimeProvider = timeProvider }
            .AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = options.MaxAttempts - 1,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.InitialDelay,
                MaxDelay = options.MaxDelay,
                ShouldHandle = new PredicateBuilder().Handle<Exception>(RetryableFailure.IsRetryable),
            })
            .Build();
    }
}
