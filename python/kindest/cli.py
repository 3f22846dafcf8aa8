"""What the command-line scripts (scripts/plot_*.py) share: their common arguments, and opening
a result file with one clear line instead of a traceback."""
import argparse
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


def plot_parser(doc, what, replicate_rows=None):
    """The arguments of a plot script: FILE (a `what` result), --output and, for files with
    replicates, --max-replicates (default `replicate_rows`). The script adds its own."""
    parser = argparse.ArgumentParser(description=doc, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("file", help=f"Kindest {what} result (.h5)")
    parser.add_argument("--output", "-o", help="PNG to write (default: FILE with .png)")
    if replicate_rows is not None:
        parser.add_argument("--max-replicates", type=int, default=replicate_rows,
                            help=f"rows to draw (default {replicate_rows})")
    return parser


def plot_file(path, groups, prog, missing, draw, output, dpi):
    """The body of a plot script: opens `path` (see open_job_file), draws it with draw(file) ->
    Figure, writes `output` (None: `path` with .png) and says so. Returns the exit status."""
    output = output or path.rsplit(".", 1)[0] + ".png"
    f, status = open_job_file(path, groups, prog, missing)
    if f is None:
        return status
    with f:
        fig = draw(f)
    fig.savefig(output, dpi=dpi)
    print(f"{prog}: wrote {output}")
    return 0


# The plot for each top-level group a result file may hold, with the options that suit a first
# look: (script in scripts/, its extra arguments). Keyed by group, so a job that writes one of
# these groups gets its plot without a list of jobs here or in scripts/run_default.sh.
PLOTS = {"tournament": ("plot_tournament.py", []),
         "replicates": ("plot_trajectory.py", []),
         "invasion": ("plot_invasion.py", ["--log"])}


def plot_command(path):
    """The plot script and arguments for the result file at `path` (its first group in PLOTS),
    or None when it holds none: `python3 -m kindest.cli FILE` prints them for shell scripts."""
    with open_result(path, check_version=False) as f:
        for group, (script, extra) in PLOTS.items():
            if group in f:
                return [script, *extra]
    return None


if __name__ == "__main__":
    command = plot_command(sys.argv[1])
    print(" ".join(command) if command else "")
