"""What the Slurm tests compare of a sweep's file."""
import h5py


def contents(path):
    """Every dataset's bytes but the wall times; and whether the file is complete."""
    out = {}
    with h5py.File(path, "r") as f:
        def visit(name, obj):
            if isinstance(obj, h5py.Dataset) and name != "sweep/points/wall_seconds":
                out[name] = obj[()].tobytes() if obj.dtype.kind != "O" else repr(list(obj[()]))
        f.visititems(visit)
        return out, int(f.attrs["complete"][0])


def committed_rows(path):
    """Rows of a sweep file being written that a commit made whole (0 before it is there), read
    as SWMR readers do."""
    try:
        with h5py.File(path, "r", swmr=True) as f:
            return max(int(f[f"sweep/commit_{i}"][1]) for i in (0, 1))
    except (OSError, KeyError):
        return 0
