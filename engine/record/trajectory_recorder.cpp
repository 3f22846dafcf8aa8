#include "engine/record/trajectory_recorder.hpp"

#include <cstdio>

namespace kindest::record {

TrajectoryRecorder::TrajectoryRecorder(Hdf5Writer& writer, std::size_t replicates,
                                       std::size_t strategies, std::size_t expected_rows)
    : writer_(writer),
      strategies_(strategies),
      expected_rows_(expected_rows),
      buffers_(replicates) {}

std::string TrajectoryRecorder::group(std::size_t replicate) {
  char name[32];
  std::snprintf(name, sizeof name, "/replicates/r%04zu", replicate);
  return name;
}

void TrajectoryRecorder::create(std::size_t replicate, const std::vector<std::uint32_t>& initial) {
  const std::string g = group(replicate);
  const std::vector<std::size_t> scalar{}, row{strategies_};
  writer_.create_series(
      g + "/generation", scalar, std::vector<std::uint64_t>{}, "generations",
      "Generation of each record, strictly increasing; 0 = the initial population.",
      expected_rows_);
  writer_.create_series(g + "/counts", row, std::vector<std::uint32_t>{}, "individuals",
                        "Individuals playing each strategy; each row sums to the population size.",
                        expected_rows_);
  writer_.create_series(
      g + "/mean_payoff", row, std::vector<double>{}, "payoff per turn",
      "Expected payoff of one individual of each strategy; NaN where the count is 0.",
      expected_rows_);
  writer_.create_series(g + "/average_payoff", scalar, std::vector<double>{}, "payoff per turn",
                        "Population mean payoff: sum of counts x mean_payoff over the size.",
                        expected_rows_);
  writer_.create_series(g + "/cooperation_rate", scalar, std::vector<double>{}, "-",
                        "Expected fraction of cooperative moves in an encounter of two random "
                        "individuals; NaN when the game has no moves (plain matrix game).",
                        expected_rows_);
  writer_.write(Dataset{
      g + "/checkpoint/generation",
      {1},
      std::vector<std::uint64_t>{0},
      "generations",
      "Last generation whose state is saved in checkpoint/counts; resume starts after it."});
  writer_.write(Dataset{g + "/checkpoint/counts",
                        {strategies_},
                        initial,
                        "individuals",
                        "Population at checkpoint/generation."});
}

Checkpoint TrajectoryRecorder::resume(std::size_t replicate) {
  const std::string g = group(replicate);
  Checkpoint c;
  c.generation =
      static_cast<std::uint64_t>(writer_.read_numbers(g + "/checkpoint/generation").at(0));
  for (double x : writer_.read_numbers(g + "/checkpoint/counts"))
    c.counts.push_back(static_cast<std::uint32_t>(x));
  writer_.truncate_after(
      g + "/generation", static_cast<double>(c.generation),
      {g + "/counts", g + "/mean_payoff", g + "/average_payoff", g + "/cooperation_rate"});
  return c;
}

void TrajectoryRecorder::record(std::size_t replicate, const GenerationRecord& row) {
  Buffer& b = buffers_[replicate];
  b.generation.push_back(row.generation);
  b.counts.insert(b.counts.end(), row.counts.begin(), row.counts.end());
  b.mean_payoff.insert(b.mean_payoff.end(), row.mean_payoff.begin(), row.mean_payoff.end());
  b.average_payoff.push_back(row.average_payoff);
  b.cooperation_rate.push_back(row.cooperation_rate);
}

void TrajectoryRecorder::checkpoint(std::size_t replicate, const Checkpoint& state, bool flush) {
  Buffer& b = buffers_[replicate];
  const std::string g = group(replicate);
  writer_.append(g + "/generation", b.generation);
  writer_.append(g + "/counts", b.counts);
  writer_.append(g + "/mean_payoff", b.mean_payoff);
  writer_.append(g + "/average_payoff", b.average_payoff);
  writer_.append(g + "/cooperation_rate", b.cooperation_rate);
  writer_.overwrite(g + "/checkpoint/generation", std::vector<std::uint64_t>{state.generation});
  writer_.overwrite(g + "/checkpoint/counts", state.counts);
  if (flush) writer_.flush();
  b = Buffer{};
}

}  // namespace kindest::record
