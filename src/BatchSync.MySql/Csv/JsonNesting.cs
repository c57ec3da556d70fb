namespace BatchSync.MySql.Csv;

/// <summary>How deeply a JSON text nests arrays and objects, counted without parsing it into objects.</summary>
internal static class JsonNesting
{
    public static int Depth(ReadOnlySpan<byte> json)
    {
        int depth = 0, deepest = 0;
        var inString = false;
        for (var i = 0; i < json.Length; i++)
        {
            var b = json[i];
            if (inString)
            {
                if (b == (byte)'\\')
                {
                    i++;
                }
                else if (b == (byte)'"')
                {
                    inString = false;
                }

                continue;
            }

            switch (b)
            {
                case (byte)'"':
                    inString = true;
                    break;
                case (byte)'[' or (byte)'{':
                    deepest = Math.Max(deepest, ++depth);
                    break;
                case (byte)']' or (byte)'}':
                    depth--;
                    break;
            }
        }

        return deepest;
    }
}
