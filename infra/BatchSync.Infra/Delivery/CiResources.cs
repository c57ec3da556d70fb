using Amazon.CDK.AWS.ECR;
using BatchSync.Infra.Configuration;

namespace BatchSync.Infra.Delivery;

/// <summary>What CI releases into: the image repository, and the roles the job definitions it registers name.</summary>
public sealed record CiResources(StackSettings Settings, IRepository Repository, IReadOnlyList<string> PassedRoleArns);
