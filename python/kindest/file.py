"""Opening a Kindest result file and the small readings every frame needs: strings, the
stored config, and replicate groups in numeric order."""
import configparser
import contextlib
import functools
import re

import h5py

REPLICATE = re.compile(r"r(\d{4,})")


class FormatVersionError(ValueError):
    """A file that is not a Kindest result, or of a major format version this reader does not know."""


@functools.lru_cache(maxsize=None)
def _documented_format():
    from . import format_md  # the page is read once, when the first file is opened
    return format_md.parse()


def open_result(path, check_version=True):
    """Opens a result file read-only. A file whose writer is running, or was killed, is in
    SWMR mode and HDF5 refuses a plain open of it; such a file is opened with swmr=True.
    Raises FormatVersionError for a file whose format_name or major format_version differs from
    docs/FORMAT.md's (unless `check_version` is False: the checker reports it instead)."""
    try:
        f = h5py.File(path, "r")
    except OSError:
        f = h5py.File(path, "r", libver="latest", swmr=True)
    if check_version:
        fmt = _documented_format()
        name, version = f.attrs.get("format_name"), f.attrs.get("format_version")
        if name is None or text(name) != fmt.name:
            f.close()
            raise FormatVersionError(f"{path}: format_name {None if name is None else text(name)!r}, "
                                     f"not {fmt.name!r}: not a Kindest result file")
        if version is None or len(version) != 2 or int(version[0]) != fmt.major:
            f.close()
            raise FormatVersionError(f"{path}: unknown format_version "
                                     f"{None if version is None else list(map(int, version))}; this reader "
                                     f"knows major version {fmt.major} (docs/FORMAT.md)")
    return f


@contextlib.contextmanager
def opened(source):
    """`source` as an open file or group: a path is opened (and closed after), an h5py File or
    Group is used as it is."""
    if isinstance(source, (h5py.File, h5py.Group)):
        yield source
    else:
        with open_result(source) as f:
            yield f


def text(value):
    """An attribute value as str (h5py gives bytes or str depending on how it was written)."""
    return value.decode() if isinstance(value, bytes) else str(value)


def strings(dataset):
    """A 1-D string dataset as a list of str."""
    return list(dataset.asstr()[()])


def replicate_index(name):
    """The replicate number of a group name r0000, r0001, ..., r10000; None for other names."""
    m = REPLICATE.fullmatch(name)
    return int(m.group(1)) if m else None


def replicate_name(index):
    """The group name of replicate `index`, as the engine writes it (at least four digits)."""
    return f"r{index:04d}"


def natural_key(name):
    """Sort key that orders digit runs by value: r9999 < r10000, s2 < s10."""
    return [(0, int(part), "") if part.isdigit() else (1, 0, part) for part in re.split(r"(\d+)", name) if part]


def replicate_names(group):
    """The replicate groups (r followed by at least four digits) under `group`, in numeric order."""
    return sorted((k for k in group.keys() if replicate_index(k) is not None), key=replicate_index)


def config(f):
    """The stored resolved config (root attribute `config`) as a ConfigParser."""
    parser = configparser.ConfigParser(comment_prefixes=("#", ";"), interpolation=None)
    parser.read_string(text(f.attrs["config"]))
    return parser
