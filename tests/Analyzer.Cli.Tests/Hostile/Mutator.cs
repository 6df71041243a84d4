using System.Buffers.Binary;

namespace Analyzer.Cli.Tests.Hostile;

/// <summary>
/// Deterministic mutations of real files (synthetic damage on real bytes): bit flips, truncation,
/// corrupted length fields, zeroed runs. The same seed gives the same mutants on every machine.
/// </summary>
internal sealed class Mutator(int seed)
{
    private static readonly uint[] HostileLengths = [0, 1, 0x7FFFFFFF, 0x80000000, 0xFFFFFFFF, 0xFFFFFFF0, 0x10000, 0xFFFF];
    private readonly Random _random = new(seed);

    public byte[] Mutate(byte[] original, IReadOnlyList<LengthField> lengthFields)
    {
        int kind = _random.Next(4);
        if (kind == 2 && lengthFields.Count == 0)
        {
            kind = 0;
        }

        byte[] mutant = (byte[])original.Clone();
        switch (kind)
        {
            case 0:
                int flips = 1 + _random.Next(8);
                for (int i = 0; i < flips && mutant.Length > 0; i++)
                {
                    mutant[_random.Next(mutant.Length)] ^= (byte)(1 << _random.Next(8));
                }

                return mutant;
            case 1:
                return mutant.AsSpan(0, _random.Next(mutant.Length + 1)).ToArray();
            case 2:
                CorruptLength(mutant, lengthFields[_random.Next(lengthFields.Count)]);
                return mutant;
            default:
                if (mutant.Length > 0)
                {
                    int start = _random.Next(mutant.Length);
                    mutant.AsSpan(start, Math.Min(1 + _random.Next(64), mutant.Length - start)).Clear();
                }

                return mutant;
        }
    }

    private void CorruptLength(byte[] mutant, LengthField field)
    {
        if (field.Offset + field.Width > mutant.Length)
        {
            return;
        }

        uint value = _random.Next(2) == 0 ? HostileLengths[_random.Next(HostileLengths.Length)] : (uint)_random.Next();
        Span<byte> target = mutant.AsSpan(field.Offset, field.Width);
        switch (field.Width, field.BigEndian)
        {
            case (2, true): BinaryPrimitives.WriteUInt16BigEndian(target, (ushort)value); break;
            case (2, false): BinaryPrimitives.WriteUInt16LittleEndian(target, (ushort)value); break;
            case (4, true): BinaryPrimitives.WriteUInt32BigEndian(target, value); break;
            default: BinaryPrimitives.WriteUInt32LittleEndian(target, value); break;
        }
    }
}
