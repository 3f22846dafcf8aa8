#include <catch2/catch.hpp>

#include "strategies/forgetful_fool_me_once.hpp"
#include "strategies/frequency.hpp"
#include "strategies/play.hpp"

using namespace kindest::testing;
using kindest::strategies::ForgetfulFoolMeOnce;

TEST_CASE("forgetful_fool_me_once: moves against fixed opponents",
          "[strategy][forgetful_fool_me_once]") {
  CHECK(play<ForgetfulFoolMeOnce>(Cycle("C"), 4) == Moves("CC CC CC CC"));
  // One defection is forgiven whatever it remembers.
  CHECK(play<ForgetfulFoolMeOnce>(Script("DCC"), 3) == Moves("CD CC CC"));
}

TEST_CASE("forgetful_fool_me_once: forgets with probability 0.05",
          "[strategy][forgetful_fool_me_once]") {
  // Against a defector, after its own D the count is at least 2 and grows, so it cooperates
  // only when it forgets: with probability 0.05. After a C that followed a forgetting (count
  // 0, so 1 now) it cooperates for sure.
  const std::string m = play<ForgetfulFoolMeOnce>(Cycle("D"), 100000, 2);
  CHECK(within_4_se(cooperation_after(m, "DD"), 0.05));
  // Stationary rate: P(forget now) + P(forgot last turn, not now) = 0.05 + 0.95 * 0.05.
  const auto all = cooperation_after(m, "");
  CHECK(all.value == Approx(0.0975).margin(0.005));
}
