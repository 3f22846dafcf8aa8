// job = reputation: the file does not depend on the thread count, a monomorphic DISC population
// under public assessment matches the closed form of its reputation dynamics, public and private
// assessment agree where they must, and bad input is refused by key and value.
#include <catch2/catch.hpp>
#include <cmath>

#include "config_error.hpp"
#include "engine/config/load.hpp"
#include "engine/core/errors.hpp"
#include "engine/jobs/job_registry.hpp"
#include "engine/jobs/reputation_job.hpp"
#include "engine/record/hdf5_reader.hpp"
#include "engine/reputation/norm.hpp"
#include "hdf5_contents.hpp"
#include "temp_dir.hpp"

using namespace kindest;
using Catch::Matchers::Contains;
using kindest::testing::TempDir;

namespace {
config::Config load(std::vector<std::string> overrides) {
  overrides.insert(overrides.begin(), {"run.job=reputation", "game.type=donation_game"});
  return config::load_config("", overrides);
}

std::string run(const config::Config& c, const std::string& path, std::size_t threads = 0) {
  const jobs::JobContext context{
      .config = c, .output = {.path = path, .overwrite = true}, .resolve = {}, .threads = threads};
  jobs::run_job(jobs::find_job("reputation"), context);
  return path;
}
}  // namespace

TEST_CASE("reputation job: identical files for 1, 2 and 4 threads", "[jobs][reputation]") {
  TempDir dir;
  const auto c = load({"population.size=70", "population.strategies=L1, DISC, ALLD, Pair(L6/DISC)",
                       "population.initial_counts=30, 20, 10, 10", "reputation.norm=SternJudging",
                       "reputation.observation_probability=0.9", "reputation.perception_error=0.05",
                       "reputation.execution_error=0.01", "reputation.assessment_error=0.01",
                       "reputation.empathy=0.3", "reputation.initial_reputation=random",
                       "reputation.burn_in=20", "reputation.window=30", "reputation.replicates=6",
                       "run.seed=11"});
  const auto one = run(c, dir.file("t1.h5"), 1);
  for (std::size_t threads : {2, 4}) {
    INFO(threads << " threads");
    kindest::testing::check_same_contents(one, run(c, dir.file("t.h5"), threads));
  }
  // The file holds what a reader needs, with the shapes FORMAT.md gives.
  CHECK(record::read_strings(one, "/reputation/strategies") ==
        std::vector<std::string>{"L1", "DISC", "ALLD", "Pair(L6/DISC)"});
  CHECK(record::read_numbers(one, "/reputation/counts") == std::vector<double>{30, 20, 10, 10});
  const auto norms = record::read_strings(one, "/reputation/norm");
  CHECK(norms[1] == reputation::norm_table(reputation::parse_norm("SternJudging")));
  CHECK(norms[3] == norms[1]);  // L6 is Stern Judging
  const auto rate = record::read_numbers(one, "/reputation/cooperation_rate");
  REQUIRE(rate.size() == 6);
  CHECK(rate[0] != rate[1]);  // replicates are independent games
  const auto good = record::read_numbers(one, "/reputation/good_fraction");
  const auto by = record::read_numbers(one, "/reputation/cooperation_by_strategy");
  REQUIRE(good.size() == 6 * 16);
  REQUIRE(by.size() == 6 * 16);
  for (double x : good) CHECK((x >= 0 && x <= 1));
  for (std::size_t r = 0; r < 6; ++r) CHECK(by[r * 16 + 2 * 4 + 1] == 0);  // ALLD never gives
  CHECK(record::read_numbers(one, "/reputation/payoff").size() == 6 * 4);
}

TEST_CASE("reputation job: DISC's good fraction under public assessment, the closed form",
          "[jobs][reputation][verify]") {
  // The closed form of tests/reputation/test_reputation_game.cpp, through the config and the
  // job: institution with a second-order norm n(r, a), execution error e1, assessment error e2,
  // random pairs; a fresh verdict is G with probability alpha after a donation to a G recipient
  // and beta after a refusal to a B one, so the mean good fraction is beta / (1 - alpha + beta).
  const double e1 = 0.05, e2 = 0.02;
  TempDir dir;
  for (const char* name : {"SternJudging", "SimpleStanding", "ImageScoring", "Shunning"}) {
    INFO(name);
    const auto norm = reputation::parse_norm(name);
    const double alpha = e2 + (1 - 2 * e2) * ((1 - e1) * norm.good(false, true, true) +
                                              e1 * norm.good(false, true, false));
    const double beta = e2 + (1 - 2 * e2) * norm.good(false, false, false);
    const double expected = beta / (1 - alpha + beta);
    const std::size_t replicates = 4;
    const double n = 50, rounds = 5000;
    const auto c =
        load({"population.size=50", "population.strategies=DISC", "reputation.assessment=public",
              "reputation.interaction=random_pairs", std::string("reputation.norm=") + name,
              "reputation.execution_error=0.05", "reputation.assessment_error=0.02",
              "reputation.initial_reputation=random", "reputation.burn_in=200",
              "reputation.window=5000", "reputation.replicates=4"});
    const auto file = run(c, dir.file("disc.h5"));
    const auto good = record::read_numbers(file, "/reputation/good_fraction");
    const auto rate = record::read_numbers(file, "/reputation/cooperation_rate");
    REQUIRE(good.size() == replicates);
    double g = 0, coop = 0;
    for (std::size_t r = 0; r < replicates; ++r)
      g += good[r] / replicates, coop += rate[r] / replicates;
    // sd of a window mean as in the model's test, over 4 independent replicates; allow 5 sd.
    const double sd = std::sqrt(expected * (1 - expected) / n * 2 / (1 - alpha + beta) / rounds /
                                static_cast<double>(replicates));
    CHECK(std::abs(g - expected) < 5 * sd);
    CHECK(std::abs(coop - (1 - e1) * expected) < 5 * sd);
  }
}

TEST_CASE("reputation job: public and private assessment agree when q = 1, one norm, no errors",
          "[jobs][reputation]") {
  // Every observer then holds the same view the institution would: the files agree in every
  // dataset but the config attribute.
  TempDir dir;
  for (const char* norm : {"SternJudging", "L1", "third:77"}) {
    INFO(norm);
    const std::vector<std::string> base = {"population.size=60",
                                           "population.strategies=DISC, ALLC, ALLD, Action(11)",
                                           "reputation.burn_in=5",
                                           "reputation.window=40",
                                           "reputation.replicates=3",
                                           std::string("reputation.norm=") + norm,
                                           "reputation.interaction=random_pairs"};
    auto priv = base, pub = base;
    priv.push_back("reputation.assessment=private");
    pub.push_back("reputation.assessment=public");
    const auto a = kindest::testing::contents(run(load(priv), dir.file("private.h5")));
    const auto b = kindest::testing::contents(run(load(pub), dir.file("public.h5")));
    for (const char* path : {"/reputation/cooperation_rate", "/reputation/cooperation_by_strategy",
                             "/reputation/good_fraction", "/reputation/payoff", "/summary/value"}) {
      INFO(path);
      CHECK(a.at(path) == b.at(path));
    }
    // Not trivially so: ALLD is judged bad and DISC refuses it.
    const auto rate = record::read_numbers(dir.file("public.h5"), "/reputation/cooperation_rate");
    CHECK(rate[0] < 0.9);
    CHECK(rate[0] > 0.1);
  }
}

TEST_CASE("reputation job: bad input is refused by key and value",
          "[jobs][reputation][bad-input]") {
  TempDir dir;
  const std::vector<std::pair<std::vector<std::string>, std::vector<std::string>>> table = {
      {{"population.strategies=DISC", "reputation.norm=SternJudgment"},
       {"[reputation] norm = SternJudgment", "did you mean 'SternJudging'"}},
      {{"population.strategies=DISC", "reputation.norm=third:300"},
       {"[reputation] norm = third:300", "[0, 255]"}},
      {{"population.strategies=DISC"},
       {"[population] strategies = DISC", "[reputation] norm is empty"}},
      {{"population.strategies=L1, L2", "population.initial_counts=50"},
       {"[population] initial_counts = 50", "must give 2 counts"}},
      {{"population.strategies=TitForTat", "reputation.norm=L1"},
       {"unknown reputation strategy 'TitForTat'"}},
  };
  for (const auto& [overrides, parts] : table) {
    INFO(overrides.front());
    testing::check_config_error([&] { run(load(overrides), dir.file("bad.h5")); }, parts);
  }
  CHECK_THROWS_WITH(load({"reputation.perception_error=1.01"}),
                    Contains("[reputation] perception_error = 1.01 is outside [0, 1]"));
  CHECK_THROWS_WITH(load({"population.size=1"}), Contains("[population] size = 1 is outside [2,"));
}
