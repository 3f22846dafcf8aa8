#pragma once
// Expected payoff of one individual of each strategy in a finite well-mixed population, kept
// up to date as individuals switch strategy. Two sources:
//   MatrixPayoffs  a 2-player matrix game; each individual meets every other once
//                  (self_interaction = false: the Z - 1 others; true: all Z, itself included):
//                    pi_i = (sum_j a_ij n_j - a_ii) / (Z - 1)    or    pi_i = sum_j a_ij n_j / Z
//   GroupPayoffs   an N-player game; co-players drawn without replacement from the Z - 1
//                  others (games::NPlayerGame::expected_payoffs).
// The dynamics call reset() at the start of every generation, so incremental rounding never
// outlives a generation and a resumed run sees exactly the numbers an uninterrupted one sees.
#include <cstdint>
#include <vector>

#include "engine/dynamics/population.hpp"
#include "engine/games/n_player_game.hpp"
#include "engine/games/payoff_matrix.hpp"

namespace kindest::dynamics {

class PopulationPayoffs {
 public:
  virtual ~PopulationPayoffs() = default;
  virtual void reset(const Population& p) = 0;
  /// One individual changed from strategy `from` to `to`.
  virtual void move(std::uint32_t from, std::uint32_t to) = 0;
  /// Expected payoff of one individual of strategy i (meaningful where counts[i] > 0).
  virtual double payoff(std::uint32_t i) const = 0;
  /// All S payoffs at once (one virtual call for the Moran processes' hot loop).
  virtual void all(std::vector<double>& out) const {
    for (std::uint32_t i = 0; i < out.size(); ++i) out[i] = payoff(i);
  }
};

class MatrixPayoffs final : public PopulationPayoffs {
 public:
  MatrixPayoffs(const games::PayoffMatrix& game, bool self_interaction)
      : game_(game), self_interaction_(self_interaction), sums_(game.size()) {
    // move() reads columns of the matrix; keep them contiguous (rows of the transpose).
    const std::size_t s = game.size();
    columns_.resize(s * s);
    for (std::size_t i = 0; i < s; ++i)
      for (std::size_t j = 0; j < s; ++j) columns_[j * s + i] = game(i, j);
  }

  void reset(const Population& p) override {
    const std::size_t s = game_.size();
    for (std::size_t i = 0; i < s; ++i) {
      double sum = 0;
      for (std::size_t j = 0; j < s; ++j) sum += game_(i, j) * p.counts[j];
      sums_[i] = sum;
    }
    size_ = static_cast<double>(p.size());
  }
  void move(std::uint32_t from, std::uint32_t to) override {
    const std::size_t s = sums_.size();
    const double* add = &columns_[to * s];
    const double* remove = &columns_[from * s];
    for (std::size_t i = 0; i < s; ++i) sums_[i] += add[i] - remove[i];
  }
  double payoff(std::uint32_t i) const override {
    return self_interaction_ ? sums_[i] / size_ : (sums_[i] - game_(i, i)) / (size_ - 1);
  }
  void all(std::vector<double>& out) const override {
    const std::size_t s = sums_.size();
    if (self_interaction_) {
      for (std::size_t i = 0; i < s; ++i) out[i] = sums_[i] / size_;
    } else {
      for (std::size_t i = 0; i < s; ++i) out[i] = (sums_[i] - game_(i, i)) / (size_ - 1);
    }
  }

 private:
  const games::PayoffMatrix& game_;
  bool self_interaction_;
  std::vector<double> columns_;  // columns_[j * S + i] = a_ij
  std::vector<double> sums_;
  double size_ = 0;
};

class GroupPayoffs final : public PopulationPayoffs {
 public:
  explicit GroupPayoffs(const games::NPlayerGame& game) : game_(game) {}

  void reset(const Population& p) override {
    counts_.assign(p.counts.begin(), p.counts.end());
    payoffs_ = game_.expected_payoffs(counts_);
  }
  void move(std::uint32_t from, std::uint32_t to) override {
    --counts_[from];
    ++counts_[to];
    payoffs_ = game_.expected_payoffs(counts_);
  }
  double payoff(std::uint32_t i) const override { return payoffs_[i]; }

 private:
  const games::NPlayerGame& game_;
  std::vector<std::size_t> counts_;
  std::vector<double> payoffs_;
};

}  // namespace kindest::dynamics
