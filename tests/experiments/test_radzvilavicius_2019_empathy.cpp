// Checks experiments/radzvilavicius_2019_empathy.ini against Radzvilavicius, Stewart & Plotkin
// (2019): ALLC, ALLD and DISC evolving under private assessment, one norm per cell, with empathy
// E = 0 or 1. The paper's orderings of mean cooperation: E = 0: Scoring > Simple Standing >>
// Stern Judging ~ Shunning; E = 1: Stern Judging > Simple Standing > Scoring >> Shunning.
#include <catch2/catch.hpp>

#include <array>
#include <cmath>
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
// over the second half of the run (as the authors' code averages it), then the batch mean over
// the independent replicates.
struct Cell {
  std::vector<double> per_replicate;
  experiments::MeanAndError mean;
};

Cell cell(const char* norm, int empathy, const std::vector<std::string>& scale,
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
    for (std::size_t t = rate.size() / 2; t < rate.size(); ++t) sum += rate[t], n += 1;
    per_replicate.push_back(sum / n);
  }
  const auto m = experiments::batch_mean(per_replicate);
  return {std::move(per_replicate), m};
}

struct Table {
  std::array<std::array<experiments::MeanAndError, 4>, 2> c;  // [empathy][norm]
  std::array<std::vector<double>, 2> scoring;                 // [empathy]: per replicate
  std::string text;
};

Table run_cells(const std::vector<std::string>& scale) {
  testing::TempDir dir;
  Table t;
  std::ostringstream out;
  for (int e = 0; e <= 1; ++e)
    for (std::size_t k = 0; k < kNorms.size(); ++k) {
      auto one = cell(kNorms[k], e, scale, dir);
      t.c[e][k] = one.mean;
      if (k == scoring) t.scoring[e] = std::move(one.per_replicate);
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

TEST_CASE("experiment radzvilavicius_2019_empathy: the 8 cells, reduced, what separates early",
          "[experiment][verify][reputation]") {
  // Reduced: 16 replicates x 2000 generations (the full 200 x 10 000 is the [slow] case below).
  // Measured (seed 2019; mean of the second half, +- standard error over replicates):
  //   E = 0: Scoring 0.618 +- 0.087, Simple Standing 0.685 +- 0.083, Stern Judging 0.046 +-
  //          0.003, Shunning 0.034 +- 0.003;
  //   E = 1: Scoring 0.618 (the same run), Simple Standing 0.805 +- 0.071, Stern Judging
  //          0.920 +- 0.002, Shunning 0.150 +- 0.029.
  // 2000 generations are 40 updates per individual: the close orderings of the paper (Scoring
  // vs Simple Standing at E = 0, Stern Judging vs Simple Standing vs Scoring at E = 1) are
  // within the spread of 16 replicates, so this case asserts only what already stands 4
  // standard errors apart -- the ">>" of the paper and the effect of empathy on Stern Judging
  // and Shunning -- plus one exact property: Scoring judges the action only, so whose view of
  // the recipient is taken cannot matter, and E = 0 and E = 1 give the same run bit for bit (the
  // empathy draw is skipped at E = 0 and 1, so both consume the same streams). A bug that let
  // empathy reach the action, the payoffs or another observer's view would break it; one that
  // left selection without payoffs (every cell near the neutral mix, as once) breaks the rest.
  const auto t = run_cells({"dynamics.replicates=16", "dynamics.generations=2000"});
  INFO(t.text);
  const auto& e0 = t.c[0];
  const auto& e1 = t.c[1];
  CHECK(t.scoring[0] == t.scoring[1]);
  // E = 0: Scoring and Simple Standing >> Stern Judging ~ Shunning.
  CHECK(above(e0[simple_standing], e0[stern_judging], 4));
  CHECK(above(e0[scoring], e0[shunning], 4));
  CHECK(std::abs(e0[stern_judging].mean - e0[shunning].mean) < 0.05);
  CHECK(e0[stern_judging].mean < 0.1);  // ALLD takes over; mutants cooperate a little
  // E = 1: Stern Judging and Simple Standing >> Shunning; empathy rescues Stern Judging.
  CHECK(above(e1[stern_judging], e1[shunning], 4));
  CHECK(above(e1[simple_standing], e1[shunning], 4));
  CHECK(above(e1[stern_judging], e0[stern_judging], 4));
  CHECK(e1[stern_judging].mean > 0.85);
  // Empathy's effect on Shunning (0.150 +- 0.029 against 0.034 +- 0.003 when the numbers above
  // were measured, 0.111 +- 0.023 on the tree of 2026-12-01) is 3.3 to 4 standard errors at 16
  // replicates: not asserted here. This case never ran under ctest until then (a ";" in its
  // name cut the ctest entry short), so which change moved it is open (issue 9).
  CHECK(e1[shunning].mean > e0[shunning].mean);
}

TEST_CASE("experiment radzvilavicius_2019_empathy: the full setting, 8 cells x 200 replicates",
          "[.][slow][experiment][reputation]") {
  // The paper's orderings at its setting: strict ones by 3 standard errors of the difference,
  // ">>" by 0.15 or more, "~" within 0.05. bench/README.md has the measured table and time;
  // not yet run to the end here in one process (its cells were, separately, at 200 or 50
  // replicates: every ordering held, Stern Judging over Simple Standing at E = 1 by 4 standard
  // errors).
  const auto t = run_cells({});
  INFO(t.text);
  WARN(t.text);
  const auto& e0 = t.c[0];
  const auto& e1 = t.c[1];
  CHECK(above(e0[scoring], e0[simple_standing], 3));
  CHECK(e0[simple_standing].mean - e0[stern_judging].mean > 0.15);
  CHECK(e0[simple_standing].mean - e0[shunning].mean > 0.15);
  CHECK(std::abs(e0[stern_judging].mean - e0[shunning].mean) < 0.05);
  CHECK(above(e1[stern_judging], e1[simple_standing], 3));
  CHECK(above(e1[simple_standing], e1[scoring], 3));
  CHECK(e1[scoring].mean - e1[shunning].mean > 0.15);
}
