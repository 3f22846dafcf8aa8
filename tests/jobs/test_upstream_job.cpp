// job = upstream: the file's payoff tables are the model's closed forms, the fixation
// probabilities those of the analytic module on them, the file does not depend on the thread
// count, and bad input is refused naming key, value and what is allowed.
#include <tbb/global_control.h>

#include <catch2/catch.hpp>
#include <cmath>

#include "engine/config/load.hpp"
#include "engine/core/errors.hpp"
#include "engine/jobs/job_registry.hpp"
#include "engine/jobs/upstream_job.hpp"
#include "engine/record/hdf5_reader.hpp"
#include "hdf5_contents.hpp"
#include "temp_dir.hpp"

using namespace kindest;
using Catch::Matchers::Contains;
using kindest::testing::TempDir;

namespace {

config::Config load(std::vector<std::string> extra = {}) {
  std::vector<std::string> o = {"run.job=upstream",
                                "run.seed=3",
                                "game.type=donation_game",
                                "game.benefit=2",
                                "game.cost=1",
                                "population.size=12",
                                "dynamics.process=moran_birth_death",
                                "dynamics.selection_intensity=0.1",
                                "upstream.strategies=ALLD, Upstream(0.8), Linked(0.7, 0.5)",
                                "upstream.continuation=0.8",
                                "upstream.chains=20000"};
  o.insert(o.end(), extra.begin(), extra.end());
  return config::load_config("", o);
}

}  // namespace

TEST_CASE("upstream job: the file holds the closed forms and their fixation probabilities",
          "[jobs][upstream]") {
  TempDir dir;
  const auto path = dir.file("u.h5");
  const auto out = jobs::run_upstream_job(load(), {.path = path});
  const std::size_t s = 3, z = 12;
  const auto mutant = record::read_numbers(path, "/upstream/payoff_mutant");
  const auto resident = record::read_numbers(path, "/upstream/payoff_resident");
  REQUIRE(mutant.size() == s * s * (z - 1));
  // Entry [r][m][k - 1]: the model's payoffs for N - k of r and k of m.
  for (std::size_t r = 0; r < s; ++r)
    for (std::size_t m = 0; m < s; ++m)
      for (std::size_t k = 1; k < z; ++k) {
        const std::size_t at = (r * s + m) * (z - 1) + k - 1;
        if (r == m) {
          CHECK(std::isnan(mutant[at]));
          continue;
        }
        std::vector<std::uint64_t> counts(s, 0);
        counts[r] = z - k;
        counts[m] = k;
        const auto p = games::expected_chain_payoffs(out.settings.game, counts);
        CHECK(mutant[at] == Approx(p.payoff[m]).epsilon(1e-12));
        CHECK(resident[at] == Approx(p.payoff[r]).epsilon(1e-12));
      }
  // Moran birth-death: rho = 1 / (1 + sum_k prod_j f_B / f_A), f = 1 - w + w pi, by hand.
  const auto rho = record::read_numbers(path, "/upstream/fixation_probability");
  for (std::size_t r = 0; r < s; ++r)
    for (std::size_t m = 0; m < s; ++m) {
      if (r == m) continue;
      double sum = 0, prod = 1;
      for (std::size_t k = 1; k < z; ++k) {
        const std::size_t at = (r * s + m) * (z - 1) + k - 1;
        prod *= (0.9 + 0.1 * resident[at]) / (0.9 + 0.1 * mutant[at]);
        sum += prod;
      }
      CHECK(rho[r * s + m] == Approx(1 / (1 + sum)).epsilon(1e-10));
    }
  const auto stationary = record::read_numbers(path, "/upstream/stationary_distribution");
  double total = 0;
  for (double x : stationary) total += x;
  CHECK(total == Approx(1));
  // Monomorphic chains: geometric, and the simulation within 4 standard errors.
  const auto acts = record::read_numbers(path, "/upstream/acts_per_chain");
  const auto simulated = record::read_numbers(path, "/upstream/simulated_acts_per_chain");
  const auto se = record::read_numbers(path, "/upstream/simulated_standard_error");
  CHECK(acts[0] == Approx(1));
  CHECK(acts[1] == Approx(1 / (1 - 0.8 * 0.8)));
  CHECK(acts[2] == Approx(1 / (1 - 0.8 * (0.7 + 0.3 * 0.5))));
  CHECK(se[0] == 0);  // ALLD: every chain is the first act alone
  for (std::size_t i = 0; i < s; ++i) CHECK(std::abs(simulated[i] - acts[i]) <= 4 * se[i] + 1e-12);
  CHECK(out.cooperation() ==
        Approx(stationary[0] * acts[0] + stationary[1] * acts[1] + stationary[2] * acts[2]));
}

TEST_CASE("upstream job: identical files for 1, 2 and 4 threads", "[jobs][upstream]") {
  TempDir dir;
  const auto c = load({"upstream.chains=30000"});
  const auto one = dir.file("one.h5");
  {
    tbb::global_control limit(tbb::global_control::max_allowed_parallelism, 1);
    jobs::run_upstream_job(c, {.path = one});
  }
  for (std::size_t threads : {2, 4}) {
    tbb::global_control limit(tbb::global_control::max_allowed_parallelism, threads);
    const auto path = dir.file("t.h5");
    jobs::run_upstream_job(c, {.path = path, .overwrite = true});
    kindest::testing::check_same_contents(one, path);
  }
}

TEST_CASE("upstream job: bad input names the key, the value and what is allowed",
          "[jobs][upstream]") {
  TempDir dir;
  const auto fails = [&](std::vector<std::string> extra) {
    try {
      jobs::run_upstream_job(load(extra), {.path = dir.file("bad.h5"), .overwrite = true});
    } catch (const ConfigError& e) {
      return std::string(e.what());
    }
    FAIL("no error");
    return std::string();
  };
  CHECK_THAT(fails({"upstream.strategies=ALLD, Pay(1)"}),
             Contains("[upstream] strategies = ALLD, Pay(1)") && Contains("rule = Pay(1)") &&
                 Contains("Linked(d, u)") && Contains("command line"));
  CHECK_THAT(fails({"upstream.strategies=ALLD, Direct(2)"}),
             Contains("[upstream] strategies") && Contains("outside [0, 1]"));
  CHECK_THAT(fails({"upstream.strategies=ALLD"}), Contains("at least two rules"));
  CHECK_THAT(fails({"population.size=2"}),
             Contains("[population] size = 2") && Contains("at least 3"));
  CHECK_THAT(fails({"game.type=prisoners_dilemma"}), Contains("type = donation_game"));
  CHECK_THAT(fails({"dynamics.process=wright_fisher"}), Contains("no closed-form"));
  CHECK_THROWS_WITH(load({"upstream.continuation=1"}), Contains("[upstream] continuation"));
}

TEST_CASE("upstream job: registered, with its summary", "[jobs][upstream]") {
  TempDir dir;
  const auto& job = jobs::find_job("upstream");
  CHECK(job.writes == "/upstream");
  const auto c = load({"upstream.chains=0"});
  jobs::OutputOptions output;
  output.path = dir.file("r.h5");
  const jobs::JobContext context{c, output, {}};
  const auto result = jobs::run_job(job, context);
  REQUIRE(result.summary.tables.size() == 3);
  CHECK(result.summary.tables[0].name == "strategies");
  CHECK(result.summary.tables[0].rows ==
        std::vector<std::string>{"ALLD", "Upstream(0.8)", "Linked(0.7, 0.5)"});
  CHECK(result.summary.tables[1].name == "population");
  CHECK_FALSE(result.summary.tables[2].stored);
}
