namespace Analyzer.Correlation.Paths;

/// <summary>Union-find over node numbers (path halving, union by size): groups flows that belong to one conversation.</summary>
internal sealed class DisjointSet
{
    private readonly List<int> _parent = [];
    private readonly List<int> _size = [];

    public int Add()
    {
        _parent.Add(_parent.Count);
        _size.Add(1);
        return _parent.Count - 1;
    }

    public int Find(int node)
    {
        while (_parent[node] != node)
        {
            _parent[node] = _parent[_parent[node]];
            node = _parent[node];
        }

        return node;
    }

    public void Union(int a, int b)
    {
        a = Find(a);
        b = Find(b);
        if (a == b)
        {
            return;
        }

        if (_size[a] < _size[b])
        {
            (a, b) = (b, a);
        }

        _parent[b] = a;
        _size[a] += _size[b];
    }
}
