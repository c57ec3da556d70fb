// The jsii runtime behind the CDK serves one caller at a time: tests that build stacks must not run in parallel.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
