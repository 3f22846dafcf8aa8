// Reputation game throughput on one core. Prints markdown rows:
//   bench_reputation private   observer updates per second under private assessment, L1,
//                              q = 0.9, perception error 0.05, sweeps, N = 100, 1000, 10000
//   bench_reputation public [rounds [sweeps|random_pairs]]  donor actions per second under
//                              public assessment (rounds of N = 1000: default 100 000; fewer,
//                              and one interaction, for callgrind's instructions per action)
//   bench_reputation large     one sweep of N = 100 000 under private assessment (1.25 GB)
//   bench_reputation empathy   rounds per CPU-second of Radzvilavicius et al.'s game (N = 50,
//                              all_pairs, one action per donor, ALLC/ALLD/DISC), and what the
//                              empathy experiment's 8 cells x 200 replicates x 10 000
//                              generations would cost in game rounds alone
//   bench_reputation groups    the cost of group structure (10, 100 groups) over the
//                              well-mixed game at N = 1000 and 10 000
// An "observer update" is one observer's view of the donor after one action (N per action,
// whether or not that observer saw it: the bit-set path handles all N).
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <string>
#include <vector>

#include "engine/reputation/reputation_game.hpp"

using namespace kindest;
using namespace kindest::reputation;
using Clock = std::chrono::steady_clock;

namespace {

double seconds_since(Clock::time_point t) {
  return std::chrono::duration<double>(Clock::now() - t).count();
}

// CPU seconds of this process: on a shared, overloaded machine wall time counts other
// processes' turns too, so rates per core use CPU time (the "per CPU-second").
double cpu_seconds() { return static_cast<double>(std::clock()) / CLOCKS_PER_SEC; }

void private_views() {
  std::printf(
      "| N | rounds | wall s | CPU s | actions per CPU-s | observer updates per CPU-s |\n"
      "|---|---|---|---|---|---|\n");
  for (std::uint32_t n : {100u, 1000u, 10000u}) {
    GameSettings s;
    s.assessment = Assessment::private_views;
    s.interaction = Interaction::sweeps;
    s.observation_probability = 0.9;
    s.perception_error = 0.05;
    ReputationGame game(s, {parse_strategy("L1")}, std::vector<std::uint32_t>(n, 0), 1, 0);
    game.play_round();  // warm up
    // About 2e9 observer updates per size, at least a second.
    std::uint64_t rounds = std::max<std::uint64_t>(1, 500'000'000ull / (std::uint64_t{n} * n));
    const auto start = Clock::now();
    const double cpu0 = cpu_seconds();
    ReputationResults r(1);
    for (std::uint64_t t = 0; t < rounds; ++t) game.play_round(t + 1 == rounds ? &r : nullptr);
    const double sec = seconds_since(start), cpu = cpu_seconds() - cpu0;
    const double actions = static_cast<double>(rounds) * n;
    std::printf("| %u | %llu | %.3f | %.3f | %.3g | %.3g |\n", n,
                static_cast<unsigned long long>(rounds), sec, cpu, actions / cpu,
                actions * n / cpu);
    std::fflush(stdout);
  }
}

void public_view(std::uint64_t rounds, const std::string& only) {
  std::printf(
      "| assessment | interaction | errors | actions | wall s | CPU s | actions per CPU-s |\n"
      "|---|---|---|---|---|---|---|\n");
  for (auto interaction : {Interaction::sweeps, Interaction::random_pairs}) {
    if (!only.empty() && only != (interaction == Interaction::sweeps ? "sweeps" : "random_pairs"))
      continue;
    for (double e : {0.0, 0.01}) {
      GameSettings s;
      s.assessment = Assessment::public_institution;
      s.interaction = interaction;
      s.norm = parse_norm("SternJudging");
      s.execution_error = e;
      s.perception_error = e;
      s.assessment_error = e;
      const std::uint32_t n = 1000;
      ReputationGame game(s, {parse_strategy("DISC")}, std::vector<std::uint32_t>(n, 0), 1, 0);
      const auto start = Clock::now();
      const double cpu0 = cpu_seconds();
      ReputationResults r(1);
      for (std::uint64_t t = 0; t < rounds; ++t) game.play_round(t + 1 == rounds ? &r : nullptr);
      const double sec = seconds_since(start), cpu = cpu_seconds() - cpu0;
      const double actions = static_cast<double>(rounds) * n;
      std::printf("| public_institution | %s | %g each | %.3g | %.3f | %.3f | %.3g |\n",
                  interaction == Interaction::sweeps ? "sweeps" : "random_pairs", e, actions, sec,
                  cpu, actions / cpu);
      std::fflush(stdout);
    }
  }
}

// N = 100 000 under private assessment: the views take N * ceil(N / 64) * 8 bytes = 1.25 GB.
void large() {
  const std::uint32_t n = 100000;
  GameSettings s;
  s.assessment = Assessment::private_views;
  s.observation_probability = 0.9;
  s.perception_error = 0.05;
  const auto start = Clock::now();
  ReputationGame game(s, {parse_strategy("L1")}, std::vector<std::uint32_t>(n, 0), 1, 0);
  const double setup = seconds_since(start);
  const auto t = Clock::now();
  const double cpu0 = cpu_seconds();
  game.play_round();
  const double sec = seconds_since(t), cpu = cpu_seconds() - cpu0;
  struct rusage usage {};
  getrusage(RUSAGE_SELF, &usage);
  std::printf(
      "| N = %u, one sweep | setup %.2f s | sweep %.1f s wall, %.1f s CPU | %.3g observer "
      "updates per CPU-s | max RSS %.2f GiB |\n",
      n, setup, sec, cpu, static_cast<double>(n) * n / cpu,
      static_cast<double>(usage.ru_maxrss) / (1024.0 * 1024.0));
}

// One game round per generation is what the empathy experiment plays (the strategy update and
// mutation after it are one pairwise comparison and N mutation draws: small beside N^2 views).
void empathy() {
  std::printf(
      "| norm | E | rounds | wall s | CPU s | rounds per CPU-s | 8 x 200 x 10^4 rounds, CPU s "
      "|\n|---|---|---|---|---|---|---|\n");
  for (const char* norm : {"SternJudging", "SimpleStanding"}) {
    for (double e : {0.0, 1.0}) {
      GameSettings s;
      s.interaction = Interaction::all_pairs;
      s.observation = Observation::one_action_per_donor;
      s.norm = parse_norm(norm);
      s.execution_error = 0.02;
      s.assessment_error = 0.02;
      s.empathy = e;
      std::vector<std::uint32_t> of(50);
      for (std::uint32_t i = 0; i < 50; ++i) of[i] = i % 3;
      ReputationGame game(
          s, {parse_strategy("ALLC"), parse_strategy("ALLD"), parse_strategy("DISC")}, of, 1, 0);
      const std::uint64_t rounds = 20000;
      const auto start = Clock::now();
      const double cpu0 = cpu_seconds();
      ReputationResults r(3);
      for (std::uint64_t t = 0; t < rounds; ++t) game.play_round(&r);  // measured, as evolution
      const double sec = seconds_since(start), cpu = cpu_seconds() - cpu0;
      std::printf("| %s | %g | %llu | %.3f | %.3f | %.3g | %.0f |\n", norm, e,
                  static_cast<unsigned long long>(rounds), sec, cpu,
                  static_cast<double>(rounds) / cpu,
                  8 * 200 * 1e4 * cpu / static_cast<double>(rounds));
      std::fflush(stdout);
    }
  }
}

// The cost of group structure over the well-mixed game (issue 10's target: at most 1.5x):
// the same game at N = 1000 and 10 000 with no groups, then 10 and 100 groups with in-group
// favouritism, Group(DISC, ALLD), judged by split norms (Stern Judging in, Image Scoring out),
// and the in-group draw (random_pairs, in_group_probability 0.8). Public: donor actions per
// CPU-second; private (N = 1000 only: N = 10 000 is 1e8 observer updates a round): the same.
void groups() {
  std::printf(
      "| assessment | N | groups | rounds | CPU s | actions per CPU-s | cost over no groups "
      "|\n|---|---|---|---|---|---|---|\n");
  for (const auto assessment : {Assessment::public_institution, Assessment::private_views}) {
    for (std::uint32_t n : {1000u, 10000u}) {
      if (assessment == Assessment::private_views && n > 1000) continue;
      double base = 0;
      for (std::uint32_t m : {1u, 10u, 100u}) {
        GameSettings s;
        s.assessment = assessment;
        s.interaction = Interaction::random_pairs;
        s.norm = parse_norm("SternJudging");
        s.execution_error = 0.01;
        s.perception_error = 0.01;
        s.observation_probability = 0.9;
        std::vector<Strategy> strategies{parse_strategy("DISC")};
        if (m > 1) {
          s.group_sizes = Groups::equal(n, m).sizes();
          s.in_group_probability = 0.8;
          s.out_group_norm = parse_norm("ImageScoring");
          strategies = {parse_strategy("Group(DISC, ALLD)")};
        }
        ReputationGame game(s, strategies, std::vector<std::uint32_t>(n, 0), 1, 0);
        const std::uint64_t rounds =
            assessment == Assessment::private_views ? 200 : 20'000'000ull / n;
        const double cpu0 = cpu_seconds();
        ReputationResults r(1);
        for (std::uint64_t t = 0; t < rounds; ++t) game.play_round(&r);
        const double cpu = cpu_seconds() - cpu0;
        const double rate = static_cast<double>(rounds) * n / cpu;
        if (m == 1) base = rate;
        std::printf("| %s | %u | %u | %llu | %.3f | %.3g | %.2fx |\n",
                    assessment == Assessment::private_views ? "private" : "public_institution", n,
                    m, static_cast<unsigned long long>(rounds), cpu, rate, base / rate);
        std::fflush(stdout);
      }
    }
  }
}

}  // namespace

int main(int argc, char** argv) {
  const std::string what = argc > 1 ? argv[1] : "all";
  if (what == "private" || what == "all") private_views();
  // public [rounds]: fewer rounds (default 100 000 of N = 1000) for instruction counts.
  const std::uint64_t rounds = what == "public" && argc > 2 ? std::stoull(argv[2]) : 100000;
  if (what == "public" || what == "all") public_view(rounds, argc > 3 ? argv[3] : "");
  if (what == "large") large();
  if (what == "empathy" || what == "all") empathy();
  if (what == "groups" || what == "all") groups();
  return 0;
}
