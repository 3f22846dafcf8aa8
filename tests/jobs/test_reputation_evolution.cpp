// The evolution job with [payoffs] source = reputation: exact realised payoffs in a
// hand-checkable case, the Fermi rule on them, identical files for 1, 2 and 4 threads, and
// resume after an interruption to the uninterrupted file's bits.
#include <tbb/global_control.h>

#include <catch2/catch.hpp>
#include <cmath>

#include "engine/config/load.hpp"
#include "engine/core/errors.hpp"
#include "engine/dynamics/pairwise_comparison.hpp"
#include "engine/jobs/evolution_job.hpp"
#include "engine/population/individuals.hpp"
#include "engine/record/hdf5_reader.hpp"
#include "engine/reputation/reputation_game.hpp"
#include "hdf5_contents.hpp"
#include "stop_and_resume.hpp"
#include "strategies/registry.hpp"
#include "strategy_resolver.hpp"
#include "temp_dir.hpp"

using namespace kindest;
using kindest::testing::check_same_contents;
using kindest::testing::contents;
using kindest::testing::TempDir;

namespace {

config::Config reputation_config(std::vector<std::string> extra = {}) {
  std::vector<std::string> o = {"run.job=evolution",
                                "run.seed=5",
                                "payoffs.source=reputation",
                                "game.type=donation_game",
                                "game.benefit=5",
                                "game.cost=1",
                                "population.size=70",
                                "population.strategies=ALLC, ALLD, DISC",
                                "reputation.norm=SternJudging",
                                "reputation.assessment=private",
                                "reputation.observation_probability=0.9",
                                "reputation.perception_error=0.05",
                                "reputation.execution_error=0.02",
                                "reputation.rounds_per_generation=3",
                                "dynamics.mutation_rate=0.02",
                                "dynamics.generations=60",
                                "dynamics.replicates=3",
                                "record.interval=4",
                                "record.flush_every=3"};
  o.insert(o.end(), extra.begin(), extra.end());
  return config::load_config("", o);
}

std::string group(std::size_t r) { return "/replicates/r000" + std::to_string(r); }

}  // namespace

TEST_CASE("reputation evolution: ALLC vs ALLD over all pairs, payoffs by hand",
          "[jobs][evolution][reputation]") {
  // all_pairs: each individual donates once to each of the N - 1 others per round, so with no
  // errors an ALLC individual gets b (n_C - 1) - c (N - 1) per round and an ALLD one b n_C:
  // exact per composition. The institution judges by Image Scoring (C -> G, D -> B) and sees
  // every action, so after a round exactly the ALLC individuals are good: good_fraction =
  // n_C (N - 1) / (N (N - 1)) = n_C / N, and cooperation_rate = n_C / N.
  TempDir dir;
  const auto path = dir.file("h.h5");
  const std::uint32_t n = 10;
  jobs::run_evolution_job(
      reputation_config({"population.size=10", "population.strategies=ALLC, ALLD",
                         "population.initial_counts=6,4", "reputation.interaction=all_pairs",
                         "reputation.assessment=public", "reputation.norm=ImageScoring",
                         "reputation.observation_probability=1", "reputation.perception_error=0",
                         "reputation.execution_error=0", "dynamics.process=moran_death_birth",
                         "dynamics.selection_intensity=0.05", "dynamics.mutation_rate=0.3",
                         "record.interval=1", "dynamics.replicates=1"}),
      testing::resolver(), {.path = path});
  const auto counts = record::read_numbers(path, group(0) + "/counts");
  const auto payoff = record::read_numbers(path, group(0) + "/mean_payoff");
  const auto rate = record::read_numbers(path, group(0) + "/cooperation_rate");
  const auto good = record::read_numbers(path, group(0) + "/good_fraction");
  REQUIRE(rate.size() == 61);
  CHECK(counts[0] == 6);
  bool mixed = false;
  for (std::size_t t = 0; t < rate.size(); ++t) {
    const double c = counts[2 * t], d = counts[2 * t + 1];
    INFO("record " << t << ": " << c << " ALLC");
    REQUIRE(c + d == n);
    mixed |= c > 0 && d > 0;
    if (c > 0) CHECK(payoff[2 * t] == 5 * (c - 1) - 1.0 * (n - 1));
    if (d > 0) CHECK(payoff[2 * t + 1] == 5 * c);
    CHECK(rate[t] == c / n);
    CHECK(good[t] == c / n);
  }
  CHECK(mixed);
}

TEST_CASE("reputation evolution: realised payoffs drive the Fermi rule",
          "[jobs][evolution][reputation]") {
  // The same hand-checkable game: N = 8, 5 ALLC and 3 ALLD, all pairs, no errors. One round's
  // realised payoffs are pi_C = 5 * 4 - 7 = 13 and pi_D = 25. A pairwise-comparison event
  // turns an ALLC into an ALLD with probability n_C/N * n_D/(N - 1) / (1 + exp(-beta (pi_D -
  // pi_C))), the count-based process's transition probability; checked by frequency over many
  // seeded events.
  // The payoffs per individual are the same whether observers judge each action (public) or
  // one sampled action per donor after the round (private, Radzvilavicius et al. 2019), which
  // plays the round on its own path.
  reputation::GameSettings settings;
  settings.benefit = 5;
  settings.cost = 1;
  settings.assessment = reputation::Assessment::public_institution;
  settings.interaction = reputation::Interaction::all_pairs;
  settings.norm = reputation::parse_norm("ImageScoring");
  if (GENERATE(false, true)) {
    settings.assessment = reputation::Assessment::private_views;
    settings.observation = reputation::Observation::one_action_per_donor;
  }
  INFO("one_action_per_donor " << (settings.observation ==
                                   reputation::Observation::one_action_per_donor));
  const auto people = population::Individuals::from_counts({5, 3});
  reputation::ReputationGame game(
      settings, {reputation::parse_strategy("ALLC"), reputation::parse_strategy("ALLD")},
      people.strategy_of(), 1, 0);
  reputation::ReputationResults m(2);
  m.individual_payoff.assign(8, 0.0);
  game.play_round(&m);
  for (std::uint32_t i = 0; i < 8; ++i) REQUIRE(m.individual_payoff[i] == (i < 5 ? 13.0 : 25.0));
  const double beta = 0.1;
  dynamics::ProcessSettings process{.selection_intensity = beta};
  const int events = 200000;
  double c_to_d = 0, d_to_c = 0;
  Stream rng(4, Purpose::simulation_check);
  for (int e = 0; e < events; ++e) {
    const auto u = population::pairwise_comparison_event(people, m.individual_payoff, process, rng);
    if (people.strategy(u.individual) == 0 && u.strategy == 1) ++c_to_d;
    if (people.strategy(u.individual) == 1 && u.strategy == 0) ++d_to_c;
  }
  const double up = 5.0 / 8 * 3.0 / 7 / (1 + std::exp(-beta * 12));
  const double down = 3.0 / 8 * 5.0 / 7 / (1 + std::exp(beta * 12));
  CHECK(std::abs(c_to_d / events - up) < 5 * std::sqrt(up * (1 - up) / events));
  CHECK(std::abs(d_to_c / events - down) < 5 * std::sqrt(down * (1 - down) / events));
}

TEST_CASE("reputation evolution: one action per donor, payoffs per individual add up",
          "[jobs][evolution][reputation]") {
  // With DISC, errors and random views there is no hand value per individual, but b times the
  // C an individual received minus c times the C it gave, summed over the individuals of each
  // strategy, must equal the game's sums by strategy (counted from the same actions by
  // strategy lanes, a separate path) -- and be far from 0 (the sampled path once left every
  // individual at 0, and selection with nothing to act on).
  reputation::GameSettings settings;
  settings.interaction = reputation::Interaction::all_pairs;
  settings.observation = reputation::Observation::one_action_per_donor;
  settings.norm = reputation::parse_norm("SternJudging");
  settings.execution_error = 0.1;
  settings.assessment_error = 0.05;
  settings.initial_reputation = reputation::InitialReputation::random;
  std::vector<std::uint32_t> of(131);  // three words of observers, the last one partial
  for (std::uint32_t i = 0; i < of.size(); ++i) of[i] = (i * 7) % 3;
  reputation::ReputationGame game(
      settings,
      {reputation::parse_strategy("ALLC"), reputation::parse_strategy("ALLD"),
       reputation::parse_strategy("DISC")},
      of, 3, 0);
  for (int round = 0; round < 3; ++round) {
    reputation::ReputationResults m(3);
    m.individual_payoff.assign(of.size(), 0.0);
    game.play_round(&m);
    std::vector<double> by(3, 0.0);
    for (std::uint32_t i = 0; i < of.size(); ++i) by[of[i]] += m.individual_payoff[i];
    for (std::size_t s = 0; s < 3; ++s) {
      INFO("round " << round << " strategy " << s);
      CHECK(by[s] == m.payoff[s]);  // integers times b = 5, c = 1: exact either way
    }
    CHECK(by[1] > 0);  // ALLD only receives
    CHECK(by[0] < by[1]);
  }
}

TEST_CASE("reputation evolution: payoff_per_partner divides the Fermi rule's gain by N - 1",
          "[jobs][evolution][reputation]") {
  // N = 8 ALLC and ALLD over all pairs, no errors: an ALLD individual earns b n_C per round and
  // an ALLC one b (n_C - 1) - c (N - 1), so pi_D - pi_C = b + c (N - 1) = 12 in every
  // composition, or 12 / 7 per partner. Without mutation every change of strategy is one
  // pairwise-comparison event between an ALLC and an ALLD individual, equally likely to pick
  // either as the focal one; the focal one adopts by the Fermi rule. So of all changes the
  // share that turn an ALLC into an ALLD is 1 / (1 + exp(-beta gain)): 0.9975 for the total,
  // 0.70 per partner at beta = 0.5.
  TempDir dir;
  for (const bool per_partner : {false, true}) {
    INFO("payoff_per_partner " << per_partner);
    const auto path = dir.file(per_partner ? "partner.h5" : "round.h5");
    jobs::run_evolution_job(
        reputation_config(
            {"population.size=8", "population.strategies=ALLC, ALLD",
             "population.initial_counts=5,3", "reputation.interaction=all_pairs",
             "reputation.assessment=private", "reputation.observation=one_action_per_donor",
             "reputation.norm=ImageScoring", "reputation.observation_probability=1",
             "reputation.perception_error=0", "reputation.execution_error=0",
             "reputation.rounds_per_generation=1",
             std::string("reputation.payoff_per_partner=") + (per_partner ? "true" : "false"),
             "dynamics.selection_intensity=0.5", "dynamics.mutation_rate=0",
             "dynamics.updates_per_generation=1", "dynamics.generations=30",
             "dynamics.replicates=300", "record.interval=1", "record.flush_every=100"}),
        testing::resolver(), {.path = path});
    double to_d = 0, to_c = 0;
    for (std::size_t r = 0; r < 300; ++r) {
      std::string digits = std::to_string(r);
      digits.insert(0, 4 - digits.size(), '0');
      const auto counts = record::read_numbers(path, "/replicates/r" + digits + "/counts");
      for (std::size_t t = 1; 2 * t < counts.size(); ++t) {
        to_d += counts[2 * t] < counts[2 * t - 2];
        to_c += counts[2 * t] > counts[2 * t - 2];
      }
    }
    const double moves = to_d + to_c,
                 expected = 1 / (1 + std::exp(-0.5 * (per_partner ? 12.0 / 7 : 12.0)));
    INFO(to_d << " of " << moves << " changes turned ALLC into ALLD; expected share " << expected);
    REQUIRE(moves > 300);
    CHECK(std::abs(to_d / moves - expected) <
          4 * std::sqrt(expected * (1 - expected) / moves) + 1.0 / moves);
  }
  // Only all_pairs meets every partner once a round.
  CHECK_THROWS_WITH(
      jobs::run_evolution_job(reputation_config({"reputation.payoff_per_partner=true"}),
                              testing::resolver(), {.path = dir.file("sweeps.h5")}),
      Catch::Matchers::Contains("payoff_per_partner = true"));
}

TEST_CASE("reputation evolution: local mutation changes one entry of the action rule",
          "[jobs][evolution][reputation]") {
  // ALLC = (C, C), ALLD = (D, D), DISC = (C toward G, D toward B): with a small scale a mutant
  // changes one of the two, so ALLC and ALLD mutate only to DISC and DISC to ALLC or ALLD,
  // half each (Radzvilavicius, Kessinger & Plotkin 2021). Neutral (beta = 0), every event a
  // mutation, one event per generation: each change between consecutive records is one such
  // step, never ALLC <-> ALLD.
  TempDir dir;
  const auto path = dir.file("local.h5");
  jobs::run_evolution_job(
      reputation_config({"dynamics.mutation=local", "dynamics.mutation_scale=0.1",
                         "dynamics.mutation_rate=1", "dynamics.selection_intensity=0",
                         "dynamics.updates_per_generation=1", "dynamics.generations=400",
                         "dynamics.replicates=1", "record.interval=1"}),
      testing::resolver(), {.path = path});
  const auto counts = record::read_numbers(path, group(0) + "/counts");
  REQUIRE(counts.size() == 401 * 3);
  double from_disc_to_c = 0, from_disc_to_d = 0, to_disc = 0;
  for (std::size_t t = 1; t < 401; ++t) {
    const double dc = counts[3 * t] - counts[3 * t - 3], dd = counts[3 * t + 1] - counts[3 * t - 2],
                 dx = counts[3 * t + 2] - counts[3 * t - 1];
    INFO("generation " << t);
    REQUIRE(dc + dd + dx == 0);
    REQUIRE(std::abs(dx) == 1);  // every event mutates, and every mutation goes to or from DISC
    to_disc += dx > 0;
    from_disc_to_c += dc > 0;
    from_disc_to_d += dd > 0;
  }
  // DISC -> ALLC or ALLD with probability 1/2 each: binomial, 4 standard deviations.
  const double from_disc = from_disc_to_c + from_disc_to_d;
  REQUIRE(from_disc > 50);
  CHECK(std::abs(from_disc_to_c / from_disc - 0.5) < 4 * 0.5 / std::sqrt(from_disc));
  CHECK(to_disc > 50);
}

TEST_CASE("reputation evolution: identical files for 1, 2 and 4 threads",
          "[jobs][evolution][reputation]") {
  TempDir dir;
  for (const auto& process :
       {"pairwise_comparison", "moran_birth_death", "moran_death_birth", "wright_fisher"}) {
    for (const auto& game :
         {std::vector<std::string>{},
          std::vector<std::string>{"population.strategies=Score(-5), Score(0), Score(1), Score(6)",
                                   "reputation.assessment=public",
                                   "reputation.norm=", "reputation.interaction=random_pairs"}}) {
      INFO(process << (game.empty() ? " private norms" : " public image scores"));
      auto o = game;
      o.push_back(std::string("dynamics.process=") + process);
      o.push_back("dynamics.selection_intensity=0.3");
      const auto c = reputation_config(o);
      std::vector<std::map<std::string, std::vector<unsigned char>>> runs;
      for (int threads : {1, 2, 4}) {
        tbb::global_control limit(tbb::global_control::max_allowed_parallelism,
                                  static_cast<std::size_t>(threads));
        const auto path = dir.file("t" + std::to_string(threads) + ".h5");
        jobs::run_evolution_job(c, testing::resolver(), {.path = path, .overwrite = true});
        runs.push_back(contents(path));
      }
      REQUIRE(runs[0].count("/replicates/r0002/checkpoint/views") == 1);
      CHECK(runs[1] == runs[0]);
      CHECK(runs[2] == runs[0]);
    }
  }
}

TEST_CASE("reputation evolution: an interrupted run resumes to the same bits",
          "[jobs][evolution][reputation]") {
  TempDir dir;
  for (const auto& game :
       {std::vector<std::string>{},
        std::vector<std::string>{"population.strategies=Score(-5), Score(0), Score(6)",
                                 "reputation.assessment=private",
                                 "reputation.norm=", "reputation.interaction=random_pairs",
                                 "dynamics.process=wright_fisher"}}) {
    INFO((game.empty() ? "private norms" : "private image scores"));
    const auto c = reputation_config(game);
    const auto whole = dir.file("whole.h5");
    jobs::run_evolution_job(c, testing::resolver(), {.path = whole, .overwrite = true});
    for (std::uint64_t stop_after : {1u, 77u, 150u}) {
      INFO("stopped after " << stop_after << " generations in all");
      tbb::global_control one(tbb::global_control::max_allowed_parallelism, 1);
      const auto part = dir.file("part" + std::to_string(stop_after) + ".h5");
      std::atomic<bool> stop{false};
      const auto first = jobs::run_evolution_job(
          c, testing::resolver(), {.path = part, .overwrite = true},
          [&](std::uint64_t done, std::uint64_t) {
            if (done >= stop_after) stop = true;
          },
          &stop);
      CHECK(first.interrupted);
      const auto second =
          jobs::run_evolution_job(c, testing::resolver(), {.path = part, .resume = true});
      CHECK_FALSE(second.interrupted);
      check_same_contents(part, whole);
    }
  }
}

TEST_CASE("reputation evolution: a stop inside a generation's game resumes to the same bits",
          "[jobs][evolution][reputation][stop]") {
  // 2000 rounds per generation: a stop arrives while a game is being played (generation 0's
  // game is played when a replicate starts), the generation is discarded, and the resume
  // replays it from the last checkpoint. When the stop lands is up to the clock; the bits are
  // not.
  TempDir dir;
  const auto c = reputation_config(
      {"reputation.rounds_per_generation=2000", "dynamics.generations=12", "record.interval=1"});
  WARN(testing::check_stopped_runs_resume(c, dir, {2, 40, 150}) << " of 3 runs stopped part-way");
}

TEST_CASE("reputation evolution: individuals and counts agree, records are consistent",
          "[jobs][evolution][reputation]") {
  TempDir dir;
  const auto path = dir.file("c.h5");
  const auto out =
      jobs::run_evolution_job(reputation_config(), testing::resolver(), {.path = path});
  for (std::size_t r = 0; r < 3; ++r) {
    const auto counts = record::read_numbers(path, group(r) + "/counts");
    const auto rate = record::read_numbers(path, group(r) + "/cooperation_rate");
    const auto good = record::read_numbers(path, group(r) + "/good_fraction");
    const auto by = record::read_numbers(path, group(r) + "/cooperation_by_strategy");
    REQUIRE(rate.size() == 16);  // 0, 4, ..., 60
    for (std::size_t t = 0; t < rate.size(); ++t) {
      REQUIRE(counts[3 * t] + counts[3 * t + 1] + counts[3 * t + 2] == 70);
      CHECK((rate[t] >= 0 && rate[t] <= 1));
      CHECK((good[t] >= 0 && good[t] <= 1));
      // ALLD never cooperates; ALLC only fails by execution error.
      if (counts[3 * t + 1] > 0) CHECK(by[3 * t + 1] == 0);
    }
    const auto individuals = record::read_numbers(path, group(r) + "/checkpoint/individuals");
    std::vector<std::uint32_t> counted(3, 0);
    for (double s : individuals) ++counted[static_cast<std::size_t>(s)];
    CHECK(counted == out.final_counts[r]);
    CHECK(record::read_numbers(path, group(r) + "/checkpoint/views").size() ==
          70 * 2 * 2);  // private: 70 rows of 2 64-bit words as 4 halves -- 70 x 4
  }
}

TEST_CASE("reputation evolution: bad input is one clear message",
          "[jobs][evolution][reputation][bad-input]") {
  TempDir dir;
  CHECK_THROWS_WITH(jobs::run_evolution_job(reputation_config({"reputation.norm="}),
                                            testing::resolver(), {.path = dir.file("a.h5")}),
                    Catch::Matchers::Contains("norm"));
  CHECK_THROWS_WITH(jobs::run_evolution_job(
                        reputation_config({"dynamics.mutation=local", "reputation.norm=",
                                           "population.strategies=Score(-5), Score(0), Score(6)",
                                           "reputation.assessment=public",
                                           "reputation.interaction=random_pairs"}),
                        testing::resolver(), {.path = dir.file("b.h5")}),
                    Catch::Matchers::Contains("mutation = local"));
  CHECK_THROWS_AS(
      jobs::run_evolution_job(reputation_config({"population.strategies=ALLC, Score(0), DISC"}),
                              testing::resolver(), {.path = dir.file("c.h5")}),
      ConfigError);
}

TEST_CASE("reputation evolution: updates_per_generation = 1 changes at most one individual",
          "[jobs][evolution][reputation]") {
  // Radzvilavicius et al. (2019): one pairwise-comparison update between two games. With
  // mutation 0.5 and strong selection many individuals would change per generation at Z events;
  // here consecutive records (every generation) differ by at most one individual.
  TempDir dir;
  const auto path = dir.file("one.h5");
  jobs::run_evolution_job(
      reputation_config({"dynamics.updates_per_generation=1", "dynamics.mutation_rate=0.5",
                         "record.interval=1", "dynamics.replicates=1"}),
      testing::resolver(), {.path = path});
  const auto counts = record::read_numbers(path, group(0) + "/counts");
  REQUIRE(counts.size() == 61 * 3);
  int moves = 0;
  for (std::size_t t = 1; t < 61; ++t) {
    double changed = 0;
    for (std::size_t s = 0; s < 3; ++s)
      changed += std::abs(counts[t * 3 + s] - counts[t * 3 - 3 + s]);
    REQUIRE(changed <= 2);  // one individual moved from one strategy to another, or none
    moves += changed == 2;
  }
  CHECK(moves > 5);  // the updates do happen
  // Only the individual-based processes count events; elsewhere the key is refused.
  CHECK_THROWS_WITH(jobs::run_evolution_job(reputation_config({"dynamics.updates_per_generation=1",
                                                               "dynamics.process=wright_fisher"}),
                                            testing::resolver(), {.path = dir.file("wf.h5")}),
                    Catch::Matchers::Contains("updates_per_generation = 1"));
  CHECK_THROWS_WITH(
      jobs::run_evolution_job(config::load_config("", {"run.job=evolution", "payoffs.source=matrix",
                                                       "dynamics.updates_per_generation=3"}),
                              testing::resolver(), {.path = dir.file("m.h5")}),
      Catch::Matchers::Contains("updates_per_generation = 3"));
}
