#pragma once
// Writes Kindest result files. The file is created with root attribute complete = 0 and marked
// complete only after everything is written and flushed, so a crash never leaves a file that
// looks complete. Only hdf5_writer.cpp and hdf5_reader.cpp include hdf5.h.
//
// Two kinds of dataset: fixed ones written once (write), and series -- chunked, compressed,
// extendible along their first axis -- that grow while a run goes on (create_series, append).
// After start_swmr() a reader may open the file while it is written (h5py: swmr=True); no new
// datasets can be created from then on. Every method is safe to call from several threads.
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <string>

#include "engine/record/snapshot.hpp"
#include "engine/record/write_lock.hpp"

namespace kindest::record {

inline constexpr const char* kFormatName = "kindest.results";
inline constexpr unsigned kFormatMajor = 1;
inline constexpr unsigned kFormatMinor = 8;

class Hdf5Writer {
 public:
  /// Creates `path`. Throws FileError when it exists and `overwrite` is false, when another
  /// writer holds it (WriteLock), or when it cannot be created (missing directory, no
  /// permission). The file is set up as `path`.partial and renamed to `path` by start_swmr(),
  /// mark_complete() or the destructor, whichever comes first: a process killed before that
  /// leaves `path` as it was (absent, or the file --force would have replaced) and a .partial
  /// file that nothing reads.
  Hdf5Writer(const std::string& path, bool overwrite, const FileMetadata& metadata);
  /// Opens an existing Kindest file to continue writing it (resume). Throws FileError, also
  /// when another writer holds it.
  explicit Hdf5Writer(const std::string& path);
  ~Hdf5Writer();
  Hdf5Writer(const Hdf5Writer&) = delete;
  Hdf5Writer& operator=(const Hdf5Writer&) = delete;

  void write(const Snapshot& snapshot);
  void write(const Dataset& dataset);
  /// Rewrites an existing fixed dataset in place (same shape), e.g. a checkpoint.
  void overwrite(const std::string& path, const Values& values);

  /// A float64 dataset of fixed `shape` whose unwritten rows read as NaN and take no space
  /// (chunked, unfiltered, so rewriting a row reuses its place on disk): for checkpoints padded
  /// to a capacity they rarely use.
  void create_padded(const std::string& path, const std::vector<std::size_t>& shape,
                     const std::string& units, const std::string& description);
  /// Writes the first values.size() / row-size rows of a padded dataset; later rows keep what
  /// they hold.
  void overwrite_rows(const std::string& path, const std::vector<double>& values);

  /// An empty series: shape (0, row_shape...), dtype from the (empty) `prototype` vector.
  /// `expected_rows` (0 = unknown) sizes the chunks: never larger than the series will be, so
  /// a short series in a file of many replicates does not carry a mostly empty chunk.
  void create_series(const std::string& path, const std::vector<std::size_t>& row_shape,
                     const Values& prototype, const std::string& units,
                     const std::string& description, std::size_t expected_rows = 0);
  /// Appends whole rows (values.size() must be a multiple of the row size).
  void append(const std::string& path, const Values& rows);
  /// Number of rows in a series.
  std::size_t rows(const std::string& path);
  /// A numeric dataset read back as doubles (resume reads its checkpoint this way).
  std::vector<double> read_numbers(const std::string& path);
  /// Rows [first, first + count) of a numeric dataset as doubles, reading only the chunks
  /// that hold them (resume checks the rows a checkpoint covers, never those past it).
  std::vector<double> read_rows(const std::string& path, std::size_t first, std::size_t count);
  /// An unsigned integer dataset read back exactly.
  std::vector<std::uint64_t> read_uint64(const std::string& path);
  /// Whether a dataset (or group) exists at `path`.
  bool exists(const std::string& path);
  /// Drops rows past `rows` (resume: forget what was written after the last checkpoint).
  void truncate(const std::string& path, std::size_t rows);

  /// Flushes and moves the file from its .partial name to its own (once; see the constructor).
  void publish();
  /// Publishes, then single-writer/multiple-reader mode from now on.
  void start_swmr();
  /// Flushes everything to disk; what was written so far survives a crash after this.
  void flush();
  /// Sets complete = 1 and flushes. Call last. Works while SWMR readers hold the file open.
  void mark_complete();

  const std::string& path() const noexcept { return path_; }

 private:
  void set_up(const FileMetadata& metadata);      // a new file's root attributes
  std::int64_t dataset(const std::string& path);  // cached open handle
  void remember(const std::string& path, std::int64_t set);
  static constexpr std::size_t kMaxOpenDatasets = 64;
  void close_all();

  std::string path_;
  std::unique_ptr<WriteLock> lock_;  // held from before the file is opened until after it is closed
  std::string partial_;              // the name while set up; empty once published
  std::int64_t file_ = -1;           // hid_t, kept opaque so callers need not include hdf5.h
  bool swmr_ = false;
  std::map<std::string, std::int64_t> open_;
  std::recursive_mutex mutex_;
};

/// The name a new file has until it is published: `path` + ".partial".
std::string partial_path(const std::string& path);

/// Throws FileError unless `path` could be created: it must not exist (unless `overwrite`) and
/// its directory must be writable. Lets a job fail before its computation, not after.
void check_output_path(const std::string& path, bool overwrite);

}  // namespace kindest::record
