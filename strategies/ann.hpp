#pragma once
#include <array>
#include <span>

#include "engine/core/strategy.hpp"

namespace kindest::strategies {

/// A one-hidden-layer neural network player (Martin Jones's ANN in the Axelrod library,
/// trained there [Harper2017]): 17 features of the history -- the opponent's first and second
/// moves, both players' last two moves (each as a C and a D indicator, 0 before they exist),
/// the opponent's and its own cooperation and defection counts, the round number -- feed
/// H hidden units h_j = relu(b_j + sum_k w_jk x_k); it cooperates when sum_j v_j h_j > 0.
/// Weights: 17 H input-to-hidden (hidden unit by hidden unit), then H hidden-to-output v, then
/// H biases b. Sums run in index order, as the library's numpy (reference BLAS) adds them.
///
/// Followed library quirk: its relu is np.vectorize(max(x, 0)), whose output type is that of
/// the first unit's result, so when the first hidden unit is negative (the int 0) every unit
/// is truncated toward zero to an integer. The trained weights were selected under it.
class ANN : public Strategy {
 public:
  static constexpr std::size_t features = 17;

  ANN(std::size_t hidden, std::span<const double> weights) : hidden_(hidden), weights_(weights) {}
  Action move(const History& own, const History& opponent, Stream&) override;

 private:
  std::size_t hidden_;
  std::span<const double> weights_;  // static data, (features + 2) * hidden_ values
};

}  // namespace kindest::strategies
