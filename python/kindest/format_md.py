"""The dataset tables of docs/FORMAT.md, read as data, so the checker and the readers cannot
drift from the page (whose tables are in turn generated from the engine's series specs).

A dataset table is any markdown table whose header is `| path | shape | dtype | units | meaning |`.
Each row belongs to the jobs named in the heading of its section (`##`, or a `###` under it),
e.g. `## /population (jobs evolution, analysis and replicator)` or `## /tournament (job =
tournament)`; a heading that says `every job` or `all jobs` names every job the page mentions.
A heading may add a condition on the file's config, `(job evolution, [payoffs] source =
reputation)`: its rows belong to those files of the job whose config has that value; with `!=`
(`[structure] graph != well_mixed`), to those whose config holds another value.
"""
import os
import re
from dataclasses import dataclass

HEADER = ["path", "shape", "dtype", "units", "meaning"]
ATTRIBUTE_HEADER = ["name", "type", "meaning"]  # the root attributes
FORMAT_MD = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "docs",
                                          "FORMAT.md"))
# `rNNNN` in a documented path stands for one replicate group: r0000, r0001, ..., r9999, r10000, ...
REPLICATE_SYMBOL = "rNNNN"


@dataclass(frozen=True)
class Dataset:
    path: str          # e.g. /replicates/rNNNN/counts
    shape: tuple       # symbols, e.g. ("T", "S"); numbers stay strings ("1", "4")
    dtype: str         # float64, uint64, uint32, uint8 or "UTF-8 string"
    units: str
    meaning: str
    jobs: frozenset    # jobs whose files hold it
    when: tuple = None  # (section, key, value[, "!="]): only files whose config has (not) it


@dataclass(frozen=True)
class Format:
    name: str          # the documented format_name
    major: int         # the documented major format version
    minor: int
    datasets: tuple    # of Dataset, in page order
    attributes: tuple  # the root attributes every file has

    def for_job(self, job, config=None):
        """The datasets of `job`'s files; conditional ones (`when`) only if `config` (a
        configparser of the file's config) has the value."""
        def applies(d):
            if d.when is None:
                return True
            section, key, value = d.when[:3]
            held = None if config is None else config.get(section, key, fallback=None)
            if len(d.when) > 3:  # "!=": a config without the key is not another value
                return held is not None and held != value
            return held == value
        return [d for d in self.datasets if job in d.jobs and applies(d)]

    @property
    def jobs(self):
        return sorted(set().union(*(d.jobs for d in self.datasets))) if self.datasets else []


def _cells(line):
    line = line.strip()
    if not (line.startswith("|") and line.endswith("|")):
        return None
    return [c.strip().replace("\\|", "|") for c in re.split(r"(?<!\\)\|", line[1:-1])]


CONDITION = re.compile(r",?\s*\[(\w+)\]\s*(\w+)\s*(!?=)\s*([\w.-]+)")


def _heading_condition(title):
    """(section, key, value) of a heading's '[section] key = value' condition, or None."""
    m = re.search(r"\(([^()]*)\)\s*$", title)
    c = CONDITION.search(m.group(1)) if m else None
    if not c:
        return None
    return (c.group(1), c.group(2), c.group(4)) + (("!=",) if c.group(3) == "!=" else ())


def _heading_jobs(title):
    """Jobs named in the parenthesis of a heading: '(job = tournament)', '(jobs a, b and c)',
    '(every job)'. None when the heading names no jobs."""
    m = re.search(r"\(([^()]*)\)\s*$", title)
    if not m or not re.search(r"\bjobs?\b", m.group(1)):
        return None
    words = CONDITION.sub("", m.group(1))
    if re.search(r"\b(every|all)\b", words):
        return "every"
    words = re.sub(r"\bjobs?\b|=", " ", words)
    return frozenset(w for w in re.split(r"[\s,]+|\band\b", words) if w and w != "and")


def _strip_code(text):
    return text.replace("`", "").strip()


def parse(format_md=FORMAT_MD):
    """Reads FORMAT.md into a Format. Raises ValueError when the page has no dataset table or
    no documented format name and version."""
    with open(format_md, encoding="utf-8") as f:
        lines = f.read().splitlines()
    rows, attributes, jobs, when, name, version = [], [], None, None, None, None
    i = 0
    while i < len(lines):
        line = lines[i]
        heading = re.match(r"^(#{1,6})\s+(.*)$", line)
        if heading:
            named = _heading_jobs(heading.group(2))
            if named is not None:
                jobs, when = named, _heading_condition(heading.group(2))
            elif len(heading.group(1)) <= 2:  # a new section; its subsections keep its jobs
                jobs, when = None, None
        cells = _cells(line)
        if cells and [c.lower() for c in cells] == ATTRIBUTE_HEADER:
            i += 2
            while i < len(lines) and (cells := _cells(lines[i])) is not None and len(cells) >= 3:
                attributes.append(_strip_code(cells[0]))
                if attributes[-1] == "format_name":
                    m = re.search(r"`([^`]+)`", cells[2])
                    name = m.group(1) if m else None
                if attributes[-1] == "format_version":
                    m = re.search(r"\[(\d+),\s*(\d+)\]", cells[2])
                    version = (int(m.group(1)), int(m.group(2))) if m else None
                i += 1
            continue
        if cells and [c.lower() for c in cells] == HEADER:
            i += 2  # header and the |---| separator
            while i < len(lines) and (cells := _cells(lines[i])) is not None:
                if len(cells) != len(HEADER):
                    raise ValueError(f"{format_md}:{i + 1}: a dataset row needs {len(HEADER)} cells")
                path, shape, dtype = (_strip_code(c) for c in cells[:3])  # `code` spans are allowed
                units, meaning = cells[3:]
                m = re.fullmatch(r"\(([^)]*)\)", shape)
                if not path.startswith("/") or not m:
                    raise ValueError(f"{format_md}:{i + 1}: cannot read the row {lines[i]!r}")
                if jobs is None:
                    raise ValueError(f"{format_md}:{i + 1}: {path} is under no heading naming its jobs; "
                                     "name them in the section heading, e.g. '## /group (jobs a and b)' "
                                     "or '## /summary (every job)'")
                symbols = tuple(s.strip() for s in m.group(1).split(",") if s.strip())
                rows.append((path, symbols, dtype, units, meaning, jobs, when))
                i += 1
            continue
        i += 1
    if not rows:
        raise ValueError(f"{format_md}: no table with the header | {' | '.join(HEADER)} |")
    if name is None or version is None:
        raise ValueError(f"{format_md}: the root attribute table documents no format_name or format_version")
    named = set()
    for row in rows:
        if row[5] != "every":
            named |= row[5]
    datasets = tuple(Dataset(p, s, d, u, m, frozenset(named) if j == "every" else j, w)
                     for p, s, d, u, m, j, w in rows)
    return Format(name, version[0], version[1], datasets, tuple(attributes))
