using System.Buffers.Binary;

namespace Analyzer.Pipeline.Inputs;

/// <summary>
/// Where a zip archive that .NET refuses went wrong, for the one-line error: the end-of-central-
/// directory record (APPNOTE 4.3.16, signature PK\5\6, found within the last 64 KiB + 22 bytes) or,
/// when there is none, the start of the region searched for it. ZipArchive's exceptions carry no offset.
/// </summary>
internal static class ZipDirectoryLocation
{
    private const int EndRecordLength = 22;
    private const int MaxCommentLength = 0xFFFF;

    public static long Find(string zipPath)
    {
        try
        {
            using FileStream file = File.OpenRead(zipPath);
            long searched = Math.Max(0, file.Length - EndRecordLength - MaxCommentLength);
            byte[] tail = new byte[file.Length - searched];
            file.Position = searched;
            file.ReadExactly(tail);
            for (int i = tail.Length - EndRecordLength; i >= 0; i--)
            {
                if (BinaryPrimitives.ReadUInt32LittleEndian(tail.AsSpan(i)) == 0x06054B50)
                {
                    return searched + i;
                }
            }

            return searched;
        }
        catch (IOException)
        {
            return 0;
        }
    }
}
