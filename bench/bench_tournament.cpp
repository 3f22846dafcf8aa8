// Tournament throughput and memory. Prints one markdown row per (scenario, threads):
//   bench_tournament [SCENARIO ...]     scenarios: axelrod1980 deterministic noisy memory200
//                                       full_library
// "simulated" counts turns actually played; "represented" counts the turns the tournament
// stands for (deterministic pairs without noise play each match once and reuse it). memory200:
// 200 entrants (the library, repeated) x 1000 repetitions x 200 turns, noise 0.05. full_library:
// experiments/full_library_noise.ini's field and setting (every named strategy, 100 repetitions,
// 200 turns, noise 0.05), the one timed side by side with the Axelrod library in bench/README.md.
#include <sys/resource.h>
#include <tbb/global_control.h>
#include <tbb/info.h>

#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

#include "engine/tournament/round_robin.hpp"
#include "strategies/registry.hpp"

using namespace kindest;

namespace {

struct Scenario {
  std::string name;
  std::vector<Player> players;
  tournament::TournamentSettings settings;
};

std::vector<Player> deterministic_players() {
  std::vector<Player> out;
  for (const auto& s : strategies::registry().named())
    if (!s.info.stochastic) out.push_back({std::string(s.info.id), s.make()});
  return out;
}

Scenario make(const std::string& name) {
  const auto& r = strategies::registry();
  if (name == "axelrod1980")
    return {name,
            r.make_players("TitForTat, FirstByTidemanAndChieruzzi, FirstByNydegger, FirstByGrofman,"
                           "FirstByShubik, FirstBySteinAndRapoport, Grudger, FirstByDavis,"
                           "FirstByGraaskamp, FirstByDowning, FirstByFeld, FirstByJoss,"
                           "FirstByTullock, FirstByAnonymous, Random"),
            {.match = {.turns = 200}, .repetitions = 10}};
  if (name == "deterministic")
    return {name, deterministic_players(), {.match = {.turns = 200}, .repetitions = 100}};
  if (name == "noisy")
    return {name,
            deterministic_players(),
            {.match = {.turns = 200, .execution_error_rate = 0.05}, .repetitions = 100}};
  if (name == "full_library")
    return {name,
            r.make_players("@all"),
            {.match = {.turns = 200, .execution_error_rate = 0.05}, .repetitions = 100}};
  if (name == "memory200") {
    std::vector<Player> players;
    const auto& named = r.named();
    for (std::size_t k = 0; players.size() < 200; ++k) {
      const auto& s = named[k % named.size()];
      players.push_back({std::string(s.info.id) + "#" + std::to_string(k), s.make()});
    }
    return {name,
            players,
            {.match = {.turns = 200, .execution_error_rate = 0.05}, .repetitions = 1000}};
  }
  std::fprintf(stderr, "unknown scenario %s\n", name.c_str());
  std::exit(2);
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> names(argv + 1, argv + argc);
  if (names.empty()) names = {"axelrod1980", "deterministic", "noisy", "memory200", "full_library"};
  const int cores = tbb::info::default_concurrency();
  std::printf(
      "| scenario | players | reps | threads | seconds | simulated turns/s | per core | "
      "represented turns/s | max RSS MiB |\n");
  std::printf("|---|---|---|---|---|---|---|---|---|\n");
  for (const auto& name : names) {
    const Scenario s = make(name);
    for (int threads : {1, cores}) {
      tbb::global_control limit(tbb::global_control::max_allowed_parallelism,
                                static_cast<std::size_t>(threads));
      // Small tournaments are repeated until they have run for a second, for a stable timing.
      const auto start = std::chrono::steady_clock::now();
      tournament::TournamentResult result;
      int runs = 0;
      double seconds = 0;
      do {
        result = tournament::run_round_robin(s.players, games::PrisonersDilemma{}, s.settings);
        ++runs;
        seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
      } while (seconds < 1.0);
      seconds /= runs;
      rusage usage{};
      getrusage(RUSAGE_SELF, &usage);
      const double simulated = static_cast<double>(result.turns_simulated) / seconds;
      std::printf("| %s | %zu | %lld | %d | %.3f | %.3g | %.3g | %.3g | %.0f |\n", name.c_str(),
                  s.players.size(), static_cast<long long>(s.settings.repetitions), threads,
                  seconds, simulated, simulated / threads,
                  static_cast<double>(result.turns_total) / seconds,
                  static_cast<double>(usage.ru_maxrss) / 1024.0);
      std::fflush(stdout);
    }
  }
}
