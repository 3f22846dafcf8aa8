#pragma once
// Named neural-network players: the Axelrod library's trained networks, weights carried over
// as data (strategies/ann_weights.cpp).
#include <array>

#include "strategies/ann.hpp"

namespace kindest::strategies {

namespace ann_weights {
extern const std::array<double, 190> evolved_ann;
extern const std::array<double, 95> evolved_ann_5;
extern const std::array<double, 95> evolved_ann_noise_05;
}  // namespace ann_weights

/// Network of 10 hidden units trained by the library's authors in noiseless tournaments
/// (Martin Jones) [Harper2017].
class EvolvedANN final : public StrategyOf<EvolvedANN, ANN> {
 public:
  static constexpr StrategyInfo info{
      .id = "EvolvedANN",
      .name = "Evolved ANN",
      .aliases = "",
      .summary = "Trained neural network (10 hidden units) on 17 features of the history.",
      .cite = "Harper2017",
      .memory_depth = -1,
      .stochastic = false};
  EvolvedANN() : StrategyOf(10, ann_weights::evolved_ann) {}
};

/// Network of 5 hidden units trained by the library's authors in noiseless tournaments (Marc
/// Harper) [Harper2017].
class EvolvedANN5 final : public StrategyOf<EvolvedANN5, ANN> {
 public:
  static constexpr StrategyInfo info{
      .id = "EvolvedANN5",
      .name = "Evolved ANN 5",
      .aliases = "",
      .summary = "Trained neural network (5 hidden units) on 17 features of the history.",
      .cite = "Harper2017",
      .memory_depth = -1,
      .stochastic = false};
  EvolvedANN5() : StrategyOf(5, ann_weights::evolved_ann_5) {}
};

/// Network of 5 hidden units trained by the library's authors with noise 0.05 (Marc Harper)
/// [Harper2017].
class EvolvedANNNoise05 final : public StrategyOf<EvolvedANNNoise05, ANN> {
 public:
  static constexpr StrategyInfo info{
      .id = "EvolvedANNNoise05",
      .name = "Evolved ANN 5 Noise 05",
      .aliases = "",
      .summary = "Neural network (5 hidden units) trained with noise 0.05; 17 history features.",
      .cite = "Harper2017",
      .memory_depth = -1,
      .stochastic = false};
  EvolvedANNNoise05() : StrategyOf(5, ann_weights::evolved_ann_noise_05) {}
};

}  // namespace kindest::strategies
