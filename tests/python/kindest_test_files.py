"""Result files the Python tests share: made by running the real kindest binary (KINDEST_CLI),
and the kindest package imported from the source tree (PYTHONPATH, set by ctest; the path
below lets a test also run by hand)."""
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", ".."))
SCRIPTS = os.path.join(ROOT, "scripts")
sys.path.insert(0, os.path.join(ROOT, "python"))
sys.path.insert(0, SCRIPTS)
from kindest import resumable  # noqa: E402

KINDEST = os.environ.get("KINDEST_CLI", "kindest")
PYTHON = "/usr/bin/python3"


def run_config(directory, name, text, *flags):
    """Writes `text` as NAME.ini in `directory`, runs it and returns the result path."""
    ini, h5 = os.path.join(directory, name + ".ini"), os.path.join(directory, name + ".h5")
    with open(ini, "w") as f:
        f.write(text)
    subprocess.run([KINDEST, "run", ini, "-q", "-o", h5, *flags], check=True, stdout=subprocess.DEVNULL)
    return h5


def tournament(directory, name, players, *flags):
    h5 = os.path.join(directory, name + ".h5")
    subprocess.run([KINDEST, "tournament", "-q", "--players", players, "-o", h5, *flags], check=True,
                   stdout=subprocess.DEVNULL)
    return h5


EVOLUTION = """[run]
job = evolution
seed = 3
[population]
size = 60
strategies = ALLC, ALLD, TFT
[payoffs]
source = exact
[match]
continuation_probability = 0.9
[dynamics]
generations = {generations}
replicates = {replicates}
mutation_rate = 0.01
[record]
interval = {interval}
"""
# job = evolution with the reputation game (the checkpoint adds its state: docs/FORMAT.md).
REPUTATION_EVOLUTION = resumable.REPUTATION_EVOLUTION.format(seed=4, size=70, generations=30,
                                                             replicates=2, interval=4)
INVASION = """[run]
job = invasion
[invasion]
generations = 20000
replicates = 3
[record]
interval = 100
"""
# job = upstream: chains of help among four rules (docs/FORMAT.md, /upstream).
UPSTREAM = """[run]
job = upstream
[game]
type = donation_game
benefit = 3
cost = 1
[population]
size = 20
[upstream]
strategies = ALLD, Upstream(0.9), Direct(0.9), Linked(0.9, 0.9)
chains = 2000
"""
# job = stakes: the continuous-investment game among five strategies (docs/FORMAT.md, /stakes).
STAKES = """[run]
job = stakes
[game]
type = donation_game
benefit = 2
cost = 1
[match]
continuation_probability = 0.9
[population]
size = 20
[stakes]
strategies = NonInvestor, Fixed(2), RTS(1, 1), ShortChanger(1, 0.5), Linear(1, 0.5, 0.8)
"""
# job = signalling: costly signalling among 3 x 3 signaller/observer rules (docs/FORMAT.md,
# /signalling).
SIGNALLING = """[run]
job = signalling
[signalling]
signallers = Never, Honest, Always
observers = Never, Discerning, Always
high_quality = 0.4
alliance_benefit = 1.5
value_low = -1.5
"""
POPULATION = """[run]
job = {job}
[population]
size = 50
strategies = ALLC, ALLD, TFT
[payoffs]
source = exact
[match]
continuation_probability = 0.9
"""

# Nowak & May (1992) on a 20 x 20 lattice with snapshots (scripts/plot_lattice.py, format 1.8).
LATTICE = """[run]
job = evolution
seed = 1992
[payoffs]
source = matrix
matrix = 1, 0; 1.9, 0
labels = C, D
[population]
size = 400
initial_counts = 360, 40
self_interaction = true
[structure]
graph = square_lattice
neighbourhood = moore
update = imitate_best
snapshots = 0, 1, 2, 7, 30
[dynamics]
generations = 30
replicates = 2
mutation_rate = 0
[record]
interval = 2
"""
