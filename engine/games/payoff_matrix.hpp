#pragma once
// A symmetric n x n matrix game: entry (i, j) is the payoff to strategy i against strategy j.
// The common currency between games, tournaments and population dynamics.
#include <cstddef>
#include <string>
#include <vector>

#include "engine/core/errors.hpp"

namespace kindest::games {

class PayoffMatrix {
 public:
  PayoffMatrix() = default;
  explicit PayoffMatrix(std::size_t n, double fill = 0) : n_(n), a_(n * n, fill) {}
  PayoffMatrix(std::size_t n, std::vector<double> row_major) : n_(n), a_(std::move(row_major)) {
    if (a_.size() != n * n)
      throw ModelError("payoff matrix", "entries", std::to_string(a_.size()),
                       "must be n * n = " + std::to_string(n * n));
  }

  std::size_t size() const noexcept { return n_; }
  double operator()(std::size_t i, std::size_t j) const noexcept { return a_[i * n_ + j]; }
  double& operator()(std::size_t i, std::size_t j) noexcept { return a_[i * n_ + j]; }
  const std::vector<double>& row_major() const noexcept { return a_; }

 private:
  std::size_t n_ = 0;
  std::vector<double> a_;
};

}  // namespace kindest::games
