// Checks experiments/radzvilavicius_2019_empathy.ini against Radzvilavicius, Stewart & Plotkin
// (2019): ALLC, ALLD and DISC evolving under private assessment, one norm per cell, with empathy
// E = 0 or 1. The paper's orderings of mean cooperation: E = 0: Scoring > Simple Standing >>
// Stern Judging ~ Shunning; E = 1: Stern Judging > Simple Standing > Scoring >> Shunning.
#include <catch2/catch.hpp>

#include <array>
#include <sstream>

#include "experiments/experiment_helpers.hpp"

using namespace kindest;

namespace {

const char* kFile = "radzvilavicius_2019_empathy.ini";
constexpr std::array<const char*, 4> kNorms = {"ImageScoring", "SimpleStanding", "SternJudging",
                                               "Shunning"};
enum NormIndex { scoring = 0, simple_standing, stern_judging, shunning };

std::string group(std::size_t r) {
  std::string digits = std::to_string(r);
  digits.insert(0, digits.size() < 4 ? 4 - digits.size() : 0, '0');
  return "/replicates/r" + digits;
}

// Mean cooperation of one cell: per replicate the time average of the recorded cooperation rate
// after the first tenth of the run (the start from an equal mix and random views), then the
// batch mean over the independent replicates.
experiments::MeanAndError cell(const char* norm, int empathy, const std::vector<std::string>& scale,
                               const testing::TempDir& dir) {
  auto overrides = scale;
  overrides.push_back(std::string("reputation.norm=") + norm);
  overrides.push_back("reputation.empathy=" + std::to_string(empathy));
  const auto config = experiments::load_experiment(kFile, overrides);
  const auto path = dir.file("empathy.h5");
  const auto outcome =
      jobs::run_evolution_job(config, experiments::resolver(), {.path = path, .overwrite = true});
  REQUIRE_FALSE(outcome.interrupted);
  std::vector<double> per_replicate;
  for (std::size_t r = 0; r < outcome.final_counts.size(); ++r) {
    const auto rate = record::read_numbers(path, group(r) + "/cooperation_rate");
    double sum = 0, n = 0;
    for (std::size_t t = rate.size() / 10; t < rate.size(); ++t) sum += rate[t], n += 1;
    per_replicate.push_back(sum / n);
  }
  return experiments::batch_mean(per_replicate);
}

struct Table {
  std::array<std::array<experiments::MeanAndError, 4>, 2> c;  // [empathy][norm]
  std::string text;
};

Table run_cells(const std::vector<std::string>& scale) {
  testing::TempDir dir;
  Table t;
  std::ostringstream out;
  for (int e = 0; e <= 1; ++e)
    for (std::size_t k = 0; k < kNorms.size(); ++k) {
      t.c[e][k] = cell(kNorms[k], e, scale, dir);
      out << "E = " << e << " " << kNorms[k] << ": " << t.c[e][k].mean << " +- "
          << t.c[e][k].standard_error << "\n";
    }
  t.text = out.str();
  return t;
}

// a > b by more than `z` standard errors of the difference.
bool above(const experiments::MeanAndError& a, const experiments::MeanAndError& b, double z) {
  return a.mean - b.mean > z * std::hypot(a.standard_error, b.standard_error);
}

}  // namespace

TEST_CASE("experiment radzvilavicius_2019_empathy: norm orderings with and without empathy",
          "[experiment][verify][reputation]") {
  // Fewer replicates and generations than the paper's 200 x 10 000 (the full setting is the
  // [slow] case below), enough for the orderings that hold with a wide margin.
  const auto t = run_cells({"dynamics.replicates=16", "dynamics.generations=2000"});
  INFO(t.text);
  const auto& e0 = t.c[0];
  const auto& e1 = t.c[1];
  // E = 0: Scoring and Simple Standing well above Stern Judging and Shunning.
  CHECK(above(e0[scoring], e0[stern_judging], 3));
  CHECK(above(e0[simple_standing], e0[stern_judging], 3));
  CHECK(above(e0[scoring], e0[shunning], 3));
  // E = 1: Stern Judging on top, Shunning at the bottom.
  CHECK(above(e1[stern_judging], e1[scoring], 3));
  CHECK(above(e1[stern_judging], e1[shunning], 3));
  CHECK(above(e1[simple_standing], e1[shunning], 3));
  // Empathy rescues Stern Judging.
  CHECK(above(e1[stern_judging], e0[stern_judging], 3));
}

TEST_CASE("experiment radzvilavicius_2019_empathy: the full setting, 8 cells x 200 replicates",
          "[.][slow][experiment][reputation]") {
  const auto t = run_cells({});
  INFO(t.text);
  WARN(t.text);
  const auto& e0 = t.c[0];
  const auto& e1 = t.c[1];
  CHECK(above(e0[scoring], e0[simple_standing], 3));
  CHECK(above(e0[simple_standing], e0[stern_judging], 3));
  CHECK(above(e0[simple_standing], e0[shunning], 3));
  CHECK(above(e1[stern_judging], e1[simple_standing], 3));
  CHECK(above(e1[simple_standing], e1[scoring], 3));
  CHECK(above(e1[scoring], e1[shunning], 3));
}
