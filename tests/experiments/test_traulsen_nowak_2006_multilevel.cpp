// Checks experiments/traulsen_nowak_2006_multilevel.ini: the fixation probability of one
// cooperator, simulated by the multilevel job, crosses the neutral 1/(nm) at b/c = 1 + n/m
// within Monte-Carlo error for two (n, m) pairs, and agrees at every b/c with the exact q -> 0
// limit rho_within rho_between (engine/analytic/multilevel_fixation.hpp) -- which is computed
// independently of the simulation, from two Moran closed forms.
//
// The sweep over b/c is a loop of job runs here; `bench/bench_sweep.sh multilevel` runs the
// [.][slow] grid as one `kindest sweep` and times it.
#include <catch2/catch.hpp>
#include <cmath>
#include <string>
#include <vector>

#include "engine/analytic/multilevel_fixation.hpp"
#include "engine/jobs/multilevel_job.hpp"
#include "experiments/experiment_helpers.hpp"

using namespace kindest;

namespace {

struct Pair {
  std::uint32_t n, m;
};
constexpr Pair kPairs[] = {{3, 30}, {6, 30}};

struct Point {
  double b;         // b/c (c = 1)
  double relative;  // simulated rho n m
  double se;        // its standard error
  double limit;     // exact q -> 0 rho n m
};

Point simulate(Pair p, double b, std::size_t runs, const testing::TempDir& dir) {
  const auto config = experiments::load_experiment(
      "traulsen_nowak_2006_multilevel.ini",
      {"groups.max_size=" + std::to_string(p.n), "groups.count=" + std::to_string(p.m),
       "game.benefit=" + std::to_string(b), "dynamics.replicates=" + std::to_string(runs)});
  REQUIRE(config.real("game.cost") == 1);
  const auto out =
      jobs::run_multilevel_job(config, {.path = dir.file("multilevel.h5"), .overwrite = true});
  const double nm = double(p.n) * p.m;
  return {b, out.fixation_probability() * nm, out.standard_error() * nm, out.rare_split_limit * nm};
}

// Where the straight line through `points` (weighted least squares) crosses rho n m = 1, and
// the standard error of that b/c by the delta method.
std::pair<double, double> crossing(const std::vector<Point>& points) {
  double sw = 0, sx = 0, sy = 0, sxx = 0, sxy = 0;
  for (const auto& p : points) {
    const double w = 1 / (p.se * p.se);
    sw += w;
    sx += w * p.b;
    sy += w * p.relative;
    sxx += w * p.b * p.b;
    sxy += w * p.b * p.relative;
  }
  const double d = sw * sxx - sx * sx;
  const double slope = (sw * sxy - sx * sy) / d, intercept = (sxx * sy - sx * sxy) / d;
  const double var_slope = sw / d, var_intercept = sxx / d, cov = -sx / d;
  const double x = (1 - intercept) / slope;
  // x = (1 - a) / s: dx/da = -1/s, dx/ds = -x/s.
  const double var = (var_intercept + x * x * var_slope + 2 * x * cov) / (slope * slope);
  return {x, std::sqrt(var)};
}

void check_sweep(Pair p, const std::vector<double>& offsets, std::size_t runs) {
  testing::TempDir dir;
  const double predicted = 1 + double(p.n) / p.m;
  std::vector<Point> points;
  for (double offset : offsets) {
    points.push_back(simulate(p, predicted + offset, runs, dir));
    const auto& x = points.back();
    INFO("n = " << p.n << ", m = " << p.m << ", b/c = " << x.b << ": rho n m = " << x.relative
                << " +- " << x.se << ", q -> 0 limit " << x.limit);
    CHECK(std::abs(x.relative - x.limit) < 4 * x.se);
    // Below the threshold the cooperator does worse than neutral, above it better.
    if (std::abs(offset) >= 0.3) CHECK((x.relative - 1) * offset > 2 * x.se * std::abs(offset));
  }
  const auto [b, se] = crossing(points);
  INFO("n = " << p.n << ", m = " << p.m << ": crossing at b/c = " << b << " +- " << se
              << "; 1 + n/m = " << predicted
              << ", 1 + n/(m-2) = " << analytic::multilevel_threshold(p.m, p.n));
  CHECK(std::abs(b - predicted) < 3 * se);
}

}  // namespace

TEST_CASE("experiment traulsen_nowak_2006_multilevel: the header's configuration",
          "[experiment][verify]") {
  const auto config = experiments::load_experiment("traulsen_nowak_2006_multilevel.ini");
  CHECK(config.text("run.job") == "multilevel");
  CHECK(config.integer("groups.count") == 30);
  CHECK(config.integer("groups.max_size") == 3);
  CHECK(config.real("groups.split_probability") == 0.001);
  CHECK(config.real("dynamics.selection_intensity") == 0.05);
  // The weak-selection, q -> 0 thresholds the header quotes.
  CHECK(analytic::multilevel_threshold(30, 3) == Approx(1.107).margin(5e-4));
  CHECK(analytic::multilevel_threshold(30, 6) == Approx(1.214).margin(5e-4));
}

TEST_CASE("experiment traulsen_nowak_2006_multilevel: rho_C crosses 1/(nm) at 1 + n/m",
          "[experiment][verify]") {
  // Two values of b/c per pair, 1 + n/m -+ 0.3: the sign of rho n m - 1 flips between them
  // (each at least 2 s.e. from 1), and the line through them crosses 1 within 3 s.e. of
  // 1 + n/m.
  for (const auto p : kPairs) check_sweep(p, {-0.3, 0.3}, 100000);
}

TEST_CASE("experiment traulsen_nowak_2006_multilevel: full sweep over b/c", "[.][slow]") {
  for (const auto p : kPairs) check_sweep(p, {-0.3, -0.2, -0.1, 0, 0.1, 0.2, 0.3}, 200000);
}
