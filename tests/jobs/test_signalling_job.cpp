// job = signalling: the file holds the game's payoffs, the separating margins in closed form and
// the replicator's start and rest point; the rest point is one (a rest point of the matrix's
// replicator equation, checked here by its own residual); the file does not depend on the thread
// count; bad input is refused naming key, value and what is allowed. The small-mutation limit:
// with two strategies, the closed-form fixation probability of a constant payoff difference.
#include <tbb/global_control.h>

#include <catch2/catch.hpp>
#include <cmath>

#include "engine/config/load.hpp"
#include "engine/core/errors.hpp"
#include "engine/jobs/job_registry.hpp"
#include "engine/jobs/signalling_job.hpp"
#include "engine/record/hdf5_reader.hpp"
#include "hdf5_contents.hpp"
#include "temp_dir.hpp"

using namespace kindest;
using Catch::Matchers::Contains;
using kindest::testing::TempDir;

namespace {

config::Config load(std::vector<std::string> extra = {}) {
  std::vector<std::string> o = {"run.job=signalling",
                                "signalling.signallers=Never, Honest, Always",
                                "signalling.observers=Never, Discerning, Always",
                                "signalling.high_quality=0.4",
                                "signalling.cost_high=0.5",
                                "signalling.cost_low=2",
                                "signalling.benefit=0.3",
                                "signalling.alliance_benefit=1",
                                "signalling.value_high=2",
                                "signalling.value_low=-3",
                                "signalling.rare_frequency=0.01"};
  o.insert(o.end(), extra.begin(), extra.end());
  return config::load_config("", o);
}

}  // namespace

TEST_CASE("signalling job: the file holds the payoffs, the margins and the rest point",
          "[jobs][signalling]") {
  TempDir dir;
  const auto path = dir.file("s.h5");
  const auto out = jobs::run_signalling_job(load(), {.path = path});
  const std::size_t s = 9;
  const auto names = record::read_strings(path, "/signalling/strategies");
  REQUIRE(names.size() == s);
  CHECK(names[0] == "Never/Never");
  CHECK(names[4] == "Honest/Discerning");
  CHECK(names[8] == "Always/Always");
  CHECK(record::read_numbers(path, "/signalling/signal_when_high") ==
        std::vector<double>{0, 0, 0, 1, 1, 1, 1, 1, 1});
  CHECK(record::read_numbers(path, "/signalling/ally_after_silence") ==
        std::vector<double>{0, 0, 1, 0, 0, 1, 0, 0, 1});
  // Margins: a - c_H, c_L - a, h, -l, -(q h + (1 - q) l) = -(0.8 - 1.8).
  const auto margin = record::read_numbers(path, "/signalling/condition_margin");
  REQUIRE(margin.size() == 5);
  CHECK(margin[0] == Approx(0.5));
  CHECK(margin[1] == Approx(1));
  CHECK(margin[2] == Approx(2));
  CHECK(margin[3] == Approx(3));
  CHECK(margin[4] == Approx(1));
  // Entry Honest/Discerning vs Honest/Discerning by hand: 1/2 q (a - c_H) + 1/2 q (b + h).
  const auto m = record::read_numbers(path, "/signalling/payoff");
  REQUIRE(m.size() == s * s);
  CHECK(m[4 * s + 4] == Approx(0.5 * 0.4 * 0.5 + 0.5 * 0.4 * 2.3));
  // Always/Never against Never/Always: pays both costs, allied unseen (a); as observer gets
  // nothing from a silent partner: 1/2 (q (a - c_H) + (1 - q)(a - c_L)).
  CHECK(m[6 * s + 2] == Approx(0.5 * (0.4 * 0.5 + 0.6 * -1)));
  CHECK(out.payoffs.row_major() == m);
  // The start: Never/Discerning (allying blind loses 1) with 0.01 of each other strategy.
  const auto x0 = record::read_numbers(path, "/signalling/initial_frequency");
  CHECK(out.resident == 1);
  CHECK(x0[1] == Approx(1 - 8 * 0.01));
  CHECK(x0[0] == 0.01);
  // The rest point is one: every surviving strategy earns the mean payoff there.
  const auto x = record::read_numbers(path, "/signalling/final_frequency");
  REQUIRE(out.saturated);
  std::vector<double> f(s, 0.0);
  double mean = 0, total = 0;
  for (std::size_t i = 0; i < s; ++i) {
    for (std::size_t j = 0; j < s; ++j) f[i] += m[i * s + j] * x[j];
    mean += x[i] * f[i];
    total += x[i];
  }
  CHECK(total == Approx(1));
  for (std::size_t i = 0; i < s; ++i) CHECK(std::abs(x[i] * (f[i] - mean)) < 1e-10);
  CHECK(x[4] > 0.999);
  CHECK(out.takeover_predicted());
  CHECK(out.signal_rate() == Approx(0.5 * 0.4).epsilon(1e-6));
}

TEST_CASE("signalling job: the pooling start follows the observers' best reply to silence",
          "[jobs][signalling]") {
  TempDir dir;
  // q h + (1 - q) l = 0.8 - 0.6 > 0: observers ally with everyone, Never/Always.
  const auto out =
      jobs::run_signalling_job(load({"signalling.value_low=-1"}), {.path = dir.file("a.h5")});
  CHECK(out.settings.strategies[out.resident].name() == "Never/Always");
  CHECK_FALSE(out.takeover_predicted());
  CHECK(out.conditions.separating());
  CHECK(out.rest.x[out.honest] < 0.01);
}

TEST_CASE(
    "signalling job: two strategies, the closed-form fixation probability of an honest mutant",
    "[jobs][signalling]") {
  // Never/Discerning (0) and Honest/Discerning (1). Pairwise comparison, each plays the Z - 1
  // others: with j honest individuals, pi_H - pi_N = (D (Z - 2) + A_HN - A_NH) / (Z - 1), D =
  // A_Hx - A_Nx = q (a - c_H) / 2 for every x, and A_HN - A_NH = D - q (b + h) / 2 (an honest
  // signaller hands a resident observer the good b and an ally worth h; a silent one nothing),
  // so delta = q (a - c_H) / 2 - q (b + h) / (2 (Z - 1)), constant: here 0.1 - 0.46 / (Z - 1).
  // Favoured (rho > 1/Z) iff Z - 1 > 4.6, though a > c_H at every Z.
  TempDir dir;
  const double q = 0.4, a = 1, c_high = 0.5, b = 0.3, h = 2;
  for (int z : {3, 5, 6, 50}) {
    for (double beta : {0.5, 2.0}) {
      const auto out = jobs::run_signalling_job(
          load({"signalling.signallers=Never, Honest", "signalling.observers=Discerning",
                "population.size=" + std::to_string(z), "dynamics.process=pairwise_comparison",
                "dynamics.selection_intensity=" + std::to_string(beta)}),
          {.path = dir.file("two.h5"), .overwrite = true});
      REQUIRE(out.settings.strategies.size() == 2);
      REQUIRE(out.honest == 1);
      const double delta = q * (a - c_high) / 2 - q * (b + h) / (2 * (z - 1));
      const double n = z;
      const double honest_fixes = std::expm1(-beta * delta) / std::expm1(-n * beta * delta);
      const double silent_fixes = std::expm1(beta * delta) / std::expm1(n * beta * delta);
      INFO("Z = " << z << ", beta = " << beta << ", delta = " << delta);
      CHECK(out.limit.fixation[0][1] == Approx(honest_fixes).epsilon(1e-12));
      CHECK(out.limit.fixation[1][0] == Approx(silent_fixes).epsilon(1e-12));
      CHECK((out.limit.fixation[0][1] > 1 / n) == (z - 1 > 4.6));
      // Two states: pi_H / pi_N = rho_NH / rho_HN = e^((Z - 1) beta delta).
      const double ratio = std::exp((n - 1) * beta * delta);
      CHECK(out.limit.stationary[1] == Approx(ratio / (1 + ratio)).epsilon(1e-12));
      CHECK(record::read_numbers(dir.file("two.h5"), "/signalling/stationary_distribution") ==
            out.limit.stationary);
      const auto rho = record::read_numbers(dir.file("two.h5"), "/signalling/fixation_probability");
      REQUIRE(rho.size() == 4);
      CHECK(rho[1] == out.limit.fixation[0][1]);
      CHECK(rho[0] == Approx(1 / n).epsilon(1e-14));
    }
  }
}

TEST_CASE("signalling job: identical files for 1, 2 and 4 threads", "[jobs][signalling]") {
  TempDir dir;
  const auto c = load({"signalling.signallers=Never, Honest, Always, Perverse",
                       "signalling.observers=Never, Discerning, Always, Contrarian"});
  const auto one = dir.file("one.h5");
  {
    tbb::global_control limit(tbb::global_control::max_allowed_parallelism, 1);
    jobs::run_signalling_job(c, {.path = one});
  }
  for (std::size_t threads : {2, 4}) {
    tbb::global_control limit(tbb::global_control::max_allowed_parallelism, threads);
    const auto path = dir.file("t.h5");
    jobs::run_signalling_job(c, {.path = path, .overwrite = true});
    kindest::testing::check_same_contents(one, path);
  }
}

TEST_CASE("signalling job: bad input names the key, the value and what is allowed",
          "[jobs][signalling]") {
  TempDir dir;
  const auto fails = [&](std::vector<std::string> extra) {
    try {
      jobs::run_signalling_job(load(extra), {.path = dir.file("bad.h5"), .overwrite = true});
    } catch (const ConfigError& e) {
      return std::string(e.what());
    }
    FAIL("no error");
    return std::string();
  };
  CHECK_THAT(fails({"signalling.signallers=Never, Honset"}),
             Contains("[signalling] signallers = Never, Honset") &&
                 Contains("did you mean 'Honest'") && Contains("command line"));
  CHECK_THAT(fails({"signalling.observers=Never, Discerning, Allways"}),
             Contains("[signalling] observers = Never, Discerning, Allways") &&
                 Contains("did you mean 'Always'"));
  CHECK_THAT(
      fails({"signalling.signallers=Honest, Always"}),
      Contains("[signalling] signallers = Honest, Always") && Contains("must include Never"));
  CHECK_THAT(fails({"signalling.observers=Never, Always"}),
             Contains("[signalling] observers = Never, Always") && Contains("Discerning"));
  CHECK_THAT(fails({"signalling.observers=Never, Discerning", "signalling.value_low=-1"}),
             Contains("must include Discerning") && Contains("and Always") && Contains("> 0"));
  CHECK_THAT(fails({"signalling.signallers=Never, Honest, Never"}), Contains("names Never twice"));
  CHECK_THAT(fails({"signalling.high_quality=1"}),
             Contains("[signalling] high_quality = 1") && Contains("(0, 1)"));
  CHECK_THAT(fails({"signalling.rare_frequency=0.2"}),
             Contains("[signalling] rare_frequency = 0.2") && Contains("rare_frequency < 0.125"));
  CHECK_THAT(fails({"dynamics.process=wright_fisher"}),
             Contains("[dynamics] process = wright_fisher") && Contains("pairwise_comparison"));
  CHECK_THAT(fails({"dynamics.mutation=local"}),
             Contains("[dynamics] mutation = local") && Contains("allowed value uniform"));
  CHECK_THAT(fails({"dynamics.process=moran_birth_death", "dynamics.selection_intensity=1"}),
             Contains("selection_intensity") && Contains("non-positive"));
  CHECK_THROWS_WITH(load({"population.size=1"}),
                    Contains("[population] size = 1") && Contains("[2, 4e9]"));
  CHECK_THROWS_WITH(load({"signalling.cost_low=-1"}),
                    Contains("[signalling] cost_low = -1") && Contains("[0, 1e9]"));
}

TEST_CASE("signalling job: registered, with its summary, not resumable", "[jobs][signalling]") {
  TempDir dir;
  const auto& job = jobs::find_job("signalling");
  CHECK(job.writes == "/signalling");
  CHECK_FALSE(job.resumable);
  const auto c = load();
  jobs::OutputOptions output;
  output.path = dir.file("r.h5");
  const jobs::JobContext context{c, output, {}};
  const auto result = jobs::run_job(job, context);
  REQUIRE(result.summary.tables.size() == 3);
  CHECK(result.summary.tables[0].name == "conditions");
  CHECK(result.summary.tables[0].columns[1].values == std::vector<double>{1, 1, 1, 1, 1});
  CHECK(result.summary.tables[2].columns[0].values[0] > 0.999);
  output.resume = true;
  output.overwrite = true;
  const jobs::JobContext again{c, output, {}};
  CHECK_THROWS_WITH(jobs::run_job(job, again), Contains("--resume") && Contains("signalling"));
}
