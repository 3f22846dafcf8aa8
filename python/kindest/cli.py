"""What the command-line scripts (scripts/plot_*.py) share: opening a result file with one
clear line instead of a traceback."""
import sys

from .file import FormatVersionError, open_result


def open_job_file(path, groups, prog, missing):
    """Opens `path` for the script `prog`. Returns (file, 0), or (None, status) after printing
    why on stderr: status 1 when the file cannot be read, 2 when it holds not every group in
    `groups` ("PATH MISSING"). Warns when the file is marked incomplete."""
    try:
        f = open_result(path)
    except (OSError, FormatVersionError) as e:
        print(f"{prog}: cannot read {path}: {e}", file=sys.stderr)
        return None, 1
    if not all(g in f for g in groups):
        f.close()
        print(f"{prog}: {path} {missing}", file=sys.stderr)
        return None, 2
    if not f.attrs.get("complete", 0):
        print(f"{prog}: warning: {path} is marked incomplete", file=sys.stderr)
    return f, 0


def plot_file(path, groups, prog, missing, draw, output, dpi):
    """The body of a plot script: opens `path` (see open_job_file), draws it with draw(file) ->
    Figure, writes `output` and says so. Returns the exit status."""
    f, status = open_job_file(path, groups, prog, missing)
    if f is None:
        return status
    with f:
        fig = draw(f)
    fig.savefig(output, dpi=dpi)
    print(f"{prog}: wrote {output}")
    return 0
