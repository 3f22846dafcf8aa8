#include "engine/record/invasion_recorder.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <stdexcept>

namespace kindest::record {
InvasionRecorder::InvasionRecorder(Hdf5Writer& writer, std::size_t replicates, std::size_t capacity,
                                   std::size_t expected_rows)
    : writer_(writer),
      capacity_(capacity),
      expected_rows_(expected_rows),
      buffers_(replicates),
      written_rows_(replicates, 0) {}

std::string InvasionRecorder::group(std::size_t replicate) {
  char name[32];
  std::snprintf(name, sizeof name, "/invasion/r%04zu", replicate);
  return name;
}

void InvasionRecorder::create(std::size_t replicate, const InvasionCheckpoint& initial) {
  const std::string g = group(replicate);
  const std::vector<std::size_t> scalar{}, rule{4};
  writer_.create_series(g + "/generation", scalar, std::vector<std::uint64_t>{}, "generations",
                        "Generation of each record, strictly increasing; 0 = the start.",
                        expected_rows_);
  writer_.create_series(g + "/residents", scalar, std::vector<std::uint32_t>{}, "rules",
                        "Number of distinct rules present.", expected_rows_);
  writer_.create_series(g + "/mean_rule", rule, std::vector<double>{}, "probability",
                        "Frequency-weighted mean rule (p_CC, p_CD, p_DC, p_DD).", expected_rows_);
  writer_.create_series(g + "/dominant_rule", rule, std::vector<double>{}, "probability",
                        "The most frequent rule (p_CC, p_CD, p_DC, p_DD).", expected_rows_);
  writer_.create_series(g + "/dominant_frequency", scalar, std::vector<double>{}, "-",
                        "Frequency of the most frequent rule.", expected_rows_);
  writer_.create_series(g + "/average_payoff", scalar, std::vector<double>{}, "payoff per round",
                        "Population mean payoff x . A x (without background fitness).",
                        expected_rows_);
  writer_.create_series(g + "/cooperation_rate", scalar, std::vector<double>{}, "-",
                        "Expected fraction of cooperative moves, x . C x.", expected_rows_);
  writer_.write(Dataset{g + "/checkpoint/generation",
                        {1},
                        std::vector<std::uint64_t>{initial.generation},
                        "generations",
                        "Last generation whose state is saved in the checkpoint; resume starts "
                        "after it."});
  writer_.create_padded(g + "/checkpoint/rules", {capacity_, 4}, "probability",
                        "Rules present at checkpoint/generation, in order of arrival; NaN rows "
                        "after the last.");
  writer_.create_padded(g + "/checkpoint/frequencies", {capacity_}, "-",
                        "Frequency of each checkpoint rule; NaN after the last.");
  write_state(replicate, initial);
}

void InvasionRecorder::write_state(std::size_t replicate, const InvasionCheckpoint& state) {
  const std::size_t k = state.rules.size();
  if (k > capacity_ || k != state.frequencies.size())
    throw std::logic_error("InvasionRecorder: checkpoint of " + std::to_string(k) +
                           " rules exceeds the capacity");
  const std::size_t rows = std::max(k, written_rows_[replicate]);
  std::vector<double> rules(rows * 4, std::nan("")), x(rows, std::nan(""));
  for (std::size_t i = 0; i < k; ++i) {
    for (std::size_t s = 0; s < 4; ++s) rules[4 * i + s] = state.rules[i][s];
    x[i] = state.frequencies[i];
  }
  const std::string g = group(replicate);
  writer_.overwrite(g + "/checkpoint/generation", std::vector<std::uint64_t>{state.generation});
  writer_.overwrite_rows(g + "/checkpoint/rules", rules);
  writer_.overwrite_rows(g + "/checkpoint/frequencies", x);
  written_rows_[replicate] = rows;
}

InvasionCheckpoint InvasionRecorder::resume(std::size_t replicate) {
  const std::string g = group(replicate);
  InvasionCheckpoint c;
  c.generation =
      static_cast<std::uint64_t>(writer_.read_numbers(g + "/checkpoint/generation").at(0));
  const auto rules = writer_.read_numbers(g + "/checkpoint/rules");
  const auto x = writer_.read_numbers(g + "/checkpoint/frequencies");
  for (std::size_t i = 0; i < x.size() && !std::isnan(x[i]); ++i) {
    c.rules.push_back({rules[4 * i], rules[4 * i + 1], rules[4 * i + 2], rules[4 * i + 3]});
    c.frequencies.push_back(x[i]);
  }
  written_rows_[replicate] = c.rules.size();
  writer_.truncate_after(
      g + "/generation", static_cast<double>(c.generation),
      {g + "/residents", g + "/mean_rule", g + "/dominant_rule", g + "/dominant_frequency",
       g + "/average_payoff", g + "/cooperation_rate"});
  return c;
}

void InvasionRecorder::record(std::size_t replicate, const InvasionRecord& row) {
  Buffer& b = buffers_[replicate];
  b.generation.push_back(row.generation);
  b.residents.push_back(row.residents);
  b.mean_rule.insert(b.mean_rule.end(), row.mean_rule.begin(), row.mean_rule.end());
  b.dominant_rule.insert(b.dominant_rule.end(), row.dominant_rule.begin(), row.dominant_rule.end());
  b.dominant_frequency.push_back(row.dominant_frequency);
  b.average_payoff.push_back(row.average_payoff);
  b.cooperation_rate.push_back(row.cooperation_rate);
}

void InvasionRecorder::checkpoint(std::size_t replicate, const InvasionCheckpoint& state,
                                  bool flush) {
  Buffer& b = buffers_[replicate];
  const std::string g = group(replicate);
  writer_.append(g + "/generation", b.generation);
  writer_.append(g + "/residents", b.residents);
  writer_.append(g + "/mean_rule", b.mean_rule);
  writer_.append(g + "/dominant_rule", b.dominant_rule);
  writer_.append(g + "/dominant_frequency", b.dominant_frequency);
  writer_.append(g + "/average_payoff", b.average_payoff);
  writer_.append(g + "/cooperation_rate", b.cooperation_rate);
  write_state(replicate, state);
  if (flush) writer_.flush();
  b = Buffer{};
}

}  // namespace kindest::record
