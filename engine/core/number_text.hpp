#pragma once
// The one way a double becomes text for people and for config values: the shortest text that
// reads back (strtod, std::stod, Python float) as the same double. 0.05 -> "0.05", never
// "0.050000000000000003"; 1e9 -> "1e9"; 2^53 -> "9007199254740992"; 1.5e-7 -> "1.5e-7".
#include <string>

namespace kindest {

/// Shortest round-trip digits (std::to_chars); fixed notation unless scientific is shorter (ties
/// go to fixed), and then written as a person writes it in a config: "1e9", "2.5e-7", not
/// "1e+09". NaN -> "nan", infinities -> "inf" / "-inf".
std::string number_text(double x);

}  // namespace kindest
