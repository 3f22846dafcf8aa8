#pragma once
// Memory a run may use, checked before the large allocations, so that a size the schema accepts
// but the machine cannot hold is refused in a second with what it needs and what to lower --
// "needs 35 GiB, 23 GiB available; lower [population] size" -- instead of std::bad_alloc after
// minutes of work.
#include <cstdint>
#include <string>

#include "engine/core/errors.hpp"

namespace kindest {

/// A run needs more memory (or disk) than the machine has. A user error: the message names the
/// setting to lower.
class ResourceError : public ConfigError {
 public:
  using ConfigError::ConfigError;
};

/// Bytes this process can still allocate: the least of the kernel's MemAvailable, the cgroup's
/// memory.max minus memory.current (a Slurm job or container), and RLIMIT_AS (ulimit -v) minus
/// what the process already maps.
std::uint64_t available_memory();

/// Throws ResourceError "<what> needs 35.2 GiB of memory, 23.1 GiB available; <advice>" when
/// `bytes` (a double, so that products of large sizes cannot wrap) exceeds available_memory().
void require_memory(double bytes, const std::string& what, const std::string& advice);

/// Free bytes on the file system holding `path` (or its directory, if it does not exist yet).
std::uint64_t available_disk(const std::string& path);

/// Throws ResourceError when an output of `bytes` would not fit on its file system.
void require_disk(double bytes, const std::string& path, const std::string& what,
                  const std::string& advice);

/// An estimate to two significant digits, as number_text writes numbers: 4.6e11, 4e15, 1e8
/// (for 99999999.5), 530.
std::string estimate_text(double x);

/// "35.2 GiB", "512 MiB", "1.5 kB": a size as a person reads it.
std::string size_text(double bytes);

}  // namespace kindest
