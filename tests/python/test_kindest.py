#!/usr/bin/python3
"""The kindest package (python/kindest) against the HDF5 contents of files the real binary
writes and against hand-checked cases. Run by ctest as python_kindest."""
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import unittest

import h5py
import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import kindest_test_files as files  # noqa: E402

import kindest  # noqa: E402
import kindest.cli  # noqa: E402
import kindest.resumable  # noqa: E402


class Files(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.dir = tempfile.mkdtemp(prefix="kindest_package_")

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.dir)


class TournamentTest(Files):
    def test_small_exact_tournament_totals(self):
        # references.md: {Cooperator, TitForTat, Defector}, 10 turns, 1 repetition, (3, 0, 5, 1),
        # no self-play: total scores 30 / 39 / 64.
        h5 = files.tournament(self.dir, "exact", "Cooperator,TitForTat,Defector", "--turns", "10",
                              "--repetitions", "1", "--no-self-play")
        frame = kindest.tournament(h5)
        self.assertEqual(list(frame.columns), ["player", "opponent", "score_per_turn", "score_per_turn_std",
                                               "cooperation_rate", "cooperation_rate_std", "wins", "turns"])
        self.assertEqual(len(frame), 6)  # no self-play rows
        self.assertFalse((frame["player"] == frame["opponent"]).any())
        totals = (frame["score_per_turn"] * frame["turns"]).groupby(frame["player"]).sum()
        self.assertEqual(totals.to_dict(), {"Cooperator": 30.0, "TitForTat": 39.0, "Defector": 64.0})
        pair = frame.set_index(["player", "opponent"])
        self.assertEqual(pair.loc[("TitForTat", "Defector"), "score_per_turn"], 0.9)   # S then 9 P
        self.assertEqual(pair.loc[("Defector", "TitForTat"), "wins"], 1)
        self.assertEqual(pair.loc[("TitForTat", "Defector"), "cooperation_rate"], 0.1)
        self.assertTrue((frame["turns"] == 10).all())
        ranking = kindest.ranking(h5)
        self.assertEqual(list(ranking.columns), ["rank", "player", "mean_score_per_turn",
                                                 "mean_score_per_turn_with_self"])
        self.assertEqual(list(ranking["player"]), ["Defector", "TitForTat", "Cooperator"])
        self.assertEqual(list(ranking["rank"]), [1, 2, 3])
        np.testing.assert_allclose(ranking["mean_score_per_turn"], [64 / 20, 39 / 20, 30 / 20])
        self.assertTrue(ranking["mean_score_per_turn_with_self"].isna().all())

    def test_frame_equals_the_datasets(self):
        h5 = files.tournament(self.dir, "noisy", "TitForTat,Random,Defector,Cycler(CCD)", "--turns", "20",
                              "--repetitions", "3", "--noise", "0.05")
        frame = kindest.tournament(h5)
        self.assertEqual(len(frame), 16)  # self-play rows included
        with h5py.File(h5, "r") as f:
            players = [p.decode() if isinstance(p, bytes) else p for p in f["tournament/players"][()]]
            self.assertEqual(kindest.strings(f["tournament/players"]), players)
            for name in ["score_per_turn", "score_per_turn_std", "cooperation_rate", "cooperation_rate_std",
                         "wins", "turns"]:
                matrix = frame.pivot(index="player", columns="opponent", values=name).loc[players, players]
                np.testing.assert_array_equal(matrix.to_numpy(), f["tournament/" + name][()], err_msg=name)
            ranking = kindest.ranking(f)
            self.assertEqual(list(ranking["player"]), [players[i] for i in f["tournament/ranking"][()]])


class EvolutionTest(Files):
    def test_trajectory_frames_equal_the_datasets(self):
        h5 = files.run_config(self.dir, "evo", files.EVOLUTION.format(generations=300, replicates=3, interval=7))
        frame = kindest.trajectory(h5)
        self.assertEqual(list(frame.columns), ["replicate", "generation", "strategy", "count", "frequency",
                                               "mean_payoff"])
        population = kindest.trajectory_population(h5)
        self.assertEqual(list(population.columns), ["replicate", "generation", "average_payoff",
                                                    "cooperation_rate", "good_fraction",
                                                    "in_group_cooperation", "out_group_cooperation"])
        with h5py.File(h5, "r") as f:
            names = kindest.strings(f["population/strategies"])
            self.assertEqual(kindest.strategies(f), names)
            for r in range(3):
                g = f[f"replicates/r{r:04d}"]
                mine = frame[frame["replicate"] == r]
                counts = mine.pivot(index="generation", columns="strategy", values="count")[names]
                np.testing.assert_array_equal(counts.to_numpy(), g["counts"][()])
                np.testing.assert_array_equal(counts.index.to_numpy(), g["generation"][()])
                payoff = mine.pivot(index="generation", columns="strategy", values="mean_payoff")[names]
                np.testing.assert_array_equal(payoff.to_numpy(), g["mean_payoff"][()])
                pop = population[population["replicate"] == r]
                np.testing.assert_array_equal(pop["average_payoff"], g["average_payoff"][()])
                np.testing.assert_array_equal(pop["cooperation_rate"], g["cooperation_rate"][()])
        # Generations 0, 7, ..., 294 and the last, 300; frequencies are counts over size 60.
        self.assertEqual(sorted(set(frame["generation"])), list(range(0, 300, 7)) + [300])
        np.testing.assert_allclose(frame["frequency"], frame["count"] / 60)
        np.testing.assert_allclose(frame.groupby(["replicate", "generation"])["frequency"].sum(), 1)
        # A subset of replicates, and the average payoff as sum of frequency x mean payoff.
        self.assertEqual(sorted(set(kindest.trajectory(h5, replicates=[2])["replicate"])), [2])
        weighted = (frame["frequency"] * frame["mean_payoff"].fillna(0)).groupby(
            [frame["replicate"], frame["generation"]]).sum()
        np.testing.assert_allclose(weighted.to_numpy(), population["average_payoff"].to_numpy(), rtol=1e-12)


class OtherJobsTest(Files):
    def test_invasion_frames(self):
        h5 = files.run_config(self.dir, "inv", files.INVASION)
        frame, final = kindest.invasion(h5), kindest.invasion_final(h5)
        self.assertEqual(list(frame.columns)[:3], ["replicate", "generation", "residents"])
        with h5py.File(h5, "r") as f:
            for r in range(3):
                g, mine = f[f"invasion/r{r:04d}"], frame[frame["replicate"] == r]
                np.testing.assert_array_equal(mine["generation"], g["generation"][()])
                np.testing.assert_array_equal(mine[["mean_p_CC", "mean_p_CD", "mean_p_DC", "mean_p_DD"]],
                                              g["mean_rule"][()])
                np.testing.assert_array_equal(mine[["dominant_p_CC", "dominant_p_CD", "dominant_p_DC",
                                                    "dominant_p_DD"]], g["dominant_rule"][()])
                for name in ["residents", "dominant_frequency", "average_payoff", "cooperation_rate"]:
                    np.testing.assert_array_equal(mine[name], g[name][()], err_msg=name)
            np.testing.assert_array_equal(final[["p_CC", "p_CD", "p_DC", "p_DD"]], f["invasion/final_mean_rule"][()])
            np.testing.assert_array_equal(final["corner"], f["invasion/final_corner"][()])
        self.assertTrue(final["finished"].all())
        self.assertEqual(kindest.corner_name(9), "WSLS")
        self.assertEqual(kindest.corner_name(10), "TFT")
        self.assertEqual(kindest.corner_name(5), "(0,1,0,1)")
        self.assertEqual(kindest.corner_name(16), "")

    def test_analysis_frames(self):
        h5 = files.run_config(self.dir, "analysis", files.POPULATION.format(job="analysis"))
        stationary, fixation = kindest.stationary(h5), kindest.fixation(h5)
        self.assertEqual(list(stationary.columns), ["strategy", "stationary_distribution"])
        self.assertEqual(list(fixation.columns), ["resident", "mutant", "fixation_probability",
                                                  "transition_probability"])
        self.assertEqual(list(stationary["strategy"]), ["Cooperator", "Defector", "TitForTat"])
        self.assertAlmostEqual(stationary["stationary_distribution"].sum(), 1, places=12)
        same = fixation[fixation["resident"] == fixation["mutant"]]
        np.testing.assert_allclose(same["fixation_probability"], 1 / 50)  # a neutral mutant: 1/Z
        with h5py.File(h5, "r") as f:
            np.testing.assert_array_equal(stationary["stationary_distribution"], f["analysis/stationary_distribution"][()])
            rho = fixation.pivot(index="resident", columns="mutant", values="fixation_probability")
            names = kindest.strategies(f)
            np.testing.assert_array_equal(rho.loc[names, names].to_numpy(), f["analysis/fixation_probability"][()])
        np.testing.assert_allclose(fixation.groupby("resident")["transition_probability"].sum(), 1, atol=1e-12)

    def test_reputation_frames_and_checks(self):
        text = ("[run]\njob = reputation\n[game]\ntype = donation_game\nbenefit = 5\ncost = 1\n"
                "[population]\nsize = 40\nstrategies = L1, ALLD, DISC\ninitial_counts = 20, 10, 10\n"
                "[reputation]\nnorm = SternJudging\nobservation_probability = 0.9\n"
                "perception_error = 0.05\nburn_in = 10\nwindow = 20\nreplicates = 3\n")
        h5 = files.run_config(self.dir, "reputation", text)
        self.assertEqual(kindest.check(h5), [])
        per, pop = kindest.reputation(h5), kindest.reputation_population(h5)
        coop, views = kindest.reputation_cooperation(h5), kindest.reputation_views(h5)
        self.assertEqual(list(per.columns), ["replicate", "strategy", "count", "norm", "payoff", "self_cooperation"])
        self.assertEqual(len(per), 9)
        self.assertEqual(list(per["count"][:3]), [20, 10, 10])
        self.assertEqual(list(pop["replicate"]), [0, 1, 2])
        self.assertEqual(list(coop.columns), ["replicate", "donor", "recipient", "cooperation_rate"])
        self.assertEqual(list(views.columns), ["replicate", "observer", "subject", "good_fraction"])
        self.assertTrue((coop[coop["donor"] == "ALLD"]["cooperation_rate"] == 0).all())
        with h5py.File(h5, "r") as f:
            np.testing.assert_array_equal(pop["cooperation_rate"], f["reputation/cooperation_rate"][()])
            np.testing.assert_array_equal(views["good_fraction"], f["reputation/good_fraction"][()].reshape(-1))
            np.testing.assert_array_equal(per["payoff"], f["reputation/payoff"][()].reshape(-1))
            np.testing.assert_array_equal(per["norm"][:3], ["BGBGGGBG", "GBBGGBBG", "GBBGGBBG"])
        # A fraction outside [0, 1] and counts that do not sum to N are caught.
        bad = os.path.join(self.dir, "reputation_bad.h5")
        shutil.copy(h5, bad)
        with h5py.File(bad, "r+") as f:
            f["reputation/good_fraction"][0, 0, 0] = 1.5
            f["reputation/counts"][0] = 21
        problems = kindest.check(bad)
        self.assertTrue(any("good_fraction outside [0, 1]" in p for p in problems), problems)
        self.assertTrue(any("counts sum to 41" in p for p in problems), problems)

    def test_replicator_frames(self):
        h5 = files.run_config(self.dir, "replicator", files.POPULATION.format(job="replicator"))
        frame, population = kindest.replicator(h5), kindest.replicator_population(h5)
        self.assertEqual(list(frame.columns), ["time", "strategy", "frequency", "mean_payoff"])
        self.assertEqual(list(population.columns), ["time", "average_payoff", "cooperation_rate"])
        np.testing.assert_allclose(frame.groupby("time")["frequency"].sum(), 1, atol=1e-9)
        # x . A x = sum over strategies of frequency x (A x)_i.
        weighted = (frame["frequency"] * frame["mean_payoff"]).groupby(frame["time"]).sum()
        np.testing.assert_allclose(weighted.to_numpy(), population["average_payoff"].to_numpy(), rtol=1e-12)
        with h5py.File(h5, "r") as f:
            x = frame.pivot(index="time", columns="strategy", values="frequency")[kindest.strategies(f)]
            np.testing.assert_array_equal(x.to_numpy(), f["replicator/frequencies"][()])

    def test_unknown_major_version_is_refused(self):
        h5 = files.tournament(self.dir, "version", "TFT,ALLD")
        with h5py.File(h5, "r+") as f:
            f.attrs.modify("format_version", np.array([2, 0], dtype="u4"))
        with self.assertRaisesRegex(kindest.FormatVersionError, r"unknown format_version \[2, 0\]"):
            kindest.open_result(h5)
        with self.assertRaises(kindest.FormatVersionError):
            kindest.tournament(h5)
        with h5py.File(h5, "r+") as f:
            f.attrs.modify("format_version", np.array([1, 99], dtype="u4"))  # a later minor version reads
            f.attrs.modify("format_name", "someone.else")
        with self.assertRaisesRegex(kindest.FormatVersionError, "not a Kindest result file"):
            kindest.open_result(h5)

    def test_resumable_differences_are_bitwise(self):
        a = files.tournament(self.dir, "bits_a", "TFT,ALLD,WSLS", "--turns", "20", "--noise", "0.1")
        b = os.path.join(self.dir, "bits_b.h5")
        self.assertEqual(kindest.resumable.differences(a, a), [])
        shutil.copy(a, b)
        with h5py.File(b, "r+") as f:
            x = f["tournament/score_per_turn"]
            x[0, 1] = np.nextafter(x[0, 1], np.inf)   # one ulp
            f["tournament/extra"] = [1.0]
            del f["tournament/wins"]
        self.assertEqual(kindest.resumable.differences(a, b),
                         ["missing tournament/wins", "extra tournament/extra", "differs tournament/score_per_turn"])
        self.assertTrue(kindest.resumable.same(np.array([np.nan]), np.array([np.nan])))

    def test_plot_follows_the_groups_of_the_file(self):
        tournament = files.tournament(self.dir, "plot_t", "TFT,ALLD")
        evolution = files.run_config(self.dir, "plot_e", files.EVOLUTION.format(generations=20, replicates=1,
                                                                               interval=5))
        analysis = files.run_config(self.dir, "plot_a", files.POPULATION.format(job="analysis"))
        self.assertEqual(kindest.cli.plot_command(tournament), ["plot_tournament.py"])
        self.assertEqual(kindest.cli.plot_command(evolution), ["plot_trajectory.py"])
        self.assertIsNone(kindest.cli.plot_command(analysis))
        r = subprocess.run([files.PYTHON, "-m", "kindest.cli", evolution], capture_output=True, text=True, check=True,
                           env={**os.environ, "PYTHONPATH": os.path.join(files.ROOT, "python")})
        self.assertEqual(r.stdout, "plot_trajectory.py\n")

    def test_wrong_job_is_a_clear_error(self):
        h5 = files.tournament(self.dir, "wrong", "TFT,ALLD")
        with self.assertRaisesRegex(KeyError, r"no /replicates group \(it is a result of job = tournament\)"):
            kindest.trajectory(h5)


class SummaryTest(Files):
    def test_summary_table(self):
        path = os.path.join(self.dir, "summary.h5")
        fmt = kindest.format_md.parse()
        with h5py.File(path, "w") as f:
            f.attrs["format_name"], f.attrs["format_version"] = fmt.name, [fmt.major, fmt.minor]
            s = f.create_group("summary")
            s["measure"] = np.array(["final_frequency", "final_frequency", "cooperation_rate"], dtype=h5py.string_dtype())
            s["strategy"] = np.array(["ALLC", "ALLD", ""], dtype=h5py.string_dtype())
            s["value"] = np.array([0.25, 0.75, 0.1])
        frame = kindest.summary(path)
        self.assertEqual(list(frame.columns), ["measure", "strategy", "value"])
        self.assertEqual(frame.values.tolist(), [["final_frequency", "ALLC", 0.25], ["final_frequency", "ALLD", 0.75],
                                                 ["cooperation_rate", "", 0.1]])
        self.assertEqual(frame["value"].dtype, np.float64)
        # Another column (the engine's `table`) comes first; columns of different lengths are an error.
        with h5py.File(path, "r+") as f:
            f["summary/table"] = np.array(["frequencies", "frequencies", "population"], dtype=h5py.string_dtype())
        frame = kindest.summary(path)
        self.assertEqual(list(frame.columns), ["table", "measure", "strategy", "value"])
        self.assertEqual(list(frame["table"]), ["frequencies", "frequencies", "population"])
        with h5py.File(path, "r+") as f:
            del f["summary/value"]
            f["summary/value"] = np.array([0.25, 0.75])
        with self.assertRaisesRegex(ValueError, "different lengths"):
            kindest.summary(path)

    def test_a_file_without_summary_gives_an_empty_frame(self):
        h5 = files.tournament(self.dir, "nosummary", "TFT,ALLD")
        with h5py.File(h5, "r+") as f:
            self.assertIn("summary", f)  # every job writes one; files before 1.3 have none
            del f["summary"]
        frame = kindest.summary(h5)
        self.assertEqual(list(frame.columns), ["measure", "strategy", "value"])
        self.assertEqual(len(frame), 0)


class ReplicateOrderTest(Files):
    def test_natural_order_of_10001_replicates(self):
        path = os.path.join(self.dir, "names.h5")
        with h5py.File(path, "w") as f:
            g = f.create_group("replicates")
            for i in reversed(range(10001)):
                g.create_group(f"r{i:04d}")
            g.create_group("checkpoint_not_a_replicate")
            g.create_group("r12")  # fewer than four digits: not a replicate name
        with h5py.File(path, "r") as f:
            names = kindest.replicate_names(f["replicates"])
        self.assertEqual(len(names), 10001)
        self.assertEqual([kindest.replicate_index(n) for n in names], list(range(10001)))
        self.assertEqual(names[9999:], ["r9999", "r10000"])
        self.assertNotEqual(names, sorted(names))  # plain text order puts r10000 after r1000
        self.assertEqual(kindest.replicate_name(10000), "r10000")
        self.assertEqual(kindest.replicate_name(7), "r0007")
        self.assertEqual(sorted(["s10", "s2", "s1"], key=kindest.natural_key), ["s1", "s2", "s10"])


SWMR_WRITER = """
import sys, time, h5py
f = h5py.File(sys.argv[1], "w", libver="latest")
f.attrs["format_name"] = "kindest.results"
f.attrs["format_version"] = [int(sys.argv[2]), 0]
f.create_dataset("x", data=[1.0, 2.0], maxshape=(None,), chunks=(16,))
f.swmr_mode = True
f.flush()
print("ready", flush=True)
time.sleep(60)
"""


class SwmrTest(Files):
    def test_open_falls_back_to_swmr_for_a_file_being_written(self):
        path = os.path.join(self.dir, "swmr.h5")
        writer = subprocess.Popen([files.PYTHON, "-c", SWMR_WRITER, path, str(kindest.format_md.parse().major)], stdout=subprocess.PIPE, text=True)
        try:
            self.assertEqual(writer.stdout.readline().strip(), "ready")
            with self.assertRaises(OSError):
                h5py.File(path, "r")
            with kindest.open_result(path) as f:
                np.testing.assert_array_equal(f["x"][()], [1.0, 2.0])
        finally:
            writer.kill()
            writer.wait()
            writer.stdout.close()

    def test_file_of_a_killed_run(self):
        text = files.EVOLUTION.format(generations=10 ** 9, replicates=1, interval=1) + "flush_every = 20\n"
        ini, path = os.path.join(self.dir, "killed.ini"), os.path.join(self.dir, "killed.h5")
        with open(ini, "w") as f:
            f.write(text)
        proc = subprocess.Popen([files.KINDEST, "run", ini, "-q", "-o", path, "--threads", "1"],
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline, rows = time.time() + 60, 0
        while rows < 100 and time.time() < deadline:
            time.sleep(0.05)
            try:
                with h5py.File(path, "r", libver="latest", swmr=True) as f:
                    rows = len(f["replicates/r0000/generation"])
            except (OSError, KeyError):
                pass
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        self.assertGreaterEqual(rows, 100)
        with kindest.open_result(path) as f:
            self.assertEqual(int(f.attrs["complete"]), 0)
            frame = kindest.trajectory(f)
        self.assertGreaterEqual(frame["generation"].max(), 99)
        np.testing.assert_allclose(frame.groupby("generation")["frequency"].sum(), 1)
        self.assertEqual(kindest.check(path), [])


if __name__ == "__main__":
    unittest.main()
