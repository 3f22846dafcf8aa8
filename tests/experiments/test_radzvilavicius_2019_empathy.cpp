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
    for (std::size_t t = rate.size() / 10; t < rate.size(); ++t) sum += rate[t], n += 1;
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

TEST_CASE("experiment radzvilavicius_2019_empathy: the 8 cells, reduced; empathy and Scoring",
          "[experiment][verify][reputation]") {
  // Reduced: 16 replicates x 2000 generations (the full 200 x 10 000 is the [slow] case below).
  // Measured (seed 2019): every cell's mean cooperation lies between 0.40 and 0.61 with a
  // standard error of about 0.05 -- at one update per generation 2000 generations are 40
  // updates per individual, too few for the paper's orderings to separate from the spread of
  // the replicates, so this case does not assert them. What it does assert holds exactly:
  // Scoring judges the action only, so the recipient's reputation -- and with it whose view of
  // it is taken (empathy) -- cannot matter: E = 0 and E = 1 give the same run bit for bit (the
  // empathy draw is skipped at E = 0 and 1, so both consume the same streams). A bug that let
  // empathy reach the action, the payoffs or another observer's view would break it.
  const auto t = run_cells({"dynamics.replicates=16", "dynamics.generations=2000"});
  INFO(t.text);
  CHECK(t.scoring[0] == t.scoring[1]);
  for (const auto& row : t.c)
    for (const auto& c : row) {
      CHECK(c.mean > 0.05);  // neither full defection nor full cooperation: mutation keeps
      CHECK(c.mean < 0.95);  // all three strategies present at rate 0.025
    }
}

TEST_CASE("experiment radzvilavicius_2019_empathy: the full setting, 8 cells x 200 replicates",
          "[.][slow][experiment][reputation]") {
  // The paper's orderings at its setting. Not yet seen to pass here: the full run did not fit
  // in the session that wrote it (about 625 CPU-s of games, 39 us per generation measured).
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
