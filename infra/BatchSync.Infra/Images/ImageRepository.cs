using Amazon.CDK;
using Amazon.CDK.AWS.ECR;
using BatchSync.Infra.Configuration;
using Constructs;

namespace BatchSync.Infra.Images;

/// <summary>
/// The ECR repository CI pushes the image to, tagged with each build's commit. Tags are immutable so a job
/// definition revision always runs the image it was registered with; images are scanned on push.
/// </summary>
public sealed class ImageRepository : Construct
{
    public ImageRepository(Construct scope, string id, StackSettings settings)
        : base(scope, id)
    {
        ArgumentNullException.ThrowIfNull(settings);
        Repository = new Repository(this, "Repository", new RepositoryProps
        {
            RepositoryName = settings.NamePrefix,
            ImageScanOnPush = true,
            ImageTagMutability = TagMutability.IMMUTABLE,
            RemovalPolicy = RemovalPolicy.RETAIN,
            LifecycleRules = new ILifecycleRule[]
            {
                new LifecycleRule { Description = $"Keep the last {settings.KeepImages} images", MaxImageCount = settings.KeepImages },
            },
        });
        ImageTag = settings.ImageTag;
    }

    public IRepository Repository { get; }

    public string ImageTag { get; }

    /// <summary>The image the job definitions are created with.</summary>
    public string ImageUri => Repository.RepositoryUriForTag(ImageTag);
}
