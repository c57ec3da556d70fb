using BatchSync.Aws.Batch;
using BatchSync.Aws.Staging;
using BatchSync.Core.Launch;
using BatchSync.Core.Runs;

namespace BatchSync.Composition.Aws;

/// <summary>The AWS Batch launcher for a run without --local: its lanes run as an array job that reads the run from S3.</summary>
internal static class BatchLaunch
{
    public static IJobLauncher Create(string stagingRoot, IRunDocuments documents)
    {
        if (!S3StagingLocation.IsS3Uri(stagingRoot))
        {
            throw new UsageException(
                $"the lanes of a run on AWS Batch read and write staging in S3, but staging is the local folder '{stagingRoot}'. " +
                "Set staging.uri to s3://bucket/prefix/ in the workflow, or run in this process with --local.");
        }

        BatchLaunchOptions options;
        try
        {
            options = BatchLaunchOptions.FromEnvironment();
        }
        catch (InvalidOperationException exception)
        {
            throw new UsageException(exception.Message);
        }

        return new BatchArrayLauncher(AwsClients.Batch(), documents, options);
    }
}
