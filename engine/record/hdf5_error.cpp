#include "engine/record/hdf5_error.hpp"

#include <hdf5.h>

namespace kindest::record {
namespace {

herr_t innermost(unsigned n, const H5E_error2_t* error, void* out) {
  if (n == 0 && error->desc) *static_cast<std::string*>(out) = error->desc;
  return 0;
}

}  // namespace

std::string hdf5_error_reason() {
  std::string desc;
  H5Ewalk2(H5E_DEFAULT, H5E_WALK_UPWARD, innermost, &desc);
  H5Eclear2(H5E_DEFAULT);
  // The file driver's message ends "..., errno = 28, error message = 'No space left on device'".
  const auto at = desc.find("error message = '");
  if (at != std::string::npos) {
    const auto from = at + 17, to = desc.find('\'', from);
    return desc.substr(from, to == std::string::npos ? std::string::npos : to - from);
  }
  return desc;
}

}  // namespace kindest::record
