#include "strategies/ann.hpp"

#include <cmath>

namespace kindest::strategies {

Action ANN::move(const History& own, const History& opponent, Stream&) {
  auto is = [](Action a, Action b) { return a == b ? 1.0 : 0.0; };
  std::array<double, features> x{};
  const std::size_t n = opponent.size();
  if (n >= 1) {
    x[0] = is(opponent[0], Action::C);
    x[1] = is(opponent[0], Action::D);
    x[4] = is(own.back(), Action::C);
    x[5] = is(own.back(), Action::D);
    x[8] = is(opponent.back(), Action::C);
    x[9] = is(opponent.back(), Action::D);
  }
  if (n >= 2) {
    x[2] = is(opponent[1], Action::C);
    x[3] = is(opponent[1], Action::D);
    x[6] = is(own.back(2), Action::C);
    x[7] = is(own.back(2), Action::D);
    x[10] = is(opponent.back(2), Action::C);
    x[11] = is(opponent.back(2), Action::D);
  }
  x[12] = static_cast<double>(opponent.cooperations());
  x[13] = static_cast<double>(opponent.defections());
  x[14] = static_cast<double>(own.cooperations());
  x[15] = static_cast<double>(own.defections());
  x[16] = static_cast<double>(own.size());

  const double* input_to_hidden = weights_.data();
  const double* hidden_to_output = input_to_hidden + features * hidden_;
  const double* bias = hidden_to_output + hidden_;
  bool truncate = false;  // the quirk in the class comment
  double output = 0;
  for (std::size_t j = 0; j < hidden_; ++j) {
    double sum = 0;
    for (std::size_t k = 0; k < features; ++k) sum += input_to_hidden[features * j + k] * x[k];
    double h = bias[j] + sum;
    if (j == 0) truncate = h < 0;
    h = h < 0 ? 0.0 : h;
    if (truncate) h = std::trunc(h);
    output += h * hidden_to_output[j];
  }
  return output > 0 ? Action::C : Action::D;
}

}  // namespace kindest::strategies
