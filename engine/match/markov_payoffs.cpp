#include "engine/match/markov_payoffs.hpp"

#include <cmath>
#include <utility>

namespace kindest::match {
namespace {

using Vec = std::array<double, 4>;
using Mat = std::array<Vec, 4>;  // row-stochastic: m[from][to]

double with_noise(double p, double eps) { return (1 - eps) * p + eps * (1 - p); }

// Y sees state (x, y) as (y, x): its own move first.
constexpr std::array<int, 4> kSwap = {0, 2, 1, 3};

Vec initial_distribution(const MemoryOneVector& x, const MemoryOneVector& y, double eps) {
  const double px = with_noise(x.first, eps), py = with_noise(y.first, eps);
  return {px * py, px * (1 - py), (1 - px) * py, (1 - px) * (1 - py)};
}

Mat transition_matrix(const MemoryOneVector& x, const MemoryOneVector& y, double eps) {
  Mat m{};
  for (int s = 0; s < 4; ++s) {
    const double px = with_noise(x.p[s], eps), py = with_noise(y.p[kSwap[s]], eps);
    m[s] = {px * py, px * (1 - py), (1 - px) * py, (1 - px) * (1 - py)};
  }
  return m;
}

Mat multiply(const Mat& a, const Mat& b) {
  Mat c{};
  for (int i = 0; i < 4; ++i)
    for (int k = 0; k < 4; ++k)
      for (int j = 0; j < 4; ++j) c[i][j] += a[i][k] * b[k][j];
  return c;
}

Mat add(const Mat& a, const Mat& b) {
  Mat c{};
  for (int i = 0; i < 4; ++i)
    for (int j = 0; j < 4; ++j) c[i][j] = a[i][j] + b[i][j];
  return c;
}

Mat identity() {
  Mat m{};
  for (int i = 0; i < 4; ++i) m[i][i] = 1;
  return m;
}

Vec times(const Vec& v, const Mat& m) {
  Vec out{};
  for (int i = 0; i < 4; ++i)
    for (int j = 0; j < 4; ++j) out[j] += v[i] * m[i][j];
  return out;
}

// (M^n, sum_{t<n} M^t) by binary splitting: sum_{t<a+b} = sum_{t<a} + M^a sum_{t<b}.
std::pair<Mat, Mat> power_and_sum(const Mat& m, std::uint64_t n) {
  Mat power = identity(), sum{};              // for the exponent consumed so far
  Mat base_power = m, base_sum = identity();  // M^(2^k), sum_{t<2^k} M^t
  while (n > 0) {
    if (n & 1) {
      sum = add(sum, multiply(power, base_sum));
      power = multiply(power, base_power);
    }
    base_sum = add(base_sum, multiply(base_power, base_sum));
    base_power = multiply(base_power, base_power);
    n >>= 1;
  }
  return {power, sum};
}

// Solves x A = b for a 4x4 A by Gaussian elimination with partial pivoting on A^T.
// Returns false when A is (numerically) singular.
bool solve_left(Mat a, Vec b, Vec& x) {
  Mat t{};
  for (int i = 0; i < 4; ++i)
    for (int j = 0; j < 4; ++j) t[i][j] = a[j][i];
  for (int col = 0; col < 4; ++col) {
    int pivot = col;
    for (int r = col + 1; r < 4; ++r)
      if (std::abs(t[r][col]) > std::abs(t[pivot][col])) pivot = r;
    if (std::abs(t[pivot][col]) < 1e-13) return false;
    std::swap(t[pivot], t[col]);
    std::swap(b[pivot], b[col]);
    for (int r = col + 1; r < 4; ++r) {
      const double f = t[r][col] / t[col][col];
      for (int c = col; c < 4; ++c) t[r][c] -= f * t[col][c];
      b[r] -= f * b[col];
    }
  }
  for (int r = 3; r >= 0; --r) {
    double s = b[r];
    for (int c = r + 1; c < 4; ++c) s -= t[r][c] * x[c];
    x[r] = s / t[r][r];
  }
  return true;
}

// The stationary distribution of an irreducible chain by Grassmann, Taksar & Heyman's state
// reduction (1985): censor states 3, 2, 1 in turn, then unfold. It adds and divides positive
// numbers only, so nearly reducible chains (rules with probabilities like 1e-9) keep full
// relative accuracy, where elimination on M - I loses about log10(1/eps) digits. It succeeds
// exactly when every state can reach state 0, i.e. when there is one closed class (transient
// states allowed) and so one stationary distribution; otherwise it returns false.
bool stationary_by_state_reduction(Mat m, Vec& v) {
  for (int n = 3; n > 0; --n) {
    double out = 0;
    for (int j = 0; j < n; ++j) out += m[n][j];
    if (!(out > 0)) return false;
    for (int i = 0; i < n; ++i)
      for (int j = 0; j < n; ++j) m[i][j] += m[i][n] * m[n][j] / out;
  }
  v = {1, 0, 0, 0};
  double total = 1;
  for (int n = 1; n < 4; ++n) {
    double in = 0, out = 0;
    for (int j = 0; j < n; ++j) {
      in += v[j] * m[j][n];
      out += m[n][j];
    }
    v[n] = in / out;
    total += v[n];
  }
  for (double& f : v) f /= total;
  return true;
}

ExactPayoffs summarise(const Vec& freq, const games::PrisonersDilemma& game) {
  const auto table = game.table();
  ExactPayoffs out;
  out.outcome_frequency = freq;
  for (int s = 0; s < 4; ++s) {
    out.payoff_per_turn[0] += freq[s] * table[s];
    out.payoff_per_turn[1] += freq[s] * table[kSwap[s]];
  }
  out.cooperation_rate = {freq[0] + freq[1], freq[0] + freq[2]};
  return out;
}

}  // namespace

ExactPayoffs exact_match_payoffs(const MemoryOneVector& x, const MemoryOneVector& y,
                                 const games::PrisonersDilemma& game,
                                 const MatchSettings& settings) {
  const double eps = settings.execution_error_rate;
  const Vec v0 = initial_distribution(x, y, eps);
  const Mat m = transition_matrix(x, y, eps);
  const double w = settings.continuation_probability;
  if (w > 0) {
    Mat a = identity();
    for (int i = 0; i < 4; ++i)
      for (int j = 0; j < 4; ++j) a[i][j] -= w * m[i][j];
    Vec freq{};
    solve_left(a, v0, freq);  // I - wM is invertible for w < 1 (M is stochastic)
    for (double& f : freq) f *= (1 - w);
    return summarise(freq, game);
  }
  const auto n = static_cast<std::uint64_t>(settings.turns);
  Vec freq = times(v0, power_and_sum(m, n).second);
  for (double& f : freq) f /= static_cast<double>(n);
  return summarise(freq, game);
}

ExactPayoffs long_run_payoffs(const MemoryOneVector& x, const MemoryOneVector& y,
                              const games::PrisonersDilemma& game, double execution_error_rate) {
  const Mat m = transition_matrix(x, y, execution_error_rate);
  Vec freq{};
  if (stationary_by_state_reduction(m, freq)) return summarise(freq, game);
  // Several closed classes (e.g. TFT vs TFT without noise): where the chain ends up depends on
  // the start, so average v0 M^t over a horizon long enough that the O(1/n) transient vanishes.
  const Vec v0 = initial_distribution(x, y, execution_error_rate);
  constexpr std::uint64_t horizon = std::uint64_t{1} << 42;
  freq = times(v0, power_and_sum(m, horizon).second);
  for (double& f : freq) f /= static_cast<double>(horizon);
  return summarise(freq, game);
}

}  // namespace kindest::match
