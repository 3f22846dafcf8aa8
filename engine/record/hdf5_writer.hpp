#pragma once
// Writes Kindest result files. The file is created with root attribute complete = 0 and marked
// complete only after everything is written and flushed, so a crash never leaves a file that
// looks complete. Only hdf5_writer.cpp and hdf5_reader.cpp include hdf5.h.
#include <cstdint>
#include <string>

#include "engine/record/snapshot.hpp"

namespace kindest::record {

inline constexpr const char* kFormatName = "kindest.results";
inline constexpr unsigned kFormatMajor = 1;
inline constexpr unsigned kFormatMinor = 0;

class Hdf5Writer {
 public:
  /// Creates `path`. Throws FileError when it exists and `overwrite` is false, or when it cannot
  /// be created (missing directory, no permission).
  Hdf5Writer(const std::string& path, bool overwrite, const FileMetadata& metadata);
  ~Hdf5Writer();
  Hdf5Writer(const Hdf5Writer&) = delete;
  Hdf5Writer& operator=(const Hdf5Writer&) = delete;

  void write(const Snapshot& snapshot);
  void write(const Dataset& dataset);
  /// Flushes everything to disk; what was written so far survives a crash after this.
  void flush();
  /// Sets complete = 1 and flushes. Call last.
  void mark_complete();

  const std::string& path() const noexcept { return path_; }

 private:
  std::string path_;
  std::int64_t file_ = -1;  // hid_t, kept opaque so callers need not include hdf5.h
};

/// Throws FileError unless `path` could be created: it must not exist (unless `overwrite`) and
/// its directory must be writable. Lets a job fail before its computation, not after.
void check_output_path(const std::string& path, bool overwrite);

}  // namespace kindest::record
