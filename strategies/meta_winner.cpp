#include "strategies/meta_winner.hpp"

#include <algorithm>
#include <array>

#include "strategies/registry.hpp"

namespace kindest::strategies {

namespace {

// The library's team, printed from axelrod.MetaWinnerDeterministic().team (v4.13.0).
constexpr std::array<std::string_view, 149> team_ids = {
    "AON2",
    "APavlov2006",
    "APavlov2011",
    "Adaptive",
    "AdaptiveTitForTat",
    "Aggravater",
    "Alexei",
    "Alternator",
    "AlternatorHunter",
    "AntiCycler",
    "AntiTitForTat",
    "Appeaser",
    "BackStabber",
    "Bully",
    "Capri",
    "CollectiveStrategy",
    "ContriteTitForTat",
    "Cooperator",
    "CooperatorHunter",
    "CycleHunter",
    "CyclerCCCCCD",
    "CyclerCCCD",
    "CyclerCCCDCD",
    "CyclerCCD",
    "CyclerDC",
    "CyclerDDC",
    "DBS",
    "Defector",
    "DefectorHunter",
    "DelayedAON1",
    "Detective",
    "DoubleCrosser",
    "DoubleResurrection",
    "Doubler",
    "EasyGo",
    "EugineNier",
    "EventualCycleHunter",
    "EvolvedANN",
    "EvolvedANN5",
    "EvolvedANNNoise05",
    "EvolvedFSM16",
    "EvolvedFSM16Noise05",
    "EvolvedFSM4",
    "EvolvedFSM6",
    "EvolvedLookerUp1_1_1",
    "EvolvedLookerUp2_2_2",
    "FirstByDavis",
    "FirstByDowning",
    "FirstByNydegger",
    "FirstByShubik",
    "FirstBySteinAndRapoport",
    "FirstByTidemanAndChieruzzi",
    "FoolMeOnce",
    "ForgetfulGrudger",
    "Forgiver",
    "ForgivingTitForTat",
    "Fortress3",
    "Fortress4",
    "GeneralSoftGrudger",
    "GoByMajority",
    "GoByMajority10",
    "GoByMajority20",
    "GoByMajority40",
    "GoByMajority5",
    "Golden",
    "Gradual",
    "GradualKiller",
    "Grudger",
    "GrudgerAlternator",
    "Grumpy",
    "Handshake",
    "HardGoByMajority",
    "HardGoByMajority10",
    "HardGoByMajority20",
    "HardGoByMajority40",
    "HardGoByMajority5",
    "HardProber",
    "HardTitFor2Tats",
    "HardTitForTat",
    "InversePunisher",
    "LevelPunisher",
    "LimitedRetaliate",
    "LimitedRetaliate2",
    "LimitedRetaliate3",
    "MEM2",
    "MathConstantHunter",
    "NTitsForMTats",
    "OmegaTFT",
    "OnceBitten",
    "OppositeGrudger",
    "OriginalGradual",
    "Pi",
    "Predator",
    "Prober",
    "Prober2",
    "Prober3",
    "Prober4",
    "Pun1",
    "Punisher",
    "Raider",
    "RandomHunter",
    "Resurrection",
    "Retaliate",
    "Retaliate2",
    "Retaliate3",
    "RevisedDowning",
    "Ripoff",
    "SecondByBorufsen",
    "SecondByColbert",
    "SecondByGladstein",
    "SecondByGraaskampKatzen",
    "SecondByGrofman",
    "SecondByMikkelson",
    "SecondByRichardHufford",
    "SecondByRowsam",
    "SecondByTester",
    "SecondByTidemanAndChieruzzi",
    "SecondByWeiner",
    "SecondByWhite",
    "SecondByYamachi",
    "ShortMem",
    "SlowTitForTwoTats2",
    "SneakyTitForTat",
    "SoftGrudger",
    "SolutionB1",
    "SolutionB5",
    "SpitefulCC",
    "SpitefulTitForTat",
    "SuspiciousTitForTat",
    "TF1",
    "TF2",
    "TF3",
    "ThueMorse",
    "ThueMorseInverse",
    "Thumper",
    "TitFor2Tats",
    "TitForTat",
    "TrickyCooperator",
    "TrickyDefector",
    "TrickyLevelPunisher",
    "TwoTitsForTat",
    "UsuallyCooperates",
    "UsuallyDefects",
    "VeryBad",
    "WinShiftLoseStay",
    "WinStayLoseShift",
    "Winner12",
    "Winner21",
    "e",
};

Team make_team() {
  std::vector<std::unique_ptr<Strategy>> members;
  members.reserve(team_ids.size());
  for (const auto id : team_ids) members.push_back(registry().make_player(id).prototype->clone());
  return Team(std::move(members));
}

}  // namespace

std::span<const std::string_view> MetaWinnerDeterministic::team() { return team_ids; }

MetaWinnerDeterministic::MetaWinnerDeterministic() : StrategyOf(make_team()) {}

Action MetaWinner::move(const History& own, const History& opponent, Stream& rng) {
  if (!own.empty())
    for (std::size_t i = 0; i < team_.size(); ++i)
      scores_[i] += match_attributes().payoff(team_.proposals(i).back(), opponent.back());
  const auto& proposals = team_.propose(opponent, match_attributes(), rng);
  const double best = *std::max_element(scores_.begin(), scores_.end());
  for (std::size_t i = 0; i < proposals.size(); ++i)
    if (scores_[i] == best && proposals[i] == Action::C) return Action::C;
  return Action::D;
}

}  // namespace kindest::strategies
