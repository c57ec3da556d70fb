namespace BatchSync.Infra.Configuration;

/// <summary>The vCPU and memory pairs Fargate accepts for a task.</summary>
public static class FargateSize
{
    // From the Fargate task size table: memory choices in MiB per vCPU count.
    private static readonly Dictionary<decimal, int[]> MemoryChoices = new()
    {
        [0.25m] = [512, 1024, 2048],
        [0.5m] = Steps(1024, 4096, 1024),
        [1m] = Steps(2048, 8192, 1024),
        [2m] = Steps(4096, 16384, 1024),
        [4m] = Steps(8192, 30720, 1024),
        [8m] = Steps(16384, 61440, 4096),
        [16m] = Steps(32768, 122880, 8192),
    };

    /// <summary>Null when Fargate runs a task of this size; otherwise what it accepts instead.</summary>
    public static string? Check(decimal vcpus, int memoryMiB)
    {
        if (!MemoryChoices.TryGetValue(vcpus, out var choices))
        {
            return $"Fargate has no {vcpus} vCPU size; use one of {string.Join(", ", MemoryChoices.Keys)}";
        }

        return choices.Contains(memoryMiB)
            ? null
            : $"Fargate runs {vcpus} vCPU with {choices[0]}-{choices[^1]} MiB ({string.Join(", ", choices.Take(4))}, ...), not {memoryMiB} MiB";
    }

    private static int[] Steps(int low, int high, int step) =>
        Enumerable.Range(0, ((high - low) / step) + 1).Select(i => low + (i * step)).ToArray();
}
