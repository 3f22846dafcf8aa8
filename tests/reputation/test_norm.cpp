#include <catch2/catch.hpp>
#include <map>
#include <string>

#include "engine/reputation/norm.hpp"

using namespace kindest::reputation;

namespace {

// Verdict of a norm for a situation written as in references.md: "GB-C" = donor G, recipient
// B, action C.
bool verdict(const Norm& n, const std::string& situation) {
  return n.good(situation[0] == 'G', situation[1] == 'G', situation[3] == 'C');
}

// The leading eight as printed in references.md (Ohtsuki & Iwasa 2004): the five common
// entries, then per norm GB-C, BB-C, BB-D and the action toward a B recipient when bad.
struct Published {
  const char* id;
  char gb_c, bb_c, bb_d, act_bb;
};
const Published published[8] = {
    {"L1", 'G', 'G', 'B', 'C'}, {"L2", 'B', 'G', 'B', 'C'}, {"L3", 'G', 'G', 'G', 'D'},
    {"L4", 'G', 'B', 'G', 'D'}, {"L5", 'B', 'G', 'G', 'D'}, {"L6", 'B', 'B', 'G', 'D'},
    {"L7", 'G', 'B', 'B', 'D'}, {"L8", 'B', 'B', 'B', 'D'},
};

}  // namespace

TEST_CASE("norm: the leading eight match Ohtsuki & Iwasa's table", "[reputation]") {
  for (const auto& row : published) {
    INFO(row.id);
    const Norm n = parse_norm(row.id);
    CHECK(verdict(n, "GG-C"));
    CHECK_FALSE(verdict(n, "GG-D"));
    CHECK(verdict(n, "GB-D"));
    CHECK(verdict(n, "BG-C"));
    CHECK_FALSE(verdict(n, "BG-D"));
    CHECK(verdict(n, "GB-C") == (row.gb_c == 'G'));
    CHECK(verdict(n, "BB-C") == (row.bb_c == 'G'));
    CHECK(verdict(n, "BB-D") == (row.bb_d == 'G'));
    const auto& info = find_norm(row.id);
    REQUIRE(info.action_rule >= 0);
    const ActionRule act{static_cast<std::uint8_t>(info.action_rule)};
    CHECK(act.cooperates(true, true));         // GG -> C
    CHECK_FALSE(act.cooperates(true, false));  // GB -> D
    CHECK(act.cooperates(false, true));        // BG -> C
    CHECK(act.cooperates(false, false) == (row.act_bb == 'C'));
  }
}

TEST_CASE("norm: second-order norms match their definitions", "[reputation]") {
  // (recipient, action) -> verdict, whatever the donor.
  const std::map<std::string, std::map<std::string, bool>> table{
      {"ImageScoring", {{"G-C", true}, {"G-D", false}, {"B-C", true}, {"B-D", false}}},
      {"SimpleStanding", {{"G-C", true}, {"G-D", false}, {"B-C", true}, {"B-D", true}}},
      {"SternJudging", {{"G-C", true}, {"G-D", false}, {"B-C", false}, {"B-D", true}}},
      {"Shunning", {{"G-C", true}, {"G-D", false}, {"B-C", false}, {"B-D", false}}},
  };
  for (const auto& [name, entries] : table) {
    INFO(name);
    const Norm n = parse_norm(name);
    CHECK(n.is_second_order());
    CHECK(find_norm(name).order == 2);
    for (const auto& [situation, g] : entries)
      for (const char donor : {'G', 'B'}) CHECK(verdict(n, std::string(1, donor) + situation) == g);
  }
  // Simple Standing and Stern Judging are L3 and L6 as assessment rules.
  CHECK(parse_norm("SimpleStanding") == parse_norm("L3"));
  CHECK(parse_norm("SternJudging") == parse_norm("L6"));
  CHECK(parse_norm("stern") == parse_norm("SternJudging"));
  CHECK_FALSE(parse_norm("L1").is_second_order());
}

TEST_CASE("norm: codes and tables round-trip, second order embeds in third", "[reputation]") {
  for (unsigned code = 0; code < 256; ++code) {
    const Norm n = Norm::third_order(static_cast<std::uint8_t>(code));
    CHECK(n.code() == code);
    CHECK(n.deterministic());
    CHECK(parse_norm("third:" + std::to_string(code)) == n);
    // The table read back entry by entry gives the code.
    unsigned back = 0;
    for (unsigned d = 0; d < 2; ++d)
      for (unsigned r = 0; r < 2; ++r)
        for (unsigned a = 0; a < 2; ++a) back |= unsigned(n.good(d, r, a)) << (4 * d + 2 * r + a);
    CHECK(back == code);
  }
  for (unsigned code = 0; code < 16; ++code) {
    const Norm n = Norm::second_order(static_cast<std::uint8_t>(code));
    CHECK(n.is_second_order());
    CHECK(parse_norm("second:" + std::to_string(code)) == n);
    for (unsigned r = 0; r < 2; ++r)
      for (unsigned a = 0; a < 2; ++a) {
        const bool g = (code >> (2 * r + a)) & 1u;
        CHECK(n.good(false, r, a) == g);
        CHECK(n.good(true, r, a) == g);
      }
  }
  CHECK(norm_table(parse_norm("ImageScoring")) == "BGBGBGBG");
  CHECK(find_norm("ImageScoring").code == 10);
  CHECK(find_norm("SternJudging").code == 9);
}

TEST_CASE("norm: stochastic norms and action rules", "[reputation]") {
  const Norm s = parse_norm("stochastic:0, 0.25, 0, 1, 0.5, 0.5, 0, 1");
  CHECK_FALSE(s.deterministic());
  CHECK(s.probability_good(1) == 0.25);
  CHECK(s.probability_good(7) == 1.0);
  CHECK_THROWS_WITH(Norm::stochastic({0, 0, 0, 1.5, 0, 0, 0, 0}),
                    Catch::Contains("entry 3") && Catch::Contains("[0, 1]"));
  CHECK_THROWS_WITH(parse_norm("stochastic:0,1"), Catch::Contains("8 comma-separated"));
  for (unsigned code = 0; code < 16; ++code) {
    const ActionRule r{static_cast<std::uint8_t>(code)};
    for (unsigned o = 0; o < 2; ++o)
      for (unsigned q = 0; q < 2; ++q)
        CHECK(r.cooperates(o, q) == bool((code >> (2 * o + q)) & 1u));
  }
  CHECK(ActionRule{discriminate_rule}.cooperates(false, true));
  CHECK_FALSE(ActionRule{discriminate_rule}.cooperates(true, false));
}

TEST_CASE("norm: unknown names and codes out of range get clear messages", "[reputation]") {
  CHECK_THROWS_WITH(parse_norm("SternJudgin"), Catch::Contains("unknown norm 'SternJudgin'") &&
                                                   Catch::Contains("did you mean 'SternJudging'"));
  CHECK_THROWS_WITH(parse_norm("third:256"), Catch::Contains("[0, 255]"));
  CHECK_THROWS_WITH(parse_norm("second:16"), Catch::Contains("[0, 15]"));
  CHECK_THROWS_WITH(parse_norm("fourth:1"), Catch::Contains("unknown kind 'fourth'"));
  // The catalogue lists every name with a code and a source.
  CHECK(norm_catalogue().size() == 12);
  for (const auto& row : norm_catalogue()) {
    CHECK_FALSE(row.source.empty());
    CHECK(Norm::third_order(row.third_order_code) == parse_norm(row.name));
  }
}
