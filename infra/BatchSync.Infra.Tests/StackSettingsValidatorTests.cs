using BatchSync.Infra.Configuration;
using BatchSync.Infra.Tests.Support;

namespace BatchSync.Infra.Tests;

public sealed class StackSettingsValidatorTests
{
    private static readonly StackSettings Valid = TestSettings.Default;

    [Fact]
    public void The_defaults_and_the_test_settings_are_valid()
    {
        Assert.Empty(StackSettingsValidator.Validate(new StackSettings()));
        Assert.Empty(StackSettingsValidator.Validate(Valid));
    }

    public static TheoryData<string, StackSettings> Invalid => new()
    {
        { "namePrefix ''", Valid with { NamePrefix = "" } },
        { "namePrefix 'BatchSync'", Valid with { NamePrefix = "BatchSync" } },
        { "stagingPrefix ''", Valid with { StagingPrefix = "" } },
        { "stagingPrefix 'batchsync'", Valid with { StagingPrefix = "batchsync" } },
        { "stagingPrefix '/batchsync/'", Valid with { StagingPrefix = "/batchsync/" } },
        { "account '1234'", Valid with { Account = "1234" } },
        { "region 'tokyo'", Valid with { Region = "tokyo" } },
        { "vpcId is set but subnetIds is empty", Valid with { VpcId = "vpc-0123456789abcdef0" } },
        { "vpcId 'my-vpc'", Valid with { VpcId = "my-vpc", SubnetIds = ["subnet-0123456789abcdef0"] } },
        { "subnetIds: 'sn-1'", Valid with { VpcId = "vpc-0123456789abcdef0", SubnetIds = ["sn-1"] } },
        { "subnetIds are given without vpcId", Valid with { SubnetIds = ["subnet-0123456789abcdef0"] } },
        { "assignPublicIp=false needs vpcId", Valid with { AssignPublicIp = false } },
        { "workVcpus/workMemoryMiB: Fargate runs 2 vCPU with 4096-16384 MiB", Valid with { WorkVcpus = 2, WorkMemoryMiB = 2048 } },
        { "workVcpus/workMemoryMiB: Fargate has no 3 vCPU size", Valid with { WorkVcpus = 3, WorkMemoryMiB = 8192 } },
        { "maxVcpus 1 must be at least one work job's vCPUs (2)", Valid with { MaxVcpus = 1 } },
        { "workAttempts 11", Valid with { WorkAttempts = 11 } },
        { "runsExpirationDays 0", Valid with { RunsExpirationDays = 0 } },
        { "logRetentionDays 31", Valid with { LogRetentionDays = 31 } },
        { "keepImages 0", Valid with { KeepImages = 0 } },
        { "kmsKeyArn 'alias/batchsync'", Valid with { KmsKeyArn = "alias/batchsync" } },
        { "secretPatterns: '*' would let the jobs read every secret", Valid with { SecretPatterns = ["*"] } },
        { "secretPatterns: 'bad pattern'", Valid with { SecretPatterns = ["bad pattern"] } },
        { "imageTag 'a:b'", Valid with { ImageTag = "a:b" } },
        { "ciBranch must not be empty", Valid with { CiBranch = "" } },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public void An_invalid_setting_is_reported_by_name(string expected, StackSettings settings)
    {
        var problem = Assert.Single(StackSettingsValidator.Validate(settings));

        Assert.StartsWith(expected, problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_problem_is_reported_at_once()
    {
        var settings = Valid with { NamePrefix = "", StagingPrefix = "", WorkAttempts = 0 };

        var error = Assert.Throws<InvalidSettingsException>(() => StackSettingsValidator.EnsureValid(settings));

        Assert.Equal(3, error.Problems.Count);
        Assert.Contains("namePrefix", error.Message, StringComparison.Ordinal);
        Assert.Contains("stagingPrefix", error.Message, StringComparison.Ordinal);
        Assert.Contains("workAttempts", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0.25, 512)]
    [InlineData(0.25, 2048)]
    [InlineData(1, 8192)]
    [InlineData(4, 30720)]
    [InlineData(16, 122880)]
    public void Every_Fargate_size_is_accepted(double vcpus, int memory)
    {
        Assert.Null(FargateSize.Check((decimal)vcpus, memory));
    }

    [Theory]
    [InlineData(0.25, 1536)]
    [InlineData(0.5, 512)]
    [InlineData(8, 18432)]
    [InlineData(16, 131072)]
    public void Sizes_Fargate_does_not_offer_are_refused(double vcpus, int memory)
    {
        Assert.NotNull(FargateSize.Check((decimal)vcpus, memory));
    }
}
