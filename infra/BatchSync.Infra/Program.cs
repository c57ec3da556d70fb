using Amazon.CDK;
using BatchSync.Infra;
using BatchSync.Infra.Configuration;

// Synthesizes the BatchSync stack into cdk.out (or $CDK_OUTDIR). Settings come from CDK context: -c key=value or cdk.json.
var app = new App();
try
{
    var settings = StackSettingsReader.Read(app.Node.TryGetContext, System.Environment.GetEnvironmentVariable, System.Environment.CurrentDirectory);
    BatchSyncStack.Create(app, settings);
}
catch (InvalidSettingsException e)
{
    await Console.Error.WriteLineAsync(e.Message);
    return 2;
}

app.Synth();
return 0;
