#include "strategies/hmm.hpp"

#include <cmath>
#include <string>
#include <utility>

#include "engine/core/errors.hpp"

namespace kindest::strategies {
namespace {

void check_stochastic(const HMMPlayer::Matrix& m, std::size_t n, const char* name) {
  if (m.size() != n)
    throw StrategyError(std::string("HMMPlayer: ") + name + " must have one row per state");
  for (const auto& row : m) {
    double sum = 0;
    for (const double p : row) {
      if (!(p >= 0 && p <= 1))
        throw StrategyError(std::string("HMMPlayer: ") + name + " entries must be in [0, 1]");
      sum += p;
    }
    if (row.size() != n || std::abs(sum - 1) > 1e-9)
      throw StrategyError(std::string("HMMPlayer: ") + name +
                          " rows must have one entry per state and sum to 1");
  }
}

}  // namespace

HMMPlayer::HMMPlayer(Matrix transitions_C, Matrix transitions_D, std::vector<double> emissions,
                     std::size_t initial_state, Action initial_action)
    : transitions_C_(std::move(transitions_C)),
      transitions_D_(std::move(transitions_D)),
      emissions_(std::move(emissions)),
      state_(initial_state),
      initial_action_(initial_action) {
  const std::size_t n = emissions_.size();
  check_stochastic(transitions_C_, n, "transitions_C");
  check_stochastic(transitions_D_, n, "transitions_D");
  for (const double p : emissions_)
    if (!(p >= 0 && p <= 1)) throw StrategyError("HMMPlayer: emissions must be in [0, 1]");
  if (initial_state >= n) throw StrategyError("HMMPlayer: initial_state is not a state");
}

std::size_t HMMPlayer::next_state(const std::vector<double>& row, Stream& rng) const {
  for (std::size_t t = 0; t < row.size(); ++t)
    if (row[t] == 1.0) return t;
  const double u = rng.uniform();
  double cumulative = 0;
  for (std::size_t t = 0; t < row.size(); ++t) {
    cumulative += row[t];
    if (u < cumulative) return t;
  }
  // Rounding left the sum just below u: the last state with positive probability.
  std::size_t last = 0;
  for (std::size_t t = 0; t < row.size(); ++t)
    if (row[t] > 0) last = t;
  return last;
}

Action HMMPlayer::move(const History& own, const History& opponent, Stream& rng) {
  if (own.empty()) return initial_action_;
  const Matrix& m = opponent.back() == Action::C ? transitions_C_ : transitions_D_;
  state_ = next_state(m[state_], rng);
  return rng.bernoulli(emissions_[state_]) ? Action::C : Action::D;
}

// Transcribed from the Axelrod library (v4.13.0), where they were trained [Harper2017].
EvolvedHMM5::EvolvedHMM5()
    : StrategyOf({{1, 0, 0, 0, 0},
                  {0, 1, 0, 0, 0},
                  {0, 1, 0, 0, 0},
                  {0.631, 0, 0, 0.369, 0},
                  {0.143, 0.018, 0.118, 0, 0.721}},
                 {{0, 1, 0, 0, 0},
                  {0, 0.487, 0.513, 0, 0},
                  {0, 0, 0, 0.590, 0.410},
                  {1, 0, 0, 0, 0},
                  {0, 0.287, 0.456, 0.146, 0.111}},
                 {1, 0, 0, 1, 0.111}, 3, Action::C) {}

}  // namespace kindest::strategies
