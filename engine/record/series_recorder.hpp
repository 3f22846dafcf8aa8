#pragma once
// One recorder for every job that records series: a table of array specs says which series a
// group has (and what its checkpoint holds); the recorder creates them, buffers rows, appends
// them, writes checkpoints and, on resume, truncates every series of the table to what the
// checkpoint covers. It knows nothing of games: the job supplies the table and plain rows.
//
// Groups: one per replicate, named by the table's pattern with NNNN replaced by the replicate
// number, zero-padded to at least four digits (r0000, ..., r9999, r10000): readers sort groups
// numerically (docs/FORMAT.md).
//
// Crash consistency (docs/FORMAT.md, "Checkpoints"): a checkpoint has two slots,
// checkpoint/ and checkpoint/alternate/, written in turn. A checkpoint's state is written only
// after a flush has made the rows it covers durable, and into the slot not holding the newest
// one, so whenever the process dies at least one slot is whole and covered by rows on disk.
// Each slot carries a stamp: the rows of every series it covers and a checksum of the slot.
// Resume takes the newest slot whose checksum holds and whose rows are all there, and truncates
// every series to those rows.
#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "engine/record/array_spec.hpp"
#include "engine/record/hdf5_writer.hpp"

namespace kindest::record {

struct SeriesTable {
  std::string group;                  // "/replicates/rNNNN"; NNNN = the replicate (or none)
  std::vector<ArraySpec> series;      // one row per record; the first is the record's key
  std::vector<ArraySpec> checkpoint;  // state arrays besides the generation; empty: none
};

/// `table.group` for `replicate`: NNNN replaced by at least four digits.
std::string group_path(const SeriesTable& table, std::size_t replicate);

/// Spec of the generation every checkpoint holds, and of its slot's stamp.
const ArraySpec& checkpoint_generation_spec();
const ArraySpec& checkpoint_stamp_spec();

class SeriesRecorder {
 public:
  using Row = std::vector<Values>;  // one entry per series, in table order
  struct State {
    std::uint64_t generation = 0;
    std::vector<Values> arrays;  // one per table.checkpoint entry; padded ones may be shorter
  };

  /// `dims` binds the shapes' symbols; `expected_rows` = rows per group (sizes the chunks).
  /// Call create() on a new file or resume() on an existing one, once per group, before the
  /// writer starts SWMR.
  SeriesRecorder(Hdf5Writer& writer, SeriesTable table, Dims dims, std::size_t groups,
                 std::size_t expected_rows);

  std::string group(std::size_t g) const { return group_path(table_, g); }
  const SeriesTable& table() const { return table_; }

  /// Creates the group's series and, if the table has one, its checkpoint holding `initial`
  /// (covering no rows) in both slots.
  void create(std::size_t g, const State& initial);
  void create(std::size_t g);  // a table without checkpoint
  /// The newest consistent checkpoint; rows it does not cover are dropped from every series
  /// before the group's next rows are appended (or by finish()), so that nothing changes in the
  /// file before the writer is in SWMR mode: a kill during setup leaves the file as it was.
  /// Throws FileError when no slot is consistent. Arrays come back at full size (padded ones NaN
  /// past their rows) in their specs' dtypes.
  State resume(std::size_t g);

  /// Rows of the group on file (appended, not counting buffered ones).
  std::size_t rows(std::size_t g);
  /// Buffers one row.
  void record(std::size_t g, const Row& row);
  /// Appends the buffered rows, then keeps `state` to be written after the next flush; flushes
  /// now when `flush` (a flush costs milliseconds with thousands of groups, so callers batch).
  void checkpoint(std::size_t g, const State& state, bool flush);
  /// Appends the buffered rows without a checkpoint (tables without one).
  void write_rows(std::size_t g);
  /// Flushes the file, then writes the checkpoints kept since the previous flush.
  void flush();
  /// At the end of a run: flushes, writes the kept checkpoints, flushes, copies each group's
  /// newest checkpoint written in this run into its other slot (so the file does not depend on
  /// when flushes happened) and flushes again.
  void finish();

 private:
  struct Slot {
    std::string prefix;                // group + "/checkpoint" or "/checkpoint/alternate"
    std::vector<std::size_t> written;  // rows of each padded array written so far
  };
  struct Group {
    std::vector<Values> buffer;  // per series
    std::size_t rows = 0;        // on file
    std::optional<State> pending;
    std::size_t pending_rows = 0;
    std::size_t next_slot = 0;
    bool wrote = false;     // a checkpoint was written in this run
    bool truncate = false;  // resumed: series still hold rows past `rows`
    Slot slots[2];
  };
  void append(std::size_t g);
  void drop_uncovered(std::size_t g);
  void write_slot(std::size_t g, std::size_t slot, const State& state, std::size_t rows);
  std::optional<State> read_slot(std::size_t g, std::size_t slot, std::size_t& rows);
  void write_pending();
  std::uint64_t checksum(const State& state, std::size_t rows, std::size_t g) const;

  Hdf5Writer& writer_;
  SeriesTable table_;
  Dims dims_;
  std::size_t expected_rows_;
  std::vector<Group> groups_;
  std::mutex mutex_;  // orders appends, flushes and checkpoint writes (see above)
};

}  // namespace kindest::record
