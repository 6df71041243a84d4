using System.Globalization;
using Analyzer.Core;

namespace Analyzer.Capture.Pcapng;

/// <summary>
/// Where a live capture goes: one pcapng file, or a ring of <c>N</c> files of at most <c>M</c> bytes
/// each (<c>name_00001.pcapng</c>, …) of which only the newest N are kept, so a capture left running
/// until the problem recurs cannot fill the disk.
/// </summary>
public sealed class CaptureFileSet : IDisposable
{
    private readonly string _path;
    private readonly LinkType _linkType;
    private readonly uint _snapLength;
    private readonly int _ringFiles;
    private readonly long _ringFileBytes;
    private readonly List<string> _files = [];
    private FileStream? _stream;
    private PcapngWriter? _writer;
    private int _sequence;

    /// <param name="ringFiles">Files kept in the ring; 0 for a single file.</param>
    /// <param name="ringFileBytes">Size at which the ring moves to its next file.</param>
    public CaptureFileSet(string path, LinkType linkType, uint snapLength = 262144, int ringFiles = 0, long ringFileBytes = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(ringFiles);
        if (ringFiles > 0)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(ringFileBytes, 4096);
        }

        _path = path;
        _linkType = linkType;
        _snapLength = snapLength;
        _ringFiles = ringFiles;
        _ringFileBytes = ringFileBytes;
        Open();
    }

    /// <summary>The files that exist now, oldest first.</summary>
    public IReadOnlyList<string> Files => _files;

    public long Packets { get; private set; }

    public void Write(Timestamp time, ReadOnlySpan<byte> data, long originalLength)
    {
        if (_ringFiles > 0 && _stream!.Position + data.Length + 64 > _ringFileBytes && Packets > 0)
        {
            Close();
            Open();
        }

        _writer!.WritePacket(0, time, data, originalLength);
        Packets++;
    }

    public void Flush() => _writer?.Flush();

    public void Dispose() => Close();

    private void Open()
    {
        string path = _path;
        if (_ringFiles > 0)
        {
            _sequence++;
            string directory = Path.GetDirectoryName(_path) ?? string.Empty;
            string stem = Path.GetFileNameWithoutExtension(_path);
            string extension = Path.GetExtension(_path);
            path = Path.Combine(directory, string.Create(CultureInfo.InvariantCulture, $"{stem}_{_sequence:D5}{extension}"));
        }

        _stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read, 1 << 16);
        _writer = new PcapngWriter(_stream, leaveOpen: true);
        _writer.AddInterface(_linkType, _snapLength, timestampResolution: 6);
        _files.Add(path);
        while (_ringFiles > 0 && _files.Count > _ringFiles)
        {
            File.Delete(_files[0]);
            _files.RemoveAt(0);
        }
    }

    private void Close()
    {
        _writer?.Dispose();
        _stream?.Dispose();
        _writer = null;
        _stream = null;
    }
}
