namespace BatchSync.Core.Stage.Gzip;

/// <summary>
/// Combines the CRC-32 (gzip's, reflected polynomial 0xEDB88320) of two byte sequences into the CRC-32 of their
/// concatenation, without the bytes. CRC(A·B) = CRC(A)·x^(8·|B|) + CRC(B) over GF(2) modulo the polynomial, so
/// the work is one polynomial product with x^(8·|B|), which is built from the squares x^(2^k) by binary exponentiation.
/// </summary>
public static class Crc32Combination
{
    private const uint Polynomial = 0xedb88320;

    /// <summary>x^(2^k) mod P for k = 0..31, in the reflected bit order (bit 31 is x^0).</summary>
    private static readonly uint[] PowersOfTwoExponents = BuildPowers();

    public static uint Combine(uint crcFirst, uint crcSecond, long secondLength)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(secondLength);
        return MultiplyModulo(XToThePowerOfEightTimes(secondLength), crcFirst) ^ crcSecond;
    }

    /// <summary>a·b mod P, both in reflected order.</summary>
    private static uint MultiplyModulo(uint a, uint b)
    {
        uint product = 0;
        for (var bit = 1u << 31; bit != 0; bit >>= 1)
        {
            if ((a & bit) != 0)
            {
                product ^= b;
            }

            // b ← b·x mod P: in reflected order multiplying by x is a right shift, and the bit that falls off is x^32.
            b = (b & 1) != 0 ? (b >> 1) ^ Polynomial : b >> 1;
        }

        return product;
    }

    /// <summary>x^(8·n) mod P: the bits of n pick squares x^(2^(k+3)).</summary>
    private static uint XToThePowerOfEightTimes(long n)
    {
        var result = 1u << 31;
        for (var k = 3; n != 0; n >>= 1, k++)
        {
            if ((n & 1) != 0)
            {
                result = MultiplyModulo(PowersOfTwoExponents[k & 31], result);
            }
        }

        return result;
    }

    private static uint[] BuildPowers()
    {
        var powers = new uint[32];
        powers[0] = 1u << 30; // x^1
        for (var k = 1; k < powers.Length; k++)
        {
            powers[k] = MultiplyModulo(powers[k - 1], powers[k - 1]);
        }

        return powers;
    }
}
