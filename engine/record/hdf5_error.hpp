#pragma once
// Why the last HDF5 call failed, in words a user can act on.
#include <string>

namespace kindest::record {

/// The innermost message of this thread's HDF5 error stack, which says what went wrong at the
/// bottom ("No space left on device" from the file driver, a checksum, a decompression); the
/// outer ones only name the call it came through. Clears the stack. Empty when it is empty.
std::string hdf5_error_reason();

}  // namespace kindest::record
