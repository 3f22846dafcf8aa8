#pragma once
// Reading the text between a family's parentheses ("1, 0, 1/3, 0") into numbers and moves.
// Every error is a StrategyError that quotes the whole spec and the family's syntax, so the
// user sees what was written and what would be accepted.
#include <string>
#include <string_view>
#include <vector>

#include "engine/core/action.hpp"

namespace kindest::strategies {

class FamilyArgs {
 public:
  /// `family` is the family id, `args` the text between the parentheses, `syntax` the accepted
  /// form, quoted in every error.
  FamilyArgs(std::string_view family, std::string_view args, std::string_view syntax)
      : family_(family), args_(args), syntax_(syntax) {}

  /// Splits at `sep` and trims each field; a lone empty argument list gives no fields.
  std::vector<std::string_view> fields(std::string_view text, char sep = ',') const;
  /// A decimal number or a fraction "a/b" (so ZD normalisers like 1/26 can be written exactly).
  double number(std::string_view text, std::string_view what) const;
  /// A number in [0, 1].
  double probability(std::string_view text, std::string_view what) const;
  /// A whole number in [lo, hi].
  int integer(std::string_view text, std::string_view what, int lo, int hi) const;
  /// A string of C and D of the given length (any length when `length` is negative).
  std::vector<Action> moves(std::string_view text, std::string_view what, long length = -1) const;

  /// An error for this spec: "MemoryOne(1,2): <problem>; syntax: <syntax>".
  [[noreturn]] void fail(const std::string& problem) const;

 private:
  std::string_view family_;
  std::string_view args_;
  std::string_view syntax_;
};

}  // namespace kindest::strategies
