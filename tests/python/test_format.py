#!/usr/bin/python3
"""Format tests: files the CLI writes conform to docs/FORMAT.md, and the checker
(kindest.checker, behind scripts/check_format.py) catches files that do not. Run by ctest as
`python_format` with the path of the kindest binary."""
import os
import re
import shutil
import subprocess
import sys
import tempfile
import unittest

import h5py
import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import kindest_test_files as files  # noqa: E402

import kindest  # noqa: E402
from kindest import checker, format_md  # noqa: E402
from kindest.file import config  # noqa: E402

CHECK_FORMAT = os.path.join(files.SCRIPTS, "check_format.py")
# Job analysis with payoffs from the reputation game (a few rounds per composition).
REPUTATION_ANALYSIS = """[run]
job = analysis
[game]
type = donation_game
[population]
size = 10
strategies = L1, ALLC, ALLD
[payoffs]
source = reputation
[reputation]
norm = L1
burn_in = 2
window = 5
"""


def series_names(job, parent):
    """The documented series (record axis T) of one replicate group of `job`."""
    prefix = parent + "rNNNN/"
    return [d.path[len(prefix):] for d in format_md.parse().for_job(job)
            if d.path.startswith(prefix) and d.shape[:1] == ("T",)]


def keep_records(group, rows, names):
    """Rewrites every series of a replicate group to the records `rows` (indices)."""
    for name in names:
        data = group[name][()][rows]
        group[name].resize(len(data), axis=0)
        group[name][...] = data


# Norms evolving between 3 groups, individuals migrating (format 1.7: per-group series).
GROUP_NORMS = """[run]
job = evolution
seed = 3
[payoffs]
source = reputation
[game]
type = donation_game
benefit = 5
cost = 1
[population]
size = 24
strategies = ALLC, ALLD, DISC
[reputation]
norm = SternJudging
assessment = private
interaction = random_pairs
execution_error = 0.02
rounds_per_generation = 2
[groups]
count = 3
in_group_probability = 0.9
shared_views = true
update_within = true
evolve_norms = true
norm_pool = SternJudging, second:0
norm_imitation_rate = 0.3
norm_mutation_rate = 0.2
migration_rate = 0.1
[dynamics]
generations = 20
replicates = 2
mutation_rate = 0.05
[record]
interval = 4
"""


class FormatTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.dir = tempfile.mkdtemp(prefix="kindest_format_")
        cls.files = {}
        for name, extra in {
            "self_play": ["--turns", "20", "--noise", "0.05"],
            "no_self_play": ["--no-self-play", "--turns", "20"],
            "random_length": ["--continuation", "0.9"],
        }.items():
            cls.files[name] = files.tournament(cls.dir, name, "TitForTat,Random,Defector,Cycler(CCD)",
                                               "--repetitions", "3", *extra)
        cls.files["invasion"] = files.run_config(cls.dir, "invasion", files.INVASION)
        # 103 generations at interval 5: records 0, 5, ..., 100 and the last, 103.
        cls.files["evolution"] = files.run_config(
            cls.dir, "evolution", files.EVOLUTION.format(generations=103, replicates=3, interval=5))
        cls.files["reputation_evolution"] = files.run_config(cls.dir, "reputation_evolution",
                                                             files.REPUTATION_EVOLUTION)
        cls.files["analysis"] = files.run_config(cls.dir, "analysis", files.POPULATION.format(job="analysis"))
        cls.files["replicator"] = files.run_config(cls.dir, "replicator", files.POPULATION.format(job="replicator"))
        cls.files["upstream"] = files.run_config(cls.dir, "upstream", files.UPSTREAM)
        cls.files["stakes"] = files.run_config(cls.dir, "stakes", files.STAKES)
        cls.files["stakes_grid"] = files.run_config(cls.dir, "stakes_grid", files.STAKES, "--stakes.strategy_set=rts_grid",
                                                    "--dynamics.mutation=local", "--stakes.grid_starts=0.5, 1, 2",
                                                    "--stakes.grid_increments=0.25, 1")
        cls.files["signalling"] = files.run_config(cls.dir, "signalling", files.SIGNALLING)
        cls.files["lattice"] = files.run_config(cls.dir, "lattice", files.LATTICE)

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.dir)

    def test_cli_files_conform(self):
        for name, path in self.files.items():
            with self.subTest(name):
                self.assertEqual(kindest.check(path), [])
                r = subprocess.run([files.PYTHON, CHECK_FORMAT, path], capture_output=True, text=True)
                self.assertEqual(r.returncode, 0, r.stdout + r.stderr)
                self.assertIn("conforms to docs/FORMAT.md", r.stdout)

    def tampered(self, edit, source="self_play"):
        path = os.path.join(self.dir, "tampered.h5")
        shutil.copy(self.files[source], path)
        with h5py.File(path, "r+") as f:
            edit(f)
        return kindest.check(path)

    def test_rows_conditional_on_the_config(self):
        """/analysis payoffs per composition are documented for [payoffs] source = reputation
        only: required there, undocumented in any other analysis file."""
        rep = files.run_config(self.dir, "analysis_reputation", REPUTATION_ANALYSIS)
        self.assertEqual(kindest.check(rep), [])
        self.files["analysis_reputation"] = rep
        conditional = [d for d in format_md.parse().datasets if d.path == "/analysis/payoff_mutant"][0]
        self.assertEqual(conditional.when, ("payoffs", "source", "reputation"))
        self.assertNotIn(conditional, format_md.parse().for_job("analysis"))
        problems = self.tampered(lambda f: f.__delitem__("analysis/payoff_mutant"), "analysis_reputation")
        self.assertIn("missing dataset /analysis/payoff_mutant", problems)
        problems = self.tampered(lambda f: f.create_dataset("analysis/payoff_mutant", data=np.zeros((3, 3, 49))),
                                 "analysis")
        self.assertIn("undocumented dataset /analysis/payoff_mutant", problems)

    def test_checker_states_the_signalling_requirements(self):
        def payoff(f):
            f["signalling/payoff"][0, 1] += 0.5
        self.assertIn("/signalling/payoff is not the closed form of the rules and [signalling] values", self.tampered(payoff, "signalling"))

        def margin(f):
            f["signalling/condition_margin"][4] = 3
        self.assertIn("/signalling/condition_margin is not that of the [signalling] values", self.tampered(margin, "signalling"))

        def start(f):
            f["signalling/initial_frequency"][0] += 0.5
        self.assertIn("/signalling/initial_frequency does not sum to 1", self.tampered(start, "signalling"))

        def fixation(f):  # still in [0, 1]; the chain's fixed point moves
            rho = f["signalling/fixation_probability"]
            rho[0, 4] = rho[0, 4] / 2 + 0.25
        problems = self.tampered(fixation, "signalling")
        self.assertIn("/signalling/fixation_probability is not the pairwise-comparison closed form of payoff",
                      problems)
        self.assertIn("/signalling/stationary_distribution is not stationary for fixation_probability", problems)

        def stationary(f):
            x = f["signalling/stationary_distribution"]
            x[0], x[4] = x[4], x[0]
        self.assertIn("/signalling/stationary_distribution is not stationary for fixation_probability",
                      self.tampered(stationary, "signalling"))

    def test_checker_states_the_stakes_requirements(self):
        def unnormalised(f):
            f["stakes/stationary_distribution"][0] += 0.5
        self.assertIn("/stakes/stationary_distribution does not sum to 1", self.tampered(unnormalised, "stakes"))

        def diagonal(f):
            f["stakes/fixation_probability"][1, 1] = 0.5
        self.assertIn("/stakes/fixation_probability: diagonal is not 1/N", self.tampered(diagonal, "stakes"))

        def moved(f):
            f["stakes/grid_stationary"][0, 0] += 1e-9
        self.assertIn("/stakes/grid_stationary is not stationary_distribution over (A, B)",
                      self.tampered(moved, "stakes_grid"))
        self.assertIn("undocumented dataset /stakes/grid_stationary",
                      self.tampered(lambda f: f.create_dataset("stakes/grid_stationary", data=np.zeros((1, 5))),
                                    "stakes"))

    def test_checker_states_the_upstream_requirements(self):
        def unnormalised(f):
            f["upstream/stationary_distribution"][0] += 0.5
        self.assertIn("/upstream/stationary_distribution does not sum to 1", self.tampered(unnormalised, "upstream"))

        def filled_diagonal(f):
            f["upstream/payoff_mutant"][1, 1, 0] = 0.0
        self.assertIn("/upstream/payoff_mutant is not NaN exactly on the diagonal pairs",
                      self.tampered(filled_diagonal, "upstream"))

    def test_checker_catches_undocumented_dataset(self):
        problems = self.tampered(lambda f: f.create_dataset("tournament/extra", data=[1.0]))
        self.assertTrue(any("undocumented dataset /tournament/extra" in p for p in problems), problems)

    def test_checker_requires_reputation_state_exactly_where_the_config_says(self):
        # Conditional datasets (FORMAT.md: "(job evolution, [payoffs] source = reputation)").
        def drop_views(f):
            del f["replicates/r0001/checkpoint/views"]
        problems = self.tampered(drop_views, "reputation_evolution")
        self.assertIn("missing dataset /replicates/r0001/checkpoint/views", problems)

        def add_views(f):
            f.create_dataset("replicates/r0000/checkpoint/views", data=np.zeros((1, 2), dtype="<u4"))
        problems = self.tampered(add_views, "evolution")
        self.assertIn("undocumented dataset /replicates/r0000/checkpoint/views", problems)

    def test_checker_catches_missing_dataset_and_wrong_dtype(self):
        def edit(f):
            del f["tournament/wins"]
            data = f["tournament/turns"][()].astype("f8")
            del f["tournament/turns"]
            f.create_dataset("tournament/turns", data=data)
        problems = self.tampered(edit)
        self.assertTrue(any("missing dataset /tournament/wins" in p for p in problems), problems)
        self.assertTrue(any("/tournament/turns: dtype float64" in p for p in problems), problems)

    def test_checker_catches_broken_invariants(self):
        def edit(f):
            c = f["tournament/cooperation_rate"]
            c[0, 1] = 1.5
            r = f["tournament/ranking"]
            r[0], r[1] = r[1], r[0]
        problems = self.tampered(edit)
        self.assertIn("cooperation_rate outside [0, 1]", problems)
        self.assertTrue(any("ranking" in p for p in problems), problems)

    def test_checker_catches_broken_invasion_invariants(self):
        def edit(f):
            f["invasion/final_corner"][0] = (f["invasion/final_corner"][0] + 1) % 16
            f["invasion/r0001/checkpoint/frequencies"][0] += 0.5
        problems = self.tampered(edit, "invasion")
        self.assertIn("final_corner is not the corner of final_mean_rule", problems)
        self.assertTrue(any("r0001: checkpoint frequencies" in p for p in problems), problems)

    def test_checker_states_the_snapshot_requirements(self):
        with h5py.File(self.files["lattice"], "r") as f:
            self.assertIn("/replicates/rNNNN/snapshots/strategy",
                          {d.path for d in format_md.parse().for_job("evolution", config(f))})
            # Generation 2 is record 1 ([record] interval = 2): its counts are the snapshot's.
            np.testing.assert_array_equal(np.bincount(f["replicates/r0001/snapshots/strategy"][2], minlength=2),
                                          f["replicates/r0001/counts"][1])

        def flip(f):
            s = f["replicates/r0001/snapshots/strategy"]
            s[2, 5] = 1 - s[2, 5]
        self.assertIn("r0001: the snapshot of generation 2 does not have that record's counts", self.tampered(flip, "lattice"))

        def out_of_range(f):
            f["replicates/r0000/snapshots/strategy"][4, 0] = 2
        self.assertIn("r0000: a snapshot holds a strategy index >= S = 2", self.tampered(out_of_range, "lattice"))

        def relabel(f):
            f["replicates/r0000/snapshots/generation"][3] = 8
        self.assertIn("r0000: snapshots of generations [0, 1, 2, 8, 30], [structure] snapshots = [0, 1, 2, 7, 30]",
                      self.tampered(relabel, "lattice"))

        def lose_one(f):
            for name in ("generation", "strategy"):
                f["replicates/r0000/snapshots/" + name].resize(4, axis=0)
        self.assertIn("r0000: snapshots of generations [0, 1, 2, 7], [structure] snapshots = [0, 1, 2, 7, 30]",
                      self.tampered(lose_one, "lattice"))

    def test_every_documented_dataset_is_written(self):
        documented = {p.path for p in format_md.parse().for_job("tournament")}
        with h5py.File(self.files["self_play"], "r") as f:
            written = set()
            f.visititems(lambda n, o: written.add("/" + n) if isinstance(o, h5py.Dataset) else None)
            self.assertEqual(written, documented)
            self.assertTrue(np.isfinite(f["tournament/score_per_turn"][()]).all())
        for job in ["evolution", "invasion", "analysis", "replicator"]:
            with self.subTest(job), h5py.File(self.files[job], "r") as f:
                written = set()
                f.visititems(lambda n, o: written.add(re.sub(r"/r\d{4,}/", "/rNNNN/", "/" + n))
                             if isinstance(o, h5py.Dataset) else None)
                self.assertEqual(written, {d.path for d in format_md.parse().for_job(job)})
        with h5py.File(self.files["reputation_evolution"], "r") as f:
            written = set()
            f.visititems(lambda n, o: written.add(re.sub(r"/r\d{4,}/", "/rNNNN/", "/" + n))
                         if isinstance(o, h5py.Dataset) else None)
            documented = {d.path for d in format_md.parse().for_job("evolution", config(f))}
            self.assertEqual(written, documented)
            self.assertIn("/replicates/rNNNN/checkpoint/alternate/views", documented)

    def test_group_series_conform_and_their_invariants_are_checked(self):
        path = files.run_config(self.dir, "group_norms", GROUP_NORMS)
        self.assertEqual(kindest.check(path), [])
        with h5py.File(path, "r") as f:
            written = set()
            f.visititems(lambda n, o: written.add(re.sub(r"/r\d{4,}/", "/rNNNN/", "/" + n))
                         if isinstance(o, h5py.Dataset) else None)
            self.assertEqual(written, {d.path for d in format_md.parse().for_job("evolution", config(f))})
            self.assertIn("/groups/norm_pool", written)
            self.assertIn("/replicates/rNNNN/group_norm", written)
        self.files["group_norms"] = path

        def unbalanced(f):
            f["replicates/r0001/group_size"][1, 0] += 1
        self.assertIn("r0001: a group_size row does not sum to the population size 24",
                      self.tampered(unbalanced, "group_norms"))

        def unknown_norm(f):
            f["replicates/r0000/group_norm"][0, 2] = 2
        self.assertIn("r0000: a group_norm is not an index into /groups/norm_pool (2 norms)",
                      self.tampered(unknown_norm, "group_norms"))

        def no_pool(f):
            del f["groups/norm_pool"]
        self.assertIn("missing dataset /groups/norm_pool", self.tampered(no_pool, "group_norms"))

    # -- record generations (issue 8: the checker missed gaps and a missing last record) --

    def evolution_edit(self, edit, complete=True):
        names = series_names("evolution", "/replicates/")
        self.assertIn("generation", names)
        self.assertIn("counts", names)

        def wrapped(f):
            f.attrs["complete"] = np.uint8(complete)
            edit(f["replicates/r0001"], names)
        return self.tampered(wrapped, "evolution")

    def test_record_generations(self):
        self.assertEqual(checker.record_count(103, 5), 22)   # 0, 5, ..., 100 and 103
        self.assertEqual(checker.record_count(100, 5), 21)
        np.testing.assert_array_equal(checker.expected_generations(103, 5, 30)[-3:], [95, 100, 103])
        np.testing.assert_array_equal(checker.expected_generations(100, 5, 30)[-2:], [95, 100])
        # Only the records asked for are made: a schema-allowed 10^12 generations costs nothing.
        np.testing.assert_array_equal(checker.expected_generations(10 ** 12, 1, 3), [0, 1, 2])

    def test_gap_in_the_records(self):
        problems = self.evolution_edit(lambda g, names: keep_records(g, [k for k in range(22) if k != 7], names))
        self.assertIn("/replicates/r0001: gap in the records: generation 35 missing before 40 "
                      "([record] interval = 5)", problems)

    def test_duplicate_record(self):
        def edit(g, names):
            keep_records(g, list(range(8)) + [7] + list(range(8, 22)), names)
        problems = self.evolution_edit(edit)
        self.assertTrue(any("r0001: duplicate record of generation 35" in p for p in problems), problems)

    def test_missing_last_record(self):
        # Complete file without the record of the last generation, 103 (the checkpoint still says 103).
        problems = self.evolution_edit(lambda g, names: keep_records(g, list(range(21)), names))
        self.assertTrue(any("r0001: complete file, but the last record is generation 100" in p for p in problems),
                        problems)
        # The same rows in an interrupted file are fine up to the checkpoint: moving it back to 100
        # is a valid state, leaving it at 103 claims records that are not there.
        def interrupted(g, names):
            keep_records(g, list(range(21)), names)
            g["checkpoint/generation"][0] = 100
        self.assertEqual(self.evolution_edit(interrupted, complete=False), [])
        problems = self.evolution_edit(lambda g, names: keep_records(g, list(range(21)), names), complete=False)
        self.assertTrue(any("r0001: checkpoint at generation 103 is ahead of the records" in p for p in problems),
                        problems)

    def test_first_record_not_generation_zero(self):
        problems = self.evolution_edit(lambda g, names: keep_records(g, list(range(1, 22)), names))
        self.assertTrue(any("r0001: the first record is generation 5, not 0" in p for p in problems), problems)

    def test_series_of_different_lengths(self):
        def edit(g, names):
            g["average_payoff"].resize(21, axis=0)
        problems = self.evolution_edit(edit)
        self.assertTrue(any("r0001: series of different lengths" in p and "average_payoff 21" in p
                            for p in problems), problems)

    def test_incomplete_file_may_end_ragged_past_its_checkpoint(self):
        # A writer killed between flushing its series: resume truncates to the checkpoint's rows.
        def ragged(checkpoint):
            def edit(g, names):
                keep_records(g, list(range(21)), names)
                g["checkpoint/generation"][0] = checkpoint
                g["average_payoff"].resize(15, axis=0)
            return edit
        self.assertEqual(self.evolution_edit(ragged(50), complete=False), [])
        problems = self.evolution_edit(ragged(100), complete=False)
        self.assertTrue(any("r0001: checkpoint at generation 100 is ahead of the records" in p for p in problems),
                        problems)

    def test_replicate_groups_contiguous_and_counted(self):
        problems = self.tampered(lambda f: f.move("replicates/r0001", "replicates/r0003"), "evolution")
        self.assertTrue(any("not contiguous from r0000 (missing r0001)" in p for p in problems), problems)
        problems = self.tampered(lambda f: f.move("replicates/r0002", "replicates/r00002"), "evolution")
        self.assertTrue(any("r00002: replicate group name is not r0002" in p for p in problems), problems)
        problems = self.tampered(lambda f: f.copy("replicates/r0002", "replicates/r0003"), "evolution")
        self.assertIn("/replicates/: 4 replicate groups, [dynamics] replicates = 3", problems)
        problems = self.tampered(lambda f: f.copy("invasion/r0002", "invasion/r0003"), "invasion")
        self.assertIn("/invasion/: 4 replicate groups, [invasion] replicates = 3", problems)

    # -- root attributes --

    def test_unknown_major_version_is_refused(self):
        problems = self.tampered(lambda f: f.attrs.modify("format_version", np.array([2, 0], dtype="u4")))
        self.assertEqual(len(problems), 1)
        self.assertTrue(problems[0].startswith("unknown format_version [2, 0]"), problems)
        r = subprocess.run([files.PYTHON, CHECK_FORMAT, os.path.join(self.dir, "tampered.h5")],
                           capture_output=True, text=True)
        self.assertEqual(r.returncode, 1)
        self.assertIn("unknown format_version [2, 0]", r.stdout)
        # A newer minor version of the same major is read (its new datasets would be reported).
        self.assertEqual(self.tampered(lambda f: f.attrs.modify("format_version", np.array([1, 0], dtype="u4"))), [])

    def test_unknown_format_name_is_refused(self):
        problems = self.tampered(lambda f: f.attrs.modify("format_name", "other.results"))
        self.assertEqual(len(problems), 1)
        self.assertIn("format_name = 'other.results'", problems[0])

    def test_labels_that_are_not_utf8(self):
        def edit(f):
            del f["tournament/players"]
            d = f.create_dataset("tournament/players", dtype=h5py.string_dtype("utf-8"),
                                 data=np.array([b"TitForTat", b"Random\xff", b"Defector", b"Cycler(CCD)"], dtype=object))
            d.attrs["units"], d.attrs["description"] = "-", "Players."
        problems = self.tampered(edit)
        self.assertTrue(any("/tournament/players: a string is not valid UTF-8" in p for p in problems), problems)

    # -- the checker reads FORMAT.md --

    def edited_format_md(self, old, new):
        path = os.path.join(self.dir, "FORMAT.md")
        with open(format_md.FORMAT_MD, encoding="utf-8") as f:
            text = f.read()
        self.assertIn(old, text)
        with open(path, "w", encoding="utf-8") as f:
            f.write(text.replace(old, new))
        return path

    def test_checker_takes_names_shapes_and_units_from_format_md(self):
        md = self.edited_format_md("| /replicates/rNNNN/average_payoff |", "| /replicates/rNNNN/mean_fitness |")
        problems = kindest.check(self.files["evolution"], md)
        self.assertIn("undocumented dataset /replicates/r0000/average_payoff", problems)
        self.assertIn("missing dataset /replicates/r0002/mean_fitness", problems)
        md = self.edited_format_md("| /tournament/wins | (P, P) | uint64 | matches |",
                                   "| /tournament/wins | (P,) | uint64 | games |")
        problems = kindest.check(self.files["self_play"], md)
        self.assertIn("/tournament/wins: rank 2, documented ('P',)", problems)
        md = self.edited_format_md("| /tournament/turns | (P, P) | uint64 | turns |",
                                   "| /tournament/turns | (P, P) | uint64 | rounds |")
        self.assertIn("/tournament/turns: units 'turns', documented 'rounds'", kindest.check(self.files["self_play"], md))
        md = self.edited_format_md("`[1, 8]` for this page", "`[2, 0]` for this page")
        self.assertTrue(kindest.check(self.files["self_play"], md)[0].startswith("unknown format_version [1, 8]"))

    def test_checks_follow_the_groups_a_file_holds_not_a_job_list(self):
        """A job the checker's code never heard of, documented in FORMAT.md as writing the
        groups of an evolution run, gets every check of those groups: the checker is keyed by
        the file's groups, so adding a job needs no edit of it."""
        with open(format_md.FORMAT_MD, encoding="utf-8") as f:
            text = f.read()
        for old, new in [("## /population (jobs evolution, analysis and replicator)",
                          "## /population (jobs evolution, analysis, replicator and drift)"),
                         ("## /replicates/rNNNN (job evolution)", "## /replicates/rNNNN (jobs evolution and drift)")]:
            self.assertIn(old, text)
            text = text.replace(old, new)
        md = os.path.join(self.dir, "FORMAT_drift.md")
        with open(md, "w", encoding="utf-8") as f:
            f.write(text)

        def as_drift(edit):
            def wrapped(f):
                f.attrs["job"] = "drift"
                edit(f)
            path = os.path.join(self.dir, "drift.h5")
            shutil.copy(self.files["evolution"], path)
            with h5py.File(path, "r+") as f:
                wrapped(f)
            return kindest.check(path, md)

        self.assertEqual(as_drift(lambda f: None), [])

        def break_counts(f):
            f["replicates/r0001/counts"][1, 0] += 1
        self.assertIn("r0001: a counts row does not sum to the population size 60", as_drift(break_counts))

        def drop_replicate(f):
            del f["replicates/r0002"]
        self.assertIn("/replicates/: 2 replicate groups, [dynamics] replicates = 3", as_drift(drop_replicate))

        def gap(f):
            f["replicates/r0000/generation"][3] += 1
        self.assertTrue(any("/replicates/r0000: gap in the records" in p or "record 3 is generation" in p
                            for p in as_drift(gap)), as_drift(gap))

    def test_format_md_tables_between_generated_markers(self):
        text = ("## Root attributes\n\n| name | type | meaning |\n|---|---|---|\n"
                "| `format_name` | UTF-8 string | always `kindest.results` |\n"
                "| `format_version` | uint32 (2,) | `[1, 3]` for this page |\n\n"
                "## /tournament (job = tournament)\n\n<!-- generated: tournament -->\n"
                "| path | shape | dtype | units | meaning |\n|---|---|---|---|---|\n"
                "| /tournament/players | (P,) | UTF-8 string | – | names |\n"
                "| `/tournament/wins` | (P, P) | uint64 | matches | wins \\| losses |\n<!-- end generated -->\n\n"
                "## /summary (every job)\n\n"
                "| path | shape | dtype | units | meaning |\n|---|---|---|---|---|\n"
                "| /summary/value | (M,) | float64 | – | values |\n")
        path = os.path.join(self.dir, "small.md")
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
        fmt = format_md.parse(path)
        self.assertEqual((fmt.name, fmt.major, fmt.minor), ("kindest.results", 1, 3))
        self.assertEqual([d.path for d in fmt.for_job("tournament")],
                         ["/tournament/players", "/tournament/wins", "/summary/value"])
        self.assertEqual(fmt.datasets[1].shape, ("P", "P"))
        self.assertEqual(fmt.datasets[1].meaning, "wins | losses")
        self.assertEqual(fmt.datasets[2].jobs, frozenset({"tournament"}))
        # A section whose heading names no jobs cannot hold a dataset table.
        with open(path, "w", encoding="utf-8") as f:
            f.write(text.replace("## /summary (every job)", "## /summary"))
        with self.assertRaisesRegex(ValueError, "/summary/value is under no heading naming its jobs"):
            format_md.parse(path)
        # The real page: every job, and the documented jobs of /population.
        real = format_md.parse()
        self.assertEqual(real.attributes, ("format_name", "format_version", "engine_version", "git_hash", "job",
                                           "seed", "config", "created_utc", "complete"))
        self.assertIn("missing root attribute seed", self.tampered(lambda f: f.attrs.__delitem__("seed")))
        self.assertEqual(real.jobs, ["analysis", "evolution", "invasion", "multilevel", "replicator",
                                     "reputation", "signalling", "stakes", "sweep", "tournament", "upstream"])
        population = [d for d in real.datasets if d.path == "/population/strategies"][0]
        self.assertEqual(population.jobs, frozenset({"evolution", "analysis", "replicator"}))


if __name__ == "__main__":
    unittest.main()
