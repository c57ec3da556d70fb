using Amazon.CDK.AWS.EC2;
using BatchSync.Infra.Configuration;
using Constructs;

namespace BatchSync.Infra.Network;

/// <summary>
/// Where the job tasks run: the given subnets of an existing VPC, or a small VPC of public subnets (no NAT gateway,
/// so no hourly cost; tasks get public IPs) with a free S3 gateway endpoint. One security group allows only outbound
/// traffic: tasks call MySQL, S3, Secrets Manager, Batch and BigQuery, and nothing calls them.
/// </summary>
public sealed class JobNetwork : Construct
{
    public JobNetwork(Construct scope, string id, StackSettings settings)
        : base(scope, id)
    {
        ArgumentNullException.ThrowIfNull(settings);
        string vpcId;
        if (settings.VpcId is null)
        {
            var vpc = CreateVpc();
            vpcId = vpc.VpcId;
            SubnetIds = vpc.PublicSubnets.Select(s => s.SubnetId).ToArray();
        }
        else
        {
            vpcId = settings.VpcId;
            SubnetIds = settings.SubnetIds.ToArray();
        }

        var securityGroup = new CfnSecurityGroup(this, "JobSecurityGroup", new CfnSecurityGroupProps
        {
            GroupDescription = $"{settings.NamePrefix} jobs: outbound only",
            VpcId = vpcId,
            SecurityGroupEgress = new[]
            {
                new CfnSecurityGroup.EgressProperty { IpProtocol = "-1", CidrIp = "0.0.0.0/0", Description = "MySQL, AWS APIs and BigQuery" },
            },
        });
        SecurityGroupId = securityGroup.AttrGroupId;
    }

    public string[] SubnetIds { get; }

    public string SecurityGroupId { get; }

    private Vpc CreateVpc()
    {
        var vpc = new Vpc(this, "Vpc", new VpcProps
        {
            IpAddresses = IpAddresses.Cidr("10.80.0.0/16"),
            MaxAzs = 2,
            NatGateways = 0,
            SubnetConfiguration = new ISubnetConfiguration[]
            {
                new SubnetConfiguration { Name = "jobs", SubnetType = SubnetType.PUBLIC, CidrMask = 20 },
            },
        });
        vpc.AddGatewayEndpoint("S3", new GatewayVpcEndpointOptions { Service = GatewayVpcEndpointAwsService.S3 });
        return vpc;
    }
}
