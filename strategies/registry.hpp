#pragma once
// The list of named strategies and parameterised families, and the one place a user's strategy
// name or spec ("TitForTat", "TFT", "Cycler(CCD)", "MemoryOne(1,0,0,1)") becomes a Player.
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "engine/core/strategy.hpp"

namespace kindest::strategies {

struct NamedStrategy {
  StrategyInfo info;
  std::function<std::unique_ptr<Strategy>()> make;
};

/// A family takes arguments in parentheses, e.g. Cycler(CCD). `parse` gets the text between the
/// parentheses and throws StrategyError naming what is wrong.
struct StrategyFamily {
  StrategyInfo info;
  std::string_view syntax;  // e.g. "Cycler(PATTERN)  PATTERN of C and D, e.g. Cycler(CCD)"
  std::function<std::unique_ptr<Strategy>(std::string_view args)> parse;
};

class Registry {
 public:
  template <class T>
  void add() {
    named_.push_back({T::info, [] { return std::make_unique<T>(); }});
  }
  void add_family(const StrategyInfo& info, std::string_view syntax,
                  std::function<std::unique_ptr<Strategy>(std::string_view)> parse) {
    families_.push_back({info, syntax, std::move(parse)});
  }

  const std::vector<NamedStrategy>& named() const noexcept { return named_; }
  const std::vector<StrategyFamily>& families() const noexcept { return families_; }

  /// Resolves an id, an alias, a human name ("Tit For Tat") or a family spec, compared as
  /// normalized_name does. Throws StrategyError listing the closest known names (by spelling,
  /// prefix or substring) when nothing matches.
  Player make_player(std::string_view spec) const;
  /// Splits "A, B(1,2), C" at top-level commas and resolves each.
  std::vector<Player> make_players(std::string_view list) const;

 private:
  std::vector<NamedStrategy> named_;
  std::vector<StrategyFamily> families_;
};

/// A name as compared when resolving: lower case, without spaces, '-' or '_', so
/// "Tideman and Chieruzzi", "tideman_and_chieruzzi" and "TidemanAndChieruzzi" are one name.
std::string normalized_name(std::string_view name);

/// The library: every strategy Kindest ships, built once on first use.
const Registry& registry();

}  // namespace kindest::strategies
