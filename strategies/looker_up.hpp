#pragma once
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string_view>
#include <vector>

#include "engine/core/strategy.hpp"

namespace kindest::strategies {

/// A deterministic lookup table on the last n_own own moves, the last n_opp opponent moves and
/// (optionally) the opponent's first n_open moves.
/// Family: LookerUp(n_own,n_opp,first_moves,table) or LookerUp(n_own,n_opp,n_open,first,table).
///
/// Index order: write the own moves oldest first, then the opponent's moves oldest first, as
/// binary digits with C = 0 and D = 1, the first digit most significant; table[index] is the
/// move. So with n_own = n_opp = 1 the order is CC, CD, DC, DD as in MemoryOneVector, and
/// LookerUp(1,1,C,CDDC) is Win-Stay Lose-Shift, LookerUp(0,1,C,CD) is Tit For Tat.
/// The opponent's opening moves, when used, are the least significant digits, first move first
/// (the Axelrod library's order: own plays, opponent plays, opponent openings).
/// first_moves are played while fewer than max(n_own, n_opp, n_open) turns have passed.
/// Names: lookup-table players [Harper2017].
///
/// A table may instead hold probabilities to cooperate (the Axelrod library's Gambler): the
/// constructor taking numbers. Entries of 0 and 1 draw nothing from the random stream, so a
/// table of moves plays exactly as before.
///
/// The two keys roll forward one bit per turn, so a move is O(1) for any table size.
class LookerUp : public StrategyOf<LookerUp> {
 public:
  static constexpr StrategyInfo info{
      .id = "LookerUp",
      .name = "Looker Up",
      .aliases = "",
      .summary = "Play a table entry chosen by the last few moves of both players.",
      .cite = "Harper2017",
      .memory_depth = -1,
      .stochastic = false};
  static constexpr std::string_view syntax =
      "LookerUp(N_OWN,N_OPP[,N_OPEN],FIRST,TABLE)  N_OWN + N_OPP + N_OPEN <= 16; FIRST: "
      "max(N_OWN,N_OPP,N_OPEN) opening moves (may be empty); TABLE: 2^(N_OWN+N_OPP+N_OPEN) "
      "moves, indexed by the binary number (C=0, D=1, most significant first) spelt by own last "
      "N_OWN moves, the opponent's last N_OPP moves, each oldest first, then the opponent's "
      "first N_OPEN moves; e.g. LookerUp(1,1,C,CDDC) is Win-Stay Lose-Shift";
  static constexpr int max_bits = 16;

  /// Throws StrategyError unless the sizes fit (see `syntax`).
  LookerUp(int n_own, int n_opp, int n_open, std::string_view first_moves, std::string_view table);
  LookerUp(int n_own, int n_opp, std::string_view first_moves, std::string_view table)
      : LookerUp(n_own, n_opp, 0, first_moves, table) {}
  /// A table of probabilities to cooperate, in the same index order; throws StrategyError
  /// unless the sizes fit and every entry is in [0, 1].
  LookerUp(int n_own, int n_opp, int n_open, std::string_view first_moves,
           const std::vector<double>& probabilities);
  static std::unique_ptr<Strategy> parse(std::string_view args);

  Action move(const History& own, const History& opponent, Stream& rng) override;
  std::optional<MemoryOneVector> memory_one() const override;

 private:
  void init(int n_own, int n_opp, int n_open, std::string_view first_moves, std::string_view moves,
            const std::vector<double>* probabilities);

  unsigned n_own_;
  unsigned n_opp_;
  unsigned n_open_;
  std::vector<Action> first_;
  std::vector<double> table_;   // probability to cooperate, 0 or 1 for a table of moves
  std::size_t seen_ = 0;        // turns folded into the keys
  std::uint32_t own_key_ = 0;   // own last n_own_ moves, newest in the lowest bit
  std::uint32_t opp_key_ = 0;   // the opponent's, likewise
  std::uint32_t open_key_ = 0;  // the opponent's first n_open_ moves, first in the highest bit
};

}  // namespace kindest::strategies
