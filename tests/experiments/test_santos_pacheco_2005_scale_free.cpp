// Checks experiments/santos_pacheco_2005_scale_free.ini: cooperation on Barabasi-Albert graphs
// above cooperation on random regular graphs of the same mean degree, for every b in (1, 2).
#include <catch2/catch.hpp>

#include "experiments/experiment_helpers.hpp"

using namespace kindest;

namespace {

// The cooperator share averaged over the last 1000 generations (100 records) of each replicate,
// then over replicates (a new graph each).
experiments::MeanAndError cooperation(const std::string& graph, double b, std::uint64_t generations,
                                      std::size_t replicates, const testing::TempDir& dir) {
  const auto config = experiments::load_experiment(
      "santos_pacheco_2005_scale_free.ini",
      {"structure.graph=" + graph, "payoffs.matrix=1,0;" + std::to_string(b) + ",0",
       "dynamics.generations=" + std::to_string(generations),
       "dynamics.replicates=" + std::to_string(replicates)});
  const auto path = dir.file("sp.h5");
  jobs::run_evolution_job(config, experiments::resolver(), {.path = path, .overwrite = true});
  std::vector<double> shares;
  for (std::size_t r = 0; r < replicates; ++r) {
    const auto counts =
        record::read_numbers(path, "/replicates/r000" + std::to_string(r) + "/counts");
    REQUIRE(counts.size() == 2 * (generations / 10 + 1));
    const std::size_t records = counts.size() / 2;
    double sum = 0;
    for (std::size_t t = records - 100; t < records; ++t) sum += counts[2 * t] / 1000.0;
    shares.push_back(sum / 100);
  }
  return experiments::batch_mean(shares);
}

void check_above(std::uint64_t generations, std::size_t replicates) {
  testing::TempDir dir;
  for (double b : {1.1, 1.3, 1.5, 1.7, 1.9}) {
    const auto ba = cooperation("barabasi_albert", b, generations, replicates, dir);
    const auto rr = cooperation("random_regular", b, generations, replicates, dir);
    INFO("b = " << b << ": Barabasi-Albert " << ba.mean << " +- " << ba.standard_error
                << ", random regular " << rr.mean << " +- " << rr.standard_error);
    // Above by more than the Monte-Carlo error of both.
    CHECK(ba.mean - rr.mean > 3 * (ba.standard_error + rr.standard_error));
    // Cooperators hold most of a scale-free population over the whole range.
    CHECK(ba.mean > 0.5);
    if (b >= 1.5) CHECK(rr.mean < 0.1);
  }
}

}  // namespace

TEST_CASE("experiment santos_pacheco_2005_scale_free: scale-free above homogeneous, quick",
          "[experiment][verify]") {
  check_above(3000, 4);
}

TEST_CASE("experiment santos_pacheco_2005_scale_free: the file's 11000 generations, 10 graphs",
          "[.][slow]") {
  check_above(11000, 10);
}
