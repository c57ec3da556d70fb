namespace BatchSync.Infra.Tests.Support;

/// <summary>The stack of <see cref="TestSettings.Default"/>, synthesized once for every test class in its collection.</summary>
public sealed class DefaultStackFixture
{
    public SynthesizedStack Stack { get; } = SynthesizedStack.Synthesize(TestSettings.Default);
}

[CollectionDefinition(Name)]
public sealed class DefaultStackCollection : ICollectionFixture<DefaultStackFixture>
{
    public const string Name = "default stack";
}
