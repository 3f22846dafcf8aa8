// job = stakes: the file's payoff matrix is the game's per-round payoffs (closed forms for
// geometric and fixed-length matches), the fixation probabilities those of the analytic module
// on that matrix by hand, the file does not depend on the thread count, and bad input is refused
// naming key, value and what is allowed.
#include <tbb/global_control.h>

#include <catch2/catch.hpp>
#include <cmath>

#include "engine/config/load.hpp"
#include "engine/core/errors.hpp"
#include "engine/jobs/job_registry.hpp"
#include "engine/jobs/stakes_job.hpp"
#include "engine/record/hdf5_reader.hpp"
#include "hdf5_contents.hpp"
#include "temp_dir.hpp"

using namespace kindest;
using Catch::Matchers::Contains;
using kindest::testing::TempDir;

namespace {

config::Config load(std::vector<std::string> extra = {}) {
  std::vector<std::string> o = {"run.job=stakes",
                                "game.type=donation_game",
                                "game.benefit=3",
                                "game.cost=1",
                                "match.continuation_probability=0.8",
                                "population.size=10",
                                "dynamics.process=moran_birth_death",
                                "dynamics.selection_intensity=0.05",
                                "stakes.strategies=NonInvestor, Fixed(2), RTS(1, 0.5)"};
  o.insert(o.end(), extra.begin(), extra.end());
  return config::load_config("", o);
}

// Moran birth-death without self-interaction, weak selection 0.05, by hand from the payoff
// matrix m (row-major, s strategies): rho = 1 / (1 + sum_k prod_j f_B/f_A).
double hand_rho(const std::vector<double>& m, std::size_t s, std::size_t z, std::size_t r,
                std::size_t u) {
  double sum = 0, prod = 1;
  for (std::size_t k = 1; k < z; ++k) {
    const double pm = (m[u * s + u] * double(k - 1) + m[u * s + r] * double(z - k)) / double(z - 1);
    const double pr = (m[r * s + u] * double(k) + m[r * s + r] * double(z - k - 1)) / double(z - 1);
    prod *= (0.95 + 0.05 * pr) / (0.95 + 0.05 * pm);
    sum += prod;
  }
  return 1 / (1 + sum);
}

}  // namespace

TEST_CASE("stakes job: the file holds the payoffs per round and their fixation probabilities",
          "[jobs][stakes]") {
  TempDir dir;
  const auto path = dir.file("s.h5");
  const auto out = jobs::run_stakes_job(load(), {.path = path});
  const std::size_t s = 3, z = 10;
  const double b = 3, c = 1, w = 0.8;
  const auto m = record::read_numbers(path, "/stakes/payoff");
  REQUIRE(m.size() == s * s);
  // Per round = expected total x (1 - w). RTS(1, 0.5) against NonInvestor: 1, 0, 0.5, 0, 0.5...
  CHECK(m[0 * s + 1] == Approx(b * 2));
  CHECK(m[1 * s + 0] == Approx(-c * 2));
  CHECK(m[1 * s + 1] == Approx((b - c) * 2));
  CHECK(m[2 * s + 2] == Approx((b - c) * (1 / (1 - w) + 0.5 * w / ((1 - w) * (1 - w))) * (1 - w)));
  CHECK(m[2 * s + 0] == Approx(-c * (1 + 0.5 * w * w / (1 - w * w)) * (1 - w)));
  CHECK(record::read_numbers(path, "/stakes/first_investment") == std::vector<double>{0, 2, 1});
  CHECK(record::read_strings(path, "/stakes/strategies")[2] == "RTS(1, 0.5)");
  // Moran birth-death without self-interaction, by hand: rho = 1 / (1 + sum_k prod_j f_B/f_A).
  const auto rho = record::read_numbers(path, "/stakes/fixation_probability");
  for (std::size_t r = 0; r < s; ++r)
    for (std::size_t u = 0; u < s; ++u) {
      if (r == u) {
        CHECK(rho[r * s + u] == Approx(1.0 / z));
        continue;
      }
      CHECK(rho[r * s + u] == Approx(hand_rho(m, s, z, r, u)).epsilon(1e-10));
    }
  double total = 0;
  for (double x : record::read_numbers(path, "/stakes/stationary_distribution")) total += x;
  CHECK(total == Approx(1));
  CHECK(out.payoffs.row_major() == m);
}

TEST_CASE("stakes job: fixed-length matches and the saturating benefit", "[jobs][stakes]") {
  TempDir dir;
  // Three rounds of RTS(1, 0.5) against Fixed(2): (1, 2) (2, 2) (2.5, 2); per round.
  auto out = jobs::run_stakes_job(load({"match.continuation_probability=0", "match.turns=3"}),
                                  {.path = dir.file("f.h5")});
  CHECK(out.payoffs(2, 1) == Approx((3 * 2 - 1 + 3 * 2 - 2 + 3 * 2 - 2.5) / 3));
  CHECK(out.payoffs(1, 2) == Approx((3 * 1 - 2 + 3 * 2 - 2 + 3 * 2.5 - 2) / 3));
  out = jobs::run_stakes_job(load({"stakes.benefit_shape=saturating", "stakes.saturation=2"}),
                             {.path = dir.file("g.h5")});
  CHECK(out.payoffs(0, 1) == Approx(3 * 2 * (1 - std::exp(-1.0))));  // B h (1 - e^(-x/h))
}

TEST_CASE("stakes job: identical files for 1, 2 and 4 threads", "[jobs][stakes]") {
  TempDir dir;
  const auto listed =
      load({"stakes.strategies=NonInvestor, Fixed(2), RTS(1, 0.5), RTS(3, 1), ShortChanger(1, "
            "0.2), Matcher(4), Linear(1, 0.5, 0.9)",
            "population.size=200"});
  const auto grid = load({"stakes.strategy_set=rts_grid", "dynamics.mutation=local",
                          "stakes.grid_starts=0.5, 1, 2, 4", "stakes.grid_increments=0.25, 0.5, 1",
                          "population.size=200"});
  for (const auto* c : {&listed, &grid}) {
    const auto one = dir.file("one.h5");
    {
      tbb::global_control limit(tbb::global_control::max_allowed_parallelism, 1);
      jobs::run_stakes_job(*c, {.path = one, .overwrite = true});
    }
    for (std::size_t threads : {2, 4}) {
      tbb::global_control limit(tbb::global_control::max_allowed_parallelism, threads);
      const auto path = dir.file("t.h5");
      jobs::run_stakes_job(*c, {.path = path, .overwrite = true});
      kindest::testing::check_same_contents(one, path);
    }
  }
}

TEST_CASE("stakes job: a two-point grid is the two-strategy analysis", "[jobs][stakes]") {
  TempDir dir;
  const auto two = jobs::run_stakes_job(load({"stakes.strategies=RTS(1, 0.5), RTS(3, 0.5)"}),
                                        {.path = dir.file("two.h5")});
  for (const char* mutation : {"dynamics.mutation=uniform", "dynamics.mutation=local"}) {
    INFO(mutation);
    const auto path = dir.file("grid.h5");
    const auto g =
        jobs::run_stakes_job(load({"stakes.strategy_set=rts_grid", "stakes.grid_starts=1, 3",
                                   "stakes.grid_increments=0.5", mutation}),
                             {.path = path, .overwrite = true});
    CHECK(g.settings.strategies.size() == 2);
    CHECK(g.payoffs.row_major() == two.payoffs.row_major());
    CHECK(g.limit.fixation == two.limit.fixation);
    CHECK(g.limit.stationary == two.limit.stationary);  // the same bits
    // pi_0 = rho_10 / (rho_01 + rho_10) (Fudenberg & Imhof 2006, two strategies).
    const auto& rho = g.limit.fixation;
    CHECK(g.limit.stationary[0] == Approx(rho[1][0] / (rho[0][1] + rho[1][0])).epsilon(1e-12));
    CHECK(record::read_numbers(path, "/stakes/grid_start") == std::vector<double>{1, 3});
    CHECK(record::read_numbers(path, "/stakes/grid_increment") == std::vector<double>{0.5});
    CHECK(record::read_numbers(path, "/stakes/grid_stationary") == g.limit.stationary);
  }
  // Without a grid there are no grid datasets.
  CHECK(kindest::testing::contents(dir.file("two.h5")).count("/stakes/grid_stationary") == 0);
}

TEST_CASE("stakes job: a three-point grid by hand", "[jobs][stakes]") {
  // RTS(1, 0.25), RTS(1, 0.5), RTS(1, 1): a line of three points, the middle one with two
  // neighbours. Fixation probabilities by hand from the file's payoffs; the chain's stationary
  // distribution by hand: detailed balance on the line (local), the Markov chain tree theorem
  // on the triangle (uniform).
  TempDir dir;
  const std::size_t s = 3, z = 10;
  for (bool local : {true, false}) {
    INFO("local " << local);
    const auto path = dir.file("three.h5");
    const auto out = jobs::run_stakes_job(
        load({"stakes.strategy_set=rts_grid", "stakes.grid_starts=1",
              "stakes.grid_increments=0.25, 0.5, 1",
              local ? "dynamics.mutation=local" : "dynamics.mutation=uniform"}),
        {.path = path, .overwrite = true});
    REQUIRE(out.settings.strategies.size() == s);
    CHECK(out.settings.strategies[1].name == "RTS(1, 0.5)");
    const auto m = record::read_numbers(path, "/stakes/payoff");
    // RTS(1, b) against itself: (B - C) (a / (1 - w) + b w / (1 - w)^2) per expected rounds.
    CHECK(m[1 * s + 1] == Approx(2 * (1 / 0.2 + 0.5 * 0.8 / 0.04) * 0.2));
    double rho[3][3];
    for (std::size_t r = 0; r < s; ++r)
      for (std::size_t u = 0; u < s; ++u)
        if (r != u) rho[r][u] = hand_rho(m, s, z, r, u);
    double x[3];
    if (local) {  // T01 = rho01, T10 = rho10 / 2, T12 = rho12 / 2, T21 = rho21
      x[0] = 1;
      x[1] = rho[0][1] / (rho[1][0] / 2);
      x[2] = x[1] * (rho[1][2] / 2) / rho[2][1];
    } else {  // T = rho / 2; pi_i proportional to the sum over the trees directed into i
      x[0] = rho[1][0] * rho[2][0] + rho[1][2] * rho[2][0] + rho[2][1] * rho[1][0];
      x[1] = rho[0][1] * rho[2][1] + rho[0][2] * rho[2][1] + rho[2][0] * rho[0][1];
      x[2] = rho[0][2] * rho[1][2] + rho[0][1] * rho[1][2] + rho[1][0] * rho[0][2];
    }
    const double total = x[0] + x[1] + x[2];
    const auto pi = record::read_numbers(path, "/stakes/grid_stationary");
    for (std::size_t i = 0; i < s; ++i) CHECK(pi[i] == Approx(x[i] / total).epsilon(1e-9));
    CHECK(pi[0] + pi[1] + pi[2] == Approx(1).epsilon(1e-14));
  }
}

TEST_CASE("stakes job: the grid's mutation kernel", "[jobs][stakes]") {
  // 3 starts x 3 increments: corners have 2 neighbours, edges 3, the centre 4.
  const auto k = jobs::grid_mutation_kernel(3, 3, true);
  REQUIRE(k.size() == 9);
  CHECK(k[0][1] == 0.5);
  CHECK(k[0][3] == 0.5);
  CHECK(k[0][4] == 0);
  CHECK(k[1][0] == Approx(1.0 / 3));
  CHECK(k[1][2] == Approx(1.0 / 3));
  CHECK(k[1][4] == Approx(1.0 / 3));
  for (std::size_t q : {1, 3, 5, 7}) CHECK(k[4][q] == 0.25);
  CHECK(k[2][3] == 0);  // no wrap-around from the end of a row to the next
  for (const auto& row : k) {
    double t = 0;
    for (double v : row) t += v;
    CHECK(t == Approx(1).epsilon(1e-15));
  }
  const auto u = jobs::grid_mutation_kernel(2, 2, false);
  CHECK(u[0][3] == Approx(1.0 / 3));
  CHECK(u[0][0] == 0);
}

TEST_CASE("stakes job: bad input names the key, the value and what is allowed", "[jobs][stakes]") {
  TempDir dir;
  const auto fails = [&](std::vector<std::string> extra) {
    try {
      jobs::run_stakes_job(load(extra), {.path = dir.file("bad.h5"), .overwrite = true});
    } catch (const ConfigError& e) {
      return std::string(e.what());
    }
    FAIL("no error");
    return std::string();
  };
  CHECK_THAT(fails({"stakes.strategies=NonInvestor, Give(1)"}),
             Contains("[stakes] strategies = NonInvestor, Give(1)") &&
                 Contains("(strategy = Give(1))") && Contains("Linear(a, k, m)") &&
                 Contains("command line"));
  CHECK_THAT(fails({"stakes.strategies=NonInvestor, Fixed(-1)"}),
             Contains("[stakes] strategies") && Contains("negative"));
  CHECK_THAT(fails({"stakes.strategies=RTS(1, 1)"}), Contains("at least two strategies"));
  CHECK_THAT(
      fails({"stakes.strategies=Fixed(1), Linear(1, 0, 2)", "match.continuation_probability=0.6"}),
      Contains("[stakes] strategies") && Contains("does not settle"));
  CHECK_THAT(fails({"game.type=prisoners_dilemma"}), Contains("type = donation_game"));
  CHECK_THAT(fails({"match.execution_error_rate=0.1"}),
             Contains("[match] execution_error_rate = 0.1") && Contains("set it to 0"));
  CHECK_THAT(fails({"game.cost=-1"}), Contains("[game] cost = -1") && Contains(">= 0"));
  CHECK_THAT(fails({"dynamics.process=wright_fisher"}), Contains("no closed-form"));
  CHECK_THROWS_WITH(load({"stakes.benefit_shape=concave"}), Contains("[stakes] benefit_shape"));
  CHECK_THAT(fails({"dynamics.mutation=local"}),
             Contains("[dynamics] mutation = local") && Contains("strategy_set = rts_grid"));
  const std::string grid = "stakes.strategy_set=rts_grid";
  CHECK_THAT(fails({grid, "stakes.grid_starts=1, 0.5"}),
             Contains("[stakes] grid_starts = 1, 0.5") && Contains("strictly increasing"));
  CHECK_THAT(fails({grid, "stakes.grid_increments=-1, 1"}),
             Contains("[stakes] grid_increments = -1, 1") && Contains(">= 0"));
  CHECK_THAT(fails({grid, "stakes.grid_starts=1, x"}),
             Contains("[stakes] grid_starts") && Contains("'x' is not a number"));
  CHECK_THAT(fails({grid, "stakes.grid_starts=1", "stakes.grid_increments=2"}),
             Contains("[stakes] grid_starts = 1") && Contains("at least two"));
}

TEST_CASE("stakes job: registered, with its summary", "[jobs][stakes]") {
  TempDir dir;
  const auto& job = jobs::find_job("stakes");
  CHECK(job.writes == "/stakes");
  const auto c = load();
  jobs::OutputOptions output;
  output.path = dir.file("r.h5");
  const jobs::JobContext context{c, output, {}};
  const auto result = jobs::run_job(job, context);
  REQUIRE(result.summary.tables.size() == 3);
  CHECK(result.summary.tables[0].name == "strategies");
  CHECK(result.summary.tables[0].rows ==
        std::vector<std::string>{"NonInvestor", "Fixed(2)", "RTS(1, 0.5)"});
  CHECK_FALSE(result.summary.tables[1].stored);
  CHECK_FALSE(result.summary.tables[2].stored);
}
