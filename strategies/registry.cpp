// The strategy library, one line per strategy, sorted by id; parameterised families follow.
// An explicit list rather than static self-registration: objects in a static library that
// nothing references are dropped by the linker.
#include "strategies/registry.hpp"

#include "strategies/adaptive.hpp"
#include "strategies/alternator.hpp"
#include "strategies/ann_players.hpp"
#include "strategies/anti_cycler.hpp"
#include "strategies/anti_tit_for_tat.hpp"
#include "strategies/apavlov.hpp"
#include "strategies/appeaser.hpp"
#include "strategies/average_copier.hpp"
#include "strategies/backstabbers.hpp"
#include "strategies/bully.hpp"
#include "strategies/calculator.hpp"
#include "strategies/cooperation_ratio.hpp"
#include "strategies/cooperator.hpp"
#include "strategies/cycler.hpp"
#include "strategies/dbs.hpp"
#include "strategies/defector.hpp"
#include "strategies/doubler.hpp"
#include "strategies/dynamic_two_tits_for_tat.hpp"
#include "strategies/first_by_anonymous.hpp"
#include "strategies/first_by_davis.hpp"
#include "strategies/first_by_downing.hpp"
#include "strategies/first_by_feld.hpp"
#include "strategies/first_by_graaskamp.hpp"
#include "strategies/first_by_grofman.hpp"
#include "strategies/first_by_joss.hpp"
#include "strategies/first_by_nydegger.hpp"
#include "strategies/first_by_shubik.hpp"
#include "strategies/first_by_stein_and_rapoport.hpp"
#include "strategies/first_by_tideman_and_chieruzzi.hpp"
#include "strategies/first_by_tullock.hpp"
#include "strategies/forgetful_fool_me_once.hpp"
#include "strategies/forgetful_grudger.hpp"
#include "strategies/forgiver.hpp"
#include "strategies/fsm.hpp"
#include "strategies/fsm_players.hpp"
#include "strategies/gamblers.hpp"
#include "strategies/go_by_majority.hpp"
#include "strategies/gradual.hpp"
#include "strategies/gradual_killer.hpp"
#include "strategies/grudger.hpp"
#include "strategies/grudgers.hpp"
#include "strategies/grumpy.hpp"
#include "strategies/handshake.hpp"
#include "strategies/hard_tit_for_2_tats.hpp"
#include "strategies/hard_tit_for_tat.hpp"
#include "strategies/hmm.hpp"
#include "strategies/hunters.hpp"
#include "strategies/inverse.hpp"
#include "strategies/level_punishers.hpp"
#include "strategies/looker_up.hpp"
#include "strategies/looker_up_players.hpp"
#include "strategies/mem2.hpp"
#include "strategies/memory_one.hpp"
#include "strategies/memory_one_players.hpp"
#include "strategies/meta_hunters.hpp"
#include "strategies/meta_winner.hpp"
#include "strategies/michaelos.hpp"
#include "strategies/omega_tft.hpp"
#include "strategies/once_bitten.hpp"
#include "strategies/prober.hpp"
#include "strategies/prober2.hpp"
#include "strategies/prober3.hpp"
#include "strategies/probers.hpp"
#include "strategies/punisher.hpp"
#include "strategies/random.hpp"
#include "strategies/random_tit_for_tat.hpp"
#include "strategies/reactive.hpp"
#include "strategies/registry.hpp"
#include "strategies/remorseful_prober.hpp"
#include "strategies/resurrection.hpp"
#include "strategies/retaliate.hpp"
#include "strategies/revised_downing.hpp"
#include "strategies/second_by_appold.hpp"
#include "strategies/second_by_black.hpp"
#include "strategies/second_by_borufsen.hpp"
#include "strategies/second_by_cave.hpp"
#include "strategies/second_by_champion.hpp"
#include "strategies/second_by_colbert.hpp"
#include "strategies/second_by_eatherley.hpp"
#include "strategies/second_by_getzler.hpp"
#include "strategies/second_by_gladstein.hpp"
#include "strategies/second_by_graaskamp_katzen.hpp"
#include "strategies/second_by_grofman.hpp"
#include "strategies/second_by_harrington.hpp"
#include "strategies/second_by_kluepfel.hpp"
#include "strategies/second_by_leyvraz.hpp"
#include "strategies/second_by_mikkelson.hpp"
#include "strategies/second_by_richard_hufford.hpp"
#include "strategies/second_by_rowsam.hpp"
#include "strategies/second_by_tester.hpp"
#include "strategies/second_by_tideman_and_chieruzzi.hpp"
#include "strategies/second_by_tranquilizer.hpp"
#include "strategies/second_by_weiner.hpp"
#include "strategies/second_by_white.hpp"
#include "strategies/second_by_wm_adams.hpp"
#include "strategies/second_by_yamachi.hpp"
#include "strategies/self_steem.hpp"
#include "strategies/short_mem.hpp"
#include "strategies/sneaky_tit_for_tat.hpp"
#include "strategies/spiteful_tit_for_tat.hpp"
#include "strategies/stalker.hpp"
#include "strategies/suspicious_tit_for_tat.hpp"
#include "strategies/thue_morse.hpp"
#include "strategies/tit_for_2_tats.hpp"
#include "strategies/tit_for_tat.hpp"
#include "strategies/tit_for_tat_variants.hpp"
#include "strategies/tricky.hpp"
#include "strategies/two_tits_for_tat.hpp"
#include "strategies/very_bad.hpp"
#include "strategies/win_shift_lose_stay.hpp"
#include "strategies/win_stay_lose_shift.hpp"
#include "strategies/worse_and_worse.hpp"
#include "strategies/zero_determinant.hpp"

namespace kindest::strategies {
namespace {

Registry build() {
  Registry r;
  r.add<ALLCorALLD>();
  r.add<AON2>();
  r.add<APavlov2006>();
  r.add<APavlov2011>();
  r.add<Adaptive>();
  r.add<AdaptiveTitForTat>();
  r.add<Aggravater>();
  r.add<Alexei>();
  r.add<Alternator>();
  r.add<AlternatorHunter>();
  r.add<AntiCycler>();
  r.add<AntiTitForTat>();
  r.add<Appeaser>();
  r.add<AverageCopier>();
  r.add<BackStabber>();
  r.add<BetterAndBetter>();
  r.add<Bully>();
  r.add<BurnBothEnds>();
  r.add<Calculator>();
  r.add<Capri>();
  r.add<CollectiveStrategy>();
  r.add<ContriteTitForTat>();
  r.add<Cooperator>();
  r.add<CooperatorHunter>();
  r.add<CycleHunter>();
  r.add<CyclerCCCCCD>();
  r.add<CyclerCCCD>();
  r.add<CyclerCCCDCD>();
  r.add<CyclerCCD>();
  r.add<CyclerDC>();
  r.add<CyclerDDC>();
  r.add<DBS>();
  r.add<Defector>();
  r.add<DefectorHunter>();
  r.add<DelayedAON1>();
  r.add<Desperate>();
  r.add<Detective>();
  r.add<DoubleCrosser>();
  r.add<DoubleResurrection>();
  r.add<Doubler>();
  r.add<DynamicTwoTitsForTat>();
  r.add<E>();
  r.add<EasyGo>();
  r.add<EugineNier>();
  r.add<EventualCycleHunter>();
  r.add<EvolvedANN>();
  r.add<EvolvedANN5>();
  r.add<EvolvedANNNoise05>();
  r.add<EvolvedFSM16>();
  r.add<EvolvedFSM16Noise05>();
  r.add<EvolvedFSM4>();
  r.add<EvolvedFSM6>();
  r.add<EvolvedHMM5>();
  r.add<EvolvedLookerUp1_1_1>();
  r.add<EvolvedLookerUp2_2_2>();
  r.add<FirmButFair>();
  r.add<FirstByAnonymous>();
  r.add<FirstByDavis>();
  r.add<FirstByDowning>();
  r.add<FirstByFeld>();
  r.add<FirstByGraaskamp>();
  r.add<FirstByGrofman>();
  r.add<FirstByJoss>();
  r.add<FirstByNydegger>();
  r.add<FirstByShubik>();
  r.add<FirstBySteinAndRapoport>();
  r.add<FirstByTidemanAndChieruzzi>();
  r.add<FirstByTullock>();
  r.add<FoolMeOnce>();
  r.add<ForgetfulFoolMeOnce>();
  r.add<ForgetfulGrudger>();
  r.add<Forgiver>();
  r.add<ForgivingTitForTat>();
  r.add<Fortress3>();
  r.add<Fortress4>();
  r.add<GTFT>();
  r.add<GeneralSoftGrudger>();
  r.add<GoByMajority>();
  r.add<GoByMajority10>();
  r.add<GoByMajority20>();
  r.add<GoByMajority40>();
  r.add<GoByMajority5>();
  r.add<Golden>();
  r.add<Gradual>();
  r.add<GradualKiller>();
  r.add<Grudger>();
  r.add<GrudgerAlternator>();
  r.add<Grumpy>();
  r.add<Handshake>();
  r.add<HardGoByMajority>();
  r.add<HardGoByMajority10>();
  r.add<HardGoByMajority20>();
  r.add<HardGoByMajority40>();
  r.add<HardGoByMajority5>();
  r.add<HardProber>();
  r.add<HardTitFor2Tats>();
  r.add<HardTitForTat>();
  r.add<Hopeless>();
  r.add<Inverse>();
  r.add<InversePunisher>();
  r.add<KnowledgeableWorseAndWorse>();
  r.add<LevelPunisher>();
  r.add<LimitedRetaliate>();
  r.add<LimitedRetaliate2>();
  r.add<LimitedRetaliate3>();
  r.add<MEM2>();
  r.add<MathConstantHunter>();
  r.add<MetaHunter>();
  r.add<MetaHunterAggressive>();
  r.add<MetaWinnerDeterministic>();
  r.add<Michaelos>();
  r.add<NTitsForMTats>();
  r.add<NaiveProber>();
  r.add<Negation>();
  r.add<NiceAverageCopier>();
  r.add<OmegaTFT>();
  r.add<OnceBitten>();
  r.add<OppositeGrudger>();
  r.add<OriginalGradual>();
  r.add<PSOGambler1_1_1>();
  r.add<PSOGambler2_2_2>();
  r.add<PSOGambler2_2_2_Noise05>();
  r.add<PSOGamblerMem1>();
  r.add<Pi>();
  r.add<Predator>();
  r.add<Prober>();
  r.add<Prober2>();
  r.add<Prober3>();
  r.add<Prober4>();
  r.add<Pun1>();
  r.add<Punisher>();
  r.add<Raider>();
  r.add<Random>();
  r.add<RandomHunter>();
  r.add<RandomTitForTat>();
  r.add<RemorsefulProber>();
  r.add<Resurrection>();
  r.add<Retaliate>();
  r.add<Retaliate2>();
  r.add<Retaliate3>();
  r.add<RevisedDowning>();
  r.add<Ripoff>();
  r.add<SecondByAppold>();
  r.add<SecondByBlack>();
  r.add<SecondByBorufsen>();
  r.add<SecondByCave>();
  r.add<SecondByChampion>();
  r.add<SecondByColbert>();
  r.add<SecondByEatherley>();
  r.add<SecondByGetzler>();
  r.add<SecondByGladstein>();
  r.add<SecondByGraaskampKatzen>();
  r.add<SecondByGrofman>();
  r.add<SecondByHarrington>();
  r.add<SecondByKluepfel>();
  r.add<SecondByLeyvraz>();
  r.add<SecondByMikkelson>();
  r.add<SecondByRichardHufford>();
  r.add<SecondByRowsam>();
  r.add<SecondByTester>();
  r.add<SecondByTidemanAndChieruzzi>();
  r.add<SecondByTranquilizer>();
  r.add<SecondByWeiner>();
  r.add<SecondByWhite>();
  r.add<SecondByWmAdams>();
  r.add<SecondByYamachi>();
  r.add<SelfSteem>();
  r.add<ShortMem>();
  r.add<SlowTitForTwoTats2>();
  r.add<SneakyTitForTat>();
  r.add<SoftGrudger>();
  r.add<SoftJoss>();
  r.add<SolutionB1>();
  r.add<SolutionB5>();
  r.add<SpitefulCC>();
  r.add<SpitefulTitForTat>();
  r.add<Stalker>();
  r.add<StochasticCooperator>();
  r.add<StochasticWSLS>();
  r.add<SuspiciousTitForTat>();
  r.add<TF1>();
  r.add<TF2>();
  r.add<TF3>();
  r.add<ThueMorse>();
  r.add<ThueMorseInverse>();
  r.add<Thumper>();
  r.add<TitFor2Tats>();
  r.add<TitForTat>();
  r.add<TrickyCooperator>();
  r.add<TrickyDefector>();
  r.add<TrickyLevelPunisher>();
  r.add<TwoTitsForTat>();
  r.add<UsuallyCooperates>();
  r.add<UsuallyDefects>();
  r.add<VeryBad>();
  r.add<Willing>();
  r.add<WinShiftLoseStay>();
  r.add<WinStayLoseShift>();
  r.add<Winner12>();
  r.add<Winner21>();
  r.add<WorseAndWorse>();
  r.add<WorseAndWorse2>();
  r.add<WorseAndWorse3>();
  r.add<ZDExtort2>();
  r.add<ZDExtort2v2>();
  r.add<ZDExtort3>();
  r.add<ZDExtort4>();
  r.add<ZDExtortion>();
  r.add<ZDGTFT2>();
  r.add<ZDGen2>();
  r.add<ZDMem2>();
  r.add<ZDMischief>();
  r.add<ZDSet2>();

  r.add_family(Cycler::info, Cycler::syntax, &Cycler::parse);
  r.add_family(FSM::info, FSM::syntax, &FSM::parse);
  r.add_family(GTFT::info, GTFT::syntax, &GTFT::parse);
  r.add_family(LookerUp::info, LookerUp::syntax, &LookerUp::parse);
  r.add_family(MemoryOne::info, MemoryOne::syntax, &MemoryOne::parse);
  r.add_family(Random::info, Random::syntax, &Random::parse);
  r.add_family(Reactive::info, Reactive::syntax, &Reactive::parse);
  r.add_family(ZeroDeterminant::info, ZeroDeterminant::syntax, &ZeroDeterminant::parse);
  return r;
}

}  // namespace

const Registry& registry() {
  static const Registry r = build();
  return r;
}

}  // namespace kindest::strategies
