#pragma once
// Comparing Monte-Carlo estimates with reference ones (the Axelrod library's means, run here):
// a two-sample z statistic, a threshold that holds a family-wise false-alarm rate over many
// comparisons, and Spearman's rank correlation for rankings.
#include <algorithm>
#include <cmath>
#include <cstddef>
#include <numeric>
#include <vector>

namespace kindest::testing {

struct Estimate {
  double mean = 0;
  double standard_error = 0;  // of the mean
};

/// |a - b| in units of their combined standard error (independent estimates). Two estimates
/// that agree to rounding give 0, so two exact figures (no spread) compare without 0 / 0.
inline double z_score(const Estimate& a, const Estimate& b) {
  const double difference = std::abs(a.mean - b.mean);
  if (difference <= 1e-9) return 0.0;
  return difference / std::hypot(a.standard_error, b.standard_error);
}

/// The z beyond which a two-sided test rejects with probability alpha / comparisons under the
/// null (Bonferroni), so that any of `comparisons` tests fails a correct model with probability
/// at most alpha: P(|Z| > z) = erfc(z / sqrt 2), solved by bisection.
inline double bonferroni_threshold(double alpha, std::size_t comparisons) {
  const double per_test = alpha / static_cast<double>(comparisons);
  double lo = 0, hi = 40;
  for (int i = 0; i < 200; ++i) {
    const double mid = (lo + hi) / 2;
    (std::erfc(mid / std::sqrt(2.0)) > per_test ? lo : hi) = mid;
  }
  return hi;
}

/// Ranks 1..n of `v`, largest first; ties get the mean of the ranks they span.
inline std::vector<double> ranks_descending(const std::vector<double>& v) {
  std::vector<std::size_t> order(v.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(), [&](auto a, auto b) { return v[a] > v[b]; });
  std::vector<double> rank(v.size());
  for (std::size_t i = 0; i < order.size();) {
    std::size_t j = i;
    while (j + 1 < order.size() && v[order[j + 1]] == v[order[i]]) ++j;
    for (std::size_t k = i; k <= j; ++k) rank[order[k]] = (static_cast<double>(i + j) / 2) + 1;
    i = j + 1;
  }
  return rank;
}

/// Spearman's rank correlation: Pearson's correlation of the two rank vectors.
inline double spearman(const std::vector<double>& a, const std::vector<double>& b) {
  const auto ra = ranks_descending(a);
  const auto rb = ranks_descending(b);
  const double n = static_cast<double>(ra.size());
  const double mean = (n + 1) / 2;
  double sab = 0, saa = 0, sbb = 0;
  for (std::size_t i = 0; i < ra.size(); ++i) {
    sab += (ra[i] - mean) * (rb[i] - mean);
    saa += (ra[i] - mean) * (ra[i] - mean);
    sbb += (rb[i] - mean) * (rb[i] - mean);
  }
  return sab / std::sqrt(saa * sbb);
}

}  // namespace kindest::testing
