// The statistics the comparisons with the Axelrod library rest on (tests/z_test.hpp), against
// SciPy's figures (scipy.stats.norm.isf, scipy.stats.spearmanr, computed here).
#include <catch2/catch.hpp>

#include "z_test.hpp"

using namespace kindest::testing;

TEST_CASE("z_test: Bonferroni thresholds are normal quantiles", "[z_test]") {
  CHECK(bonferroni_threshold(0.05, 1) == Approx(1.9599639845400545).epsilon(1e-12));
  // norm.isf(1e-3 / 174 / 2): the threshold of test_axelrod_means.cpp with 174 comparisons.
  CHECK(bonferroni_threshold(1e-3, 174) == Approx(4.5354849948350715).epsilon(1e-12));
}

TEST_CASE("z_test: z of two estimates", "[z_test]") {
  CHECK(z_score({1.0, 0.3}, {1.5, 0.4}) == Approx(1.0));
  CHECK(z_score({2.0, 0.0}, {2.0, 0.0}) == 0.0);  // two exact figures that agree
}

TEST_CASE("z_test: Spearman's rank correlation, ties included", "[z_test]") {
  CHECK(spearman({1, 2, 3, 4, 5, 6}, {2, 1, 4, 3, 6, 6}) ==
        Approx(0.8696565534786727).epsilon(1e-12));
  CHECK(spearman({3.5, 1, 2, 2, 9}, {1, 2, 3, 4, 5}) == Approx(0.35909242322980395).epsilon(1e-12));
  CHECK(spearman({1, 2, 3}, {3, 2, 1}) == Approx(-1.0));
}
