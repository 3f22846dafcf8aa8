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
