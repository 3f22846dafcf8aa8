// Checks experiments/nowak_sigmund_1993_wsls.ini: Nowak & Sigmund's (1993) evolution among
// memory-one rules with rare random mutants ends near WSLS = (1, 0, 0, 1) in most runs, after
// a phase of defection. The quick case runs the file as it is (40 runs of 10^6 generations,
// a few seconds); the [.][slow] case runs the paper's 10^7 generations.
#include <catch2/catch.hpp>

#include "engine/jobs/invasion_job.hpp"
#include "experiments/experiment_helpers.hpp"

using namespace kindest;

namespace {

void check_wsls_wins(const config::Config& c) {
  testing::TempDir dir;
  const auto path = dir.file("invasion.h5");
  const auto out = jobs::run_invasion_job(c, {.path = path});
  const std::size_t runs = out.final_corner.size();
  std::map<int, std::size_t> corners;
  for (int k : out.final_corner) ++corners[k];
  std::string counts;
  for (const auto& [k, n] : corners)
    counts += std::string(dynamics::corner_name(k)) + ": " + std::to_string(n) + "  ";
  INFO("final corners over " << runs << " runs: " << counts);
  // The paper: "more than 80%" of 40 runs end near WSLS, the others at GTFT (measured here: 34
  // of 40 at 10^6 generations, 36 at 10^7); GTFT rounds to the TFT corner (1, 0, 1, 0).
  CHECK(corners[9] * 10 >= runs * 8);
  for (const auto& [k, n] : corners)
    if (k != 9) CHECK(n <= corners[10]);

  // Near the corner, not just nearest to it: the median WSLS ending is within 0.05 of
  // p_CC = 1 and 0.1 of p_CD = p_DC = 0, and forgives mutual defection (p_DD >= 0.8).
  std::array<std::vector<double>, 4> p;
  for (std::size_t r = 0; r < runs; ++r)
    if (out.final_corner[r] == 9)
      for (std::size_t s = 0; s < 4; ++s) p[s].push_back(out.final_mean_rule[r][s]);
  const auto median = [](std::vector<double> v) {
    std::nth_element(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(v.size() / 2), v.end());
    return v[v.size() / 2];
  };
  INFO("median WSLS ending (" << median(p[0]) << ", " << median(p[1]) << ", " << median(p[2])
                              << ", " << median(p[3]) << ")");
  CHECK(median(p[0]) >= 0.95);
  CHECK(median(p[1]) <= 0.1);
  CHECK(median(p[2]) <= 0.1);
  CHECK(median(p[3]) >= 0.8);

  // The paper's story: defectors take over first (cooperation below 10%), and cooperation
  // comes back; measured in 33 of 40 runs.
  std::size_t defection_phase = 0, cooperative_end = 0;
  for (std::size_t r = 0; r < runs; ++r) {
    std::string digits = std::to_string(r);
    digits.insert(0, 4 - digits.size(), '0');
    const auto coop = record::read_numbers(path, "/invasion/r" + digits + "/cooperation_rate");
    if (*std::min_element(coop.begin(), coop.end()) < 0.1) ++defection_phase;
    if (coop.back() > 0.9) ++cooperative_end;
  }
  INFO("runs with a defection phase: " << defection_phase
                                       << ", ending cooperative: " << cooperative_end);
  CHECK(defection_phase >= runs / 2);
  CHECK(cooperative_end >= corners[9]);  // every WSLS ending cooperates (with errors 0.001)
}

}  // namespace

TEST_CASE("experiment nowak_sigmund_1993_wsls: most runs end near WSLS", "[experiment][verify]") {
  check_wsls_wins(experiments::load_experiment("nowak_sigmund_1993_wsls.ini"));
}

TEST_CASE("experiment nowak_sigmund_1993_wsls: 10^7 generations, as in the paper",
          "[experiment][verify][.][slow]") {
  check_wsls_wins(experiments::load_experiment(
      "nowak_sigmund_1993_wsls.ini", {"invasion.generations=10000000", "record.interval=10000"}));
}
