using Spectre.Console;

namespace Analyzer.Cli.Pipeline;

/// <summary>
/// A progress bar on stderr while a long analysis runs, only when stderr is a terminal and
/// --quiet was not given; otherwise the work simply runs.
/// </summary>
internal static class TerminalProgress
{
    public static T Run<T>(bool quiet, string description, Func<IProgress<double>?, T> work)
    {
        if (quiet || Console.IsErrorRedirected)
        {
            return work(null);
        }

        IAnsiConsole console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        T result = default!;
        console.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .Start(context =>
            {
                ProgressTask task = context.AddTask(Markup.Escape(description), maxValue: 1.0);
                result = work(new Progress(task));
                task.Value = 1.0;
            });
        return result;
    }

    private sealed class Progress(ProgressTask task) : IProgress<double>
    {
        public void Report(double value) => task.Value = Math.Clamp(value, 0, 1);
    }
}
