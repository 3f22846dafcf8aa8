// Issue 8's sizes, limits and write failures as a user meets them: each gets one clear line in
// well under a second (no std::bad_alloc, no minutes of work, no file that blocks a rerun), and
// a full disk stops a run with its cause and leaves a file that --resume finishes to the bits.
#include <algorithm>
#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>

#include "cli_runner.hpp"
#include "engine/record/hdf5_reader.hpp"
#include "hdf5_contents.hpp"
#include "temp_dir.hpp"

using namespace kindest;
using Catch::Matchers::Contains;
using kindest::testing::run_cli;
using kindest::testing::TempDir;

namespace {

std::size_t lines(const std::string& text) {
  return static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n'));
}

const char* kEvolution =
    "[run]\njob = evolution\nseed = 5\n[population]\nsize = 200\n"
    "strategies = ALLC, ALLD, TFT, WSLS, GTFT\n[payoffs]\nsource = exact\n[match]\n"
    "continuation_probability = 0.95\nexecution_error_rate = 0.01\n[dynamics]\n"
    "process = moran_death_birth\nselection_intensity = 0.2\nmutation_rate = 0.01\n"
    "generations = {G}\nreplicates = 4\n[record]\ninterval = 1\n";

std::string evolution(const TempDir& dir, const std::string& name, const std::string& g) {
  std::string text = kEvolution;
  text.replace(text.find("{G}"), 3, g);
  return dir.write(name, text);
}

}  // namespace

TEST_CASE("cli: sizes the schema accepts but no run can finish are refused up front",
          "[cli][bad-input][limits]") {
  TempDir dir;
  // A replicator with 1e21 records (was std::bad_alloc).
  const auto rep = dir.write("rep.ini",
                             "[run]\njob = replicator\n[payoffs]\nmatrix = 3,0;5,1\n"
                             "[replicator]\ntime = 1e12\nrecord_interval = 1e-9\n");
  auto r = run_cli("run " + rep + " -q -o " + dir.file("rep.h5"));
  CHECK(r.code == 2);
  CHECK_THAT(r.err,
             Contains("[replicator] time = 1e12 with record_interval = 1e-9 (1e21 records)") &&
                 Contains("raise [replicator] record_interval"));
  CHECK(lines(r.err) == 1);
  // The ecological map to 1e12 generations, one record each (it held them all in memory).
  r = run_cli("run " + rep + " -q --replicator.map=ecological --replicator.record_interval=1 -o " +
              dir.file("eco.h5"));
  CHECK(r.code == 2);
  CHECK_THAT(r.err, Contains("records) would write about") && Contains("free there"));
  // memory_one_grid = 12 in an analysis: 20736 strategies (was minutes, then bad_alloc).
  const auto grid =
      dir.write("grid.ini",
                "[run]\njob = analysis\n[population]\nmemory_one_grid = 12\n[payoffs]\n"
                "source = exact\n");
  r = run_cli("run " + grid + " -q -o " + dir.file("grid.h5"));
  CHECK(r.code == 2);
  CHECK_THAT(r.err, Contains("memory_one_grid = 12 gives 20736 strategies") &&
                        Contains("lower memory_one_grid"));
  CHECK(lines(r.err) == 1);
  // One player without self-play played nothing and wrote an all-NaN file marked complete.
  const auto alone =
      dir.write("alone.ini",
                "[run]\njob = tournament\n[tournament]\nplayers = TitForTat\nself_play = false\n");
  r = run_cli("run " + alone + " -q -o " + dir.file("alone.h5"));
  CHECK(r.code == 2);
  CHECK_THAT(r.err, Contains("is one player and self_play = false"));
  for (const char* f : {"rep.h5", "eco.h5", "grid.h5", "alone.h5"}) {
    INFO(f);
    CHECK_FALSE(std::filesystem::exists(dir.file(f)));
    CHECK_FALSE(std::filesystem::exists(dir.file(std::string(f) + ".partial")));
  }
}

TEST_CASE("cli: flush_seconds = 0 flushes no more often than the documented minimum",
          "[cli][bad-input][limits]") {
  // Flushing every generation made the file 417 times larger (each SWMR flush leaves about
  // 1 KiB behind); below 0.05 s the clock waits 0.05 s.
  TempDir dir;
  const auto ini = evolution(dir, "e.ini", "3000");
  REQUIRE(run_cli("run " + ini + " -q -o " + dir.file("default.h5")).code == 0);
  REQUIRE(run_cli("run " + ini + " -q --record.flush_seconds=0 -o " + dir.file("zero.h5")).code ==
          0);
  const auto base = std::filesystem::file_size(dir.file("default.h5"));
  const auto zero = std::filesystem::file_size(dir.file("zero.h5"));
  INFO("default " << base << " bytes, flush_seconds = 0: " << zero << " bytes");
  CHECK(zero < 4 * base);
  kindest::testing::check_same_contents(dir.file("default.h5"), dir.file("zero.h5"));
}

TEST_CASE("cli: resume refuses a file another engine version wrote", "[cli][bad-input][limits]") {
  REQUIRE(std::system("/usr/bin/python3 -c 'import h5py' 2>/dev/null") == 0);
  TempDir dir;
  const auto ini = evolution(dir, "e.ini", "50");
  const auto out = dir.file("e.h5");
  REQUIRE(run_cli("run " + ini + " -q -o " + out).code == 0);
  const std::string edit = "/usr/bin/python3 -c \"import h5py, numpy; f = h5py.File('" + out +
                           "', 'r+'); f.attrs['engine_version'] = '9.0.0'; "
                           "f.attrs['complete'] = numpy.uint8(0)\"";
  REQUIRE(std::system(edit.c_str()) == 0);
  const auto r = run_cli("run " + ini + " -q --resume -o " + out);
  CHECK(r.code == 1);
  CHECK_THAT(r.err, Contains("written by Kindest 9.0.0") && Contains("may compute differently"));
}

TEST_CASE("cli: a full disk stops a run with one line, resume finishes it to the bits",
          "[cli][limits][disk]") {
  // A 2 MiB tmpfs in a user and mount namespace (unshare -rm), where the kernel allows one.
  if (std::system("unshare -rm true 2>/dev/null") != 0) {
    WARN("skipped: cannot create a mount namespace here (unshare -rm) to mount a small tmpfs");
    return;
  }
  TempDir dir;
  const auto ini = evolution(dir, "e.ini", "60000");
  const auto whole = dir.file("whole.h5");
  REQUIRE(run_cli("run " + ini + " -q -o " + whole).code == 0);
  const auto players = std::string("TitForTat,Defector,Grudger");
  std::filesystem::create_directory(dir.file("m"));
  const std::string k = KINDEST_CLI, m = dir.file("m"), d = dir.file("");
  // In the namespace: the run fills 2 MiB and fails; a copy of its file is taken; a tournament
  // meets a disk with no room at all; the disk grows and both files are resumed.
  const std::string script = "mount -t tmpfs -o size=2m tmpfs " + m + " || exit 99; " + k +
                             " run " + ini + " -q -o " + m + "/e.h5 2>" + d + "err1; echo $? >" +
                             d + "rc1; cp " + m + "/e.h5 " + d +
                             "copy.h5; dd if=/dev/zero of=" + m + "/fill bs=4k 2>/dev/null; " + k +
                             " tournament --players " + players + " --turns 2000 -q -o " + m +
                             "/t.h5 2>" + d + "err_t; echo $? >" + d + "rc_t; ls " + m + " >" + d +
                             "ls_t; rm " + m + "/fill; mount -o remount,size=256m " + m + "; " + k +
                             " run " + ini + " -q --resume -o " + m + "/e.h5 >/dev/null 2>" + d +
                             "err2; echo $? >" + d + "rc2; cp " + m + "/e.h5 " + d + "resumed.h5";
  const int status = std::system(("unshare -rm sh -c '" + script + "'").c_str());
  if (WIFEXITED(status) && WEXITSTATUS(status) == 99) {
    WARN("skipped: cannot mount tmpfs in a user namespace here");
    return;
  }
  using kindest::testing::slurp;
  CHECK(slurp(dir.file("rc1")) == "1\n");
  const auto err = slurp(dir.file("err1"));
  CHECK(lines(err) == 1);  // no HDF5-DIAG stack (it was 70-89 lines)
  CHECK_THAT(err, Contains("No space left on device"));
  // The tournament fails, and leaves neither its file nor a .partial one.
  CHECK(slurp(dir.file("rc_t")) == "1\n");
  CHECK(lines(slurp(dir.file("err_t"))) == 1);
  CHECK_THAT(slurp(dir.file("ls_t")), !Contains("t.h5"));
  // In place after the disk grew, and on a copy elsewhere: the uninterrupted run's bits.
  CHECK(slurp(dir.file("rc2")) == "0\n");
  CHECK(slurp(dir.file("err2")).empty());
  kindest::testing::check_same_contents(whole, dir.file("resumed.h5"));
  CHECK(record::describe_file(dir.file("resumed.h5")).attributes.at("complete") == "1");
  REQUIRE(run_cli("run " + ini + " -q --resume -o " + dir.file("copy.h5")).code == 0);
  kindest::testing::check_same_contents(whole, dir.file("copy.h5"));
}

TEST_CASE("cli: a tournament too long to run and an evolution too large for the disk are refused",
          "[cli][bad-input][limits]") {
  TempDir dir;
  // Axelrod's field at 1e9 turns: about 4.6e11 turns, a day or more (it ran, then
  // std::bad_alloc with more threads).
  auto r =
      run_cli("run " + std::string(KINDEST_SOURCE_DIR) +
              "/experiments/axelrod_1980.ini -q --match.turns=1000000000 -o " + dir.file("t.h5"));
  CHECK(r.code == 2);
  CHECK(lines(r.err) == 1);
  CHECK_THAT(r.err, Contains("[match] turns = 1000000000 with 15 players") &&
                        Contains("more than the 1e11 a tournament takes") &&
                        Contains("lower [match] turns"));
  // Random lengths: the mean length counts.
  r = run_cli(
      "tournament --players TitForTat,Random,Defector --repetitions 1000 -q "
      "--continuation 0.99999999 -o " +
      dir.file("w.h5"));
  CHECK(r.code == 2);
  CHECK_THAT(r.err, Contains("continuation_probability = 0.99999999 (mean length 1e8 turns)"));
  // An ordinary tournament is not refused.
  CHECK(run_cli("tournament --players TitForTat,Random,Defector -q -o " + dir.file("ok.h5")).code ==
        0);
  // 1e15 generations recorded every one: petabytes even compressed as well as rows compress.
  // A row of S = 5 strategies: counts 4 S, mean_payoff and cooperation_by_strategy 8 S each,
  // generation and five float64 scalars 8 each: 48 + 20 S = 148 bytes (format 1.6 added the two
  // group rates, 16 bytes).
  const auto ini = evolution(dir, "e.ini", "1000000000000000");
  r = run_cli("run " + ini + " -q -o " + dir.file("e.h5"));
  CHECK(r.code == 2);
  CHECK(lines(r.err) == 1);
  CHECK_THAT(r.err,
             Contains("[dynamics] generations = 1000000000000000 with [record] interval = 1 and 4 "
                      "replicates (4e15 records of 148 bytes") &&
                 Contains("would write about") && Contains("free there") &&
                 Contains("raise [record] interval"));
  // The reputation game with 4e9 individuals: std::bad_alloc (ulimit -v, or a smaller machine)
  // building the individuals' strategies, before the private-views check.
  r = run_cli("run " + std::string(KINDEST_SOURCE_DIR) +
              "/experiments/hilbe_2018_private.ini -q --population.size=4000000000 -o " +
              dir.file("rep.h5"));
  CHECK(r.code == 2);
  CHECK(lines(r.err) == 1);
  CHECK_THAT(r.err,
             Contains("[population] size = 4000000000") && Contains("lower [population] size"));
  for (const char* f : {"t.h5", "w.h5", "e.h5", "rep.h5"}) {
    INFO(f);
    CHECK_FALSE(std::filesystem::exists(dir.file(f)));
    CHECK_FALSE(std::filesystem::exists(dir.file(std::string(f) + ".partial")));
  }
}

namespace {

// Starts `args` in the background, sends SIGINT after `seconds`, and returns its exit code
// (137 if it had to be killed: the stop was not honoured within 60 s).
int interrupted_exit(const TempDir& dir, const std::string& args, const std::string& seconds) {
  // --foreground: otherwise timeout also sends the signal to its process group, so kindest gets
  // it twice and the second one ends it at once, as a second Ctrl-C should.
  const std::string script = "timeout --foreground -s KILL 60 " + std::string(KINDEST_CLI) + " " +
                             args + " >/dev/null 2>" + dir.file("err") + " & pid=$!; sleep " +
                             seconds + "; kill -INT $pid; wait $pid; echo $? >" + dir.file("rc");
  REQUIRE(std::system(("sh -c '" + script + "'").c_str()) == 0);
  return std::stoi(kindest::testing::slurp(dir.file("rc")));
}

}  // namespace

TEST_CASE("cli: Ctrl-C stops the ecological map and a generation of matches",
          "[cli][limits][stop]") {
  TempDir dir;
  // The ecological map to 1e12 generations with sparse records streams for hours; Ctrl-C ends
  // it with what it wrote, in a valid file marked incomplete (it was killed, leaving nothing).
  const auto eco = dir.write("eco.ini",
                             "[run]\njob = replicator\n[payoffs]\nmatrix = 3,1;4,2\n[replicator]\n"
                             "map = ecological\ntime = 1e12\nrecord_interval = 1e6\n");
  CHECK(interrupted_exit(dir, "run " + eco + " -q -o " + dir.file("eco.h5"), "1") == 130);
  CHECK_THAT(kindest::testing::slurp(dir.file("err")), Contains("cannot be resumed"));
  const auto eco_file = record::describe_file(dir.file("eco.h5"));
  CHECK(eco_file.attributes.at("complete") == "0");
  CHECK(record::read_numbers(dir.file("eco.h5"), "/replicator/time").size() >= 1);
  // [payoffs] source = matches, 3000 individuals: one generation is 4.5e6 matches (seconds to
  // minutes); the stop is read before every match. The file is resumable (in-process test:
  // tests/jobs/test_evolution_job.cpp, to the bits).
  const auto matches =
      dir.write("m.ini",
                "[run]\njob = evolution\n[population]\nsize = 3000\nstrategies = TitForTat, "
                "Defector, Random\n[payoffs]\nsource = matches\n[match]\nturns = 200\n"
                "[dynamics]\ngenerations = 10\n");
  CHECK(interrupted_exit(dir, "run " + matches + " -q -o " + dir.file("m.h5"), "1") == 130);
  CHECK(record::describe_file(dir.file("m.h5")).attributes.at("complete") == "0");
  CHECK_THAT(kindest::testing::slurp(dir.file("err")), Contains("--resume"));
  // The reputation game: a window of 1e15 rounds is in range and ran past Ctrl-C; it now stops
  // within a round, leaving the config in a file marked incomplete.
  const auto window =
      dir.write("w.ini",
                "[run]\njob = reputation\n[game]\ntype = donation_game\n[population]\nsize = "
                "100\nstrategies = ALLC, ALLD, DISC\n"
                "[reputation]\nnorm = SternJudging\nwindow = 1e15\n");
  CHECK(interrupted_exit(dir, "run " + window + " -q -o " + dir.file("w.h5"), "1") == 130);
  CHECK_THAT(kindest::testing::slurp(dir.file("err")), Contains("cannot be resumed"));
  CHECK(record::describe_file(dir.file("w.h5")).attributes.at("complete") == "0");
  // Reputation evolution with 1e12 rounds in one generation: the stop is read between rounds,
  // and the file (generation 0 not yet played) is resumable.
  const auto rounds = dir.write(
      "r.ini",
      "[run]\njob = evolution\n[game]\ntype = donation_game\n[payoffs]\nsource = reputation\n"
      "[population]\nsize = 100\n"
      "strategies = ALLC, ALLD, DISC\n[reputation]\nnorm = SternJudging\n"
      "rounds_per_generation = 1e12\n");
  CHECK(interrupted_exit(dir, "run " + rounds + " -q -o " + dir.file("r.h5"), "1") == 130);
  CHECK_THAT(kindest::testing::slurp(dir.file("err")), Contains("--resume"));
  CHECK(record::describe_file(dir.file("r.h5")).attributes.at("complete") == "0");
}

TEST_CASE("cli: a file that cannot be read says why", "[cli][bad-input]") {
  // All four were "'X' is not a readable HDF5 file", with no reason.
  TempDir dir;
  std::filesystem::create_symlink(dir.file("nowhere"), dir.file("dangling.h5"));
  const std::string long_name = dir.file(std::string(300, 'x') + ".h5");
  for (const auto& [file, reason] :
       {std::pair{dir.file("missing.h5"), "No such file or directory"},
        std::pair{dir.file("dangling.h5"), "No such file or directory"},
        std::pair{long_name, "File name too long"}}) {
    INFO(file);
    const auto r = run_cli("info " + file);
    CHECK(r.code == 1);
    CHECK(lines(r.err) == 1);
    CHECK_THAT(r.err, Contains("cannot open") && Contains(reason));
  }
  // A file that is there but is no HDF5 file keeps its own message.
  const auto text = dir.write("text.h5", "not hdf5\n");
  CHECK_THAT(run_cli("info " + text).err, Contains("is not a readable HDF5 file"));
}
